namespace Declarative.Forecasting;

/// <summary>
/// The autoregression of a series together with some of its past covariates (<c>[PastCovariate]</c>): each of them the
/// next value as an intercept plus a weighted sum of the last <c>p</c> values of all of them, fitted by least squares,
/// and forecast together, since a past covariate is known only up to the last value. The covariates are chosen one at a
/// time, each the one that lowers the AICc of the series' own equation most (over the orders), while one does: so a
/// covariate is read when its past tells the series' next value more than the series' own past and the covariates
/// already chosen do, on the same rows as the autoregression of the series alone.
/// </summary>
internal sealed class VectorAutoregression
{
    /// <summary>At most this many lagged values in an equation (as the autoregression alone reads at most 48 lags).</summary>
    private const int MaxLagged = 48;

    /// <summary>At most this many past covariates are candidates (each round of the choice fits every one left).</summary>
    public const int MaxCandidates = 8;

    // Each equation's coefficients: the intercept, then the variables at t − 1 (the series first), then at t − 2, and so on.
    private readonly double[][] _coefficients;
    private readonly int[] _chosen;
    private readonly double[] _scales;

    private VectorAutoregression(int order, double[][] coefficients, int[] chosen, double[] scales) =>
        (Order, _coefficients, _chosen, _scales) = (order, coefficients, chosen, scales);

    /// <summary>How many past steps each equation reads.</summary>
    public int Order { get; }

    /// <summary>How many past covariates it reads.</summary>
    public int Read => _chosen.Length;

    /// <summary>
    /// The covariates and order whose series equation has the lowest AICc over the rows from <paramref name="from"/> on,
    /// when it is below <paramref name="bestAicc"/> (the series alone's); null when none is.
    /// </summary>
    /// <param name="y">The series.</param>
    /// <param name="past">Each past covariate over the series' steps.</param>
    /// <param name="from">The first row every order is fitted on (the univariate fit's, so the two compare).</param>
    /// <param name="bestAicc">The AICc to beat.</param>
    /// <param name="errors">
    /// The one-step errors of the series alone's autoregression over the rows from <paramref name="from"/> on (its series
    /// when none fits), asked for only to screen more than <see cref="MaxCandidates"/> covariates.
    /// </param>
    public static VectorAutoregression? Fit(double[] y, double[][] past, int from, double bestAicc, Func<double[]> errors)
    {
        var n = y.Length;
        if (past.Length == 0 || from >= n || past.Any(p => p.Length < n))
        {
            return null;
        }

        // The covariates divided by their mean absolute level, so the normal equations stay well scaled (the series is
        // not, so its equation's errors are the univariate fit's own units and the two AICc compare).
        var scales = new double[past.Length];
        var scaled = new double[past.Length][];
        for (var c = 0; c < past.Length; c++)
        {
            var level = 0.0;
            for (var t = 0; t < n; t++)
            {
                level += Math.Abs(past[c][t]);
            }

            scales[c] = level > 0 ? level / n : 1;
            scaled[c] = [.. past[c].Take(n).Select(v => v / scales[c])];
        }

        // Each round fits every candidate left; with many covariates only those whose last value tells most of what the
        // series alone leaves (Granger's question, asked once and cheaply) are candidates, which bounds the work.
        var candidates = past.Length <= MaxCandidates ? Enumerable.Range(0, past.Length).ToList()
            : Screened(errors(), scaled, from);
        var chosen = new List<int>();
        (int Order, double[][] Coefficients)? best = null;
        while (chosen.Count < candidates.Count)
        {
            var step = -1;
            foreach (var candidate in candidates.Except(chosen))
            {
                double[][] z = [y, .. chosen.Select(c => scaled[c]), scaled[candidate]];
                if (Orders(z, from, bestAicc) is { } fit)
                {
                    (best, bestAicc, step) = ((fit.Order, fit.Coefficients), fit.Aicc, candidate);
                }
            }

            if (step < 0)
            {
                break;
            }

            chosen.Add(step);
        }

        return best is { } model ? new VectorAutoregression(model.Order, model.Coefficients, [.. chosen], [.. chosen.Select(c => scales[c])]) : null;
    }

