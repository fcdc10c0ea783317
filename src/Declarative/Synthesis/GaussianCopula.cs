namespace Declarative.Synthesis;

/// <summary>
/// The Gaussian copula (SDV's default synthesizer): each column through its own empirical distribution, and their
/// dependence as the correlation of their normal scores. Fitting maps every value to the normal quantile of the middle
/// of its share of the column (a category's share in order of the categories); sampling draws correlated normals,
/// maps them back to shares, and reads each column's value at its share. With no correlation it is the
/// independent-marginals baseline.
/// </summary>
internal sealed class GaussianCopula : IRowSampler
{
    /// <summary>Shrinks the correlation towards the identity a little, so the matrix stays positive definite with constant or duplicate columns.</summary>
    private const double Shrinkage = 0.01;

    public GaussianCopula(IReadOnlyList<ColumnMarginal> marginals, double[][] cholesky)
    {
        Marginals = marginals;
        Cholesky = cholesky;
    }

    public IReadOnlyList<ColumnMarginal> Marginals { get; }

    /// <summary>The lower-triangular Cholesky factor of the normal scores' correlation matrix.</summary>
    public double[][] Cholesky { get; }

    public static GaussianCopula Fit(SynthColumn[] columns, bool independent = false)
    {
        var marginals = columns.Select(ColumnMarginal.Of).ToArray();
        var d = columns.Length;
        var n = columns.Length == 0 ? 0 : columns[0].Length;
        var scores = new double[d][];
        for (var j = 0; j < d; j++)
        {
            scores[j] = Scores(columns[j], marginals[j], n);
        }

        var correlation = new double[d][];
        for (var j = 0; j < d; j++)
        {
            correlation[j] = new double[d];
            for (var k = 0; k <= j; k++)
            {
                var r = j == k ? 1 : independent ? 0 : (1 - Shrinkage) * Correlation(scores[j], scores[k]);
                correlation[j][k] = r;
                correlation[k][j] = r;
            }
        }

        return new GaussianCopula(marginals, Decompose(correlation));
    }

    public SampledTable Sample(int count, Random random)
    {
        var d = Marginals.Count;
        var columns = Enumerable.Range(0, d).Select(_ => new double[count]).ToArray();
        var e = new double[d];
        for (var row = 0; row < count; row++)
        {
            for (var j = 0; j < d; j++)
            {
                e[j] = Normal.Draw(random);
            }

            for (var j = 0; j < d; j++)
            {
                double z = 0;
                for (var k = 0; k <= j; k++)
                {
                    z += Cholesky[j][k] * e[k];
                }

                columns[j][row] = SampledTable.Draw(Marginals[j], Normal.Cdf(z), random);
            }
        }

        return new SampledTable(Marginals, columns);
    }

    /// <summary>Each row's normal score in the column; a missing value scores 0, the middle, so it adds no dependence.</summary>
    private static double[] Scores(SynthColumn column, ColumnMarginal marginal, int n)
    {
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (column.IsCategorical)
            {
                scores[i] = column.Codes![i] < 0 ? 0 : marginal.ScoreOf(column.Codes[i]);
            }
            else
            {
                var value = column.Values![i];
                scores[i] = double.IsNaN(value) ? 0 : marginal.ScoreOf(marginal.IndexOf(value));
            }
        }

        return scores;
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx <= 0 || syy <= 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>The Cholesky factor L of a positive definite matrix (L Lᵀ = A); a pivot that is not positive is clamped.</summary>
    private static double[][] Decompose(double[][] a)
    {
        var d = a.Length;
        var l = Enumerable.Range(0, d).Select(_ => new double[d]).ToArray();
        for (var j = 0; j < d; j++)
        {
            double sum = 0;
            for (var k = 0; k < j; k++)
            {
                sum += l[j][k] * l[j][k];
            }

            var pivot = a[j][j] - sum;
            l[j][j] = Math.Sqrt(Math.Max(pivot, 1e-9));
            for (var i = j + 1; i < d; i++)
            {
                double s = 0;
                for (var k = 0; k < j; k++)
                {
                    s += l[i][k] * l[j][k];
                }

                l[i][j] = (a[i][j] - s) / l[j][j];
            }
        }

        return l;
    }
}
