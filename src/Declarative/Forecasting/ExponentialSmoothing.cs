namespace Declarative.Forecasting;

/// <summary>
/// Exponential smoothing in its state-space form (ETS): additive or multiplicative errors; a level, optionally an
/// additive or damped trend; optionally an additive or multiplicative season. Each form's smoothing parameters
/// (Nelder–Mead, inside the usual bounds) maximise its likelihood and its initial states (least squares) minimise the
/// one-step squared error; the form with the lowest AICc is the model. Multiplicative errors and seasons need a positive
/// series.
/// </summary>
internal static class ExponentialSmoothing
{
    /// <summary>
    /// The longest season a form holds as states (R's ets stops at 24 too). A longer one (half-hours' 48, weeks' 52,
    /// five minutes' 288) is taken out by M4's classical decomposition before the fit, as for Theta and ARIMA: its
    /// states cost the fit O(season²) per step (a multiplicative season's Gauss–Newton step runs the series once per
    /// index), 43 s for one series of 4,000 five-minute points, and the forms it adds were not better on the bundled
    /// series (docs/forecasting-log.md).
    /// </summary>
    public const int MaxSeason = 24;

    /// <summary>
    /// The forms tried: trend none / additive / damped, each without and (for a seasonal step) with an additive season,
    /// and for a positive series with a multiplicative one; each with additive and (positive series) multiplicative errors.
    /// </summary>
    /// <param name="y">The series.</param>
    /// <param name="season">Its season in steps (1: none).</param>
    /// <param name="fitStates">Whether the initial states are fitted (false: the rule of thumb's, a harness baseline).</param>
    /// <param name="multiplicative">Whether multiplicative errors and seasons are tried (false: the additive forms alone, a harness baseline).</param>
    /// <param name="relativeStates">Whether multiplicative errors' states are fitted under their own likelihood (false: the additive fit's states, a harness baseline).</param>
    public static EtsFit Fit(double[] y, int season, bool fitStates = true, bool multiplicative = true, bool relativeStates = true)
    {
        var seasonal = season > 1 && y.Length >= 2 * season + 2;
        var positive = multiplicative && Array.TrueForAll(y, v => v > 0);
        EtsSeason[] seasons = !seasonal ? [EtsSeason.None] : positive ? [EtsSeason.None, EtsSeason.Additive, EtsSeason.Multiplicative] : [EtsSeason.None, EtsSeason.Additive];
        EtsFit? best = null;
        void Consider(EtsFit? fit)
        {
            if (fit is not null && (best is null || fit.Aicc < best.Aicc))
            {
                best = fit;
            }
        }

        foreach (var trend in (EtsTrend[])[EtsTrend.None, EtsTrend.Additive, EtsTrend.Damped])
        {
            foreach (var kind in seasons)
            {
                var form = FitForm(y, new EtsForm(EtsError.Additive, trend, kind, kind == EtsSeason.None ? 1 : season), fitStates);
                Consider(form?.Fit);
                if (positive && form is { } additive)
                {
                    Consider(WithRelativeErrors(y, additive, fitStates && relativeStates));
                }
            }
        }

        // The first form tried (simple smoothing) is the last resort; fitting it again would fail the same way.
        return best ?? throw new InvalidOperationException("Exponential smoothing could not be fitted.");
    }

    /// <summary>
    /// An additive-error form fitted, with the optimiser's free values, the initial states it ended at and how many
    /// values AICc counts.
    /// </summary>
    private sealed record FormFit(EtsFit Fit, double[] Free, EtsStart Start, int Estimated);

