namespace Declarative.Forecasting;

/// <summary>
/// Exponential smoothing in its state-space form with additive errors (ETS): a level, optionally an additive or damped
/// trend, optionally an additive season. Each form's smoothing parameters (Nelder–Mead, inside the usual bounds) and
/// initial states (least squares) minimise the one-step squared error; the form with the lowest AICc is the model.
/// </summary>
internal static class ExponentialSmoothing
{
    /// <summary>The forms tried: trend none / additive / damped, each without and (for a seasonal step) with a season.</summary>
    /// <param name="y">The series.</param>
    /// <param name="season">Its season in steps (1: none).</param>
    /// <param name="fitStates">Whether the initial states are fitted (false: the rule of thumb's, the harness's baseline).</param>
    public static EtsFit Fit(double[] y, int season, bool fitStates = true)
    {
        var seasonal = season > 1 && y.Length >= 2 * season + 2;
        EtsFit? best = null;
        foreach (var trend in (EtsTrend[])[EtsTrend.None, EtsTrend.Additive, EtsTrend.Damped])
        {
            foreach (var withSeason in seasonal ? (bool[])[false, true] : [false])
            {
                var fit = FitForm(y, trend, withSeason ? season : 1, fitStates);
                if (fit is not null && (best is null || fit.Aicc < best.Aicc))
                {
                    best = fit;
                }
            }
        }

        return best ?? FitForm(y, EtsTrend.None, 1, fitStates) ?? throw new InvalidOperationException("Exponential smoothing could not be fitted.");
    }

    private static EtsFit? FitForm(double[] y, EtsTrend trend, int season, bool fitStates)
    {
        var n = y.Length;
        var states = Initial(y, trend, season);
        var parameters = 1 + (trend == EtsTrend.None ? 0 : 1) + (season > 1 ? 1 : 0) + (trend == EtsTrend.Damped ? 1 : 0);
        // AICc counts what is fitted: the smoothing parameters and the initial states (the level, the slope, and the
        // season's indices but one, as they sum to zero).
        var k = parameters + 1 + (trend == EtsTrend.None ? 0 : 1) + (season > 1 ? season - 1 : 0);
        if (n <= k + 1)
        {
            return null;
        }

        double Loss(double[] u) => Run(y, Parameters(u, trend, season), states, out _);

        // Start from gentle smoothing: a level that moves, a slope and a season that barely do.
        var start = new double[parameters];
        start[0] = Logit(0.3);
        for (var i = 1; i < parameters; i++)
        {
            start[i] = Logit(0.1);
        }

        // The smoothing from the rule-of-thumb states, then the states that fit best under that smoothing, then the
        // smoothing again from them, and the states again: R's ets and statsmodels' ETSModel estimate the states too,
        // and the rule alone left co2's rolling-origin MASE at 0.909 where this reaches 0.532 (Naive2: 0.537).
        var (best, _) = NelderMead.Minimize(Loss, start);
        if (fitStates && BestStates(y, Parameters(best, trend, season), trend, season) is { } fitted)
        {
            states = fitted;
            (best, _) = NelderMead.Minimize(Loss, best);
            states = BestStates(y, Parameters(best, trend, season), trend, season) ?? states;
        }

        var smoothing = Parameters(best, trend, season);
        var sse = Run(y, smoothing, states, out var final);
        if (!double.IsFinite(sse))
        {
            return null;
        }

        var aicc = n * Math.Log(Math.Max(sse, 1e-300) / n) + 2 * k + 2.0 * k * (k + 1) / (n - k - 1);
        return new EtsFit(trend, season, smoothing, final, aicc);
    }

