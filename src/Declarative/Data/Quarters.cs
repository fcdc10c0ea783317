using System.Collections.Concurrent;
using System.Text;

namespace Declarative.Data;

/// <summary>
/// Quarters in a date format. .NET's custom formats have no quarter, and statistics offices and pandas write quarterly
/// dates as <c>1974Q1</c>, <c>1974-Q1</c> or <c>Q1 1974</c>; so a <c>q</c> outside quotes stands for the quarter's
/// number, read as .NET reads a month (<c>M</c>) and then moved to the quarter's first month.
/// </summary>
internal static class Quarters
{
    private static readonly ConcurrentDictionary<string, (bool, string?)> Translated = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="format"/> names a quarter, and the .NET format that reads its quarter as a month (null
    /// for a format that names a month too, which reads no value).
    /// </summary>
    public static (bool Quarter, string? Net) Of(string format) =>
        // Every dated field of a file asks: a format without a q at all needs no lookup.
        format.Contains('q', StringComparison.Ordinal) ? Translated.GetOrAdd(format, Translate) : (false, null);

    private static (bool, string?) Translate(string format)
    {
        var net = new StringBuilder(format.Length);
        var (quarter, month) = (false, false);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            switch (c)
            {
                case '\'' or '"':
                    // A quoted literal runs to the same quote; copied as it is.
                    var end = format.IndexOf(c, i + 1);
                    end = end < 0 ? format.Length - 1 : end;
                    net.Append(format, i, end - i + 1);
                    i = end;
                    continue;
                case '\\' when i + 1 < format.Length:
                    net.Append(c).Append(format[++i]);
                    continue;
                case 'q':
                    quarter = true;
                    while (i + 1 < format.Length && format[i + 1] == 'q')
                    {
                        i++;
                    }

                    // "%M" when the quarter stands alone, as a one-letter .NET format is a standard one.
                    net.Append(format.Length == 1 ? "%M" : "M");
                    continue;
                case 'M':
                    month = true;
                    break;
            }

            net.Append(c);
        }

        return (quarter, quarter && !month ? net.ToString() : null);
    }
}