    private static FormFit? FitForm(double[] y, EtsForm form, bool fitStates)
    {
        var n = y.Length;
        var (trend, season) = (form.Trend, form.Period);
        var states = Initial(y, trend, season, form.Season == EtsSeason.Multiplicative);
        var parameters = 1 + (trend == EtsTrend.None ? 0 : 1) + (season > 1 ? 1 : 0) + (trend == EtsTrend.Damped ? 1 : 0);
        // AICc counts what is fitted: the smoothing parameters and the initial states (the level, the slope, and the
        // season's indices but one, as they sum to zero, or to the season's length when they multiply).
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
        if (fitStates && BestStates(y, Parameters(best, trend, season), trend, states) is { } fitted)
        {
            states = fitted;
            (best, _) = NelderMead.Minimize(Loss, best);
            states = BestStates(y, Parameters(best, trend, season), trend, states) ?? states;
        }

        var smoothing = Parameters(best, trend, season);
        var sse = Run(y, smoothing, states, out var final);
        if (sse == double.MaxValue)
        {
            return null;
        }

        return new FormFit(new EtsFit(form, smoothing, final, Aicc(n * Math.Log(Math.Max(sse, 1e-300) / n), n, k)), best, states, k);
    }

    /// <summary>
    /// The same form with multiplicative errors: the recursions are the additive form's (an error enters the states as
    /// y − ŷ either way), the likelihood is not (each error relative to its forecast), so the smoothing is fitted again
    /// under it from where the additive form ended, then (<paramref name="fitStates"/>) the states towards the least
    /// relative error and the smoothing again, twice: the additive fit's states weigh a large error at a high level as
    /// much as at a low one, where this likelihood weighs it by its level (statsmodels' ETSModel estimates both together).
    /// </summary>
    private static EtsFit? WithRelativeErrors(double[] y, FormFit additive, bool fitStates)
    {
        var n = y.Length;
        var form = additive.Fit.Form with { Error = EtsError.Multiplicative };
        var start = additive.Start;
        double Loss(double[] u) => RelativeLoss(y, Parameters(u, form.Trend, form.Period), start, out _);
        var (best, value) = NelderMead.Minimize(Loss, additive.Free);
        if (value == double.MaxValue)
        {
            return null;
        }

        for (var round = 0; fitStates && round < 2 && RelativeStates(y, Parameters(best, form.Trend, form.Period), form.Trend, start, value) is { } states; round++)
        {
            start = states;
            (best, value) = NelderMead.Minimize(Loss, best);
        }

        var smoothing = Parameters(best, form.Trend, form.Period);
        RelativeLoss(y, smoothing, start, out var final);
        return new EtsFit(form, smoothing, final, Aicc(value, n, additive.Estimated));
    }

    /// <summary>
    /// Gauss–Newton steps on the initial states towards the least squared relative one-step error (e / ŷ), the
    /// multiplicative errors' likelihood but for its log-forecast term; a step is kept only when that likelihood
    /// (<see cref="RelativeLoss"/>) falls below <paramref name="loss"/>. Null when no step did.
    /// </summary>
    internal static EtsStart? RelativeStates(double[] y, EtsParameters p, EtsTrend trend, EtsStart from, double loss)
    {
        var packing = new StatePacking(trend, from);
        bool Relative(double[] v, double[] r)
        {
            if (Run(y, p, packing.Unpack(v), out _, r) == double.MaxValue)
            {
                return false;
            }

            for (var t = 0; t < r.Length; t++)
            {
                var forecast = y[t] - r[t];
                if (!(forecast > 0))
                {
                    return false;
                }

                r[t] /= forecast;
            }

            return true;
        }

        var (x, improved) = (packing.Pack(from), (double[]?)null);
        for (var iteration = 0; iteration < 3 && GaussNewtonStep(x, y.Length, Relative, v => RelativeLoss(y, p, packing.Unpack(v), out _), loss) is { } step; iteration++)
        {
            (x, loss, improved) = (step.X, step.Value, step.X);
        }

        return improved is null ? null : packing.Unpack(improved);
    }

    private static double Aicc(double likelihood, int n, int k) => likelihood + 2 * k + 2.0 * k * (k + 1) / (n - k - 1);

    /// <summary>
    /// Twice the negative log likelihood of multiplicative errors, less constants it shares with the additive errors'
    /// n·log(SSE / n): n·log(Σ (e / ŷ)² / n) + 2·Σ log ŷ (Hyndman et al. 2008, chapter 5). The largest double when a
    /// forecast is not positive.
    /// </summary>
    internal static double RelativeLoss(double[] y, EtsParameters p, EtsStart start, out EtsState final)
    {
        var sums = Sweep(y, p, start, out final, null, relative: true);
        return sums.Relative is > 0 and < double.MaxValue && double.IsFinite(sums.LogForecasts)
            ? y.Length * Math.Log(sums.Relative / y.Length) + 2 * sums.LogForecasts
            : double.MaxValue;
    }

