using System.Diagnostics.CodeAnalysis;

namespace Declarative.Evaluation;

/// <summary>
/// The report of a forecaster, as the M4 competition evaluates: every series' last <see cref="Horizon"/> steps are the
/// test part; sMAPE, MASE and OWA (against Naive2) on it for every model, beside their scores on the rolling origins
/// before it that chose the model; the interval's coverage; the error by step ahead; a few series drawn with their
/// forecast and interval.
/// </summary>
public sealed record ForecastingReport : EvaluationReport
{
    [SetsRequiredMembers]
    internal ForecastingReport(ReportBasics basics, ForecastSummary summary, IReadOnlyList<ForecastScore> models, IReadOnlyList<double> stepErrors, IReadOnlyList<ForecastSample> samples)
        : base(basics)
    {
        Series = summary.Series;
        Horizon = summary.Horizon;
        Season = summary.Season;
        Step = summary.Step;
        Interval = summary.Interval;
        Coverage = summary.Coverage;
        Origins = summary.Origins;
        Choice = summary.Choice;
        FilledPoints = summary.Filled;
        Models = models;
        StepErrors = stepErrors;
        Samples = samples;
    }

    /// <summary>The number of series.</summary>
    public required int Series { get; init; }

    /// <summary>The steps forecast (and held out at the end of every series).</summary>
    public required int Horizon { get; init; }

    /// <summary>The season the models used, in steps (1: none).</summary>
    public required int Season { get; init; }

    /// <summary>The series' time step, in words.</summary>
    public required string Step { get; init; }

    /// <summary>The coverage the interval aims for.</summary>
    public required double Interval { get; init; }

    /// <summary>The share of test points inside the chosen model's interval.</summary>
    public required double Coverage { get; init; }

    /// <summary>The rolling origins per series before the test part (where the model was chosen and the interval calibrated).</summary>
    public required int Origins { get; init; }

    /// <summary>Why the model was kept, in words: the declared one, or the one that beat it on the rolling origins by more than one standard error.</summary>
    public required string Choice { get; init; }

    /// <summary>The points filled by interpolation (<c>FillGaps</c>): missing values and missing steps.</summary>
    public required int FilledPoints { get; init; }

    /// <summary>Every model scored, the chosen one first: on the rolling origins and on the test part.</summary>
    public required IReadOnlyList<ForecastScore> Models { get; init; }

    /// <summary>The chosen model's mean absolute scaled error at each step ahead on the test part.</summary>
    public required IReadOnlyList<double> StepErrors { get; init; }

    /// <summary>A few series with the end of their history, the test part, and the forecast with its interval.</summary>
    public required IReadOnlyList<ForecastSample> Samples { get; init; }
}

/// <summary>The shape of a forecasting report: series, horizon, season, step, interval and what it covered, origins.</summary>
internal sealed record ForecastSummary(int Series, int Horizon, int Season, string Step, double Interval, double Coverage, int Origins, int Filled, string Choice);

/// <summary>One model's mean sMAPE, MASE and OWA (against Naive2) on the rolling origins and on the test part.</summary>
public sealed record ForecastScore(Trainer Model, double ValidationSymmetricMape, double ValidationMase, double ValidationOwa, double SymmetricMape, double Mase, double Owa);

/// <summary>
/// One series in the report: the end of its history, its test part, and the chosen model's forecast and interval for it.
/// <see cref="Fitted"/> says what the model fitted to this series' history before the test part, in words (exponential
/// smoothing's form and smoothing, Theta's weight and smoothing, ARIMA's order, the trees' lags, a combination's members).
/// </summary>
public sealed record ForecastSample(string Series, IReadOnlyList<double> History, IReadOnlyList<double> Actual, IReadOnlyList<double> Forecast, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper, string Fitted);
