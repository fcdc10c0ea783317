using Declarative.Anomalies;

namespace Declarative.Tests.Anomalies;

/// <summary>
/// NAB's scoring rules on a series small enough to work by hand: 1,000 points (the first 150 are probation), one
/// window from point 500 to 599. Values from the rules: a detection's worth is 2/(1+e^(5x))−1 at its position x in
/// the window (−1 at its left edge, 0 past its right), over that at −1; a false alarm costs 0.11 (standard profile) times
/// −1 before any window, or that sigmoid of its distance past the window in widths−1 after it.
/// (tests/bench/nab.sh checks the same scorer against NAB's published totals on its 58 series.)
/// </summary>
public sealed class NabScorerTests
{
    private static readonly long[] Times = Enumerable.Range(0, 1000).Select(i => (long)i).ToArray();
    private static readonly AnomalyWindow[] Window = [new(500, 599)];

    [Theory]
    [InlineData(new[] { 500 }, 100.0)] // at the window's start: the whole reward
    [InlineData(new[] { 599 }, 51.26669525341626)] // at its end: almost nothing beyond not missing it
    [InlineData(new[] { 300, 500 }, 94.5)] // a false alarm before any window costs the whole 0.11
    [InlineData(new[] { 500, 650 }, 95.27786513229857)] // one 51 points past the window, less
    [InlineData(new[] { 100, 500 }, 100.0)] // in the probation: not scored
    [InlineData(new[] { 500, 520, 540 }, 100.0)] // a window counts once, by its best detection
    [InlineData(new int[0], 0.0)] // the null detector
    public void AFileScores_AsTheRulesSay(int[] detections, double expected)
    {
        var scores = new double[Times.Length];
        foreach (var i in detections)
        {
            scores[i] = 1;
        }

        var raw = NabScorer.ScoreFile(Times, scores, Window, NabProfile.Standard, 0.5);

        Assert.Equal(expected, NabScorer.Normalize(raw, 1, NabProfile.Standard), 9);
    }

    [Fact]
    public void TheOptimizer_FindsTheThresholdThatLeavesTheFalseAlarmOut()
    {
        var scores = new double[Times.Length];
        scores[300] = 0.6; // a false alarm, scored below the true one
        scores[510] = 0.9;

        var (threshold, raw) = NabScorer.Optimize([(Times, scores, Window)], NabProfile.Standard);

        Assert.Equal(0.9, threshold);
        Assert.True(NabScorer.Normalize(raw, 1, NabProfile.Standard) > 99);
    }
}
