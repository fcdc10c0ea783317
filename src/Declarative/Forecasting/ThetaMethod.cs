namespace Declarative.Forecasting;

/// <summary>
/// The Theta method (Assimakopoulos &amp; Nikolopoulos 2000) as the M4 competition's benchmark runs it: on the seasonally
/// adjusted series, the mean of the linear trend's extrapolation (theta line 0) and simple exponential smoothing of
/// the theta line 2 (twice the series minus the trend), the smoothing parameter minimising the one-step error. (M4's
/// zero floor is applied to the forecast of the series, season and covariates put back: ForecastMethods.)
/// </summary>
/// <remarks>
/// M4's code smooths the theta line with R's <c>ses</c>, which also estimates the level before the first value; here
/// the smoothing starts at the first value. Estimating the start as <c>ses</c> does was measured over every bundled
/// set's windows and not adopted (docs/forecasting-log.md, "Theta's starting level").
/// </remarks>
internal static class ThetaMethod
{
    public static (double[] Forecast, double Alpha) Forecast(double[] adjusted, int horizon)
    {
        var n = adjusted.Length;

        var (intercept, slope) = TrendLine.Fit(adjusted);
        var line2 = new double[n];
        for (var t = 0; t < n; t++)
        {
            line2[t] = 2 * adjusted[t] - (intercept + slope * (t + 1));
        }

        var (level, alpha) = SimpleSmoothing.Fit(line2);
        var forecast = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            forecast[h] = 0.5 * (intercept + slope * (n + h + 1)) + 0.5 * level;
        }

        return (forecast, alpha);
    }
}

/// <summary>Simple exponential smoothing, started at the first value, its parameter chosen by golden-section search on the one-step squared error.</summary>
internal static class SimpleSmoothing
{
    public static (double Level, double Alpha) Fit(double[] y)
    {
        double Sse(double alpha)
        {
            var level = y[0];
            var sse = 0.0;
            for (var t = 1; t < y.Length; t++)
            {
                var e = y[t] - level;
                sse += e * e;
                level += alpha * e;
            }

            return sse;
        }

        double lo = 1e-4, hi = 1 - 1e-4;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo), fa = Sse(a), fb = Sse(b);
        for (var i = 0; i < 60 && hi - lo > 1e-6; i++)
        {
            if (fa <= fb)
            {
                (hi, b, fb) = (b, a, fa);
                a = hi - ratio * (hi - lo);
                fa = Sse(a);
            }
            else
            {
                (lo, a, fa) = (a, b, fb);
                b = lo + ratio * (hi - lo);
                fb = Sse(b);
            }
        }

        var alpha = (lo + hi) / 2;
        var final = y[0];
        for (var t = 1; t < y.Length; t++)
        {
            final += alpha * (y[t] - final);
        }

        return (final, alpha);
    }
}
