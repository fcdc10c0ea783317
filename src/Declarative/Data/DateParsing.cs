using System.Globalization;
using Declarative.Schema;

namespace Declarative.Data;

/// <summary>
/// Reads a date or time field: ISO 8601 unless the column names a format; an offset, when written, is kept as the clock
/// time it qualifies. A format may name a quarter, which .NET's formats cannot: <c>q</c> outside quotes is the
/// quarter's number (1 to 4), and the date is the quarter's first day (<c>"yyyy'Q'q"</c> reads 1974Q3 as 1974-07-01).
/// </summary>
internal static class DateParsing
{
    private static readonly string[] IsoDateTimes =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", "yyyy-MM-ddTHH:mmZ",
    ];

    private static readonly string[] IsoTimes = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];

    // The parts of one date (year, month, ...) are read from the same field one after another: remember the last
    // field read on this thread, by reference, so a DateTime is parsed once and not seven times.
    [ThreadStatic]
    private static (string Text, DateKind Kind, string? Format, bool Ok, DateTime Value)? last;

    public static bool TryParse(string text, DateKind kind, string? format, out DateTime value)
    {
        if (last is { } seen && ReferenceEquals(seen.Text, text) && seen.Kind == kind && seen.Format == format)
        {
            value = seen.Value;
            return seen.Ok;
        }

        var ok = Parse(text, kind, format, out value);
        last = (text, kind, format, ok, value);
        return ok;
    }

    private static bool Parse(string text, DateKind kind, string? format, out DateTime value)
    {
        var (quarter, net) = format is not null ? Quarters.Of(format) : (false, null);
        if (quarter && net is null)
        {
            value = default;
            return false;
        }

        var formats = quarter ? [net!] : format is not null ? [format] : kind == DateKind.Time ? IsoTimes : IsoDateTimes;
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed.DateTime;
            if (!quarter)
            {
                return true;
            }

            // The quarter was read as a month: 1 to 4 only, and the quarter starts three months apart.
            if (value.Month <= 4)
            {
                value = value.AddMonths(2 * (value.Month - 1));
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// A date as the file writes it, for an error message: in the column's format when it names one (a quarter, as
    /// 1971Q2, written through the same translation that reads it), else in ISO form.
    /// </summary>
    public static string Show(DateTime value, string? format)
    {
        var iso = value.ToString(value.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (format is null)
        {
            return iso;
        }

        try
        {
            // The translation reads the quarter as a month, so the quarter's number written as a month writes it back.
            return Quarters.Of(format) switch
            {
                (false, _) => value.ToString(format, CultureInfo.InvariantCulture),
                (true, { } net) => new DateTime(value.Year, ((value.Month - 1) / 3) + 1, 1).ToString(net, CultureInfo.InvariantCulture),
                _ => iso,
            };
        }
        catch (FormatException)
        {
            // Writing an error must not fail: a format .NET cannot write back leaves the ISO form.
            return iso;
        }
    }

    public static string Describe(DateKind kind, string? format) => format is not null
        ? $"a {(kind == DateKind.Time ? "time" : "date")} in the format {format}{QuarterNote(format)}"
        : kind == DateKind.Time
            ? "a time in ISO 8601 form (23:59 or 23:59:30); name another format with [Column(Format = \"h:mm tt\")]"
            : "a date in ISO 8601 form (2020-12-31 or 2020-12-31T23:59:00); name another format with [Column(Format = \"dd/MM/yyyy\")]";

    private static string QuarterNote(string format) => Quarters.Of(format) switch
    {
        (false, _) => "",
        (true, null) => " (it names both a quarter, q, and a month, M: keep one)",
        _ => " (q: the quarter, 1 to 4)",
    };
}
