namespace Declarative.Anomalies;

/// <summary>
/// What a live detector holds for one series: a detector per watched value, and the last time seen. A series training
/// did not see first learns its range from its first <see cref="WarmupPoints"/> points, scoring them 0, then replays
/// them through fresh detectors: the same points give the same scores however they arrive.
/// </summary>
internal sealed class SeriesState
{
    /// <summary>The points a series unknown to training is watched before it is scored.</summary>
    public const int WarmupPoints = 200;

    private readonly Trainer _detector;
    private readonly int _season;
    private ISeriesDetector[]? _detectors;
    private List<float[]>? _warmup;

    /// <param name="detector">The detector.</param>
    /// <param name="ranges">The series' value ranges from training, or null for a series training did not see.</param>
    /// <param name="season">The season in steps.</param>
    public SeriesState(Trainer detector, SeriesRanges? ranges, int season)
    {
        (_detector, _season) = (detector, season);
        if (ranges is null)
        {
            _warmup = [];
        }
        else
        {
            _detectors = Create(ranges.Min, ranges.Max);
        }
    }

    public long? LastTime { get; private set; }

    /// <summary>Scores a point (the highest of its values' scores), then adds it to the series' past.</summary>
    public double Observe(long time, float[] values)
    {
        LastTime = time;
        if (_warmup is { } warmup)
        {
            warmup.Add((float[])values.Clone());
            if (warmup.Count == WarmupPoints)
            {
                var columns = Enumerable.Range(0, values.Length).Select(j => warmup.Select(v => (double)v[j]).Where(double.IsFinite).DefaultIfEmpty(0).ToArray()).ToArray();
                _detectors = Create(columns.Select(c => c.Min()).ToArray(), columns.Select(c => c.Max()).ToArray());
                foreach (var past in warmup)
                {
                    Score(past);
                }

                _warmup = null;
            }

            return 0;
        }

        return Score(values);
    }

    private double Score(float[] values)
    {
        var score = 0.0;
        for (var j = 0; j < _detectors!.Length; j++)
        {
            score = Math.Max(score, _detectors[j].Observe(values[j]));
        }

        return score;
    }

    private ISeriesDetector[] Create(double[] min, double[] max) =>
        min.Select((low, j) => SeriesDetectors.Create(_detector, new ValueRange(low, max[j]), _season)).ToArray();
}