    /// <summary>
    /// The initial states with the least squared one-step error under <paramref name="p"/> for an additive season
    /// (<see cref="LinearStates"/>, exact), or a Gauss–Newton step towards them for a multiplicative one; null when they
    /// are not determined (or no step lowers the error).
    /// </summary>
    internal static EtsStart? BestStates(double[] y, EtsParameters p, EtsTrend trend, EtsStart from) =>
        from.MultiplicativeSeason ? GaussNewtonStates(y, p, trend, from) : LinearStates(y, p, trend, from.Seasons.Length);

    /// <summary>
    /// The initial states with the least squared one-step error for an additive season. The recursions are linear in
    /// the states, so each error is the error from zero states plus a weighted sum of each state's own effect (its run
    /// over a series of zeros): a least-squares problem. The season's indices sum to zero (the last is minus the
    /// others), so the level and the season do not trade places.
    /// </summary>
    private static EtsStart? LinearStates(double[] y, EtsParameters p, EtsTrend trend, int season)
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
    /// Initial states with less squared one-step error for a multiplicative season, where the errors are not linear in
    /// the states: one Gauss–Newton step from <paramref name="from"/> (the Jacobian by forward differences; the step
    /// halved until the error falls). The fit alternates it with the smoothing's, so a step per call is enough: two
    /// gave co2 the same forecasts at 1.3 times the cost. The indices average 1 (the last is the season's length minus
    /// the others). Null when no step lowers the error.
    /// </summary>
    private static EtsStart? GaussNewtonStates(double[] y, EtsParameters p, EtsTrend trend, EtsStart from)
    {
        var packing = new StatePacking(trend, from);
        var x = packing.Pack(from);
        var sse = Run(y, p, packing.Unpack(x), out _);
        return sse == double.MaxValue ? null
            : GaussNewtonStep(x, y.Length, (v, errors) => Run(y, p, packing.Unpack(v), out _, errors) != double.MaxValue, v => Run(y, p, packing.Unpack(v), out _), sse) is { } step
                ? packing.Unpack(step.X)
                : null;
    }

    /// <summary>
    /// One Gauss–Newton step on free values <paramref name="x"/>: the <paramref name="n"/> residuals' Jacobian by
    /// forward differences, the normal equations, the step halved until <paramref name="objective"/> falls below
    /// <paramref name="current"/>. Null when the residuals cannot be computed or no step lowers it.
    /// </summary>
    private static (double[] X, double Value)? GaussNewtonStep(double[] x, int n, Func<double[], double[], bool> residuals, Func<double[], double> objective, double current)
    {
        var d = x.Length;
        var r = new double[n];
        if (!residuals(x, r))
        {
            return null;
        }

        var jacobian = new double[d][];
        for (var j = 0; j < d; j++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            var shifted = (double[])x.Clone();
            shifted[j] += h;
            var column = jacobian[j] = new double[n];
            if (!residuals(shifted, column))
            {
                return null;
            }

            for (var t = 0; t < n; t++)
            {
                column[t] = (column[t] - r[t]) / h;
            }
        }

        var a = new double[d, d];
        var b = new double[d];
        for (var i = 0; i < d; i++)
        {
            b[i] = -NormalEquations.Dot(jacobian[i], r);
            for (var j = 0; j <= i; j++)
            {
                a[i, j] = NormalEquations.Dot(jacobian[i], jacobian[j]);
            }
        }

        if (NormalEquations.Solve(a, b) is not { } step)
        {
            return null;
        }

        for (var scale = 1.0; scale > 1e-3; scale /= 2)
        {
            var candidate = new double[d];
            for (var j = 0; j < d; j++)
            {
                candidate[j] = x[j] + scale * step[j];
            }

            var value = objective(candidate);
            if (value < current)
            {
                return (candidate, value);
            }
        }

        return null;
    }

