namespace Declarative.Anomalies;

/// <summary>
/// How far a value lies from every value the series has taken before: the distance to its nearest earlier value, in
/// units of the range of the first <c>warmup</c> values, as d / (1 + d). A series that revisits its levels, however
/// noisy or seasonal, scores near 0; a spike, a shift to a level never seen, or a new record scores at once, and a
/// repeat of it does not. Values are kept at a resolution of 1/<c>resolution</c> of the warmup's range, so memory grows
/// with the levels visited, not with the points.
/// </summary>
internal sealed class NoveltyDistanceDetector(int warmup = 750, int resolution = 1000) : ISeriesDetector
{
    private readonly SortedSet<long> _seen = [];
    private readonly List<double> _warmupValues = new(warmup);
    private double _origin;
    private double _cellWidth;
    private int _count;

    public double Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0; // a missing value is no level
        }

        _count++;
        if (_count <= warmup)
        {
            _warmupValues.Add(value);
            if (_count == warmup)
            {
                _origin = _warmupValues.Min();
                var range = _warmupValues.Max() - _origin;
                // A constant warmup has no range: then a cell is the value's own magnitude's smallest step, and any other value is far.
                _cellWidth = range > 0 ? range / resolution : Math.Max(Math.Abs(_origin), 1) * 1e-9;
                foreach (var past in _warmupValues)
                {
                    _seen.Add(Cell(past));
                }

                _warmupValues.Clear();
            }

            return 0;
        }

        var cell = Cell(value);
        var distance = Distance(cell);
        _seen.Add(cell);
        var ranges = distance / (double)resolution;
        return ranges / (1 + ranges);
    }

    /// <summary>Cells from <paramref name="cell"/> to the nearest visited one (the set is never empty after the warmup).</summary>
    private long Distance(long cell)
    {
        if (cell <= _seen.Min)
        {
            return _seen.Min - cell;
        }

        if (cell >= _seen.Max)
        {
            return cell - _seen.Max;
        }

        return Math.Min(cell - _seen.GetViewBetween(_seen.Min, cell).Max, _seen.GetViewBetween(cell, _seen.Max).Min - cell);
    }

    private long Cell(double value)
    {
        // Far beyond is far: clamped well inside long's range so distances never overflow.
        var cell = Math.Floor((value - _origin) / _cellWidth);
        return (long)Math.Clamp(double.IsNaN(cell) ? 0 : cell, -1e15, 1e15);
    }
}
