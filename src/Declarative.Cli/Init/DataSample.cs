using System.Globalization;
using Declarative.Data;

namespace Declarative.Cli.Init;

/// <summary>
/// A data file read as the loader reads it: the separator detected from the first line, quoting on unless the file
/// only reads consistently with it off, a header when the first line names the columns rather than holding values.
/// </summary>
/// <param name="Lines">The line each of <paramref name="Rows"/> starts on (1-based), for errors that name one.</param>
internal sealed record DataSample(string Path, char Separator, bool AllowQuoting, IReadOnlyList<string>? Header, IReadOnlyList<string[]> Rows, IReadOnlyList<int> Lines, bool Truncated)
{
    /// <summary>Rows read to infer column kinds; a larger file is sampled from its start.</summary>
    public const int MaxRows = 200_000;

    public int ColumnCount => Header?.Count ?? Rows[0].Length;

    /// <summary>Lines above the table passed over (<c>SkipLines</c>): notes, or scikit-learn's line of counts.</summary>
    public int SkipLines { get; init; }

    /// <summary>What the lines passed over looked like; null when none are.</summary>
    public string? Skipped { get; init; }

    /// <summary>The summary's words on the lines passed over, or nothing.</summary>
    public string SkippedNote => Skipped is null ? "" : $"; SkipLines = {SkipLines} passes over {Skipped}";

    public static DataSample Read(string path)
    {
        DataFileException? quotedError;
        try
        {
            var quoted = ReadRecords(path, allowQuoting: true);
            if (Consistent(quoted.Records))
            {
                return Build(path, quoted.Separator, allowQuoting: true, quoted.Records, quoted.Lines, quoted.Truncated);
            }

            if (TableBelow(quoted.Records, quoted.Lines, quoted.Truncated) is var (skip, what) && ReadRecords(path, allowQuoting: true, skip) is var below && Consistent(below.Records))
            {
                return Build(path, below.Separator, allowQuoting: true, below.Records, below.Lines, below.Truncated) with { SkipLines = skip, Skipped = what };
            }

            quotedError = Inconsistency(path, quoted.Records, quoted.Lines);
        }
        catch (DataFileException e)
        {
            quotedError = e;
        }

        // Quotes that open and never close (free text with a stray ") read as one field spanning lines: try without.
        var plain = ReadRecords(path, allowQuoting: false);
        return Consistent(plain.Records)
            ? Build(path, plain.Separator, allowQuoting: false, plain.Records, plain.Lines, plain.Truncated)
            : throw quotedError;
    }

    private static (char Separator, List<string[]> Records, List<int> Lines, bool Truncated) ReadRecords(string path, bool allowQuoting, int skipLines = 0)
    {
        using var text = new StreamReader(path);
        var reader = new DelimitedRecordReader(text, path, '\0', allowQuoting, skipLines);
        var fields = new List<Field>();
        var records = new List<string[]>();
        var lines = new List<int>();
        while (records.Count <= MaxRows && reader.TryRead(fields))
        {
            records.Add(fields.Select(f => f.Value).ToArray());
            lines.Add(reader.RecordLine);
        }

        if (records.Count == 0)
        {
            throw new DataFileException(path, null, null, "The file is empty.");
        }

        var truncated = records.Count > MaxRows;
        return truncated
            ? (reader.Separator, records.GetRange(0, MaxRows), lines.GetRange(0, MaxRows), truncated)
            : (reader.Separator, records, lines, truncated);
    }

    private static bool Consistent(List<string[]> records) => records.All(r => r.Length == records[0].Length);

    /// <summary>
    /// The lines above the table, when the field count changes once and every line from there on agrees: notes over
    /// the table (the World Bank's downloads open with a source and a date: two lines or more), or scikit-learn's first
    /// line of counts (<see cref="Counts"/>); the table starts at that line, and the loader passes over the lines above
    /// it (<c>SkipLines</c>). Any other single first line of another width (R's header one name short over rows with row
    /// names, a header missing names) stays an error.
    /// </summary>
    private static (int Skip, string What)? TableBelow(List<string[]> records, List<int> lines, bool truncated)
    {
        var (first, j, width, holds) = FieldCountChange(records);
        if (!holds || (j == 1 && !Counts(records[0], width, records.Count - 1, truncated)))
        {
            return null;
        }

        var skip = lines[j] - 1;
        return (skip, j == 1 ? CountsNote(records[0], overNames: false) : $"the {skip:N0} lines above the table (notes: {first:N0} fields where the table has {width:N0})");
    }

