namespace Declarative.Anomalies;

/// <summary>
/// The baseline: how far a value lies from the mean of a trailing window, in its standard deviations, as the two-sided
/// tail probability's complement (0 at the mean, toward 1 far out).
/// </summary>
internal sealed class WindowedGaussianDetector(int window = 6400) : ISeriesDetector
{
    private readonly RollingStatistics _past = new(window);

    public double Observe(double value)
    {
        var deviation = _past.StandardDeviation;
        var score = _past.Count < 2 || deviation == 0
            ? (_past.Count >= 2 && value != _past.Mean ? 1.0 : 0.0)
            : 1 - (2 * Gaussian.UpperTail(Math.Abs(value - _past.Mean) / deviation));
        _past.Add(value);
        return score;
    }
}
