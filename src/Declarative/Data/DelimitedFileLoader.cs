using System.Globalization;
using System.Text;
using Declarative.Schema;

namespace Declarative.Data;

/// <summary>
/// Loads a delimited file into a <see cref="DataTable"/> with the columns of a pipeline. Every value is checked
/// against its column, and the first bad one stops the load with its file, line and column: a model is never
/// trained on data that was silently misread.
/// </summary>
internal static class DelimitedFileLoader
{
    public static DataTable Load<TRow>(PipelineSpec<TRow> spec, string path)
    {
        try
        {
            using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            return Load(spec, reader, path);
        }
        catch (DecoderFallbackException e)
        {
            // The reader decodes ahead of the line it returns, so find the bad bytes' place in the file itself.
            var (line, column) = InvalidUtf8.Locate(path);
            throw new DataFileException(path, line, column,
                "The file is not valid UTF-8 here. Save it as UTF-8 (spreadsheet programs: \"CSV UTF-8\"); other encodings are not read, so no character is silently replaced.", e);
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFileException(path, null, null, $"The data file of pipeline '{spec.Name}' was not found.", e);
        }
    }

    /// <summary>
    /// The image files the file lists in its [Image] columns, resolved as loading resolves them (relative to the file's
    /// folder), distinct and in ordinal order: what the build hashes with the file, so an edited image trains again.
    /// Only the header and those fields are read; a problem elsewhere in the file is left for the load to name.
    /// </summary>
    public static IReadOnlyList<string> ImageFiles<TRow>(PipelineSpec<TRow> spec, string path)
    {
        var images = spec.Columns.Where(c => c.Embedding is { Offset: 0, IsImage: true }).ToArray();
        if (images.Length == 0 || !File.Exists(path))
        {
            return [];
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            var records = new DelimitedRecordReader(reader, path, spec.Separator, spec.AllowQuoting, spec.SkipLines);
            var fields = new List<Field>();
            int[] positions;
            if (spec.HasHeader)
            {
                if (!records.TryRead(fields))
                {
                    return [];
                }

                var header = fields.Select(f => f.Value).ToArray();
                positions = images.Select(c => c.Index >= 0 ? c.Index : FindInHeader(spec, c, header, path, fields[0].Line)).ToArray();
            }
            else
            {
                positions = images.Select(c => c.Index).ToArray();
            }

            while (records.TryRead(fields))
            {
                foreach (var position in positions.Where(p => p >= 0 && p < fields.Count && !string.IsNullOrWhiteSpace(fields[p].Value)))
                {
                    files.Add(Path.GetFullPath(fields[position].Value, folder));
                }
            }
        }
        catch (Exception e) when (e is DataFileException or DecoderFallbackException)
        {
            // The images read so far; the load names the problem at its place.
        }

        return files.ToArray();
    }

    /// <summary>UTF-8 that throws on invalid bytes instead of turning them into U+FFFD.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DataTable Load<TRow>(PipelineSpec<TRow> spec, TextReader text, string path)
    {
        var records = new DelimitedRecordReader(text, path, spec.Separator, spec.AllowQuoting, spec.SkipLines);
        var fields = new List<Field>();
        var columns = spec.Columns.ToArray();
        int[] positions;
        int expectedFields;
        string[]? headerNames = null;
        if (spec.HasHeader)
        {
            if (!records.TryRead(fields))
            {
                throw new DataFileException(path, null, null, "The file is empty: a header line was expected.");
            }

            // A column with [Column(Index = n)] is read by position even under a header: some first lines are not
            // names (scikit-learn's wine file starts with its counts). When every column is, the header's width is not the rows'.
            var header = headerNames = fields.Select(f => f.Value).ToArray();
            positions = columns.Select(c => c.Index >= 0 ? c.Index : FindInHeader(spec, c, header, path, fields[0].Line)).ToArray();
            expectedFields = columns.All(c => c.Index >= 0) ? -1 : header.Length;
        }
        else
        {
            positions = columns.Select(c => c.Index >= 0
                ? c.Index
                : throw new ArgumentException($"Pipeline '{spec.Name}': column '{c.PropertyName}' needs an index, since the file has no header.")).ToArray();
            expectedFields = -1;
        }

        var builders = columns.Select((c, i) => new ColumnBuilder<TRow>(c, c.Index < 0 && headerNames is not null ? headerNames[positions[i]] : c.ColumnName, path)).ToArray();
        var rows = 0;
        var minimumFields = positions.Max() + 1;
        var bad = new BadRows(spec.SkipBadRows);
        try
        {
            ReadRows(records, fields, builders, positions, expectedFields, minimumFields, bad, spec.HasHeader, path, ref rows);
        }
        catch (OutOfMemoryException e)
        {
            // The columns built so far are garbage once this unwinds; the message is small.
            throw TableMemory.TooLarge(spec, path, rows, records.RecordLine, e);
        }

        bad.Check(spec, rows, path);
        if (rows == 0)
        {
            throw new DataFileException(path, null, null, "The file has no data rows.");
        }

        return new DataTable(ColumnBuilder<TRow>.BuildAll(builders), rows)
        {
            MultilineFields = records.MultilineFields,
            FirstMultilineFieldLine = records.FirstMultilineFieldLine,
            BadRows = bad.Count,
            BadRowSamples = bad.Samples,
        };
    }

