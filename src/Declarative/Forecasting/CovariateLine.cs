namespace Declarative.Forecasting;

/// <summary>
/// The covariates' share of a series: their weights as the regression with autoregressive errors estimates them (no
/// intercept, so the series keeps its level), for the models that forecast what the covariates leave.
/// </summary>
internal sealed class CovariateLine
{
    private readonly double[] _weights;
    private readonly double[][] _covariates;

    private CovariateLine(double[] weights, double[][] covariates) => (_weights, _covariates) = (weights, covariates);

    /// <summary>How many covariates the line reads.</summary>
    public int Count => _weights.Length;

    /// <summary>
    /// The line of <paramref name="covariates"/> (each over the history's steps and on over the horizon's) for the series
    /// <paramref name="y"/>; null without covariates.
    /// </summary>
    /// <exception cref="InvalidOperationException">A covariate stops before the horizon's last step.</exception>
    public static CovariateLine? Fit(double[] y, int season, int horizon, double[][]? covariates)
    {
        if (covariates is not { Length: > 0 })
        {
            return null;
        }

        if (covariates.Any(c => c.Length < y.Length + horizon))
        {
            throw new InvalidOperationException($"The covariates of the {horizon} steps after the last value are not known.");
        }

        return new CovariateLine(Autoregression.CovariateWeights(y, season, covariates), covariates);
    }

    /// <summary>The covariates' share at step <paramref name="t"/>.</summary>
    public double At(int t)
    {
        var value = 0.0;
        for (var c = 0; c < _weights.Length; c++)
        {
            value += _weights[c] * _covariates[c][t];
        }

        return value;
    }
}
