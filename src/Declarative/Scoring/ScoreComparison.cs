using System.Globalization;

namespace Declarative.Scoring;

/// <summary>
/// How far another way of scoring (the portable scorer, an ONNX export) is from ML.NET on the same rows, for one output:
/// the largest difference, relative to the score where it exceeds 1 (float sums of hundreds of trees differ in their
/// last bits), and the row where it is.
/// </summary>
internal sealed record ScoreComparison(int Rows, string Output, double LargestDifference, int WorstRow)
{
    /// <summary>The most a score may differ from ML.NET's.</summary>
    public const double Tolerance = 1e-5;

    public bool Passed => LargestDifference <= Tolerance;

    /// <summary>
    /// Compares ML.NET's values of an output with another's, both row after row (<c>width</c> values a row, from their
    /// lengths). Values of another length, and NaN on either side, count as infinitely far.
    /// </summary>
    public static ScoreComparison Of(string output, int rows, float[] expected, float[] actual)
    {
        if (actual.Length != expected.Length)
        {
            return new ScoreComparison(rows, output, double.PositiveInfinity, 0);
        }

        var width = Math.Max(1, expected.Length / Math.Max(1, rows));
        var (worst, at) = (0d, 0);
        for (var v = 0; v < expected.Length; v++)
        {
            double e = expected[v], a = actual[v];
            var difference = e == a ? 0 : Math.Abs(e - a) / Math.Max(1, Math.Abs(e));
            if (!(difference <= worst))
            {
                (worst, at) = (double.IsNaN(difference) ? double.PositiveInfinity : difference, v / width);
            }
        }

        return new ScoreComparison(rows, output, worst, at);
    }

    /// <summary>
    /// The comparison in words: "Score 0.0123 away from ML.NET's (held-out row 7 of 140), more than 1E-05" for a failure,
    /// "..., within 1E-05" for a pass (a test's log).
    /// </summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Output} {LargestDifference:G3} away from ML.NET's (held-out row {WorstRow + 1} of {Rows}), {(Passed ? "within" : "more than")} {Tolerance:G}");
}
