using Declarative.Anomalies;

namespace Declarative.Tests.Anomalies;

/// <summary>The default series detector on series whose answer is known.</summary>
public sealed class SequenceNoveltyDetectorTests
{
    [Fact]
    public void ARepeatingPattern_ScoresZero_AndANewLevelScoresOne_ThenItIsQuiet()
    {
        var detector = new SequenceNoveltyDetector(0, 10);
        var pattern = new double[] { 0, 2, 4, 6, 8, 6, 4, 2 };
        var scores = Enumerable.Range(0, 400).Select(i => detector.Observe(pattern[i % pattern.Length])).ToArray();

        Assert.All(scores, s => Assert.Equal(0, s)); // the first 100 are quiet, the rest a run seen before

        Assert.Equal(1.0, detector.Observe(30)); // far above the trained range: a level never visited on any grid
        Assert.Equal(0, detector.Observe(31)); // quiet for 100 steps after an alarm
    }

    [Fact]
    public void AKnownLevelReachedAnotherWay_ScoresBelowANewLevel()
    {
        var detector = new SequenceNoveltyDetector(0, 10);
        for (var i = 0; i < 300; i++)
        {
            detector.Observe(i % 2 == 0 ? 0 : 10);
        }

        var score = detector.Observe(10); // 10 after 10: both levels known, the pair new
        Assert.InRange(score, 0.4, 0.9);
    }

    [Fact]
    public void AConstantSeries_HasNoRange_YetAnyOtherValueIsNew()
    {
        var detector = new SequenceNoveltyDetector(5, 5);
        var scores = Enumerable.Range(0, 300).Select(_ => detector.Observe(5)).ToArray();

        Assert.All(scores, s => Assert.Equal(0, s));
        Assert.Equal(1.0, detector.Observe(6));
    }

    [Fact]
    public void MissingValues_ScoreZero_AndBreakNothing()
    {
        var detector = new SequenceNoveltyDetector(0, 1);

        Assert.Equal(0, detector.Observe(double.NaN));
    }
}
