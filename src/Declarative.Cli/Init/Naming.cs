using System.Text;

namespace Declarative.Cli.Init;

/// <summary>C# names from a file's header: <c>hours-per-week</c> becomes <c>HoursPerWeek</c>, each name once.</summary>
internal static class Naming
{
    /// <summary>PascalCase of the letters and digits of <paramref name="text"/>; <paramref name="fallback"/> when there are none.</summary>
    public static string Pascal(string text, string fallback)
    {
        var name = new StringBuilder();
        var startOfWord = true;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        var result = name.Length == 0 ? fallback : name.ToString();
        return char.IsAsciiDigit(result[0]) ? "C" + result : result;
    }

    /// <summary>The names with a number appended to repeats (<c>Value</c>, <c>Value2</c>), none equal to a reserved one.</summary>
    public static IReadOnlyList<string> Unique(IEnumerable<string> names, params string[] reserved)
    {
        var used = new HashSet<string>(reserved, StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var candidate = name;
            for (var n = 2; !used.Add(candidate); n++)
            {
                candidate = name + n;
            }

            result.Add(candidate);
        }

        return result;
    }
}
