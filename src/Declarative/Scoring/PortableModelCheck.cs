using Declarative.Data;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Scoring;

/// <summary>How far the portable scorer is from ML.NET on some rows: the largest difference (relative above 1) and where.</summary>
internal sealed record PortableComparison(int Rows, string Output, double LargestDifference, int WorstRow)
{
    /// <summary>The most a score may differ from ML.NET's, relative to the score where it exceeds 1.</summary>
    public const double Tolerance = 1e-5;

    public bool Passed => LargestDifference <= Tolerance;
}

/// <summary>Scores a table's rows with ML.NET and with the portable scorer and compares every output they both write.</summary>
internal static class PortableModelCheck
{
    public static IReadOnlyList<PortableComparison> Compare(ITransformer model, PortableModel portable, DataTable rows)
    {
        var scored = model.Transform(new TableDataView(rows));
        var scorer = new ModelScorer<int>(portable, RowFeaturizers.ForTable(rows, portable.Features, "the held-out rows"), "the portable model");
        var actual = new float[rows.RowCount * scorer.ScoreCount];
        for (var row = 0; row < rows.RowCount; row++)
        {
            scorer.Score(row, actual.AsSpan(row * scorer.ScoreCount, scorer.ScoreCount));
        }

        // Binary classification writes the score and the probability side by side; the other tasks write only scores.
        var outputs = portable.Task == MLTask.BinaryClassification
            ? new[] { (ColumnNames.Score, 0, 1), (ColumnNames.Probability, 1, 1) }
            : [(ColumnNames.Score, 0, scorer.ScoreCount)];
        return outputs.Select(o =>
        {
            var (name, offset, width) = o;
            var expected = ViewColumns.ReadFlat(scored, name);
            var (worst, at) = (0d, 0);
            for (var row = 0; row < rows.RowCount; row++)
            {
                for (var k = 0; k < width; k++)
                {
                    var e = expected[(row * width) + k];
                    var a = actual[(row * scorer.ScoreCount) + offset + k];
                    var difference = e.Equals(a) ? 0 : Math.Abs(e - a) / Math.Max(1, Math.Abs(e));
                    if (!(difference <= worst))
                    {
                        (worst, at) = (double.IsNaN(difference) ? double.PositiveInfinity : difference, row);
                    }
                }
            }

            return new PortableComparison(rows.RowCount, name, worst, at);
        }).ToArray();
    }
}
