namespace Declarative.Anomalies;

/// <summary>The mean and standard deviation of the last <c>capacity</c> values, updated in constant time.</summary>
internal sealed class RollingStatistics(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private int _next;
    private double _sum;
    private double _sumOfSquares;

    public int Count { get; private set; }

    public double Mean => Count == 0 ? 0 : _sum / Count;

    /// <summary>The population standard deviation (0 for fewer than two values).</summary>
    public double StandardDeviation => Count < 2 ? 0 : Math.Sqrt(Math.Max(0, (_sumOfSquares / Count) - (Mean * Mean)));

    public void Add(double value)
    {
        if (Count == _values.Length)
        {
            var old = _values[_next];
            _sum -= old;
            _sumOfSquares -= old * old;
        }
        else
        {
            Count++;
        }

        _values[_next] = value;
        _sum += value;
        _sumOfSquares += value * value;
        _next = (_next + 1) % _values.Length;
    }
}
