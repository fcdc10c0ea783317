namespace Declarative.Forecasting;

/// <summary>The least-squares line through a series against its steps, as the Theta methods draw it.</summary>
internal static class TrendLine
{
    /// <summary>
    /// The line through (t, y(t)), t = 1..n: its value at t = 0 and its slope a step. One value is a flat line through
    /// it; none, a flat line at 0.
    /// </summary>
    public static (double Intercept, double Slope) Fit(ReadOnlySpan<double> y)
    {
        var n = y.Length;
        if (n == 0)
        {
            return (0, 0);
        }

        var meanY = 0.0;
        foreach (var v in y)
        {
            meanY += v;
        }

        meanY /= n;
        double meanT = (n + 1) / 2.0, sxy = 0, sxx = 0;
        for (var t = 0; t < n; t++)
        {
            sxy += (t + 1 - meanT) * (y[t] - meanY);
            sxx += (t + 1 - meanT) * (t + 1 - meanT);
        }

        var slope = sxx == 0 ? 0 : sxy / sxx;
        return (meanY - (slope * meanT), slope);
    }
}
