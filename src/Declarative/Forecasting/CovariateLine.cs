namespace Declarative.Forecasting;

/// <summary>
/// The covariates' share of a series: the regression with autoregressive errors' one round of feasible GLS
/// (<see cref="Autoregression.Regress"/>), fitted once per series and origin for every model that reads it. The
/// autoregression forecasts with its whole line; exponential smoothing and Theta forecast what its weights leave (no
/// intercept, so the series keeps its level).
/// </summary>
internal sealed class CovariateLine
{
    private readonly double[] _weights;

    private CovariateLine(double[][] covariates, (double[] Line, int Order, double[]? Coefficients) regression) =>
        (Covariates, Regression, _weights) = (covariates, regression, regression.Line[1..]);

    /// <summary>Each covariate over the history's steps and on over the horizon's.</summary>
    public double[][] Covariates { get; }

    /// <summary>The GLS round: the line (intercept, then the covariates' weights) and the autoregression of what it leaves.</summary>
    public (double[] Line, int Order, double[]? Coefficients) Regression { get; }

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

        return new CovariateLine(covariates, Autoregression.Regress(y, covariates, season));
    }

    /// <summary>The covariates' share at step <paramref name="t"/>, without the intercept.</summary>
    public double At(int t)
    {
        var value = 0.0;
        for (var c = 0; c < _weights.Length; c++)
        {
            value += _weights[c] * Covariates[c][t];
        }

        return value;
    }
}
