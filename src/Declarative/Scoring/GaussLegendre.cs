namespace Declarative.Scoring;

/// <summary>Gauss–Legendre quadrature on [0, 1]: <c>n</c> nodes integrate a polynomial of degree up to <c>2n − 1</c> exactly.</summary>
internal static class GaussLegendre
{
    /// <summary>The nodes in (0, 1) and their weights, which sum to 1.</summary>
    public static (double[] Nodes, double[] Weights) Rule(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var (nodes, weights) = (new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            // Newton's method on the Legendre polynomial P_n from the usual first guess for its i-th root on [−1, 1].
            var x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative;
            double step;
            var iterations = 0;
            do
            {
                var (p0, p1) = (1d, x);
                for (var k = 2; k <= n; k++)
                {
                    (p0, p1) = (p1, (((2 * k) - 1) * x * p1 - ((k - 1) * p0)) / k);
                }

                // p1 is P_n, p0 is P_(n−1).
                derivative = n * ((x * p1) - p0) / ((x * x) - 1);
                step = p1 / derivative;
                x -= step;
            }
            while (Math.Abs(step) > 1e-15 && ++iterations < 100);

            nodes[i] = (1 - x) / 2;
            weights[i] = 1 / ((1 - (x * x)) * derivative * derivative);
        }

        return (nodes, weights);
    }
}
