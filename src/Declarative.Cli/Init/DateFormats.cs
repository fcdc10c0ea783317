using Declarative.Data;
using Declarative.Schema;

namespace Declarative.Cli.Init;

/// <summary>How a column's dates are written: ISO 8601 (no format), or the .NET format <c>[Column(Format = ...)]</c> names.</summary>
/// <param name="Format">The custom format string, null for ISO 8601.</param>
/// <param name="HasTime">Whether the values carry a time of day (a <c>DateTime</c>, else a <c>DateOnly</c>).</param>
/// <param name="Note">What init says of the column.</param>
internal sealed record DateReading(string? Format, bool HasTime, string Note);

/// <summary>
/// Reads a column's values as dates: ISO 8601 as the loader reads them without a format, else the first of the common
/// other spellings (spreadsheet exports, statistics offices, quarters) that reads every value. Month-first and day-first forms of
/// one shape both read a column whose days never pass 12; the one whose dates fall at the more regular step wins
/// (a monthly series written 1/1, 2/1, 3/1 is month-first), month-first on a tie, and the note says it was a choice.
/// </summary>
internal static class DateFormats
{
    // Each entry: the format and, for a month-first or day-first form, its counterpart (the same shape the other way).
    private static readonly (string Format, string? Other)[] Common =
    [
        ("yyyy-MM", null),
        ("yyyy/M/d", null),
        ("yyyy/M/d H:mm", null),
        ("yyyy/M/d H:mm:ss", null),
        ("M/d/yyyy", "d/M/yyyy"),
        ("M/d/yyyy H:mm", "d/M/yyyy H:mm"),
        ("M/d/yyyy H:mm:ss", "d/M/yyyy H:mm:ss"),
        ("M/d/yyyy h:mm tt", "d/M/yyyy h:mm tt"),
        ("M/d/yyyy h:mm:ss tt", "d/M/yyyy h:mm:ss tt"),
        ("M-d-yyyy", "d-M-yyyy"),
        ("d.M.yyyy", null),
        ("d.M.yyyy H:mm", null),
        ("d.M.yyyy H:mm:ss", null),
        ("MMM-d-yyyy", null),
        ("MMM d, yyyy", null),
        ("MMMM d, yyyy", null),
        ("d-MMM-yyyy", null),
        ("d MMM yyyy", null),
        ("d MMMM yyyy", null),
        ("MMM-yyyy", null),
        ("MMM yyyy", null),
        ("MMMM yyyy", null),
        ("yyyy-MMM", null),

        // Quarters, as pandas (1974Q1), Stata (1974q1), Eurostat (1974-Q1) and others (Q1 1974) write them: q is the
        // quarter's number, a Declarative format letter (.NET's formats have no quarter). The first reads 1974 Q1 too
        // (spaces between the parts are allowed).
        ("yyyy'Q'q", null),
        ("yyyy'q'q", null),
        ("yyyy-'Q'q", null),
        ("'Q'q yyyy", null),
        ("'Q'q-yyyy", null),
    ];

    /// <summary>How <paramref name="values"/> (present, none missing) are written as dates, or null when some value is not one.</summary>
    public static DateReading? Of(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (values.All(v => DateParsing.TryParse(v, DateKind.DateTime, null, out _)))
        {
            var dateOnly = values.All(v => v.Length == 10);
            return new DateReading(null, !dateOnly, "ISO 8601 " + (dateOnly ? "dates" : "dates and times"));
        }

        foreach (var (format, other) in Common)
        {
            var read = Dates(values, format);
            var otherRead = other is null ? null : Dates(values, other);
            if (read is not null && otherRead is not null)
            {
                // Both readings hold: the more regular step decides, month-first on a tie.
                var (chosen, rejected) = Steps(otherRead) < Steps(read) ? (other!, format) : (format, other!);
                return new DateReading(chosen, HasTime(chosen), $"dates as {chosen} (they read as {rejected} too: check)");
            }

            if ((read is not null ? format : otherRead is not null ? other : null) is { } only)
            {
                return new DateReading(only, HasTime(only), $"dates as {only}");
            }
        }

        return null;
    }

    private static bool HasTime(string format) => format.Contains('H', StringComparison.Ordinal) || format.Contains('h', StringComparison.Ordinal);

    private static DateTime[]? Dates(IReadOnlyList<string> values, string format)
    {
        var dates = new DateTime[values.Count];
        for (var i = 0; i < dates.Length; i++)
        {
            if (!DateParsing.TryParse(values[i], DateKind.DateTime, format, out dates[i]))
            {
                return null;
            }
        }

        return dates;
    }

    /// <summary>How many different steps lie between the sorted distinct dates, a calendar month (28–31 days) counting as one step.</summary>
    private static int Steps(DateTime[] dates)
    {
        var sorted = dates.Distinct().Order().ToArray();
        return sorted.Zip(sorted.Skip(1), (a, b) => b - a)
            .Select(d => d.TotalDays is >= 28 and <= 31 ? TimeSpan.FromDays(30) : d)
            .Distinct()
            .Count();
    }
}
