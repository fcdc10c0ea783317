using System.Diagnostics;
using System.Globalization;
using Declarative.Anomalies;
using Declarative.Artifacts;
using Declarative.Data;
using Declarative.Evaluation;
using Declarative.Forecasting;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;

namespace Declarative;

/// <summary>
/// A trained streaming anomaly detector over <typeparamref name="TRow"/>'s series: every point is scored from 0 to 1
/// against only the points of its series before it (<see cref="Detect(IEnumerable{TRow})"/> for rows at once,
/// <see cref="Detector"/> for a live stream; the scores are the same). Training learns each series' value range (and,
/// with <c>[Tune]</c> and a <see cref="bool"/> label, which detector and threshold score best on the labelled windows).
/// Thread-safe; plain C# (no ML.NET model), so it runs wherever .NET does.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class SeriesAnomalyDetector<TRow> : IPlainPipeline
{
    private readonly Dictionary<string, SeriesRanges> _ranges;
    private readonly int _season;
    private readonly TrainingData? _data;
    private SeriesAnomalyReport? _report;

    private SeriesAnomalyDetector(PipelineSpec<TRow> spec, Trainer detector, double threshold, int season, IReadOnlyList<SeriesRanges> ranges, TrainingData? data, TimeSpan? trainingTime)
    {
        Spec = spec;
        Trainer = detector;
        Threshold = threshold;
        _season = season;
        _ranges = ranges.ToDictionary(r => r.Id, StringComparer.Ordinal);
        SeriesIds = ranges.Select(r => r.Id).ToArray();
        _data = data;
        TrainingTime = trainingTime;
    }

    /// <summary>The pipeline the detector was trained for.</summary>
    public PipelineSpec<TRow> Spec { get; }

    /// <inheritdoc/>
    public string Name => Spec.Name;

    /// <summary>The detector: the first declared, or the one <c>[Tune]</c> chose on the labelled windows.</summary>
    public Trainer Trainer { get; }

    /// <summary>The score at or above which a point is an anomaly.</summary>
    public double Threshold { get; }

    /// <summary>The series the detector was trained on, in the order of their first row (one empty id without a [SeriesId]).</summary>
    public IReadOnlyList<string> SeriesIds { get; }

    /// <inheritdoc/>
    public string? DataPath => _data?.Path;

    /// <inheritdoc/>
    public TimeSpan? TrainingTime { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Hyperparameters => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["Threshold"] = Threshold.ToString("R", CultureInfo.InvariantCulture),
        ["Season"] = _season.ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public IReadOnlyList<TrialResult> Trials => [];

    /// <inheritdoc/>
    public IReadOnlyList<EnsembleMember> Ensemble => [];

    /// <summary>The NAB scores on the labelled training series at <see cref="Threshold"/> (empty without a label, or for a loaded model until <see cref="Evaluate()"/>).</summary>
    public IReadOnlyDictionary<string, double> TestMetricValues => _report?.TestMetrics ?? new Dictionary<string, double>();

    /// <summary>Trains on the declared data file (or <paramref name="dataPath"/>): each series' value range, and with [Tune] the detector.</summary>
#pragma warning disable RS0026, RS0027 // Train(spec, rows, options) overloads by type.
    public static SeriesAnomalyDetector<TRow> Train(PipelineSpec<TRow> spec, string? dataPath = null, TrainOptions? options = null)
    {
        Validate(spec);
        return Fitted(spec, PipelineTrainer.LoadDeclared(spec, dataPath));
    }

    /// <summary>Trains on rows in memory.</summary>
    public static SeriesAnomalyDetector<TRow> Train(PipelineSpec<TRow> spec, IEnumerable<TRow> rows, TrainOptions? options = null)
#pragma warning restore RS0026, RS0027
    {
        Validate(spec);
        ArgumentNullException.ThrowIfNull(rows);
        return Fitted(spec, PipelineTrainer.FromRows(spec, rows, null));
    }

    /// <summary>Loads a detector saved by <see cref="Save(string)"/>, checking it was trained for this row schema.</summary>
    public static SeriesAnomalyDetector<TRow> Load(PipelineSpec<TRow> spec, string path)
    {
        var file = IPlainModelFile.Read(spec, path, SeriesAnomalyFile.MaxFileBytes, SeriesAnomalyFile.Read);
        IPlainModelFile.RequireSchema(spec, path, file, "detector");

        try
        {
            file.Check(spec.Features.Count);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(path, e.Message, e);
        }

        return new SeriesAnomalyDetector<TRow>(spec, file.Detector, file.Threshold, file.Season, file.Series, null, null);
    }

    /// <summary>
    /// Scores every row against the rows of its series before it (in time order; rows at one time in their given order),
    /// each series starting from nothing: the same scores a <see cref="Detector"/> gives the rows one at a time.
    /// </summary>
    /// <remarks>A series the training data did not hold learns its value range from its first 200 points, which score 0.</remarks>
    /// <returns>One prediction per row, in the order given.</returns>
    public IReadOnlyList<SeriesAnomalyPrediction> Detect(IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const string source = "(rows)";
        var table = RowTable.From(Spec, rows, source);
        var results = new SeriesAnomalyPrediction[table.RowCount];
        var stream = new AnomalyStream<TRow>(this);
        foreach (var series in SeriesPoints.Read(Spec, table, source))
        {
            for (var i = 0; i < series.Length; i++)
            {
                results[series.Rows[i]] = stream.Observe(series.Id, series.Times[i], series.Values[i]);
            }
        }

        return results;
    }

    /// <summary>A live stream: <c>Observe(row)</c> scores each row as it arrives, as <see cref="Detect(IEnumerable{TRow})"/> would.</summary>
    public AnomalyStream<TRow> Detector() => new(this);

    /// <summary>The report: every training series scored, its detections, and the NAB scores when a label marks the anomalies; a loaded model trains again on the declared data to write it.</summary>
    public SeriesAnomalyReport Evaluate() => _report ??= Fitted(Spec, PipelineTrainer.LoadDeclared(Spec, null)).Evaluate();

    /// <summary>Writes the report as one self-contained HTML page.</summary>
    public void SaveReport(string path) => IPlainPipeline.SaveReport(this, path);

    /// <summary>Saves the model to a file, written whole or not at all.</summary>
    public void Save(string path) => IPlainPipeline.Save(this, path);

    /// <summary>Saves the model to a stream.</summary>
    public void Save(Stream stream) => IPlainPipeline.Save(this, stream);

    /// <inheritdoc/>
    string IPlainPipeline.Kind => "a series anomaly detector";

    /// <inheritdoc/>
    string IPlainPipeline.ReportScope => "its own series";

    /// <inheritdoc/>
    TrainingData? IPlainPipeline.Data => _data;

    /// <inheritdoc/>
    EvaluationReport IPlainPipeline.Report() => Evaluate();

    /// <inheritdoc/>
    IPlainModelFile IPlainPipeline.File() => ToFile();

    /// <summary>A series' state: from its trained ranges, or, for a series training did not see, learning them from its first points.</summary>
    internal SeriesState NewState(string id) => new(Trainer, _ranges.GetValueOrDefault(id), _season);

    private static void Validate(PipelineSpec<TRow> spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Expect(MLTask.SeriesAnomalyDetection);
        if (spec.Time is null || spec.Features.Count == 0)
        {
            throw new ArgumentException($"Pipeline '{spec.Name}' needs a [Time] and at least one numeric value to watch.", nameof(spec));
        }

        if (spec.Trainers.Count == 0 || spec.Trainers.Any(t => !SeriesDetectors.IsDetector(t)))
        {
            throw new ArgumentException($"Pipeline '{spec.Name}': a series anomaly detector's trainers are {string.Join(", ", SeriesDetectors.All)}.", nameof(spec));
        }

        if (spec.Tuning is not null && spec.Label is null)
        {
            throw new ArgumentException($"Pipeline '{spec.Name}': [Tune] chooses the detector by labelled anomalies; add a bool [Label] marking them, or remove [Tune].", nameof(spec));
        }

        spec.OptionsOr<SeriesAnomalyOptions>().Validate(spec.Name);
    }

    private static SeriesAnomalyDetector<TRow> Fitted(PipelineSpec<TRow> spec, TrainingData data)
    {
        var stopwatch = Stopwatch.StartNew();
        var options = spec.OptionsOr<SeriesAnomalyOptions>();
        var series = SeriesPoints.Read(spec, data.Table, data.Path);
        if (series.Count == 0)
        {
            throw new DataFileException(data.Path, null, null, $"Pipeline {spec.Name} has no rows to learn from.");
        }

        var ranges = series.Select(s => new SeriesRanges(s.Id,
            Enumerable.Range(0, spec.Features.Count).Select(j => Finite(s, j).DefaultIfEmpty(0).Min()).ToArray(),
            Enumerable.Range(0, spec.Features.Count).Select(j => Finite(s, j).DefaultIfEmpty(0).Max()).ToArray())).ToArray();
        var season = Season(spec, series);
        var labelled = series.Any(s => s.Windows.Length > 0);
        if (spec.Tuning is not null && !labelled)
        {
            throw new DataFileException(data.Path, null, null,
                $"Pipeline {spec.Name}: [Tune] chooses the detector by the labelled anomalies, but no row's {spec.Label!.PropertyName} is true; label the known anomalies, or remove [Tune].");
        }

        // With [Tune], the declared detectors (every one when one is declared) compete on the labelled windows by NAB's score.
        var profile = Profile(spec.Tuning?.MetricFor(TaskDefinitions.For(spec.Task).HeadlineMetric));
        IReadOnlyList<Trainer> candidates = spec.Tuning is null ? [spec.Trainers[0]] : spec.Trainers.Count > 1 ? spec.Trainers : SeriesDetectors.All;
        var scored = candidates.Select(c => new ScoredDetector(c, Score(c, series, ranges, season))).ToArray();
        var comparisons = labelled
            ? scored.Select(s => (s.Detector, Nab: NabScores(series, s.Scores, profile))).ToArray()
            : [];
        // (A tuned pipeline has labelled windows: it was refused above without.)
        var best = spec.Tuning is null ? 0 : Enumerable.Range(0, scored.Length).MaxBy(i => comparisons[i].Nab.Score);
        var chosen = scored[best];
        var threshold = options.Threshold > 0 ? options.Threshold
            : options.Contamination > 0 ? Quantile(chosen.Scores, options.Contamination)
            : spec.Tuning is not null ? comparisons[best].Nab.Threshold
            : SeriesDetectors.DefaultThreshold(chosen.Detector);

        var detector = new SeriesAnomalyDetector<TRow>(spec, chosen.Detector, threshold, season, ranges, data, stopwatch.Elapsed);
        detector._report = SeriesAnomalyReporting.Report(detector, spec, data, series, chosen.Scores, comparisons.Select(c => new DetectorScore(c.Detector, c.Nab.Score, c.Nab.Threshold)).ToArray());
        return detector;
    }

    private static IEnumerable<double> Finite(SeriesPoints series, int column) =>
        series.Values.Select(v => (double)v[column]).Where(double.IsFinite);

    /// <summary>The season a residual detector follows: inferred from the first series' time step (1 when there is none to infer).</summary>
    private static int Season(PipelineSpec<TRow> spec, IReadOnlyList<SeriesPoints> series)
    {
        var first = series.FirstOrDefault(s => s.Length >= 3);
        if (first is null)
        {
            return 1;
        }

        try
        {
            return Math.Max(1, TimeStep.Infer(first.Times, spec.Time!.Kind == ColumnKind.DateValue).DefaultSeason());
        }
        catch (Exception e) when (e is DataFileException or ArgumentException or InvalidOperationException)
        {
            return 1; // an irregular series has no season to follow
        }
    }

    private sealed record ScoredDetector(Trainer Detector, double[][] Scores);

    /// <summary>Every series streamed through a fresh detector: the score of each point, in the series' time order.</summary>
    private static double[][] Score(Trainer detector, IReadOnlyList<SeriesPoints> series, IReadOnlyList<SeriesRanges> ranges, int season) =>
        series.Select((s, i) =>
        {
            var state = new SeriesState(detector, ranges[i], season);
            return Enumerable.Range(0, s.Length).Select(p => state.Observe(s.Times[p], s.Values[p])).ToArray();
        }).ToArray();

    /// <summary>NAB's normalized score over the labelled series at the threshold its optimizer finds (one for all series).</summary>
    internal static (double Score, double Threshold) NabScores(IReadOnlyList<SeriesPoints> series, double[][] scores, NabProfile profile)
    {
        var files = series.Select((s, i) => (s.Times, scores[i], s.Windows)).ToArray();
        var (threshold, raw) = NabScorer.Optimize(files, profile);
        return (NabScorer.Normalize(raw, files.Sum(f => f.Item3.Length), profile), Math.Clamp(threshold, 0, 1));
    }

    internal static NabProfile Profile(string? metric) => metric switch
    {
        nameof(SeriesAnomalyMetric.NabLowFalsePositives) => NabProfile.LowFalsePositives,
        nameof(SeriesAnomalyMetric.NabLowFalseNegatives) => NabProfile.LowFalseNegatives,
        _ => NabProfile.Standard,
    };

    /// <summary>The score that the given share of the training points reach (the smallest positive score when fewer do).</summary>
    private static double Quantile(double[][] scores, double share)
    {
        var all = scores.SelectMany(s => s).OrderDescending().ToArray();
        var at = Math.Clamp((int)Math.Ceiling(share * all.Length) - 1, 0, all.Length - 1);
        return all[at] > 0 ? all[at] : all.Where(s => s > 0).DefaultIfEmpty(1).Min();
    }

    private SeriesAnomalyFile ToFile() => new()
    {
        Pipeline = Spec.Name,
        SchemaHash = Spec.SchemaHash,
        Schema = Spec.SchemaSignature(),
        DeclarativeVersion = ModelFile.DeclarativeVersion,
        Detector = Trainer,
        Threshold = Threshold,
        Season = _season,
        Series = SeriesIds.Select(id => _ranges[id]).ToArray(),
    };
}
