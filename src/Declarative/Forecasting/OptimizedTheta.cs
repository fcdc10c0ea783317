namespace Declarative.Forecasting;

/// <summary>
/// The optimised Theta model (OTM; Fiorucci, Pellegrini, Louzada, Petropoulos and Koehler 2016, "Models for optimising
/// the theta method and their relationship to state space models"): the Theta method with its theta, smoothing
/// parameter and initial level estimated together by the one-step squared error, where M4's benchmark fixes theta at 2
/// and smooths the theta line from its first value (<see cref="ThetaMethod"/>, which it equals at those values).
/// </summary>
/// <remarks>
/// With A + B·t the least-squares line through the series (t = 1..n), c = 1 − 1/θ and r = 1 − α, the level ℓ is the
/// simple smoothing of the series from ℓ(0), the forecast of step t from the t − 1 before it is
/// ℓ(t−1) + c·(A·r^(t−1) + B·(1 − r^t)/α), and h steps after the last, ℓ(n) + c·(A·rⁿ + B·(h − 1 + (1 − r^(n+1))/α)): the
/// smoothing of the theta line θ, divided by θ, with the rest of the line put back (Hyndman and Billah 2003 wrote the
/// θ = 2 case as simple smoothing with a drift of half the slope).
/// </remarks>
internal static class OptimizedTheta
{
    /// <summary>The smallest and largest smoothing parameter a fit may have: M4's Theta's bounds, so this model holds it.</summary>
    internal const double MinAlpha = 1e-4, MaxAlpha = 1 - 1e-4;

    /// <summary>The first steps' errors left out of the fit (as statsforecast's implementation does): the level is still settling.</summary>
    internal const int Skipped = 3;

    /// <summary>
    /// The fit with the least one-step squared error, searched from two starts at theta 2 (M4's alpha and alpha ½), the
    /// level M4's theta line starts from; M4's Theta itself when the series is too short to fit three values.
    /// </summary>
    public static OptimizedThetaFit Fit(double[] y)
    {
        var (intercept, slope) = TrendLine.Fit(y);
        var scale = Spread(y);

        // M4's Theta is this model at theta 2, its alpha and ℓ(0) = y(1) − line(1)/2 (the tests hold the two together).
        var start = y.Length == 0 ? 0 : y[0] - ((intercept + slope) / 2);
        var m4Alpha = y.Length == 0 ? 0.5 : Math.Clamp(ThetaMethod.Forecast(y, 1).Alpha, MinAlpha, MaxAlpha);

        // Unbounded coordinates, one simplex step suiting every series: the level within four spreads of M4's start,
        // alpha inside its bounds through a logistic, θ = 1 + u² (θ = 1 is simple smoothing; no asymptote to stall in).
        OptimizedThetaFit Unpack(double[] u) =>
            new(start + (4 * scale * Math.Tanh(u[0] / 4)), MinAlpha + ((MaxAlpha - MinAlpha) / (1 + Math.Exp(-u[1]))), 1 + (u[2] * u[2]), intercept, slope, y);
        double Logit(double alpha) => Math.Log((alpha - MinAlpha) / (MaxAlpha - alpha));

        if (y.Length <= Skipped + 3)
        {
            return Unpack([0, Logit(m4Alpha), 1]);
        }

        double Error(double[] u) => Unpack(u).SquaredError();
        (double[] Point, double Value) Search(double[] from)
        {
            // A second search from the first's optimum, with a smaller simplex: one can stall on a ridge between alpha and theta.
            var first = NelderMead.Minimize(Error, from, maxEvaluations: 600);
            return NelderMead.Minimize(Error, first.Point, step: 0.1, maxEvaluations: 600);
        }

        var fromM4 = Search([0, Logit(m4Alpha), 1]);
        var fromHalf = Search([0, 0, 1]);
        return Unpack(fromHalf.Value < fromM4.Value ? fromHalf.Point : fromM4.Point);
    }

    private static double Spread(double[] y)
    {
        if (y.Length == 0)
        {
            return 1;
        }

        var mean = y.Average();
        var spread = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
        return spread > 0 ? spread : Math.Max(Math.Abs(mean), 1);
    }
}

/// <summary>An optimised Theta fit over a series.</summary>
/// <param name="Level">The level before the first value, ℓ(0).</param>
/// <param name="Alpha">The smoothing parameter.</param>
/// <param name="Theta">The theta line smoothed (at least 1).</param>
/// <param name="Intercept">The series' least-squares line at t = 0.</param>
/// <param name="Slope">The line's slope a step.</param>
/// <param name="History">The series fitted.</param>
internal sealed record OptimizedThetaFit(double Level, double Alpha, double Theta, double Intercept, double Slope, double[] History)
{
    /// <summary>The sum of the squared one-step errors after the first <see cref="OptimizedTheta.Skipped"/> values; the largest double when not finite.</summary>
    public double SquaredError()
    {
        var (c, r) = (1 - (1 / Theta), 1 - Alpha);
        var level = Level;
        var power = 1.0; // r^(t−1) for the value at t (1-based), so r^t is power·r.
        var sse = 0.0;
        for (var t = 0; t < History.Length; t++)
        {
            if (t >= OptimizedTheta.Skipped)
            {
                var e = History[t] - level - (c * ((Intercept * power) + (Slope * (1 - (power * r)) / Alpha)));
                sse += e * e;
            }

            level = (Alpha * History[t]) + (r * level);
            power *= r;
        }

        return double.IsFinite(sse) ? sse : double.MaxValue;
    }

    /// <summary>The next <paramref name="horizon"/> values after the history.</summary>
    public double[] Forecast(int horizon)
    {
        var (c, r) = (1 - (1 / Theta), 1 - Alpha);
        var level = Level;
        foreach (var value in History)
        {
            level = (Alpha * value) + (r * level);
        }

        var n = History.Length;
        var forecast = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            forecast[h - 1] = level + (c * ((Intercept * Math.Pow(r, n)) + (Slope * (h - 1 + ((1 - Math.Pow(r, n + 1)) / Alpha)))));
        }

        return forecast;
    }
}
