namespace Declarative.Anomalies;

/// <summary>The normal distribution's tail.</summary>
internal static class Gaussian
{
    /// <summary>P(Z &gt; z) for a standard normal Z (Abramowitz and Stegun 7.1.26 through erfc, error below 1.5e-7).</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var sign = x < 0;
        var a = Math.Abs(x);
        var t = 1 / (1 + (0.3275911 * a));
        var y = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var value = y * Math.Exp(-a * a);
        return sign ? 2 - value : value;
    }
}
