namespace Declarative.Forecasting;

/// <summary>The M4 competition's accuracy measures: sMAPE, MASE (scaled by the seasonal naive's in-sample error) and OWA.</summary>
internal static class ForecastAccuracy
{
    /// <summary>200/h · Σ |y − ŷ| / (|y| + |ŷ|), a step where both are 0 counting 0.</summary>
    public static double Smape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        var sum = 0.0;
        for (var h = 0; h < actual.Length; h++)
        {
            var denominator = Math.Abs(actual[h]) + Math.Abs(forecast[h]);
            sum += denominator == 0 ? 0 : Math.Abs(actual[h] - forecast[h]) / denominator;
        }

        return 200 * sum / actual.Length;
    }

    /// <summary>
    /// MASE's scale: the mean absolute error of the seasonal naive forecast in the sample, |y(t) − y(t − m)| (m = 1 for
    /// a series without a season or shorter than two); never 0, so a flat history still scales.
    /// </summary>
    public static double Scale(ReadOnlySpan<double> history, int season)
    {
        var m = season > 1 && history.Length > season ? season : 1;
        if (history.Length <= m)
        {
            return 1;
        }

        var sum = 0.0;
        var magnitude = 0.0;
        for (var t = m; t < history.Length; t++)
        {
            sum += Math.Abs(history[t] - history[t - m]);
            magnitude += Math.Abs(history[t]);
        }

        var scale = sum / (history.Length - m);
        return scale > 0 ? scale : Math.Max(1e-9 * magnitude / (history.Length - m), 1e-12);
    }

    /// <summary>The mean absolute error over the scale.</summary>
    public static double Mase(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, double scale)
    {
        var sum = 0.0;
        for (var h = 0; h < actual.Length; h++)
        {
            sum += Math.Abs(actual[h] - forecast[h]);
        }

        return sum / actual.Length / scale;
    }

    /// <summary>The overall weighted average: the mean of sMAPE and MASE, each relative to Naive2's on the same series.</summary>
    public static double Owa(double smape, double mase, double naive2Smape, double naive2Mase) =>
        0.5 * (Ratio(smape, naive2Smape) + Ratio(mase, naive2Mase));

    private static double Ratio(double value, double baseline) => baseline > 0 ? value / baseline : value > 0 ? double.PositiveInfinity : 1;
}
