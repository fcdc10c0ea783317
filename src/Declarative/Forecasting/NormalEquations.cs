namespace Declarative.Forecasting;

/// <summary>Least squares by the normal equations: the autoregression's lags and line, exponential smoothing's initial states.</summary>
internal static class NormalEquations
{
    /// <summary>Adds one row to the normal equations (the lower triangle of <paramref name="a"/>).</summary>
    public static void Accumulate(double[,] a, double[] b, double[] x, double target)
    {
        for (var i = 0; i < x.Length; i++)
        {
            b[i] += x[i] * target;
            for (var j = 0; j <= i; j++)
            {
                a[i, j] += x[i] * x[j];
            }
        }
    }

    /// <summary>
    /// Σ a(t)·b(t) over the shorter span, in four independent running sums: the same order on every machine and under
    /// Native AOT (vectorized code would add in an order set by the vector width, which differs between them).
    /// </summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = Math.Min(a.Length, b.Length);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var t = 0;
        for (; t + 3 < n; t += 4)
        {
            s0 += a[t] * b[t];
            s1 += a[t + 1] * b[t + 1];
            s2 += a[t + 2] * b[t + 2];
            s3 += a[t + 3] * b[t + 3];
        }

        for (; t < n; t++)
        {
            s0 += a[t] * b[t];
        }

        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>Solves the normal equations (lower triangle of <paramref name="a"/>, overwritten) by Cholesky; null when singular.</summary>
    public static double[]? Solve(double[,] a, double[] b)
    {
        var d = b.Length;

        // A touch of ridge keeps a flat series (or a covariate that never changes) solvable without moving a real fit.
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
