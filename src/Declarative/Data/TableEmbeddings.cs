using Declarative.Schema;

namespace Declarative.Data;

/// <summary>
/// Turns the texts of embedded [Text] properties into their vectors' columns once a table is read: every distinct
/// text of a column encoded in batches (<see cref="TextEmbedding.Encode"/>), then one number column per element.
/// </summary>
internal static class TableEmbeddings
{
    /// <summary>
    /// The table's columns in the spec's order: a column that is not embedded as it is; an embedding's first element
    /// holds the texts and becomes all of the vector's columns; its other elements (null here) are those columns.
    /// </summary>
    public static ExpandedColumns Expand<TRow>(IReadOnlyList<(ColumnSpec<TRow> Spec, TableColumn? Column)> columns, CancellationToken cancellationToken = default)
    {
        var result = new List<TableColumn>(columns.Count);
        var sources = new List<TableColumn>();
        foreach (var (spec, column) in columns)
        {
            if (spec.Embedding is not { } embedding)
            {
                result.Add(column!);
                continue;
            }

            if (embedding.Offset > 0)
            {
                continue;
            }

            var texts = column!.Texts.Select(t => t.ToString()).ToArray();
            if (embedding.IsImage)
            {
                // An image's path stays beside its numbers, for the report to show the image.
                sources.Add(new TableColumn(embedding.Property, column.Texts.ToArray()));
            }

            var vectors = TextEmbedding.Encode(embedding.Encoder, texts, cancellationToken);
            for (var k = 0; k < embedding.Encoder.Dimension; k++)
            {
                var values = new float[vectors.Length];
                for (var row = 0; row < vectors.Length; row++)
                {
                    values[row] = vectors[row][k];
                }

                result.Add(new TableColumn(TextEmbedding.ElementName(embedding.Property, k), values));
            }
        }

        return new ExpandedColumns(result, sources);
    }
}

/// <summary>A table's columns once embedded, and the texts kept beside them (<see cref="DataTable.Sources"/>).</summary>
internal sealed record ExpandedColumns(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableColumn> Sources);
