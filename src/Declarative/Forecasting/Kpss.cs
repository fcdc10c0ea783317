namespace Declarative.Forecasting;

/// <summary>
/// The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt and Shin 1992), as auto.arima uses it to choose
/// how often to difference: the null is a series that wanders around a constant level; a large statistic says it does not.
/// </summary>
internal static class Kpss
{
    /// <summary>The 5 % critical value of the level-stationarity statistic (the paper's table 1).</summary>
    public const double Critical5 = 0.463;

    /// <summary>
    /// The statistic: the squared partial sums of the deviations from the mean over n², divided by the long-run variance
    /// (Newey–West, Bartlett weights over <paramref name="lags"/> lags). Zero for a constant series.
    /// </summary>
    public static double Statistic(ReadOnlySpan<double> y, int lags)
    {
        var n = y.Length;
        var mean = 0.0;
        foreach (var v in y)
        {
            mean += v / n;
        }

        var e = new double[n];
        var partial = 0.0;
        var sumOfSquares = 0.0;
        for (var t = 0; t < n; t++)
        {
            e[t] = y[t] - mean;
            partial += e[t];
            sumOfSquares += partial * partial;
        }

        var variance = NormalEquations.Dot(e, e) / n;
        for (var s = 1; s <= Math.Min(lags, n - 1); s++)
        {
            variance += 2.0 * (1 - (s / (lags + 1.0))) * NormalEquations.Dot(e.AsSpan(s), e.AsSpan(0, n - s)) / n;
        }

        return variance > 0 ? sumOfSquares / ((double)n * n) / variance : 0;
    }

    /// <summary>
    /// Whether <paramref name="y"/> passes the test at 5 %, with the short lag window tseries' <c>kpss.test</c> uses by
    /// default (and so auto.arima): ⌊3√n / 13⌋.
    /// </summary>
    public static bool IsLevelStationary(ReadOnlySpan<double> y) => Statistic(y, (int)(3 * Math.Sqrt(y.Length) / 13)) < Critical5;
}