    /// <summary>
    /// The initial states with the least squared one-step error under <paramref name="p"/>, or null when they are not
    /// determined. The recursions are linear in the states, so each error is the error from zero states plus a weighted
    /// sum of each state's own effect (its run over a series of zeros): a least-squares problem. The season's indices
    /// sum to zero (the last is minus the others), so the level and the season do not trade places.
    /// </summary>
    internal static EtsStart? BestStates(double[] y, EtsParameters p, EtsTrend trend, int season)
    {
        var n = y.Length;
        var m = season > 1 ? season : 0;
        var zeros = new double[n];
        double[] Effect(EtsStart start, double[] series)
        {
            var errors = new double[n];
            Run(series, p, start, out _, errors);
            return errors;
        }

        // Minimise |r + Σ x(j)·c(j)|², r the errors from zero states, c(j) state j's effect.
        var r = Effect(new EtsStart(0, 0, new double[m]), y);
        double[][] plain = trend == EtsTrend.None
            ? [Effect(new EtsStart(1, 0, new double[m]), zeros)]
            : [Effect(new EtsStart(1, 0, new double[m]), zeros), Effect(new EtsStart(0, 1, new double[m]), zeros)];
        var d = plain.Length + Math.Max(m - 1, 0);
        var a = new double[d, d];
        var b = new double[d];
        for (var i = 0; i < plain.Length; i++)
        {
            b[i] = -NormalEquations.Dot(plain[i], r);
            for (var j = 0; j <= i; j++)
            {
                a[i, j] = NormalEquations.Dot(plain[i], plain[j]);
            }
        }

        if (m > 0)
        {
            SeasonEquations(a, b, plain, r, zeros, p, m);
        }

        if (NormalEquations.Solve(a, b) is not { } x)
        {
            return null;
        }

        var indices = new double[m];
        for (var i = 0; i < m - 1; i++)
        {
            indices[i] = x[plain.Length + i];
            indices[m - 1] -= indices[i];
        }

        return new EtsStart(x[0], plain.Length > 1 ? x[1] : 0, indices);
    }

    /// <summary>
    /// The season's rows of the normal equations, in O(m·n) rather than O(m²·n): the effect of a unit in season slot j
    /// is that of a unit in slot 0 (g) shifted by j steps, as nothing moves before the slot is first used at step j. So
    /// every product is a shifted product of g with itself, with the error r or with the level's and slope's effects.
    /// Free index i's column is slot i's effect minus slot m − 1's (the indices sum to zero).
    /// </summary>
    private static void SeasonEquations(double[,] a, double[] b, double[][] plain, double[] r, double[] zeros, EtsParameters p, int m)
    {
        var n = r.Length;
        var unit = new double[m];
        unit[0] = 1;
        var g = new double[n];
        Run(zeros, p, new EtsStart(0, 0, unit), out _, g);

        // Σ_t x(t)·g(t − j), over t ≥ j.
        double Shifted(double[] x, int j) => NormalEquations.Dot(x.AsSpan(j), g.AsSpan(0, n - j));

        // G(j, k) = Σ_u g(u)·g(u + |j − k|) for u ≤ n − 1 − max(j, k): per lag, the whole sum less a tail that grows
        // by one term as max(j, k) does.
        var gram = new double[m, m];
        for (var lag = 0; lag < m; lag++)
        {
            var whole = NormalEquations.Dot(g.AsSpan(0, n - lag), g.AsSpan(lag));
            var tail = 0.0;
            for (var top = lag; top < m; top++)
            {
                if (top > lag)
                {
                    tail += g[n - top] * g[n - top + lag];
                }

                gram[top, top - lag] = gram[top - lag, top] = whole - tail;
            }
        }

        var last = m - 1;
        var rLast = Shifted(r, last);
        var plainLast = Array.ConvertAll(plain, e => Shifted(e, last));
        for (var i = 0; i < m - 1; i++)
        {
            var row = plain.Length + i;
            b[row] = -(Shifted(r, i) - rLast);
            for (var k = 0; k < plain.Length; k++)
            {
                a[row, k] = Shifted(plain[k], i) - plainLast[k];
            }

            for (var j = 0; j <= i; j++)
            {
                a[row, plain.Length + j] = gram[i, j] - gram[i, last] - gram[last, j] + gram[last, last];
            }
        }
    }

    /// <summary>
    /// Runs the recursions over the series from the initial states, returning the sum of squared one-step errors and
    /// the final states (and each step's error in <paramref name="errors"/> when given).
    /// </summary>
    internal static double Run(double[] y, EtsParameters p, EtsStart start, out EtsState final, double[]? errors = null)
    {
        var (level, slope) = (start.Level, start.Slope);
        var m = start.Seasons.Length;
        var seasons = (double[])start.Seasons.Clone();
        var sse = 0.0;
        for (var t = 0; t < y.Length; t++)
        {
            var s = m > 0 ? seasons[t % m] : 0;
            var error = y[t] - (level + p.Phi * slope + s);
            sse += error * error;
            if (errors is not null)
            {
                errors[t] = error;
            }

            var newLevel = level + p.Phi * slope + p.Alpha * error;
            slope = p.Phi * slope + p.Beta * error;
            level = newLevel;
            if (m > 0)
            {
                seasons[t % m] = s + p.Gamma * error;
            }
        }

        final = new EtsState(level, slope, seasons, y.Length);
        return double.IsFinite(sse) ? sse : double.MaxValue;
    }