    /// <summary>
    /// scikit-learn's first line: the number of rows below it, then the number of features (every column of a row of
    /// <paramref name="width"/> but the target), then class names or empty fields ("569,30,malignant,benign" over 569
    /// rows of 31 fields; "506,13,,,…"). A data row that matches both counts by chance is not likely.
    /// </summary>
    private static bool Counts(string[] line, int width, int rowsBelow, bool truncated) =>
        line.Length >= 2 && int.TryParse(line[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && (rows == rowsBelow || (truncated && rows > rowsBelow))
        && int.TryParse(line[1], NumberStyles.None, CultureInfo.InvariantCulture, out var features) && features == width - 1;

    private static string CountsNote(string[] line, bool overNames) =>
        $"its first line ({line[0]} rows and {line[1]} features: scikit-learn's counts{(overNames ? ", over the line of names" : "")})";

    /// <summary>
    /// The first record's field count, the index of the first record with another, that count, and whether every record
    /// from there on has it (records whose count is not all one).
    /// </summary>
    private static (int First, int At, int Width, bool Holds) FieldCountChange(List<string[]> records)
    {
        var first = records[0].Length;
        var at = records.FindIndex(r => r.Length != first);
        var width = records[at].Length;
        return (first, at, width, records.Skip(at).All(r => r.Length == width));
    }

    /// <summary>Where the number of fields first changes, and why it may: R's row names, or no table in it at all.</summary>
    private static DataFileException Inconsistency(string path, List<string[]> records, List<int> lines)
    {
        var (first, j, width, rest) = FieldCountChange(records);
        var why = rest && j == 1 && width == first + 1 ? ", as every line after it does: the first line names one column fewer than the rows hold, as R's write.table writes row names (write it with row.names = FALSE)."
            : rest ? ", as every line after it does."
            : ".";
        return new DataFileException(path, lines[j], null, $"Its lines do not all have the same number of fields with quoting on: line {lines[0]:N0} has {first:N0}, line {lines[j]:N0} has {width:N0}{why}");
    }

    private static DataSample Build(string path, char separator, bool allowQuoting, List<string[]> records, List<int> lines, bool truncated)
    {
        var firstNames = records.Count > 1 && LooksLikeHeader(records);

        // scikit-learn's counts as wide as the rows below them (iris.csv: "150,4,setosa,versicolor,virginica"), or over a
        // line of names (boston_house_prices.csv: "506,13,,,…" over "CRIM","ZN",…): passed over, or the counts would be
        // read as a row and make the numbers below categories.
        if (records.Count > 2 && !firstNames)
        {
            var rest = records.GetRange(1, records.Count - 1);
            var named = LooksLikeHeader(rest);
            if (Counts(records[0], records[0].Length, rest.Count - (named ? 1 : 0), truncated))
            {
                return Sample(path, separator, allowQuoting, rest, lines.GetRange(1, lines.Count - 1), truncated, named) with
                {
                    SkipLines = lines[1] - 1,
                    Skipped = CountsNote(records[0], named),
                };
            }
        }

        return Sample(path, separator, allowQuoting, records, lines, truncated, firstNames);
    }

    private static DataSample Sample(string path, char separator, bool allowQuoting, List<string[]> records, List<int> lines, bool truncated, bool hasHeader)
    {
        var skip = hasHeader ? 1 : 0;
        var rows = records.Skip(skip).ToList();
        return rows.Count == 0
            ? throw new DataFileException(path, null, null, "The file has a header but no data rows.")
            : new DataSample(path, separator, allowQuoting, hasHeader ? records[0] : null, rows, lines.Skip(skip).ToList(), truncated);
    }

    /// <summary>
    /// The first line is a header when none of its fields is a number or missing while some column's values are
    /// numbers; when no column is numeric, when its fields are all distinct and appear nowhere below in their columns.
    /// Numbers may name columns when they are years or steps written across the row (1960, 1961, …: the World Bank's
    /// and statsmodels' fertility files), beside fields that are not numbers.
    /// </summary>
    private static bool LooksLikeHeader(List<string[]> records)
    {
        var first = records[0];
        if (first.Any(ValueParser.IsMissing))
        {
            return false;
        }

        var numbers = first.Where(f => ValueParser.TryParseSingle(f, out _)).ToArray();
        if (numbers.Length > 0 && (numbers.Length == first.Length || !StepsAcross(numbers)))
        {
            return false;
        }

        var below = records.Skip(1).Take(1_000).ToList();
        var numericColumn = Enumerable.Range(0, first.Length).Any(i =>
            below.Count(r => ValueParser.TryParseSingle(r[i], out _)) >= 0.9 * below.Count(r => !ValueParser.IsMissing(r[i])) && below.Any(r => !ValueParser.IsMissing(r[i])));
        var names = first.Distinct(StringComparer.Ordinal).Count() == first.Length && Enumerable.Range(0, first.Length).All(i => below.All(r => r[i] != first[i]));
        return numbers.Length > 0 ? names : numericColumn || names;
    }

    /// <summary>Whether <paramref name="numbers"/> are three or more whole numbers, each one more than the one before (years as column names).</summary>
    private static bool StepsAcross(string[] numbers)
    {
        var whole = numbers.Select(f => long.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null).ToArray();
        return whole.Length >= 3 && whole.All(n => n.HasValue) && whole.Zip(whole.Skip(1), (a, b) => b - a).All(d => d == 1);
    }
}