    /// <summary>Reads the data lines into the columns, counting the rows added in <paramref name="rows"/>.</summary>
    private static void ReadRows<TRow>(
        DelimitedRecordReader records, List<Field> fields, ColumnBuilder<TRow>[] builders, int[] positions,
        int expectedFields, int minimumFields, BadRows bad, bool hasHeader, string path, ref int rows)
    {
        var firstLine = 0;
        while (true)
        {
            try
            {
                if (!records.TryRead(fields))
                {
                    break;
                }
            }
            catch (DataFileException e) when (bad.Skip(e, records.RecordLine))
            {
                records.Resync();
                continue;
            }

            try
            {
                var line = fields[0].Line;
                if (expectedFields < 0)
                {
                    // Without a header the first row sets the count; every later row must match it.
                    expectedFields = fields.Count;
                    firstLine = line;
                }
                else if (fields.Count != expectedFields)
                {
                    throw new DataFileException(path, line, null, hasHeader
                        ? $"The line has {fields.Count} fields, but the header has {expectedFields}."
                        : $"The line has {fields.Count} fields, but the first line ({firstLine}) has {expectedFields}.");
                }

                if (fields.Count < minimumFields)
                {
                    throw new DataFileException(path, line, null, $"The line has {fields.Count} fields, but column {minimumFields} is read.");
                }

                ColumnBuilder<TRow>.AddRow(builders, i => fields[positions[i]]);
            }
            catch (DataFileException e) when (bad.Skip(e))
            {
                continue;
            }

            rows++;
        }
    }

    /// <summary>
    /// Finds a column by exact name, then ignoring case, then (for names not set explicitly) by letters and digits
    /// alone, so that the header <c>Sepal length</c> or <c>#Label</c> maps to the property <c>SepalLength</c> or <c>Label</c>.
    /// </summary>
    internal static int FindInHeader<TRow>(PipelineSpec<TRow> spec, ColumnSpec<TRow> column, string[] header, string path, int? line)
    {
        if (column.Run is not { First: { } first, Last: { } last } run)
        {
            return Find(spec, column, column.ColumnName, column.HasExplicitName, header, path, line);
        }

        // An element of a run: the run's first and last columns fix where it lies and must span exactly its width.
        var from = Find(spec, column, first, true, header, path, line);
        var to = Find(spec, column, last, true, header, path, line);
        var width = to - from + 1;
        return width == run.Count ? from + run.Offset : throw new DataFileException(path, line, null, string.Create(CultureInfo.InvariantCulture,
            $"The run {run.Describe(-1)} of {typeof(TRow).Name}.{run.Property} (pipeline {spec.Name}) spans {(width > 0 ? $"{width} columns" : "no columns, the last coming before the first")} of the header (columns {from + 1} to {to + 1}), but the property reads {run.Count}."));
    }

    private static int Find<TRow>(PipelineSpec<TRow> spec, ColumnSpec<TRow> column, string name, bool explicitName, string[] header, string path, int? line)
    {
        var matchers = new List<Func<string, bool>>
        {
            h => string.Equals(h, name, StringComparison.Ordinal),
            h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase),
        };
        if (!explicitName)
        {
            var key = Loose(name);
            matchers.Add(h => Loose(h) == key);
        }

        foreach (var matches in matchers)
        {
            var found = Enumerable.Range(0, header.Length).Where(i => matches(header[i])).ToArray();
            if (found.Length == 1)
            {
                return found[0];
            }

            if (found.Length > 1)
            {
                throw new DataFileException(path, line, null,
                    $"The header names {found.Length} columns that match '{name}' ({Describe(spec, column)}): {string.Join(", ", found.Select(i => $"'{header[i]}'"))}. Name one with [Column(\"...\")].");
            }
        }

        throw new DataFileException(path, line, null,
            $"The header has no column '{name}' ({Describe(spec, column)}). The header has: {string.Join(", ", header.Select(h => $"'{h}'"))}.");
    }

    private static string Loose(string name) =>
        string.Concat(name.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    internal static string Describe<TRow>(PipelineSpec<TRow> spec, ColumnSpec<TRow> column) => column.Run is { } run
        ? $"the run of columns of feature {typeof(TRow).Name}.{run.Property} of pipeline {spec.Name}"
        : $"{(column.Kind.IsLabel() ? "the label" : "feature")} {typeof(TRow).Name}.{column.SourceProperty} of pipeline {spec.Name}";
}