    /// <summary>
    /// Initial states from the start of the series: with a season, its additive indices from classical decomposition of
    /// the first seasons (so a trend within a season is not mistaken for the season), then the level and slope of a line
    /// through the first two seasons with the season taken out; without one, the first value and the first difference.
    /// </summary>
    internal static EtsStart Initial(double[] y, EtsTrend trend, int season)
    {
        var m = season > 1 ? season : 0;
        if (m == 0)
        {
            var slope0 = trend == EtsTrend.None || y.Length < 2 ? 0 : y[1] - y[0];
            return new EtsStart(y[0], slope0, []);
        }

        var seasons = Seasonality.DecomposeAdditive(y.AsSpan(0, Math.Min(y.Length, 4 * m)), m);
        var span = Math.Min(y.Length, 2 * m);
        double meanT = (span - 1) / 2.0, meanY = 0, sxy = 0, sxx = 0;
        for (var t = 0; t < span; t++)
        {
            meanY += (y[t] - seasons[t % m]) / span;
        }

        for (var t = 0; t < span; t++)
        {
            sxy += (t - meanT) * (y[t] - seasons[t % m] - meanY);
            sxx += (t - meanT) * (t - meanT);
        }

        var slope = trend == EtsTrend.None || sxx == 0 ? 0 : sxy / sxx;
        var level = trend == EtsTrend.None ? meanY : meanY - slope * meanT;

        // The states before the first point: the line one step before it.
        return new EtsStart(level - slope, slope, seasons);
    }

    /// <summary>Maps the optimiser's free values into the admissible region: 0 &lt; β &lt; α &lt; 1, 0 &lt; γ &lt; 1 − α, 0.8 ≤ φ ≤ 0.98.</summary>
    private static EtsParameters Parameters(double[] u, EtsTrend trend, int season)
    {
        var alpha = 1e-4 + 0.9998 * Sigmoid(u[0]);
        var i = 1;
        var beta = trend == EtsTrend.None ? 0 : alpha * Sigmoid(u[i++]);
        var gamma = season > 1 ? (1 - alpha) * Sigmoid(u[i++]) : 0;
        var phi = trend switch
        {
            EtsTrend.None => 0,
            EtsTrend.Additive => 1,
            _ => 0.8 + 0.18 * Sigmoid(u[i]),
        };
        return new EtsParameters(alpha, beta, gamma, phi);
    }

    private static double Sigmoid(double u) => 1 / (1 + Math.Exp(-u));

    private static double Logit(double p) => Math.Log(p / (1 - p));
}

/// <summary>An ETS model's trend.</summary>
internal enum EtsTrend
{
    None,
    Additive,
    Damped,
}

internal readonly record struct EtsParameters(double Alpha, double Beta, double Gamma, double Phi);

/// <summary>The states before the first point: the level, the slope and the season's indices by position.</summary>
internal sealed record EtsStart(double Level, double Slope, double[] Seasons);

/// <summary>The states after the last point: the level, the slope and the season (indexed by position from the series' start).</summary>
internal sealed record EtsState(double Level, double Slope, double[] Seasons, int Length);

/// <summary>A fitted ETS form.</summary>
internal sealed record EtsFit(EtsTrend Trend, int Season, EtsParameters Parameters, EtsState State, double Aicc)
{
    /// <summary>The form in ETS notation (error, trend, season): ETS(A,Ad,A).</summary>
    public string Form => $"ETS(A,{Trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" }},{(Season > 1 ? "A" : "N")})";

    public double[] Forecast(int horizon)
    {
        var s = State;
        var forecast = new double[horizon];
        var damp = 0.0;
        var power = 1.0;
        for (var h = 0; h < horizon; h++)
        {
            power *= Parameters.Phi;
            damp += power;
            var season = s.Seasons.Length > 0 ? s.Seasons[(s.Length + h) % s.Seasons.Length] : 0;
            forecast[h] = s.Level + damp * s.Slope + season;
        }

        return forecast;
    }
}
