namespace Declarative.Forecasting;

/// <summary>
/// A linear autoregression: the next value as an intercept plus a weighted sum of the last <c>p</c> values, fitted by
/// least squares, <c>p</c> from 1 up to two seasons (at least 12, at most 48 and a fifth of the series) by AICc; it
/// forecasts recursively. It sees cycles no calendar season names (the sunspot cycle of about eleven years). With
/// covariates it is a regression with autoregressive errors (SARIMAX's form): the value is a line in the covariates at
/// its own step plus an autoregression of what the line leaves, so a holiday's dip is not carried on to the days after
/// it through the lags. With past covariates (known only up to the last value) it is a vector autoregression of the
/// series and those whose past tells it more than its own (<see cref="VectorAutoregression"/>).
/// </summary>
internal static class Autoregression
{
    /// <summary>The next <paramref name="horizon"/> values after <paramref name="y"/>, the order chosen, and how many past covariates it read.</summary>
    /// <param name="y">The history.</param>
    /// <param name="season">The season, in steps (1: none); it bounds the order.</param>
    /// <param name="horizon">Steps to forecast.</param>
    /// <param name="covariates">Each covariate over the history's steps and on over the horizon's (empty: none).</param>
    /// <param name="past">Each past covariate over at least the history's steps, of which only those are read (empty: none).</param>
    public static (double[] Forecast, int Order, int Read) Forecast(double[] y, int season, int horizon, double[][]? covariates = null, double[][]? past = null) =>
        CovariateLine.Fit(y, season, horizon, covariates) is { } fitted
            ? Forecast(y, season, horizon, fitted, past)
            : Autoregress(y, season, horizon, past, null) is { } alone ? alone : (Enumerable.Repeat(y[^1], horizon).ToArray(), 0, 0);

    /// <summary>
    /// The regression with autoregressive errors on the covariates' <paramref name="fitted"/> line (its GLS round, shared
    /// with the models that forecast what the line leaves): the line at each step ahead plus the autoregression, fitted
    /// again, of what the line leaves (with the past covariates when they tell it more).
    /// </summary>
    internal static (double[] Forecast, int Order, int Read) Forecast(double[] y, int season, int horizon, CovariateLine fitted, double[][]? past = null)
    {
        var n = y.Length;
        var covariates = fitted.Covariates;
        var (line, order, coefficients) = fitted.Regression;
        var errors = Residuals(y, covariates, line);
        var (path, chosen, read) = coefficients is null ? (new double[horizon], order, 0)
            : Autoregress(errors, season, horizon, past, order) ?? (new double[horizon], 0, 0);
        var forecast = new double[horizon];
        for (var j = 0; j < horizon; j++)
        {
            forecast[j] = path[j] + LineAt(line, covariates, n + j);
        }

        return (forecast, chosen, read);
    }

    /// <summary>The AICc of a least-squares fit of <paramref name="k"/> coefficients leaving <paramref name="sse"/> over <paramref name="rows"/> rows.</summary>
    internal static double Aicc(int rows, double sse, int k) =>
        rows * Math.Log(Math.Max(sse, 1e-300) / rows) + 2 * (k + 1) + 2.0 * (k + 1) * (k + 2) / Math.Max(rows - k - 2, 1);

    /// <summary>
    /// Feasible GLS in one round (Cochrane–Orcutt): the line (intercept, then the covariates' weights) by least
    /// squares, the autoregression of what it leaves, then the line again on the series filtered by that autoregression
    /// (which takes out the lags' share, a weekly pattern among them). More rounds moved the births' holiday weight by
    /// under 0.1 %.
    /// </summary>
    internal static (double[] Line, int Order, double[]? Coefficients) Regress(double[] y, double[][] covariates, int season)
    {
        var n = y.Length;
        var line = Line(y, covariates, n, null) ?? new double[covariates.Length + 1];
        var (order, coefficients, _, _) = Fit(Residuals(y, covariates, line), season);
        if (coefficients is not null)
        {
            line = Line(y, covariates, n, coefficients) ?? line;
        }

        return (line, order, coefficients);
    }

    /// <summary>
    /// The autoregression of <paramref name="y"/> (of the order given, or by AICc) forecast recursively; with past
    /// covariates, their vector autoregression with the series instead when its series equation has the lower AICc on the
    /// same rows. Null when nothing fits.
    /// </summary>
    private static (double[] Forecast, int Order, int Read)? Autoregress(double[] y, int season, int horizon, double[][]? past, int? only)
    {
        var n = y.Length;
        var (order, best, aicc, from) = Fit(y, season, only);
        if (past is { Length: > 0 } && from < n
            && VectorAutoregression.Fit(y, past, from, aicc, () => [.. Enumerable.Range(from, n - from).Select(t => best is null ? y[t] : y[t] - Predict(best, y, t))]) is { } vector
            && vector.Forecast(y, past, horizon) is { } joint)
        {
            return (joint, vector.Order, vector.Read);
        }

        if (best is null)
        {
            return null;
        }

        var path = new double[n + horizon];
        y.CopyTo(path, 0);
        for (var j = 0; j < horizon; j++)
        {
            path[n + j] = Predict(best, path, n + j);
        }

        return (path[n..], order, 0);
    }

