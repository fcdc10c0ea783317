using System.Globalization;
using Declarative.Schema;

namespace Declarative.Data;

/// <summary>
/// Loads an SVMlight / LETOR file (<c>label [qid:N] index:value ... [# comment]</c>) into a <see cref="DataTable"/>:
/// the first token is the label, <c>qid:</c> the group, and feature i (1-based) element i - 1 of the row's one
/// <c>[Columns]</c> array (absent features are 0). Without <c>qid:</c> tokens, the groups come from a LightGBM query
/// file beside the data (<c>&lt;file&gt;.query</c>: one group size per line, groups in file order). Every bad token is
/// an error at its line and column.
/// </summary>
internal static class SvmLightLoader
{
    /// <summary>The LightGBM query file beside a data file: the sizes of its groups, one per line.</summary>
    public static string QueryFileOf(string path) => path + ".query";

    public static DataTable Load<TRow>(PipelineSpec<TRow> spec, string path)
    {
        var features = Features(spec);
        var width = features.Length;
        var label = spec.Label is null ? null : new ColumnBuilder<TRow>(spec.Label, spec.Label.ColumnName, path);
        var values = new ChunkedList<float>[width];
        for (var i = 0; i < width; i++)
        {
            values[i] = new ChunkedList<float>();
        }

        var groups = new List<Field>();
        var rows = 0;
        var withQid = (bool?)null;
        var lineNumber = 0;
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                var content = line.AsSpan();
                var comment = content.IndexOf('#');
                content = (comment >= 0 ? content[..comment] : content).TrimEnd();
                if (content.IsWhiteSpace())
                {
                    continue;
                }

                ReadLine(spec, path, content, lineNumber, label, values, groups, ref withQid);
                rows++;
            }
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFileException(path, null, null, $"The data file of pipeline '{spec.Name}' was not found.", e);
        }
        catch (OutOfMemoryException e)
        {
            throw TableMemory.TooLarge(spec, path, rows, lineNumber, e);
        }

        if (rows == 0)
        {
            throw new DataFileException(path, null, null, "The file has no data rows.");
        }

        var columns = new List<TableColumn>();
        if (label is not null)
        {
            columns.Add(label.Build());
        }

        if (spec.GroupId is { } group)
        {
            var builder = new ColumnBuilder<TRow>(group, "qid", path);
            foreach (var field in withQid == true ? groups : GroupsFromQueryFile(spec, path, rows))
            {
                builder.Add(field);
            }

            columns.Add(builder.Build());
        }

        columns.AddRange(features.Select((f, i) => new TableColumn(f.PropertyName, values[i].ToArray())));
        return new DataTable(columns, rows);
    }

    /// <summary>The elements of the row's one feature array, in order: an SVMlight line holds nothing else.</summary>
    private static ColumnSpec<TRow>[] Features<TRow>(PipelineSpec<TRow> spec)
    {
        var features = spec.Features.ToArray();
        if (features.Length == 0 || features.Any(f => f.Run is null || f.Run.Property != features[0].Run!.Property))
        {
            throw new ArgumentException(
                $"Pipeline '{spec.Name}' reads an SVMlight file, whose lines hold a label, a group and numbered features: the row's features must be one [Columns(Count = n)] float[] property, feature i being element i - 1.",
                nameof(spec));
        }

        return features.OrderBy(f => f.Run!.Offset).ToArray();
    }

    private static void ReadLine<TRow>(
        PipelineSpec<TRow> spec, string path, ReadOnlySpan<char> content, int lineNumber, ColumnBuilder<TRow>? label,
        ChunkedList<float>[] values, List<Field> groups, ref bool? withQid)
    {
        var width = values.Length;
        foreach (var list in values)
        {
            list.Add(0);
        }

        var position = 0;
        var first = true;
        var sawQid = false;
        var previous = 0;
        while (NextToken(content, ref position) is var (start, length) && length > 0)
        {
            var token = content.Slice(start, length);
            var column = start + 1;
            if (first)
            {
                first = false;
                label?.Add(new Field(token.ToString(), lineNumber, column));
                continue;
            }

            var colon = token.IndexOf(':');
            if (colon <= 0 || colon == token.Length - 1)
            {
                throw new DataFileException(path, lineNumber, column, $"'{Shown(token)}' is not an index:value pair (an SVMlight line is 'label [qid:N] index:value ...').");
            }

            var key = token[..colon];
            var text = token[(colon + 1)..];
            if (key.SequenceEqual("qid"))
            {
                if (sawQid || previous > 0)
                {
                    throw new DataFileException(path, lineNumber, column, "qid: comes once a line, before the features.");
                }

                sawQid = true;
                groups.Add(new Field(text.ToString(), lineNumber, column + colon + 1));
                continue;
            }

            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1 || index > width)
            {
                throw new DataFileException(path, lineNumber, column, string.Create(CultureInfo.InvariantCulture,
                    $"Feature index '{Shown(key)}' is not one of 1 to {width}: {typeof(TRow).Name}.{spec.Features[0].Run!.Property} has {width} elements (feature i is element i - 1)."));
            }

            if (index <= previous)
            {
                throw new DataFileException(path, lineNumber, column, string.Create(CultureInfo.InvariantCulture, $"Feature {index} follows feature {previous}: indices ascend within a line."));
            }

            if (!ValueParser.TryParseSingle(text.ToString(), out var value) || !float.IsFinite(value))
            {
                throw new DataFileException(path, lineNumber, column + colon + 1, $"'{Shown(text)}' (feature {index}) is not a finite number.");
            }

            previous = index;
            values[index - 1].SetLast(value);
        }

        if (withQid is { } expected && expected != sawQid)
        {
            throw new DataFileException(path, lineNumber, null, sawQid ? "This line has a qid:, but the lines before it have none." : "This line has no qid:, but the lines before it have one.");
        }

        withQid = sawQid;
    }

    /// <summary>The next whitespace-separated token at or after <paramref name="position"/>.</summary>
    private static (int Start, int Length) NextToken(ReadOnlySpan<char> content, ref int position)
    {
        while (position < content.Length && char.IsWhiteSpace(content[position]))
        {
            position++;
        }

        var start = position;
        while (position < content.Length && !char.IsWhiteSpace(content[position]))
        {
            position++;
        }

        return (start, position - start);
    }

    /// <summary>Group ids 1, 2, ... from the LightGBM query file: each line the size of the next group of rows.</summary>
    private static IEnumerable<Field> GroupsFromQueryFile<TRow>(PipelineSpec<TRow> spec, string path, int rows)
    {
        var queryFile = QueryFileOf(path);
        if (!File.Exists(queryFile))
        {
            throw new DataFileException(path, null, null,
                $"Pipeline '{spec.Name}' ranks rows within groups, but the lines have no qid: and there is no query file '{Path.GetFileName(queryFile)}' beside the data (one group size per line).");
        }

        var fields = new List<Field>(rows);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(queryFile))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!int.TryParse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                throw new DataFileException(queryFile, lineNumber, 1, $"'{Shown(line)}' is not a group size (a whole number of rows, at least 1).");
            }

            if (fields.Count + size > rows)
            {
                throw new DataFileException(queryFile, lineNumber, 1, string.Create(CultureInfo.InvariantCulture,
                    $"The groups so far hold {fields.Count + size:N0} rows, but the data file has {rows:N0}."));
            }

            var group = lineNumber.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < size; i++)
            {
                fields.Add(new Field(group, lineNumber, 1));
            }
        }

        return fields.Count == rows
            ? fields
            : throw new DataFileException(queryFile, null, null, string.Create(CultureInfo.InvariantCulture,
                $"The groups hold {fields.Count:N0} rows, but the data file has {rows:N0}: each line is the size of the next group, in file order."));
    }

    private static string Shown(ReadOnlySpan<char> value) => value.Length <= 100 ? value.ToString() : string.Concat(value[..100], "...");
}