    /// <summary>
    /// The order of the variables <paramref name="z"/> (the series first) whose series equation has the lowest AICc over
    /// the rows from <paramref name="from"/> on, with every equation's coefficients, when that AICc is below
    /// <paramref name="toBeat"/>; null otherwise.
    /// </summary>
    private static (int Order, double[][] Coefficients, double Aicc)? Orders(double[][] z, int from, double toBeat)
    {
        var n = z[0].Length;
        var count = z.Length;
        var rows = n - from;
        var maxOrder = Math.Min(from, Math.Min(MaxLagged, rows / 4) / count);
        if (maxOrder < 1)
        {
            return null;
        }

        var d = (count * maxOrder) + 1;
        var a = new double[d, d];
        var b = new double[count][];
        for (var c = 0; c < count; c++)
        {
            b[c] = new double[d];
        }

        var x = new double[d];
        for (var t = from; t < n; t++)
        {
            Regressors(z, t, maxOrder, x);
            for (var i = 0; i < d; i++)
            {
                for (var c = 0; c < count; c++)
                {
                    b[c][i] += x[i] * z[c][t];
                }

                for (var j = 0; j <= i; j++)
                {
                    a[i, j] += x[i] * x[j];
                }
            }
        }

        // Each order's equations are the leading rows and columns of the largest one's (the regressors go by lag).
        (int Order, double[] Series)? best = null;
        for (var p = 1; p <= maxOrder; p++)
        {
            var k = (count * p) + 1;
            if (rows - k - 2 < 1 || NormalEquations.Solve(NormalEquations.Leading(a, k), b[0][..k]) is not { } series)
            {
                break;
            }

            var sse = 0.0;
            for (var t = from; t < n; t++)
            {
                Regressors(z, t, p, x);
                var e = z[0][t] - Dot(series, x);
                sse += e * e;
            }

            var aicc = Autoregression.Aicc(rows, sse, k);
            if (aicc < toBeat)
            {
                (best, toBeat) = ((p, series), aicc);
            }
        }

        if (best is not { } chosen)
        {
            return null;
        }

        var size = (count * chosen.Order) + 1;
        var coefficients = new double[count][];
        coefficients[0] = chosen.Series;
        for (var c = 1; c < count; c++)
        {
            if (NormalEquations.Solve(NormalEquations.Leading(a, size), b[c][..size]) is not { } equation)
            {
                return null;
            }

            coefficients[c] = equation;
        }

        return (chosen.Order, coefficients, toBeat);
    }

    /// <summary>
    /// The series' next <paramref name="horizon"/> values after <paramref name="y"/> and <paramref name="past"/> (the
    /// data fitted on), every variable forecast recursively; null when the path leaves the finite numbers.
    /// </summary>
    public double[]? Forecast(double[] y, double[][] past, int horizon)
    {
        var n = y.Length;
        var count = _coefficients.Length;
        var path = new double[count][];
        path[0] = new double[n + horizon];
        y.CopyTo(path[0], 0);
        for (var c = 1; c < count; c++)
        {
            path[c] = new double[n + horizon];
            for (var t = 0; t < n; t++)
            {
                path[c][t] = past[_chosen[c - 1]][t] / _scales[c - 1];
            }
        }

        var x = new double[(count * Order) + 1];
        for (var t = n; t < n + horizon; t++)
        {
            Regressors(path, t, Order, x);
            for (var c = 0; c < count; c++)
            {
                path[c][t] = Dot(_coefficients[c], x);
            }
        }

        var forecast = path[0][n..];
        return forecast.All(double.IsFinite) ? forecast : null;
    }

    /// <summary>The <see cref="MaxCandidates"/> covariates whose value a step earlier correlates most with <paramref name="errors"/> (ties to the earlier).</summary>
    private static List<int> Screened(double[] errors, double[][] scaled, int from) =>
        [.. Enumerable.Range(0, scaled.Length).OrderByDescending(c => SquaredCorrelation(errors, scaled[c], from)).ThenBy(c => c).Take(MaxCandidates)];

    /// <summary>The squared correlation of <paramref name="errors"/> (over the rows from <paramref name="from"/> on) with <paramref name="x"/> a step earlier.</summary>
    private static double SquaredCorrelation(double[] errors, double[] x, int from)
    {
        var rows = errors.Length;
        var (me, mx) = (errors.Average(), 0.0);
        for (var i = 0; i < rows; i++)
        {
            mx += x[from + i - 1];
        }

        mx /= rows;
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0);
        for (var i = 0; i < rows; i++)
        {
            var (dx, dy) = (x[from + i - 1] - mx, errors[i] - me);
            (sxy, sxx, syy) = (sxy + (dx * dy), sxx + (dx * dx), syy + (dy * dy));
        }

        return sxx > 0 && syy > 0 ? sxy * sxy / (sxx * syy) : 0;
    }

    /// <summary>The regressors of step <paramref name="t"/>: 1, then every variable at t − 1, then at t − 2, up to t − <paramref name="order"/>.</summary>
    private static void Regressors(double[][] z, int t, int order, double[] x)
    {
        x[0] = 1;
        var i = 1;
        for (var k = 1; k <= order; k++)
        {
            foreach (var variable in z)
            {
                x[i++] = variable[t - k];
            }
        }
    }

    private static double Dot(double[] coefficients, double[] x)
    {
        var value = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            value += coefficients[i] * x[i];
        }

        return value;
    }
}