    /// <summary>
    /// The autoregression of <paramref name="y"/> with the lowest AICc (or of the order given), null when none fits; its
    /// AICc and the first row every order was fitted on.
    /// </summary>
    private static (int Order, double[]? Coefficients, double Aicc, int From) Fit(double[] y, int season, int? only = null)
    {
        var n = y.Length;
        var maxOrder = Math.Min(Math.Clamp(2 * season, 12, 48), Math.Max(1, n / 5));
        double[]? best = null;
        var bestAicc = double.PositiveInfinity;

        // Every order is fitted on the same rows (from maxOrder on), so their AICc compare, and each order's normal
        // equations are the leading rows and columns of the largest one's: they are summed once, in the same order as
        // a system of that order alone would sum them, so every order's fit is exactly what it would be on its own.
        var (first, last) = (only ?? 1, only ?? maxOrder);
        var rows = n - maxOrder;
        last = Math.Min(last, rows - 3); // order p has p + 1 coefficients, and AICc needs more rows than p + 2
        if (last < first)
        {
            return (0, null, double.PositiveInfinity, maxOrder);
        }

        var (a, b) = Equations(y, last, maxOrder);
        for (var p = first; p <= last; p++)
        {
            var k = p + 1;
            var coefficients = NormalEquations.Solve(NormalEquations.Leading(a, k), b[..k]);
            if (coefficients is null)
            {
                continue;
            }

            var sse = 0.0;
            for (var t = maxOrder; t < n; t++)
            {
                var e = y[t] - Predict(coefficients, y, t);
                sse += e * e;
            }

            var aicc = Aicc(rows, sse, k);
            if (aicc < bestAicc)
            {
                (best, bestAicc) = (coefficients, aicc);
            }
        }

        return (best is null ? 0 : best.Length - 1, best, bestAicc, maxOrder);
    }

    /// <summary>
    /// The intercept and weights of the covariates at each step, by least squares over the first <paramref name="n"/>
    /// steps; given an autoregression (<paramref name="ar"/>: intercept, then lag weights), on the series and covariates
    /// filtered by it. Null when the autoregression leaves too few rows to fit on or the system is singular.
    /// </summary>
    private static double[]? Line(double[] y, double[][] covariates, int n, double[]? ar)
    {
        var p = ar is null ? 0 : ar.Length - 1;
        var d = covariates.Length + 1;
        if (n - p <= d)
        {
            return ar is null ? new double[d] : null;
        }

        var a = new double[d, d];
        var b = new double[d];
        var x = new double[d];
        for (var t = p; t < n; t++)
        {
            // Filtered: z(t) − Σ a(k) · z(t − k), for the value and each covariate (and the constant 1).
            var target = y[t];
            x[0] = 1;
            for (var c = 0; c < covariates.Length; c++)
            {
                x[c + 1] = covariates[c][t];
            }

            for (var k = 1; k <= p; k++)
            {
                target -= ar![k] * y[t - k];
                x[0] -= ar[k];
                for (var c = 0; c < covariates.Length; c++)
                {
                    x[c + 1] -= ar[k] * covariates[c][t - k];
                }
            }

            NormalEquations.Accumulate(a, b, x, target);
        }

        return NormalEquations.Solve(a, b) ?? (ar is null ? new double[d] : null);
    }

    private static double LineAt(double[] line, double[][] covariates, int t)
    {
        var value = line[0];
        for (var c = 0; c < covariates.Length; c++)
        {
            value += line[c + 1] * covariates[c][t];
        }

        return value;
    }

    private static double[] Residuals(double[] y, double[][] covariates, double[] line)
    {
        var errors = new double[y.Length];
        for (var t = 0; t < y.Length; t++)
        {
            errors[t] = y[t] - LineAt(line, covariates, t);
        }

        return errors;
    }

    /// <summary>intercept + Σ c(k) · y(t − k).</summary>
    private static double Predict(double[] c, double[] y, int t)
    {
        var value = c[0];
        for (var k = 1; k < c.Length; k++)
        {
            value += c[k] * y[t - k];
        }

        return value;
    }

    /// <summary>The normal equations of the intercept and <paramref name="p"/> lag weights over the rows from <paramref name="from"/> on (the lower triangle).</summary>
    private static (double[,] A, double[] B) Equations(double[] y, int p, int from)
    {
        var d = p + 1;
        var a = new double[d, d];
        var b = new double[d];
        var x = new double[d];
        for (var t = from; t < y.Length; t++)
        {
            x[0] = 1;
            for (var k = 1; k <= p; k++)
            {
                x[k] = y[t - k];
            }

            NormalEquations.Accumulate(a, b, x, y[t]);
        }

        return (a, b);
    }
}
