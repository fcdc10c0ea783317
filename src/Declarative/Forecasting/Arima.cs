namespace Declarative.Forecasting;

/// <summary>
/// ARIMA(p, d, q) without a seasonal part, d ≤ 1, p ≤ 3 and q ≤ 2 by AICc (the grid statsmodels' peer searches), with the
/// series' mean when undifferenced and no constant when differenced. Each order is fitted by conditional least squares:
/// the sum of the squared one-step errors of the same steps of the series for every order and d (from the fifth on), the
/// errors before them taken as zero, minimised by Nelder–Mead over partial autocorrelations through tanh (Jones 1980), so every
/// fit is stationary and invertible. It forecasts the mean path: future errors are zero.
/// </summary>
internal static class Arima
{
    /// <summary>The largest autoregressive order tried.</summary>
    public const int MaxP = 3;

    /// <summary>The largest moving-average order tried.</summary>
    public const int MaxQ = 2;

    /// <summary>The largest partial autocorrelation a fit may have.</summary>
    private const double Bound = 0.9999;

    /// <summary>The fit with the lowest AICc over the orders tried; the last value when none fits.</summary>
    public static ArimaFit Fit(double[] y)
    {
        ArimaFit? best = null;
        for (var d = 0; d <= 1 && d < y.Length; d++)
        {
            // A mean when undifferenced, none once differenced (statsmodels' default trend): a drift term chosen by
            // AICc, as auto.arima allows, did worse over the bundled series' windows (docs/forecasting-log.md). Both d score
            // the one-step errors of the same steps of y (a difference's error is the level's), so their AICc compare.
            var w = d == 0 ? y : Differences(y);
            var mean = d == 0 && w.Length > 0 ? w.Average() : 0;
            for (var p = 0; p <= MaxP; p++)
            {
                for (var q = 0; q <= MaxQ; q++)
                {
                    if (Fit(w, p, q, mean, hasConstant: d == 0, first: MaxP + 1 - d) is { } fit && (best is null || fit.Aicc < best.Aicc))
                    {
                        best = fit with { D = d };
                    }
                }
            }
        }

        // Too short for any order: the last value (a random walk's forecast).
        return (best ?? new ArimaFit([], [], 0, false, double.PositiveInfinity, []) { D = 1 }) with { History = y };
    }

    /// <summary>
    /// ARIMA(<paramref name="p"/>, 0, <paramref name="q"/>) of <paramref name="w"/> less <paramref name="constant"/>, by
    /// conditional least squares on the one-step errors from step <paramref name="first"/> on (at least <see cref="MaxP"/>,
    /// so every order scores the same steps); null when too few steps are left to count its parameters.
    /// </summary>
    internal static ArimaFit? Fit(double[] w, int p, int q, double constant, bool hasConstant, int first = MaxP)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, MaxP);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, MaxQ);
        ArgumentOutOfRangeException.ThrowIfLessThan(first, MaxQ);
        var rows = w.Length - first;
        var k = p + q + (hasConstant ? 1 : 0) + 1;
        if (rows - k - 1 <= 0)
        {
            return null;
        }

        var z = new double[w.Length];
        for (var t = 0; t < z.Length; t++)
        {
            z[t] = w[t] - constant;
        }

        var ar = new double[p];
        var ma = new double[q];
        var errors = new double[z.Length];
        double Sse(double[] u)
        {
            Unpack(u, ar, ma);
            return SumOfSquares(z, ar, ma, errors, first);
        }

        var sse = SumOfSquares(z, ar, ma, errors, first);
        var u = new double[p + q];
        if (u.Length > 0)
        {
            // A second search from the first's optimum: one simplex can stall on a ridge between an AR and an MA root.
            var budget = 200 + (200 * u.Length);
            (u, sse) = NelderMead.Minimize(Sse, u, maxEvaluations: budget);
            (u, sse) = NelderMead.Minimize(Sse, u, step: 0.1, maxEvaluations: budget);
            Unpack(u, ar, ma);
            SumOfSquares(z, ar, ma, errors, first);
        }

        var aicc = (rows * Math.Log(Math.Max(sse, 1e-300) / rows)) + (2.0 * k) + (2.0 * k * (k + 1) / (rows - k - 1));
        return double.IsFinite(aicc) ? new ArimaFit(ar, ma, constant, hasConstant, aicc, errors) : null;
    }

    /// <summary>The sum of the squared one-step errors from step <paramref name="first"/> on, written to <paramref name="errors"/> (zero before it).</summary>
    /// <remarks>
    /// The optimiser calls this hundreds of times a fit, so the orders (at most <see cref="MaxP"/> and <see cref="MaxQ"/>)
    /// are unrolled into locals; the terms are subtracted in the order of the plain loops (lags 1 to p, then 1 to q), so
    /// the sums are the same to the bit. <paramref name="first"/> is at least <see cref="MaxQ"/>: the errors before it
    /// (zero) are read.
    /// </remarks>
    private static double SumOfSquares(double[] z, double[] ar, double[] ma, double[] errors, int first)
    {
        var (p, q) = (ar.Length, ma.Length);
        var a1 = p > 0 ? ar[0] : 0;
        var a2 = p > 1 ? ar[1] : 0;
        var a3 = p > 2 ? ar[2] : 0;
        var m1 = q > 0 ? ma[0] : 0;
        var m2 = q > 1 ? ma[1] : 0;
        var zs = z.AsSpan();
        var es = errors.AsSpan(0, z.Length);
        // The last two errors stay in registers: the next error waits on them, not on a store and a load.
        var (e1, e2) = (es[first - 1], es[first - 2]);
        var sse = 0.0;
        for (var t = first; t < zs.Length; t++)
        {
            var e = zs[t];
            if (p > 0)
            {
                e -= a1 * zs[t - 1];
            }

            if (p > 1)
            {
                e -= a2 * zs[t - 2];
            }

            if (p > 2)
            {
                e -= a3 * zs[t - 3];
            }

            if (q > 0)
            {
                e -= m1 * e1;
            }

            if (q > 1)
            {
                e -= m2 * e2;
            }

            (e2, e1) = (e1, e);
            es[t] = e;
            sse += e * e;
        }

        return double.IsFinite(sse) ? sse : double.MaxValue;
    }

    /// <summary>
    /// The autoregression's and moving average's coefficients from unbounded <paramref name="u"/>: each part's partial
    /// autocorrelations are tanh(u), turned into coefficients by the Durbin–Levinson recursion. A moving average
    /// 1 + θ(1)B + … is invertible exactly when an autoregression with coefficients −θ is stationary.
    /// </summary>
    internal static void Unpack(ReadOnlySpan<double> u, double[] ar, double[] ma)
    {
        FromPartial(u[..ar.Length], ar);
        FromPartial(u[ar.Length..], ma);
        for (var j = 0; j < ma.Length; j++)
        {
            ma[j] = -ma[j];
        }
    }

    private static void FromPartial(ReadOnlySpan<double> u, double[] coefficients)
    {
        Span<double> previous = stackalloc double[coefficients.Length];
        for (var k = 0; k < coefficients.Length; k++)
        {
            // Kept off ±1, which tanh reaches in doubles from |u| ≈ 19: a unit root is what differencing is for.
            var r = Math.Clamp(Math.Tanh(u[k]), -Bound, Bound);
            coefficients[..k].CopyTo(previous);
            for (var j = 0; j < k; j++)
            {
                coefficients[j] = previous[j] - (r * previous[k - 1 - j]);
            }

            coefficients[k] = r;
        }
    }

    private static double[] Differences(double[] y)
    {
        var w = new double[y.Length - 1];
        for (var t = 0; t < w.Length; t++)
        {
            w[t] = y[t + 1] - y[t];
        }

        return w;
    }
}