    /// <summary>
    /// The initial states as free values for a Gauss–Newton step: the level, the slope (with a trend) and the season's
    /// indices but the last, which keeps their sum (zero when they add, the season's length when they multiply).
    /// </summary>
    private readonly struct StatePacking(EtsTrend trend, EtsStart like)
    {
        private readonly int _slope = trend == EtsTrend.None ? 0 : 1;
        private readonly int _season = like.Seasons.Length;
        private readonly bool _multiplicative = like.MultiplicativeSeason;

        public double[] Pack(EtsStart start)
        {
            var x = new double[1 + _slope + Math.Max(_season - 1, 0)];
            x[0] = start.Level;
            if (_slope == 1)
            {
                x[1] = start.Slope;
            }

            if (_season > 0)
            {
                Array.Copy(start.Seasons, 0, x, 1 + _slope, _season - 1);
            }

            return x;
        }

        public EtsStart Unpack(double[] v)
        {
            var indices = new double[_season];
            if (_season > 0)
            {
                indices[_season - 1] = _multiplicative ? _season : 0;
                for (var i = 0; i < _season - 1; i++)
                {
                    indices[i] = v[1 + _slope + i];
                    indices[_season - 1] -= indices[i];
                }
            }

            return new EtsStart(v[0], _slope == 1 ? v[1] : 0, indices, _multiplicative);
        }
    }

    /// <summary>
    /// Runs the recursions over the series from the initial states, returning the sum of squared one-step errors (the
    /// largest double when they are not finite, or when a multiplicative season meets a level or index that is not
    /// positive) and the final states (and each step's error in <paramref name="errors"/> when given).
    /// </summary>
    internal static double Run(double[] y, EtsParameters p, EtsStart start, out EtsState final, double[]? errors = null) =>
        Sweep(y, p, start, out final, errors, relative: false).Squared;

    /// <summary>
    /// One pass of the recursions in error-correction form. The error e = y − ŷ moves the states the same way whatever
    /// the error's type (a multiplicative error ε is e / ŷ); with a multiplicative season ŷ = (level + φ·slope)·s, and
    /// the level and slope move by e / s, the index by e / (level + φ·slope) (Hyndman et al. 2008, table 2.3).
    /// </summary>
    private static EtsSums Sweep(double[] y, EtsParameters p, EtsStart start, out EtsState final, double[]? errors, bool relative)
    {
        var (level, slope) = (start.Level, start.Slope);
        var m = start.Seasons.Length;
        var multiplicative = start.MultiplicativeSeason && m > 0;
        var seasons = (double[])start.Seasons.Clone();
        double sse = 0, relativeSse = 0, logs = 0;
        var valid = true;
        // The season's slot (t mod m) advanced step by step rather than divided for: the optimisers run this loop
        // thousands of times a fit.
        for (int t = 0, slot = 0; t < y.Length && valid; t++, slot = slot + 1 == m ? 0 : slot + 1)
        {
            var baseline = level + p.Phi * slope;
            var s = m > 0 ? seasons[slot] : 0;
            double forecast;
            if (multiplicative)
            {
                valid = baseline > 0 && s > 0;
                forecast = baseline * s;
            }
            else
            {
                forecast = baseline + s;
            }

            var error = y[t] - forecast;
            sse += error * error;
            if (relative)
            {
                valid &= forecast > 0;
                relativeSse += error * error / (forecast * forecast);
                logs += Math.Log(forecast);
            }

            if (errors is not null)
            {
                errors[t] = error;
            }

            var scaled = multiplicative ? error / s : error;
            level = baseline + p.Alpha * scaled;
            slope = p.Phi * slope + p.Beta * scaled;
            if (m > 0)
            {
                seasons[slot] = multiplicative ? s + p.Gamma * error / baseline : s + p.Gamma * error;
            }
        }

        final = new EtsState(level, slope, seasons, y.Length);
        valid &= double.IsFinite(sse) && double.IsFinite(relativeSse) && double.IsFinite(logs);
        return valid ? new EtsSums(sse, relativeSse, logs) : new EtsSums(double.MaxValue, double.MaxValue, double.MaxValue);
    }

