using System.Globalization;
using Declarative.Anomalies;

namespace Declarative.Tests.Anomalies;

/// <summary>The novelty-distance detector: near 0 on what repeats, high once when a value first goes somewhere new.</summary>
public sealed class NoveltyDistanceDetectorTests
{
    [Fact]
    public void ASeasonalSeries_ScoresNearZero_AndASpikeScoresHigh_ItsRepeatLow()
    {
        var values = Enumerable.Range(0, 3000).Select(i => 100 + (10 * Math.Sin(2 * Math.PI * i / 48))).ToArray();
        values[2000] = 160;
        values[2001] = 161; // one twentieth of the range from the spike
        var detector = new NoveltyDistanceDetector();

        var scores = values.Select(detector.Observe).ToArray();

        Assert.Equal(2000, Enumerable.Range(0, scores.Length).MaxBy(i => scores[i]));
        Assert.Equal(2.5 / 3.5, scores[2000], 2); // 2.5 ranges beyond the nearest value seen
        Assert.InRange(scores[2001], 0.04, 0.06);
        Assert.All(scores.Where((_, i) => i is < 2000 or > 2001), s => Assert.InRange(s, 0, 0.01));
    }

    [Fact]
    public void AShiftToAVisitedLevel_ScoresZero_AndOneBeyondTheRange_ScoresOnce()
    {
        var values = Enumerable.Range(0, 2000).Select(i => (double)(i % 10)).Concat(Enumerable.Repeat(4.0, 200)).Concat(Enumerable.Repeat(30.0, 200)).ToArray();
        var detector = new NoveltyDistanceDetector();

        var scores = values.Select(detector.Observe).ToArray();

        Assert.Equal([2200], Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0));
        Assert.Equal((21.0 / 9) / (1 + (21.0 / 9)), scores[2200], 2);
    }

    [Fact]
    public void AConstantWarmup_AndMissingValues_AreNoError()
    {
        var detector = new NoveltyDistanceDetector(warmup: 10);
        var scores = Enumerable.Repeat(5.0, 10).Concat([5.0, 6.0, double.NaN, 6.0, double.PositiveInfinity, 4.0]).Select(detector.Observe).ToArray();

        Assert.All(scores.Take(11), s => Assert.Equal(0, s));
        Assert.True(scores[11] > 0.99);
        Assert.Equal([0.0, 0.0, 0.0], [scores[12], scores[13], scores[14]]);
        Assert.True(scores[15] > 0.99);
    }

    [Fact]
    public void OneAtATime_AndInOnePass_GiveTheSameScores()
    {
        var values = Enumerable.Range(0, 5000).Select(i => Math.Sin(i * 0.37) * (1 + (i / 1000.0))).ToArray();
        var batch = new NoveltyDistanceDetector();
        var all = values.Select(batch.Observe).ToArray();
        var streamed = new NoveltyDistanceDetector();
        var one = new List<double>();
        foreach (var value in values)
        {
            one.Add(streamed.Observe(value));
        }

        Assert.Equal(all, one);
        Assert.All(all, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void OnNycTaxi_TheHighestScore_FallsInOneOfNabsWindows()
    {
        var rows = File.ReadLines("datasets/nab-nyc-taxi/nyc_taxi.csv").Skip(1).Select(l => l.Split(','))
            .Select(f => (Time: DateTime.Parse(f[0], CultureInfo.InvariantCulture), Value: double.Parse(f[1], CultureInfo.InvariantCulture))).ToArray();
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes("datasets/nab-nyc-taxi/combined_windows.json"));
        var windows = json.RootElement.GetProperty("realKnownCause/nyc_taxi.csv").EnumerateArray()
            .Select(w => (Start: DateTime.Parse(w[0].GetString()!, CultureInfo.InvariantCulture), End: DateTime.Parse(w[1].GetString()!, CultureInfo.InvariantCulture))).ToArray();
        var detector = new NoveltyDistanceDetector();

        var scores = rows.Select(r => detector.Observe(r.Value)).ToArray();
        var top = rows[Enumerable.Range(0, rows.Length).MaxBy(i => scores[i])].Time;

        Assert.Contains(windows, w => top >= w.Start && top <= w.End);
    }
}
