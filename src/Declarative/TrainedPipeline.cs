using Declarative.Artifacts;
using Declarative.Data;
using Declarative.Evaluation;
using Declarative.Prediction;
using Declarative.Schema;
using Declarative.Scoring;
using Declarative.Tasks;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML;

namespace Declarative;

/// <summary>
/// A trained pipeline: the ML.NET model with the spec it was trained for. Everything the tasks share lives here;
/// each task's typed face (<see cref="BinaryClassifier{TRow}"/>, <see cref="MulticlassClassifier{TRow, TLabel}"/>,
/// <see cref="Regressor{TRow}"/>) adds only how it reads a prediction. Prediction is thread-safe.
/// <para>
/// Predictions come from Declarative's portable scorer (featurization and the trees or linear model in plain C#) when
/// it can serve the pipeline, and from ML.NET's engine otherwise (text n-grams). In a Native AOT app only the scorer
/// runs: <c>Load</c> reads the portable model the build wrote beside the <c>.mlnet</c>, and every member that needs ML.NET
/// (training, evaluation, saving, <see cref="Model"/>) throws <see cref="NotSupportedException"/>. Each of those tests
/// <see cref="NativeAot.PortableScorerOnly"/> first, which the AOT compiler reads as a constant, so the ML.NET branches
/// are not compiled into a native app at all.
/// </para>
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TPrediction">The prediction type of the task.</typeparam>
/// <typeparam name="TReport">The report type of the task.</typeparam>
/// <remarks>
/// ML.NET's metrics type is each face's own (<c>TestMetrics</c>), not a type argument here: a native app constructs these
/// types, and a base type naming an ML.NET type would make the AOT compiler keep ML.NET's metadata.
/// </remarks>
public abstract class TrainedPipeline<TRow, TPrediction, TReport> : ITrainedPipeline
    where TReport : EvaluationReport
{
    private readonly PredictiveTaskProfile _task;
    private readonly MLContext? _context;
    private readonly Lazy<RowPredictor<TRow, TPrediction>>? _predictor;
    private readonly ModelScorer<TRow>? _scorer;
    private readonly Lazy<ITransformer>? _model;
    private readonly TrainingRun? _run;
    private readonly Action<string>? _status;
    private TReport? _trainingReport;

    private protected TrainedPipeline(PipelineState<TRow> state)
    {
        Spec = state.Spec;
        _task = state.Task;
        _context = state.Context;
        _scorer = state.Scorer;
        Trainer = state.Trainer;
        _run = state.Run;
        _status = state.Status;
        Hyperparameters = _run?.Hyperparameters ?? new Dictionary<string, string>();
        Trials = _run?.Trials ?? [];
        LabelClasses = state.LabelClasses ?? (Spec.Label?.PositiveClass is { } positive && _run is not null
            ? [_run.Data.Table.Columns.First(c => c.Name == Spec.Label.PropertyName).NegativeClass ?? "", positive]
            : null);
        State = state.State ?? _run?.State;
        if (!NativeAot.PortableScorerOnly && (state.Model is not null || state.ModelLoader is not null))
        {
            // A model read with a matching portable model beside it loads ML.NET's part only when something needs it.
            _model = state.Model is { } model ? new Lazy<ITransformer>(model) : new Lazy<ITransformer>(state.ModelLoader!, LazyThreadSafetyMode.ExecutionAndPublication);
            _predictor = new Lazy<RowPredictor<TRow, TPrediction>>(() => new RowPredictor<TRow, TPrediction>(Spec, _model.Value, ViewSchema.For(Spec), ReadPrediction));
            if (state.Model is not null && !UseMLNetEngine && _task.Portable)
            {
                _scorer ??= PortableScorerOf(Spec, state.Model, Trainer, LabelClasses);
            }
        }
    }

    private static bool UseMLNetEngine => AppContext.TryGetSwitch(DeclarativeSwitches.UseMLNetEngine, out var on) && on;

    /// <summary>
    /// For binary classification with a label that is not a bool: the negative and the positive class, as text (the
    /// generated code turns them back into the label's type). Null otherwise.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public IReadOnlyList<string>? LabelClasses { get; }

    /// <summary>The pipeline the model was trained for.</summary>
    public PipelineSpec<TRow> Spec { get; }

    /// <summary>What the task learned besides the model (anomaly detection: the score above which a row is an anomaly).</summary>
    private protected TaskState? State { get; }

    /// <inheritdoc/>
    public Trainer Trainer { get; }

    /// <inheritdoc/>
    public string? DataPath => _run?.Data.Path;

    /// <inheritdoc/>
    public TimeSpan? TrainingTime => _run?.Duration;

    /// <inheritdoc/>
    public string Name => Spec.Name;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<TrialResult> Trials { get; }

    /// <summary>The successful tuning trials, best first (by the tuning metric); empty when the pipeline did not tune.</summary>
    public IReadOnlyList<TrialResult> Leaderboard =>
        Spec.Tuning is null
            ? []
            : (_task.LowerIsBetter(Spec.Tuning.MetricFor(_task.HeadlineMetric))
                ? Trials.Where(t => t.Succeeded).OrderBy(t => t.Metric).ThenBy(t => t.Number)
                : Trials.Where(t => t.Succeeded).OrderByDescending(t => t.Metric).ThenBy(t => t.Number)).ToArray();

    /// <summary>The metrics on the held-out test part, as the face's ML.NET type. Only a trained model has them.</summary>
    private protected TMetrics TestMetricsAs<TMetrics>()
        where TMetrics : class =>
        _run?.TestMetrics as TMetrics
        ?? throw new InvalidOperationException(_run is null
            ? $"Pipeline {Spec.Name}: test metrics are measured when the model is trained (Train); a model read by Load has none."
            : $"Pipeline {Spec.Name} has no [Label] to measure {Spec.Task} by; TestMetricValues is empty.");

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> TestMetricValues => MetricValues.Of(_run?.TestMetrics);

    /// <summary>The ML.NET model, for uses the typed API does not cover. Not in a Native AOT app, which has only the portable scorer.</summary>
    public ITransformer Model => _model?.Value ?? throw NotInNativeCode(nameof(Model));

    /// <summary>Whether predictions come from Declarative's portable scorer (rather than ML.NET's engine).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Advanced)]
    public bool UsesPortableScorer => _scorer is not null;

    /// <summary>Predicts one row. Safe to call from many threads at once.</summary>
    public TPrediction Predict(TRow row)
    {
        if (NativeAot.PortableScorerOnly)
        {
            return Scored(_scorer!, row);
        }

        return _scorer is { } scorer ? Scored(scorer, row) : _predictor!.Value.Predict(row);
    }

    /// <summary>Predicts many rows in one streaming pass; rows are read as the result is enumerated.</summary>
    public IEnumerable<TPrediction> Predict(IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (NativeAot.PortableScorerOnly)
        {
            return ScoredRows(_scorer!, rows);
        }

        return _scorer is { } scorer ? ScoredRows(scorer, rows) : _predictor!.Value.Predict(rows);
    }

    private TPrediction Scored(ModelScorer<TRow> scorer, TRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var count = scorer.ScoreCount;
        var scores = count <= 64 ? stackalloc float[count] : new float[count];
        scorer.Score(row, scores);
        return FromScores(scores);
    }

    private IEnumerable<TPrediction> ScoredRows(ModelScorer<TRow> scorer, IEnumerable<TRow> rows)
    {
        foreach (var row in rows)
        {
            yield return Scored(scorer, row ?? throw new ArgumentException("The rows hold a null row.", nameof(rows)));
        }
    }

    /// <summary>
    /// The portable scorer of a model in memory, or null when it cannot serve it (text n-grams; anything the reader does
    /// not recognize): predictions then stay on ML.NET's engine.
    /// </summary>
    private static ModelScorer<TRow>? PortableScorerOf(PipelineSpec<TRow> spec, ITransformer model, Trainer trainer, IReadOnlyList<string>? labelClasses)
    {
        try
        {
            return ModelScorers.For(spec, PortableModelReader.Read(spec, model, trainer, labelClasses), spec.Name);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    PortableModel ITrainedPipeline.ToPortable() =>
        _scorer?.Model ?? PortableModelReader.Read(Spec, Model, Trainer, LabelClasses);

    /// <summary>The error of a member that needs ML.NET, called in a Native AOT app.</summary>
    private protected NotSupportedException NotInNativeCode(string member) => NotInNativeCode(Spec, member);

    private static NotSupportedException NotInNativeCode(PipelineSpec<TRow> spec, string member) =>
        new($"Pipeline {spec.Name}: {member} needs ML.NET, which does not run in a Native AOT app; there, a model loaded with Load() predicts through Declarative's portable scorer, and training, evaluation and saving happen at build time.");

    /// <summary>
    /// The report: metrics, cross-validation, curves and matrices, feature importance, data profile and tuning history.
    /// Without a path, it is about the held-out test part of the data the model was trained on (a trained model reuses
    /// what training loaded; a loaded model reads the declared data file and splits it as training did). With a path,
    /// every row of that file is scored as a test set (pass data the model was not trained on).
    /// </summary>
#pragma warning disable RS0027 // Evaluate(rows) overloads by type, not by count.
    public TReport Evaluate(string? dataPath = null)
#pragma warning restore RS0027
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(Evaluate));
        }

        if (dataPath is null || (_run is not null && SameFile(dataPath, _run.Data.Path)))
        {
            return _trainingReport ??= Report(_run?.Data ?? PipelineTrainer.LoadDeclared(Spec, null));
        }

        return Report(SameClasses(PipelineTrainer.LoadTestSet(Spec, DataPaths.Resolve(Spec, dataPath))));
    }

    /// <summary>The report for rows in memory: every row is scored as a test set, as a file given to <c>Evaluate(path)</c> is.</summary>
    public TReport Evaluate(IEnumerable<TRow> rows)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(Evaluate));
        }

        ArgumentNullException.ThrowIfNull(rows);
        return Report(SameClasses(PipelineTrainer.TestRows(Spec, rows)));
    }

    /// <summary>
    /// Data scored by a model whose label has a positive class must hold the model's other class, not a new value
    /// that would silently count as negative.
    /// </summary>
    private TrainingData SameClasses(TrainingData data)
    {
        if (LabelClasses is [var negative, _] && Spec.Label is { } label
            && data.Table.Columns.First(c => c.Name == label.PropertyName).NegativeClass is { } found && found != negative)
        {
            throw new DataFileException(data.Path, null, null,
                $"The label '{label.ColumnName}' holds '{found}', but the model's classes are '{LabelClasses[1]}' (positive) and '{negative}': a model scores only the classes it learned.");
        }

        return data;
    }

    /// <inheritdoc/>
    EvaluationReport ITrainedPipeline.Evaluate(string? dataPath) => Evaluate(dataPath);

    /// <summary>What reading the training data noticed (skipped rows, multi-line fields), for builds that write no report.</summary>
    IReadOnlyList<DataWarning> ITrainedPipeline.ReadingWarnings() =>
        _run is null ? [] : DataProfiler.ReadingWarnings(_run.Data.Table).ToArray();

    /// <summary>Writes the HTML report of <c>Evaluate()</c> (without a path) as one self-contained page.</summary>
    public void SaveReport(string path)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(SaveReport));
        }

        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteText(path, Reports.ReportHtml.Render(Evaluate(), _task));
    }

    /// <summary>Saves the model to a file (written whole or not at all), to be read back by the pipeline's <c>Load</c>.</summary>
    public void Save(string path)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(Save));
        }

        ArgumentException.ThrowIfNullOrEmpty(path);
        ModelFile.Save(_context!, Model, ViewSchema.For(Spec), Metadata(), path);
    }

    /// <summary>Saves the model to a stream.</summary>
    public void Save(Stream stream)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(Save));
        }

        ArgumentNullException.ThrowIfNull(stream);
        ModelFile.Write(_context!, Model, ViewSchema.For(Spec), Metadata(), stream);
    }

    /// <summary>
    /// Saves the model as ONNX (written whole or not at all), for ONNX Runtime and other runtimes. Its inputs are the
    /// pipeline's columns by property name, each a [rows, 1] tensor (float for numbers, string for categories, bool for
    /// booleans); its outputs are ML.NET's (<c>Score</c>, and <c>Probability</c> and <c>PredictedLabel</c> by task),
    /// suffixed <c>.output</c>. A pipeline with a <c>[Text]</c> feature has no ONNX form: <see cref="NotSupportedException"/>.
    /// </summary>
    public void SaveOnnx(string path)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(SaveOnnx));
        }

        ArgumentException.ThrowIfNullOrEmpty(path);
        OnnxFile.Save(_context!, Spec, Model, path);
    }

    /// <inheritdoc/>
    TrainingData? ITrainedPipeline.TrainedOn => _run?.Data;

    /// <summary>Binds the getters of a prediction to an output row of the model.</summary>
    private protected abstract Func<TPrediction> ReadPrediction(Microsoft.ML.DataViewRow output);

    /// <summary>A prediction from the portable scorer's scores (see <see cref="ModelScorer{TRow}.Score"/>).</summary>
    private protected abstract TPrediction FromScores(ReadOnlySpan<float> scores);

    /// <summary>Loads, splits, tunes (when declared), trains and scores the test part.</summary>
    private protected static PipelineState<TRow> Trained(PipelineSpec<TRow> spec, MLTask task, string? dataPath, TrainOptions? options)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(spec, "Train");
        }

        var profile = ProfileOf(spec, task);
        var run = ModelSelection.Train(spec, profile, dataPath, options);
        return new PipelineState<TRow>(spec, profile, run.Context, run.Model, run.Trainer, run, options?.Status);
    }

    /// <summary>Trains on rows in memory: split as a file would be, or scored on <paramref name="test"/> when given.</summary>
    private protected static PipelineState<TRow> Trained(PipelineSpec<TRow> spec, MLTask task, IEnumerable<TRow> rows, IEnumerable<TRow>? test, TrainOptions? options)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(spec, "Train");
        }

        ArgumentNullException.ThrowIfNull(rows);
        var profile = ProfileOf(spec, task);
        var run = ModelSelection.Train(spec, profile, () => PipelineTrainer.FromRows(spec, rows, test), options);
        return new PipelineState<TRow>(spec, profile, run.Context, run.Model, run.Trainer, run, options?.Status);
    }

    /// <summary>Loads a model file and checks that it was trained for <paramref name="spec"/>'s task and schema.</summary>
    private protected static PipelineState<TRow> Loaded(PipelineSpec<TRow> spec, MLTask task, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (NativeAot.PortableScorerOnly)
        {
            return LoadedPortable(spec, task, PortableModelFile.Beside(path));
        }

        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "The model file was not found.");
        }

        // A device such as /dev/zero reports no length and never ends: refuse it before reading.
        var length = new FileInfo(path).Length;
        if (length == 0 || length > ModelFile.MaxFileBytes)
        {
            throw new ModelFileException(path, length == 0
                ? "The model file is empty (or not a regular file)."
                : $"The model file is {length:N0} bytes, more than Declarative reads ({ModelFile.MaxFileBytes:N0}).");
        }

        using var file = File.OpenRead(path);
        return Loaded(spec, task, file, path, PortableModelFile.Beside(path));
    }

    /// <summary>
    /// Reads the portable model the build wrote beside the model file (the only model a Native AOT app can read) and
    /// checks that it was made for <paramref name="spec"/>'s task and schema.
    /// </summary>
    private static PipelineState<TRow> LoadedPortable(PipelineSpec<TRow> spec, MLTask task, string path)
    {
        var profile = ProfileOf(spec, task);
        var portable = PortableModelFile.Read(path);
        return new PipelineState<TRow>(spec, profile, null, null, portable.Trainer, null, null, portable.LabelClasses, ModelScorers.For(spec, portable, path));
    }

    /// <summary>Reads a model and checks that it was trained for <paramref name="spec"/>'s task and schema.</summary>
    private protected static PipelineState<TRow> Loaded(PipelineSpec<TRow> spec, MLTask task, Stream stream, string source = "<stream>") =>
        Loaded(spec, task, stream, source, null);

    /// <summary>
    /// Reads a model and checks that it was trained for <paramref name="spec"/>'s task and schema. When the portable
    /// model the build wrote is at <paramref name="portablePath"/> and was made from these very bytes (its model hash),
    /// predictions start from it at once and ML.NET's part is loaded only if something asks for it.
    /// </summary>
    private static PipelineState<TRow> Loaded(PipelineSpec<TRow> spec, MLTask task, Stream stream, string source, string? portablePath)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (NativeAot.PortableScorerOnly)
        {
            throw new NotSupportedException($"Pipeline {spec.Name}: a Native AOT app reads the portable model file the build writes (Load() or Load(path)), not an ML.NET model stream.");
        }

        var profile = ProfileOf(spec, task);
        var context = new MLContext(spec.Seed);
        var file = ModelFile.Open(stream, source);
        try
        {
            var metadata = file.Metadata;
            Check(spec, metadata, source);
            if (portablePath is not null && !UseMLNetEngine && MatchingPortable(spec, portablePath, file.Hash) is { } scorer)
            {
                return new PipelineState<TRow>(spec, profile, context, null, metadata.Trainer, null, null, metadata.LabelClasses, scorer)
                {
                    ModelLoader = () => file.LoadModel(context),
                    State = profile.ReadState(metadata.State),
                };
            }

            using (file)
            {
                return new PipelineState<TRow>(spec, profile, context, file.LoadModel(context), metadata.Trainer, null, null, metadata.LabelClasses)
                {
                    State = profile.ReadState(metadata.State),
                };
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The scorer of the portable model at <paramref name="path"/> if it is there, readable and made from the model with <paramref name="modelHash"/>.</summary>
    private static ModelScorer<TRow>? MatchingPortable(PipelineSpec<TRow> spec, string path, string modelHash)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var portable = PortableModelFile.Read(path);
            return portable.ModelHash == modelHash ? ModelScorers.For(spec, portable, path) : null;
        }
        catch (ModelFileException)
        {
            // A damaged or stale portable model is not an error here: the scorer is read from the model itself instead.
            return null;
        }
    }

    private TReport Report(TrainingData data) =>
        (TReport)Evaluator.Evaluate(Spec, _task, Model, Trainer, Hyperparameters, Trials, data, _status, State);

    private static PredictiveTaskProfile ProfileOf(PipelineSpec<TRow> spec, MLTask task)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Expect(task);
        return TaskProfiles.Predictive(task);
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static void Check(PipelineSpec<TRow> spec, ModelMetadata metadata, string path)
    {
        if (metadata.Task != spec.Task)
        {
            throw new ModelFileException(path, $"The model was trained for {metadata.Task} (pipeline {metadata.Pipeline}), but pipeline {spec.Name} is {spec.Task}.");
        }

        if (metadata.SchemaHash != spec.SchemaHash)
        {
            var expected = spec.SchemaSignature();
            var onlyInModel = metadata.Schema.Except(expected).ToArray();
            var onlyInRow = expected.Except(metadata.Schema).ToArray();
            throw new ModelFileException(path,
                $"The model was trained for another row schema (pipeline {metadata.Pipeline}, row {metadata.RowType}, schema {metadata.SchemaHash}) " +
                $"than pipeline {spec.Name} has now (row {typeof(TRow).FullName}, schema {spec.SchemaHash}). " +
                $"Only in the model: {Join(onlyInModel)}. Only in the row type: {Join(onlyInRow)}. Train the model again.");
        }
    }

    private static string Join(string[] items) => items.Length == 0 ? "(none)" : string.Join(", ", items);

    private ModelMetadata Metadata() => new()
    {
        Pipeline = Spec.Name,
        Task = Spec.Task,
        RowType = typeof(TRow).FullName ?? typeof(TRow).Name,
        SchemaHash = Spec.SchemaHash,
        Schema = Spec.SchemaSignature(),
        Trainer = Trainer,
        Seed = Spec.Seed,
        DeclarativeVersion = ModelFile.DeclarativeVersion,
        MLNetVersion = ModelFile.MLNetVersion,
        LabelClasses = LabelClasses,
        State = StateEntries(),
    };

    /// <summary>The task's learned state as the metadata's entries, or null when it learned none.</summary>
    private Dictionary<string, System.Text.Json.JsonElement>? StateEntries()
    {
        if (State is null)
        {
            return null;
        }

        var entries = new Dictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal);
        State.WriteTo(entries);
        return entries;
    }
}