    private readonly record struct EtsSums(double Squared, double Relative, double LogForecasts);

    /// <summary>
    /// Initial states from the start of the series: with a season, its indices from classical decomposition of the first
    /// seasons (so a trend within a season is not mistaken for the season), then the level and slope of a line through
    /// the first two seasons with the season taken out; without one, the first value and the first difference.
    /// </summary>
    internal static EtsStart Initial(double[] y, EtsTrend trend, int season, bool multiplicative = false)
    {
        var m = season > 1 ? season : 0;
        if (m == 0)
        {
            var slope0 = trend == EtsTrend.None || y.Length < 2 ? 0 : y[1] - y[0];
            return new EtsStart(y[0], slope0, []);
        }

        var first = y.AsSpan(0, Math.Min(y.Length, 4 * m));
        var seasons = multiplicative ? Seasonality.Decompose(first, m).Figure : Seasonality.DecomposeAdditive(first, m);
        double Adjusted(int t) => multiplicative ? y[t] / seasons[t % m] : y[t] - seasons[t % m];
        var span = Math.Min(y.Length, 2 * m);
        double meanT = (span - 1) / 2.0, meanY = 0, sxy = 0, sxx = 0;
        for (var t = 0; t < span; t++)
        {
            meanY += Adjusted(t) / span;
        }

        for (var t = 0; t < span; t++)
        {
            sxy += (t - meanT) * (Adjusted(t) - meanY);
            sxx += (t - meanT) * (t - meanT);
        }

        var slope = trend == EtsTrend.None || sxx == 0 ? 0 : sxy / sxx;
        var level = trend == EtsTrend.None ? meanY : meanY - slope * meanT;

        // The states before the first point: the line one step before it.
        return new EtsStart(level - slope, slope, seasons, multiplicative);
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

/// <summary>An ETS model's error: added to the forecast, or a share of it.</summary>
internal enum EtsError
{
    Additive,
    Multiplicative,
}

/// <summary>An ETS model's trend.</summary>
internal enum EtsTrend
{
    None,
    Additive,
    Damped,
}

/// <summary>An ETS model's season: none, added to the level, or multiplying it.</summary>
internal enum EtsSeason
{
    None,
    Additive,
    Multiplicative,
}

/// <summary>An ETS form: its error, trend and season, and the season's length in steps (1 without one).</summary>
internal readonly record struct EtsForm(EtsError Error, EtsTrend Trend, EtsSeason Season, int Period)
{
    /// <summary>The form in ETS notation (error, trend, season): ETS(M,Ad,A).</summary>
    public override string ToString() =>
        $"ETS({(Error == EtsError.Multiplicative ? "M" : "A")},{Trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" }},{Season switch { EtsSeason.None => "N", EtsSeason.Additive => "A", _ => "M" }})";
}

internal readonly record struct EtsParameters(double Alpha, double Beta, double Gamma, double Phi);

/// <summary>The states before the first point: the level, the slope and the season's indices by position.</summary>
internal sealed record EtsStart(double Level, double Slope, double[] Seasons, bool MultiplicativeSeason = false);

/// <summary>The states after the last point: the level, the slope and the season (indexed by position from the series' start).</summary>
internal sealed record EtsState(double Level, double Slope, double[] Seasons, int Length);

/// <summary>A fitted ETS form.</summary>
internal sealed record EtsFit(EtsForm Form, EtsParameters Parameters, EtsState State, double Aicc)
{
    public EtsTrend Trend => Form.Trend;

    /// <summary>The season's length in steps (1: none).</summary>
    public int Season => Form.Period;

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
            var baseline = s.Level + damp * s.Slope;
            forecast[h] = Form.Season switch
            {
                EtsSeason.Additive => baseline + s.Seasons[(s.Length + h) % s.Seasons.Length],
                EtsSeason.Multiplicative => baseline * s.Seasons[(s.Length + h) % s.Seasons.Length],
                _ => baseline,
            };
        }

        return forecast;
    }
}
