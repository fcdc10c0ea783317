using Declarative.Data;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Scoring;

/// <summary>Scores a table's rows with ML.NET and with the portable scorer and compares every output they both write.</summary>
internal static class PortableModelCheck
{
    public static IReadOnlyList<ScoreComparison> Compare(ITransformer model, PortableModel portable, DataTable rows)
    {
        var scored = model.Transform(new TableDataView(rows));
        var scorer = new ModelScorer<int>(portable, RowFeaturizers.ForTable(rows, portable.Features, "the held-out rows"), "the portable model");
        var count = scorer.ScoreCount;
        var scores = new float[rows.RowCount * count];
        for (var row = 0; row < rows.RowCount; row++)
        {
            scorer.Score(row, scores.AsSpan(row * count, count));
        }

        // Binary classification writes the score and the probability side by side; the other tasks write only scores.
        return Schema.TaskDefinitions.For(portable.Task).Scores == Schema.ScoreLayout.ScoreAndProbability
            ? [Compare(ColumnNames.Score, 0, 1), Compare(ColumnNames.Probability, 1, 1)]
            : [Compare(ColumnNames.Score, 0, count)];

        ScoreComparison Compare(string output, int offset, int width)
        {
            var actual = new float[rows.RowCount * width];
            for (var row = 0; row < rows.RowCount; row++)
            {
                scores.AsSpan((row * count) + offset, width).CopyTo(actual.AsSpan(row * width, width));
            }

            return ScoreComparison.Of(output, rows.RowCount, ViewColumns.ReadFlat(scored, output), actual);
        }
    }
}
