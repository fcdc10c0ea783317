namespace Declarative.Anomalies;

/// <summary>
/// Flags a value that lands in a level band the series has never visited. The bands split the range of the first
/// <c>warmup</c> values into <c>bands</c> equal parts (and continue past it at the same width, for one range each side); after the warmup a value
/// in a new band scores 1, any other 0. (Grading visited bands by their rarity scored lower on NAB.) A series that
/// repeats its levels, however noisy or seasonal, stays quiet; a spike, a level shift or a drift out of the known range
/// alarms once, when it first arrives.
/// </summary>
internal sealed class LevelNoveltyDetector(int bands = 15, int warmup = 750) : ISeriesDetector
{

    private readonly HashSet<long> _visits = [];
    private readonly List<double> _warmupValues = new(warmup);
    private double _origin;
    private double _width;
    private int _seen;

    public double Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0; // a missing value is no level
        }

        _seen++;
        if (_seen <= warmup)
        {
            _warmupValues.Add(value);
            if (_seen == warmup)
            {
                // The bands are fixed once: the warmup's values are then counted into them.
                _origin = _warmupValues.Min();
                _width = (_warmupValues.Max() - _origin) / bands;
                foreach (var past in _warmupValues)
                {
                    _visits.Add(Band(past));
                }

                _warmupValues.Clear();
            }

            return 0;
        }

        var band = Band(value);
        return _visits.Add(band) ? 1.0 : 0.0;
    }

    private long Band(double value)
    {
        if (!(_width > 0))
        {
            return value == _origin ? 0 : value > _origin ? 2 * bands : -bands;
        }

        // A whole range beyond the warmup's is one band each side: far is far, and alarms once.
        var band = Math.Floor((value - _origin) / _width);
        return double.IsNaN(band) ? 0 : (long)Math.Clamp(band, -bands, 2 * bands);
    }

}
