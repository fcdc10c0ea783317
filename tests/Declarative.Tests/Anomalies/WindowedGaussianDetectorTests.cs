using System.Globalization;
using Declarative.Anomalies;

namespace Declarative.Tests.Anomalies;

/// <summary>The windowed Gaussian baseline on NAB's NYC taxi series: streaming, bounded, and it sees the marathon.</summary>
public sealed class WindowedGaussianDetectorTests
{
    private static readonly (DateTime Time, double Value)[] Taxi = File.ReadLines("datasets/nab-nyc-taxi/nyc_taxi.csv").Skip(1)
        .Select(l => l.Split(','))
        .Select(f => (DateTime.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))
        .ToArray();

    [Fact]
    public void Scores_AreTheSameOneAtATimeAsInOnePass_AndBetweenZeroAndOne()
    {
        var batch = new WindowedGaussianDetector();
        var all = Taxi.Select(p => batch.Observe(p.Value)).ToArray();
        var streamed = new WindowedGaussianDetector();
        var one = new List<double>();
        foreach (var (_, value) in Taxi)
        {
            one.Add(streamed.Observe(value));
        }

        Assert.Equal(all, one);
        Assert.All(all, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void TheHighestScore_FallsInALabelledWindow()
    {
        // NAB's labelled windows for this series: the NYC marathon, Thanksgiving, Christmas, New Year, a blizzard.
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes("datasets/nab-nyc-taxi/combined_windows.json"));
        var windows = json.RootElement.GetProperty("realKnownCause/nyc_taxi.csv").EnumerateArray()
            .Select(w => (Start: DateTime.Parse(w[0].GetString()!, CultureInfo.InvariantCulture), End: DateTime.Parse(w[1].GetString()!, CultureInfo.InvariantCulture)))
            .ToArray();
        Assert.Equal(5, windows.Length);
        var detector = new WindowedGaussianDetector();
        var scores = Taxi.Select(p => detector.Observe(p.Value)).ToArray();
        var probation = (int)(0.15 * Taxi.Length);

        var top = Enumerable.Range(probation, Taxi.Length - probation).MaxBy(i => scores[i]);

        Assert.Contains(windows, w => Taxi[top].Time >= w.Start && Taxi[top].Time <= w.End);
    }
}
