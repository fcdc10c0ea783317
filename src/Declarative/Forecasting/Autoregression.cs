namespace Declarative.Forecasting;

/// <summary>
/// A linear autoregression: the next value as an intercept plus a weighted sum of the last <c>p</c> values, fitted by
/// least squares, <c>p</c> from 1 up to two seasons (at least 12, at most 48 and a fifth of the series) by AICc; it
/// forecasts recursively. It sees cycles no calendar season names (the sunspot cycle of about eleven years).
/// </summary>
internal static class Autoregression
{
    public static (double[] Forecast, int Order) Forecast(double[] y, int season, int horizon)
    {
        var n = y.Length;
        var maxOrder = Math.Min(Math.Clamp(2 * season, 12, 48), Math.Max(1, n / 5));
        double[]? best = null;
        var bestAicc = double.PositiveInfinity;

        // Every order is fitted on the same rows (from maxOrder on), so their AICc compare.
        for (var p = 1; p <= maxOrder; p++)
        {
            var rows = n - maxOrder;
            var k = p + 1;
            if (rows <= k + 1)
            {
                break;
            }

            var coefficients = LeastSquares(y, p, maxOrder);
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

            var aicc = rows * Math.Log(Math.Max(sse, 1e-300) / rows) + 2 * (k + 1) + 2.0 * (k + 1) * (k + 2) / Math.Max(rows - k - 2, 1);
            if (aicc < bestAicc)
            {
                (best, bestAicc) = (coefficients, aicc);
            }
        }

        if (best is null)
        {
            return (Enumerable.Repeat(y[^1], horizon).ToArray(), 0);
        }

        var path = new double[n + horizon];
        y.CopyTo(path, 0);
        for (var j = 0; j < horizon; j++)
        {
            path[n + j] = Predict(best, path, n + j);
        }

        return (path[n..], best.Length - 1);
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

    /// <summary>The intercept and <paramref name="p"/> lag weights minimising the squared error from row <paramref name="from"/> on (normal equations, Cholesky), or null when singular.</summary>
    private static double[]? LeastSquares(double[] y, int p, int from)
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

            for (var i = 0; i < d; i++)
            {
                b[i] += x[i] * y[t];
                for (var j = 0; j <= i; j++)
                {
                    a[i, j] += x[i] * x[j];
                }
            }
        }

        // A touch of ridge keeps a flat series solvable without moving a real fit.
        for (var i = 0; i < d; i++)
        {
            a[i, i] += 1e-9 * (a[i, i] + 1);
        }

        // Cholesky: a = L·Lᵀ in the lower triangle.
        for (var j = 0; j < d; j++)
        {
            var sum = a[j, j];
            for (var k = 0; k < j; k++)
            {
                sum -= a[j, k] * a[j, k];
            }

            if (!(sum > 0))
            {
                return null;
            }

            a[j, j] = Math.Sqrt(sum);
            for (var i = j + 1; i < d; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[i, k] * a[j, k];
                }

                a[i, j] = s / a[j, j];
            }
        }

        var z = new double[d];
        for (var i = 0; i < d; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= a[i, k] * z[k];
            }

            z[i] = s / a[i, i];
        }

        var c = new double[d];
        for (var i = d - 1; i >= 0; i--)
        {
            var s = z[i];
            for (var k = i + 1; k < d; k++)
            {
                s -= a[k, i] * c[k];
            }

            c[i] = s / a[i, i];
        }

        return c.All(double.IsFinite) ? c : null;
    }
}