/// <summary>What a trained pipeline is made of; the typed faces pass it to their base.</summary>
/// <remarks>A model read in a Native AOT app has no ML.NET context or model, only the portable scorer.
/// A class, not a record: a record's generated equality would make the AOT compiler keep ML.NET's metadata.</remarks>
internal sealed class PipelineState<TRow>(
    PipelineSpec<TRow> spec, PredictiveTaskProfile task, MLContext? context, ITransformer? model, Trainer trainer, TrainingRun? run, Action<string>? status,
    IReadOnlyList<string>? labelClasses = null, ModelScorer<TRow>? scorer = null)
{
    public PipelineSpec<TRow> Spec { get; } = spec;

    public PredictiveTaskProfile Task { get; } = task;

    public MLContext? Context { get; } = context;

    public ITransformer? Model { get; } = model;

    public Trainer Trainer { get; } = trainer;

    public TrainingRun? Run { get; } = run;

    public Action<string>? Status { get; } = status;

    public IReadOnlyList<string>? LabelClasses { get; } = labelClasses;

    public ModelScorer<TRow>? Scorer { get; } = scorer;

    /// <summary>Loads ML.NET's part on demand, when <see cref="Model"/> is null but an ML.NET model exists.</summary>
    public Func<ITransformer>? ModelLoader { get; init; }

    /// <summary>What the task learned beyond the model, as a model file recorded it (anomaly detection's threshold).</summary>
    public TaskState? State { get; init; }
}
