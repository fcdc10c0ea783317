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

    /// <summary>Why <paramref name="name"/> cannot name a class in the declaration written, or null when it can.</summary>
    public static string? NotAClassName(string name) =>
        name.Length == 0 ? "it is empty"
        : !(char.IsAsciiLetter(name[0]) || name[0] == '_') ? "it must start with a letter or '_'"
        : name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')) ? "it may hold only letters, digits and '_'"
        : Keywords.Contains(name) ? "it is a C# keyword"
        : name.All(char.IsAsciiLetterLower) ? "C# warns of a type name of lower-case letters only (CS8981), which projects that treat warnings as errors refuse"
        : null;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "record", "var", "dynamic",
    };

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
