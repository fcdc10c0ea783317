using System.Diagnostics;
using System.Globalization;
using Declarative.Artifacts;
using Declarative.Data;
using Declarative.Evaluation;
using Declarative.Forecasting;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;

namespace Declarative;

/// <summary>
/// A trained forecaster of <typeparamref name="TRow"/>'s series: each series' next steps with an interval, from its
/// whole history (<see cref="Forecast(string)"/>) or from a history given now (<see cref="Forecast(IEnumerable{TRow})"/>).
/// Thread-safe; plain C# (no ML.NET model), so it runs wherever .NET does. The build writes it as
/// <c>&lt;Name&gt;.mlnet</c> like every task's, with its manifest and report.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class Forecaster<TRow> : IPlainPipeline
{
    private readonly ForecastSettings _settings;
    private readonly double[] _quantiles;
    private readonly GlobalTrees? _global;
    private readonly ForecastBlend? _combined;
    private readonly Dictionary<string, SeriesForecast> _forecasts;
    private readonly TrainingData? _data;
    private ForecastingReport? _report;

    private Forecaster(PipelineSpec<TRow> spec, Trainer model, ForecastSettings settings, double[] quantiles, GlobalTrees? global, ForecastBlend? combined, IReadOnlyList<SeriesForecast> forecasts, TrainingData? data, TimeSpan? trainingTime)
    {
        _global = global;
        _combined = combined;
        Spec = spec;
        Trainer = model;
        _settings = settings;
        _quantiles = quantiles;
        _forecasts = forecasts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        SeriesIds = forecasts.Select(f => f.Id).ToArray();
        _data = data;
        TrainingTime = trainingTime;
    }

    /// <summary>The pipeline the forecaster was trained for.</summary>
    public PipelineSpec<TRow> Spec { get; }

    /// <inheritdoc/>
    public string Name => Spec.Name;

    /// <summary>The forecasting model: the first declared, or the one <c>[Tune]</c> chose on rolling origins.</summary>
    public Trainer Trainer { get; }

    /// <summary>The number of steps each forecast holds.</summary>
    public int Horizon => _settings.Horizon;

    /// <summary>The season the models use, in steps (1: none).</summary>
    public int Season => _settings.Season;

    /// <summary>The coverage the interval aims for.</summary>
    public double Interval => _settings.Interval;

    /// <summary>The series the forecaster was trained on, in the order of their first row (one empty id without a [SeriesId]).</summary>
    public IReadOnlyList<string> SeriesIds { get; }

    /// <inheritdoc/>
    public string? DataPath => _data?.Path;

    /// <inheritdoc/>
    public TimeSpan? TrainingTime { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Hyperparameters
    {
        get
        {
            var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["Horizon"] = _settings.Horizon.ToString(CultureInfo.InvariantCulture),
                ["Season"] = _settings.Season.ToString(CultureInfo.InvariantCulture),
                ["Interval"] = _settings.Interval.ToString("R", CultureInfo.InvariantCulture),
            };
            if (_combined is not null)
            {
                values["Combined"] = _combined.ToString();
            }

            if (ReadsCovariates)
            {
                values["Covariates"] = Covariates;
            }

            if (ForecastMethods.ReadsPastCovariates(Trainer, _combined?.Members) && SeriesReader.PastCovariates(Spec).Count > 0)
            {
                values["PastCovariates"] = string.Join(", ", SeriesReader.PastCovariates(Spec));
            }

            if (_global?.Features.Direct == true)
            {
                values[nameof(ForecastingOptions.DirectTrees)] = "true";
            }

            return values;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<TrialResult> Trials => [];

    /// <inheritdoc/>
    public IReadOnlyList<EnsembleMember> Ensemble => [];

    /// <summary>The test metrics (sMAPE, MASE, OWA against Naive2, the interval's coverage); empty for a loaded model until <see cref="Evaluate()"/>.</summary>
    public IReadOnlyDictionary<string, double> TestMetricValues => _report?.TestMetrics ?? new Dictionary<string, double>();

    /// <summary>Trains on the declared data file (or <paramref name="dataPath"/>): the last <c>Horizon</c> steps of every series are the test part.</summary>
#pragma warning disable RS0026, RS0027 // Train(spec, rows, options) overloads by type.
    public static Forecaster<TRow> Train(PipelineSpec<TRow> spec, string? dataPath = null, TrainOptions? options = null)
    {
        Validate(spec);
        return Fitted(spec, PipelineTrainer.LoadDeclared(spec, dataPath));
    }

    /// <summary>Trains on rows in memory: the last <c>Horizon</c> steps of every series are the test part.</summary>
    public static Forecaster<TRow> Train(PipelineSpec<TRow> spec, IEnumerable<TRow> rows, TrainOptions? options = null)
#pragma warning restore RS0026, RS0027
    {
        Validate(spec);
        ArgumentNullException.ThrowIfNull(rows);
        return Fitted(spec, PipelineTrainer.FromRows(spec, rows, null));
    }

    /// <summary>Loads a forecaster saved by <see cref="Save(string)"/>, checking it was trained for this row schema.</summary>
    public static Forecaster<TRow> Load(PipelineSpec<TRow> spec, string path)
    {
        var file = IPlainModelFile.Read(spec, path, ForecasterFile.MaxFileBytes, ForecasterFile.Read);
        IPlainModelFile.RequireSchema(spec, path, file, "forecaster");

        try
        {
            return new Forecaster<TRow>(spec, file.Model, file.Settings(), file.Quantiles, file.Global(), file.Members(), file.Series, null, null);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(path, e.Message, e);
        }
    }

    /// <summary>The <see cref="Horizon"/> steps after the last row of series <paramref name="seriesId"/> of the training data, with the interval.</summary>
    /// <exception cref="ArgumentException">No series of the training data has that id.</exception>
    public IReadOnlyList<ForecastPoint> Forecast(string seriesId)
    {
        var forecast = Trained(seriesId);
        return forecast.Values.Length > 0 ? Points(forecast)
            : throw new InvalidOperationException($"Pipeline {Name} reads {Covariates} at the steps it forecasts, and the training data gave none after the last value of series '{seriesId}': forecast from rows that end with the next {Horizon} steps' {Covariates} and no {Spec.Label!.PropertyName}.");
    }

    /// <summary>
    /// What the model fitted to the whole of series <paramref name="seriesId"/> for <see cref="Forecast(string)"/>, in
    /// words: exponential smoothing's form and smoothing, Theta's weight, ARIMA's order, the autoregression's order, the
    /// global trees' lags, or a combination's members (or that the training data gave no covariates after the series'
    /// last value, when there is no forecast). It is kept in the model file, so a loaded model says it too.
    /// </summary>
    /// <exception cref="ArgumentException">No series of the training data has that id.</exception>
    public string Fitted(string seriesId) => Trained(seriesId).Detail;

    /// <summary>The trained forecast of series <paramref name="seriesId"/>, or an error naming a few of the series there are.</summary>
    private SeriesForecast Trained(string seriesId)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        if (_forecasts.TryGetValue(seriesId, out var forecast))
        {
            return forecast;
        }

        var known = string.Join(", ", SeriesIds.Take(5).Select(id => $"'{id}'"));
        throw new ArgumentException($"Pipeline {Name} has no series '{seriesId}' (it was trained on {SeriesIds.Count:N0}: {known}{(SeriesIds.Count > 5 ? ", ..." : "")}); forecast from rows of the series instead.", nameof(seriesId));
    }

    /// <summary>
    /// The <see cref="Horizon"/> steps after the last of <paramref name="history"/> (one series, at the trained step, at
    /// least two seasons long), with the interval the training calibrated: a statistical model is fitted to it now; the
    /// global trees are not refitted, they read its lags.
    /// </summary>
    /// <exception cref="DataFileException">The history is not one regular series long enough to forecast from.</exception>
    public IReadOnlyList<ForecastPoint> Forecast(IEnumerable<TRow> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        const string source = "(history)";
        var table = RowTable.From(Spec, history, source);
        var fillGaps = Spec.OptionsOr<ForecastingOptions>().FillGaps;
        var (series, step, _) = SeriesReader.Read(Spec, table, source, fillGaps);
        if (step != _settings.Step && TryRead(table, source, fillGaps) is { } atTrained)
        {
            // A short history may not show all of the trained step (opening hours or business days without a weekend in
            // it, say) and still keep to it: read at the trained step, as the reader checks every time against it.
            (series, step) = (atTrained, _settings.Step);
        }

        if (series.Count != 1)
        {
            throw new ArgumentException($"Pipeline {Name} forecasts one series at a time; the history holds {series.Count:N0} ({string.Join(", ", series.Take(3).Select(s => $"'{s.Id}'"))}).", nameof(history));
        }

        SeriesReader.RequireLength(series, source, Math.Max(2 * _settings.Season, 2), "the model reads (two seasons)");
        if (series[0].Length > 2 && step != _settings.Step)
        {
            throw new DataFileException(source, null, null, $"The history's step is {step.Describe(step.IsCalendar || Dates)}, not the trained {_settings.Step.Describe(Dates)}.");
        }

        if (!ForecastTraining.KnowsCovariates(series[0], series[0].Length, Horizon, Trainer, _combined, _global))
        {
            throw new DataFileException(source, null, null,
                $"Pipeline {Name} reads {Covariates} at the steps it forecasts: end the history with the next {Horizon} steps' rows, their {Covariates} given and no {Spec.Label!.PropertyName} (NaN); it has {series[0].Future}.");
        }

        return Points(ForecastTraining.Final(series[0], Trainer, _settings, _quantiles, _global, _combined));
    }

    /// <summary>The history's series read at the trained step, or null when its times do not keep it (the step's mismatch is then the error).</summary>
    private IReadOnlyList<TimeSeries>? TryRead(DataTable table, string source, bool fillGaps)
    {
        try
        {
            return SeriesReader.Read(Spec, table, source, fillGaps, _settings.Step).Series;
        }
        catch (DataFileException)
        {
            return null;
        }
    }

    /// <summary>The report: the test part of every series against each model's forecast; a loaded model trains again on the declared data to write it.</summary>
    public ForecastingReport Evaluate() => _report ??= Fitted(Spec, PipelineTrainer.LoadDeclared(Spec, null)).Evaluate();

    /// <summary>Writes the report as one self-contained HTML page.</summary>
    public void SaveReport(string path) => IPlainPipeline.SaveReport(this, path);

    /// <summary>Saves the model to a file, written whole or not at all.</summary>
    public void Save(string path) => IPlainPipeline.Save(this, path);

    /// <summary>Saves the model to a stream.</summary>
    public void Save(Stream stream) => IPlainPipeline.Save(this, stream);

    /// <inheritdoc/>
    string IPlainPipeline.Kind => "a forecaster";

    /// <inheritdoc/>
    string IPlainPipeline.ReportScope => "the last Horizon steps of its own series";

    /// <inheritdoc/>
    TrainingData? IPlainPipeline.Data => _data;

    /// <inheritdoc/>
    EvaluationReport IPlainPipeline.Report() => Evaluate();

    /// <inheritdoc/>
    IPlainModelFile IPlainPipeline.File() => ToFile();

    private bool Dates => Spec.Time?.Kind == ColumnKind.DateValue;

    private string Covariates => string.Join(", ", SeriesReader.Covariates(Spec));

    /// <summary>Whether the model (or a member of its combination) reads the row's covariates at the steps it forecasts.</summary>
    private bool ReadsCovariates => ForecastMethods.ReadsCovariates(Trainer, _combined?.Members) && SeriesReader.Covariates(Spec).Count > 0;

    private static IReadOnlyList<ForecastPoint> Points(SeriesForecast forecast) =>
        forecast.Times.Select((t, j) => new ForecastPoint(t, forecast.Values[j], forecast.Lower[j], forecast.Upper[j])).ToArray();

    private static void Validate(PipelineSpec<TRow> spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Expect(MLTask.Forecasting);
        if (spec.Time is null || spec.Label is null)
        {
            throw new ArgumentException($"Pipeline '{spec.Name}' needs a [Time] and a [Label] to forecast.", nameof(spec));
        }

        if (spec.Trainers.Count == 0 || spec.Trainers.Any(t => !ForecastMethods.IsForecaster(t)))
        {
            throw new ArgumentException($"Pipeline '{spec.Name}': a forecaster's trainers are {string.Join(", ", ForecastMethods.All)}.", nameof(spec));
        }

        spec.OptionsOr<ForecastingOptions>().Validate(spec.Name);
    }

    private static Forecaster<TRow> Fitted(PipelineSpec<TRow> spec, TrainingData data)
    {
        var stopwatch = Stopwatch.StartNew();
        var options = spec.OptionsOr<ForecastingOptions>();
        var (series, step, filled) = SeriesReader.Read(spec, data.Table, data.Path, options.FillGaps);
        var settings = ForecastSettings.For(options, step);
        SeriesReader.RequireLength(series, data.Path, 2 * settings.Season + options.Horizon,
            string.Create(CultureInfo.InvariantCulture, $"two seasons and the horizon need (Season {settings.Season}, Horizon {options.Horizon}): give a longer history, a shorter Horizon or Season, or leave the series out"));

        var candidates = ForecastMethods.Candidates(spec.Trainers, spec.Tuning is not null);
        var dates = spec.Time!.Kind == ColumnKind.DateValue;
        var outcome = ForecastTraining.Train(series, settings, candidates, spec.Tuning?.MetricFor(TaskDefinitions.For(spec.Task).HeadlineMetric), dates, spec.Seed);
        var forecaster = new Forecaster<TRow>(spec, outcome.Method, settings, outcome.Quantiles, outcome.Global, outcome.Combined, outcome.Forecasts, data, stopwatch.Elapsed);
        forecaster._report = forecaster.Report(data, series, outcome, step, filled);
        return forecaster;
    }

    private ForecastingReport Report(TrainingData data, IReadOnlyList<TimeSeries> series, ForecastOutcome outcome, TimeStep step, int filled)
    {
        var chosen = outcome.Test.First(s => s.Method == outcome.Method);
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["Owa"] = chosen.Owa,
            ["SymmetricMape"] = chosen.SymmetricMape,
            ["Mase"] = chosen.Mase,
            ["Coverage"] = outcome.Coverage,
        };
        var h = _settings.Horizon;
        var testRows = series.Count * h;
        var basics = new ReportBasics(
            Spec.Name, Spec.Task, Trainer, Hyperparameters, Path.GetFileName(data.Path), series.Sum(s => s.Length) - testRows, testRows,
            TaskDefinitions.For(Spec.Task).HeadlineMetric, metrics, [], [], DataProfiler.Profile(Spec, data.Table), []);
        var models = outcome.Test
            .OrderBy(s => s.Method != outcome.Method)
            .Select(s => outcome.Validation.First(v => v.Method == s.Method) is var v
                ? new ForecastScore(s.Method, v.SymmetricMape, v.Mase, v.Owa, s.SymmetricMape, s.Mase, s.Owa)
                : null!)
            .ToArray();
        var samples = series.Take(4).Select((one, i) =>
        {
            var window = outcome.TestWindows[i];
            var (lower, upper) = window.Bands!.Value;
            var cut = one.Length - h;
            var forecast = window.Forecasts[outcome.Method];
            return new ForecastSample(one.Id, one.Values[Math.Max(0, cut - 3 * h)..cut], one.Values[cut..], forecast.Values, lower, upper, forecast.Detail);
        }).ToArray();
        var summary = new ForecastSummary(series.Count, h, _settings.Season, step.Describe(Dates), _settings.Interval, outcome.Coverage, outcome.Origins, filled, outcome.Choice);
        return new ForecastingReport(basics, summary, models, outcome.StepErrors, samples);
    }

    private ForecasterFile ToFile() => new()
    {
        Pipeline = Spec.Name,
        SchemaHash = Spec.SchemaHash,
        Schema = Spec.SchemaSignature(),
        DeclarativeVersion = ModelFile.DeclarativeVersion,
        Model = Trainer,
        Horizon = _settings.Horizon,
        Season = _settings.Season,
        Interval = _settings.Interval,
        StepTicks = _settings.Step.Ticks,
        StepMonths = _settings.Step.Months,
        StepMonthEnd = _settings.Step.MonthEnd,
        StepBusinessDays = _settings.Step.BusinessDays,
        StepOpen = _settings.Step.Open,
        StepSlots = _settings.Step.Slots,
        StepBreakAt = _settings.Step.BreakAt,
        StepPause = _settings.Step.Pause,
        Quantiles = _quantiles,
        Series = SeriesIds.Select(id => _forecasts[id]).ToArray(),
        Features = _global?.Features,
        Trees = _global?.Trees,
        Combined = _combined?.Members,
    };
}
