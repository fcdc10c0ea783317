using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// Σ a(t)·b(t) over the shorter span, in four independent running sums (sum k takes the steps t ≡ k mod 4, each
    /// product rounded before it is added, never fused), the rest added to the first, then (s0 + s1) + (s2 + s3): the
    /// same order on every machine and under Native AOT (a vector width set by the machine would add in an order that
    /// differs between them). The four sums are the lanes of two two-wide vectors, which x64 and Arm64 both have.
    /// </summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = Math.Min(a.Length, b.Length);
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var (low, high) = (Vector128<double>.Zero, Vector128<double>.Zero);
        var t = 0;
        for (; t + 3 < n; t += 4)
        {
            low += Vector128.LoadUnsafe(ref x, (nuint)t) * Vector128.LoadUnsafe(ref y, (nuint)t);
            high += Vector128.LoadUnsafe(ref x, (nuint)t + 2) * Vector128.LoadUnsafe(ref y, (nuint)t + 2);
        }

        var s0 = low.GetElement(0);
        for (; t < n; t++)
        {
            s0 += a[t] * b[t];
        }

        return (s0 + low.GetElement(1)) + (high.GetElement(0) + high.GetElement(1));
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

    /// <summary>A copy of the leading <paramref name="d"/> rows and columns of <paramref name="a"/> (its lower triangle), which the solver overwrites.</summary>
    public static double[,] Leading(double[,] a, int d)
    {
        var copy = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                copy[i, j] = a[i, j];
            }
        }

        return copy;
    }
}
