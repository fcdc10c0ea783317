using System.Globalization;
using Declarative.Anomalies;

namespace Declarative.Tests.Anomalies;

/// <summary>The level-novelty detector: quiet on what repeats, one alarm when a value first reaches a new level.</summary>
public sealed class LevelNoveltyDetectorTests
{
    [Fact]
    public void ASeasonalSeries_IsQuiet_AndASpikeAlarmsOnce_WhereItArrives()
    {
        var values = Enumerable.Range(0, 3000).Select(i => 100 + (10 * Math.Sin(2 * Math.PI * i / 48))).ToArray();
        values[2000] = 160; // a spike
        values[2001] = 161; // the same far level: no second alarm
        var detector = new LevelNoveltyDetector();

        var scores = values.Select(detector.Observe).ToArray();

        Assert.Equal([2000], Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0));
        Assert.Equal(1.0, scores[2000]);
    }

    [Fact]
    public void AShiftToAVisitedLevel_StaysQuiet_AndOneBeyondTheRange_Alarms()
    {
        var values = Enumerable.Range(0, 2000).Select(i => (double)(i % 10)).Concat(Enumerable.Repeat(4.0, 200)).Concat(Enumerable.Repeat(30.0, 200)).ToArray();
        var detector = new LevelNoveltyDetector(bands: 15, warmup: 750);

        var scores = values.Select(detector.Observe).ToArray();

        Assert.Equal([2200], Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0));
    }

    [Fact]
    public void AConstantWarmup_AndNaN_AreNoError()
    {
        var detector = new LevelNoveltyDetector(warmup: 10);
        var scores = Enumerable.Repeat(5.0, 10).Concat([5.0, 6.0, double.NaN, 7.0, 4.0]).Select(detector.Observe).ToArray();

        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1], scores);
    }

    [Fact]
    public void OnNycTaxi_HalfTheAlarmsFallInNabsWindows_AndTheMarathonIsFound()
    {
        var rows = File.ReadLines("datasets/nab-nyc-taxi/nyc_taxi.csv").Skip(1).Select(l => l.Split(','))
            .Select(f => (Time: DateTime.Parse(f[0], CultureInfo.InvariantCulture), Value: double.Parse(f[1], CultureInfo.InvariantCulture))).ToArray();
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes("datasets/nab-nyc-taxi/combined_windows.json"));
        var windows = json.RootElement.GetProperty("realKnownCause/nyc_taxi.csv").EnumerateArray()
            .Select(w => (Start: DateTime.Parse(w[0].GetString()!, CultureInfo.InvariantCulture), End: DateTime.Parse(w[1].GetString()!, CultureInfo.InvariantCulture))).ToArray();
        var detector = new LevelNoveltyDetector();

        var alarms = rows.Where(r => detector.Observe(r.Value) > 0).Select(r => r.Time).ToArray();
        var inWindows = alarms.Count(t => windows.Any(w => t >= w.Start && t <= w.End));

        Assert.NotEmpty(alarms);
        Assert.True(inWindows * 2 >= alarms.Length, $"{inWindows} of {alarms.Length} alarms in a labelled window: {string.Join(", ", alarms)}");
        // Four alarms here: two in September (no window), two at the marathon's small hours (its window); the holidays, in
        // the normal range of values, are not new levels.
        Assert.Contains(windows, w => alarms.Any(t => t >= w.Start && t <= w.End));
    }
}
