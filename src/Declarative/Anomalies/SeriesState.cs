namespace Declarative.Anomalies;

/// <summary>What a live detector holds for one series: a detector per watched value, and the last time seen.</summary>
internal sealed class SeriesState(Trainer detector, SeriesRanges ranges, int season)
{
    private readonly ISeriesDetector[] _detectors = ranges.Min.Select((min, j) => SeriesDetectors.Create(detector, new ValueRange(min, ranges.Max[j]), season)).ToArray();

    public long? LastTime { get; private set; }

    /// <summary>Scores a point (the highest of its values' scores), then adds it to the series' past.</summary>
    public double Observe(long time, float[] values)
    {
        LastTime = time;
        var score = 0.0;
        for (var j = 0; j < _detectors.Length; j++)
        {
            score = Math.Max(score, _detectors[j].Observe(values[j]));
        }

        return score;
    }
}
