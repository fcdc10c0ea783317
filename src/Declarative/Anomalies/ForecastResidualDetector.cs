namespace Declarative.Anomalies;

/// <summary>
/// A forecasting residual: each value against the one-step forecast of exponential smoothing (level and, with a season,
/// an additive seasonal term per position), in standard deviations of the recent errors, as the two-sided tail
/// probability's complement. It sees a spike against a daily pattern that a value's level alone hides.
/// </summary>
internal sealed class ForecastResidualDetector(int season = 1, double alpha = 0.2, double gamma = 0.1, int window = 500) : ISeriesDetector
{
    private readonly double[] _seasonal = new double[Math.Max(1, season)];
    private readonly RollingStatistics _errors = new(window);
    private double _level;
    private int _count;

    public double Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        var position = _count % _seasonal.Length;
        _count++;
        if (_count == 1)
        {
            _level = value;
            return 0;
        }

        var error = value - (_level + _seasonal[position]);
        var spread = _errors.StandardDeviation;
        var score = _errors.Count < 2 || spread == 0 ? 0 : 1 - (2 * Gaussian.UpperTail(Math.Abs(error) / spread));
        _errors.Add(error);
        var level = _level;
        _level = level + (alpha * (value - _seasonal[position] - level));
        if (_seasonal.Length > 1)
        {
            _seasonal[position] += gamma * (value - _level - _seasonal[position]);
        }

        return score;
    }
}
