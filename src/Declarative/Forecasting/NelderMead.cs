namespace Declarative.Forecasting;

/// <summary>
/// The Nelder–Mead simplex minimiser (standard coefficients), deterministic: the same start gives the same optimum.
/// Enough for the few smoothing parameters of a forecasting model; no gradient needed.
/// </summary>
internal static class NelderMead
{
    public static (double[] Point, double Value) Minimize(Func<double[], double> f, double[] start, double step = 0.5, int maxEvaluations = 400, double tolerance = 1e-8)
    {
        var d = start.Length;
        var simplex = new double[d + 1][];
        var values = new double[d + 1];
        simplex[0] = (double[])start.Clone();
        values[0] = f(simplex[0]);
        for (var i = 0; i < d; i++)
        {
            simplex[i + 1] = (double[])start.Clone();
            simplex[i + 1][i] += step;
            values[i + 1] = f(simplex[i + 1]);
        }

        var evaluations = d + 1;
        var order = new int[d + 1];
        while (evaluations < maxEvaluations)
        {
            for (var i = 0; i <= d; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            var best = order[0];
            var worst = order[d];
            var second = order[d - 1];
            if (Math.Abs(values[worst] - values[best]) <= tolerance * (Math.Abs(values[best]) + tolerance))
            {
                break;
            }

            var centroid = new double[d];
            for (var i = 0; i <= d; i++)
            {
                if (i != worst)
                {
                    for (var j = 0; j < d; j++)
                    {
                        centroid[j] += simplex[i][j] / d;
                    }
                }
            }

            var reflected = Along(centroid, simplex[worst], -1);
            var fr = f(reflected);
            evaluations++;
            if (fr < values[best])
            {
                var expanded = Along(centroid, simplex[worst], -2);
                var fe = f(expanded);
                evaluations++;
                (simplex[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[second])
            {
                (simplex[worst], values[worst]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[worst] ? Along(centroid, simplex[worst], -0.5) : Along(centroid, simplex[worst], 0.5);
                var fc = f(contracted);
                evaluations++;
                if (fc < Math.Min(fr, values[worst]))
                {
                    (simplex[worst], values[worst]) = (contracted, fc);
                }
                else
                {
                    // Shrink towards the best point.
                    for (var i = 0; i <= d; i++)
                    {
                        if (i == best)
                        {
                            continue;
                        }

                        for (var j = 0; j < d; j++)
                        {
                            simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
                        }

                        values[i] = f(simplex[i]);
                        evaluations++;
                    }
                }
            }
        }

        var min = 0;
        for (var i = 1; i <= d; i++)
        {
            min = values[i] < values[min] ? i : min;
        }

        return (simplex[min], values[min]);
    }

    /// <summary>centroid + t·(point − centroid).</summary>
    private static double[] Along(double[] centroid, double[] point, double t)
    {
        var result = new double[centroid.Length];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = centroid[j] + t * (point[j] - centroid[j]);
        }

        return result;
    }
}
