using Declarative.Schema;

namespace Declarative.Data;

/// <summary>
/// Rows already in memory as a <see cref="DataTable"/>, through the same getters prediction uses: the values a file
/// row would load to, so the same rows in the same order train the same model as the file they came from.
/// </summary>
internal static class RowTable
{
    public static DataTable From<TRow>(PipelineSpec<TRow> spec, IEnumerable<TRow> rows, string source)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = spec.Columns.ToArray();
        var singles = columns.Select(c => c.Storage == ColumnStorage.Single ? new List<float>() : null).ToArray();
        var booleans = columns.Select(c => c.Storage == ColumnStorage.Boolean ? new List<bool>() : null).ToArray();
        // An embedded text's first element keeps the text (its vector is encoded with the others' at the end); the rest keep nothing.
        var texts = columns.Select(c => c.Storage == ColumnStorage.Text || c.Embedding is { Offset: 0 } ? new List<ReadOnlyMemory<char>>() : null).ToArray();
        var negatives = new string?[columns.Length];
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            if (row is null)
            {
                throw new ArgumentException($"{source}: row {count} is null.", nameof(rows));
            }

            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                if (column.Embedding is { } embedding)
                {
                    if (embedding.Offset == 0)
                    {
                        texts[i]!.Add((column.TextGetter!(row) ?? "").AsMemory());
                    }

                    continue;
                }

                switch (column.Storage)
                {
                    case ColumnStorage.Single:
                        float value;
                        try
                        {
                            value = column.SingleGetter!(row);
                        }
                        catch (ArgumentException e) when (column.Run is not null)
                        {
                            // An array of the wrong length: say which row.
                            throw new ArgumentException($"{source}: row {count}: {e.Message}", nameof(rows), e);
                        }

                        if (float.IsInfinity(value) || (float.IsNaN(value) && column.Kind == ColumnKind.NumericLabel && !column.MissingAllowed))
                        {
                            throw new ArgumentException(
                                $"{source}: row {count}, property {typeof(TRow).Name}.{column.PropertyName} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; {(column.Kind == ColumnKind.NumericLabel ? "a label must be a finite number" : "a feature must be finite, or NaN when missing")}.",
                                nameof(rows));
                        }

                        singles[i]!.Add(value);
                        break;
                    case ColumnStorage.Boolean when column.PositiveClass is { } positive:
                        var label = column.TextGetter!(row) ?? "";
                        if (label != positive && (negatives[i] ??= label) != label)
                        {
                            throw new ArgumentException(
                                $"{source}: row {count}, the label {typeof(TRow).Name}.{column.PropertyName} is '{label}', neither the positive class '{positive}' nor '{negatives[i]}': a binary label has two values.",
                                nameof(rows));
                        }

                        booleans[i]!.Add(label == positive);
                        break;
                    case ColumnStorage.Boolean:
                        booleans[i]!.Add(column.BooleanGetter!(row));
                        break;
                    default:
                        var text = column.TextGetter!(row);
                        if (column.Kind == ColumnKind.ClassLabel && string.IsNullOrEmpty(text))
                        {
                            throw new ArgumentException($"{source}: row {count}, the label {typeof(TRow).Name}.{column.PropertyName} is missing; every training row needs one.", nameof(rows));
                        }

                        texts[i]!.Add(text is null ? ReadOnlyMemory<char>.Empty : text.AsMemory());
                        break;
                }
            }
        }

        if (count == 0)
        {
            throw new ArgumentException($"{source}: there are no rows.", nameof(rows));
        }

        var built = columns.Select((c, i) => (c, c.Embedding is { Offset: > 0 } ? null : c.Embedding is not null || c.Storage == ColumnStorage.Text
            ? new TableColumn(c.PropertyName, texts[i]!.ToArray())
            : c.Storage switch
            {
                ColumnStorage.Single => new TableColumn(c.PropertyName, singles[i]!.ToArray()),
                _ => new TableColumn(c.PropertyName, booleans[i]!.ToArray()) { NegativeClass = negatives[i] },
            })).ToArray();
        return new DataTable(TableEmbeddings.Expand(built), count);
    }
}