/// <summary>An ARIMA fit: its coefficients, constant, AICc, and the one-step errors it forecasts from.</summary>
/// <param name="Ar">The autoregressive coefficients, lag 1 first.</param>
/// <param name="Ma">The moving-average coefficients, lag 1 first.</param>
/// <param name="Constant">The series' mean (zero without a constant).</param>
/// <param name="HasConstant">Whether the constant was kept (counted as a parameter).</param>
/// <param name="Aicc">The AICc of the conditional sum of squares.</param>
/// <param name="Errors">The one-step errors over the series fitted (its differences when <see cref="D"/> is 1), zero before the first step scored.</param>
internal sealed record ArimaFit(double[] Ar, double[] Ma, double Constant, bool HasConstant, double Aicc, double[] Errors)
{
    /// <summary>How often the series was differenced (0 or 1).</summary>
    public int D { get; init; }

    /// <summary>The series fitted (before differencing).</summary>
    public double[] History { get; init; } = [];

    /// <summary>The order and constant in words: <c>ARIMA(2,0,1) with a mean</c>.</summary>
    public string Form => $"ARIMA({Ar.Length},{D},{Ma.Length}){(HasConstant ? " with a mean" : "")}";

    /// <summary>The next <paramref name="horizon"/> values after the history: the mean path, the series integrated back when differenced.</summary>
    public double[] Forecast(int horizon)
    {
        var y = History;
        var w = D == 0 ? y : y.Zip(y.Skip(1), (a, b) => b - a).ToArray();
        var n = w.Length;
        var z = new double[n + horizon];
        for (var t = 0; t < n; t++)
        {
            z[t] = w[t] - Constant;
        }

        var forecast = new double[horizon];
        var last = y.Length == 0 ? 0 : y[^1];
        for (var h = 0; h < horizon; h++)
        {
            var t = n + h;
            var value = 0.0;
            for (var i = 0; i < Ar.Length; i++)
            {
                value += t - 1 - i >= 0 ? Ar[i] * z[t - 1 - i] : 0;
            }

            for (var j = 0; j < Ma.Length; j++)
            {
                value += t - 1 - j is var s && s >= 0 && s < n ? Ma[j] * Errors[s] : 0;
            }

            z[t] = value;
            forecast[h] = D == 0 ? value + Constant : last += value + Constant;
        }

        return forecast;
    }
}
