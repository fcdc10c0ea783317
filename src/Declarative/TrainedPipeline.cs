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
public abstract partial class TrainedPipeline<TRow, TPrediction, TReport> : ITrainedPipeline
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
        Ensemble = state.Ensemble ?? _run?.Ensemble ?? [];
        LabelSpelling = state.LabelSpelling ?? (Spec.Label is { Kind: ColumnKind.BooleanLabel, PositiveClass: null } boolean && _run is not null
            ? _run.Data.Table.Columns.First(c => c.Name == boolean.PropertyName).Spelling
            : null);
        if (!NativeAot.PortableScorerOnly && (state.Model is not null || state.ModelLoader is not null))
        {
            // A model read with a matching portable model beside it loads ML.NET's part only when something needs it.
            _model = state.Model is { } model ? new Lazy<ITransformer>(model) : new Lazy<ITransformer>(state.ModelLoader!, LazyThreadSafetyMode.ExecutionAndPublication);
            _predictor = new Lazy<RowPredictor<TRow, TPrediction>>(() => new RowPredictor<TRow, TPrediction>(Spec, _model.Value, ViewSchema.For(Spec), ReadPrediction));
            if (state.Model is not null && !UseMLNetEngine && _task.Portable)
            {
                _scorer ??= PortableScorerOf(Spec, state.Model, Trainer, LabelClasses, Ensemble);
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

    /// <summary>
    /// For a bool label read from a text file: how the file spelled false and true (<c>No</c>, <c>Yes</c>), so tools that
    /// write predictions back to a file (<c>dotnet declarative predict</c>) spell them alike. Null otherwise.
    /// </summary>
    internal IReadOnlyList<string>? LabelSpelling { get; }

    IReadOnlyList<string>? ITrainedPipeline.LabelSpelling => LabelSpelling;

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

    /// <inheritdoc/>
    public IReadOnlyList<EnsembleMember> Ensemble { get; }

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
        _run?.TestMetrics?.Native as TMetrics
        ?? throw new InvalidOperationException(_run is null
            ? $"Pipeline {Spec.Name}: test metrics are measured when the model is trained (Train); a model read by Load has none."
            : Spec.Label is null
                ? $"Pipeline {Spec.Name} has no [Label] to measure {Spec.Task} by; TestMetricValues is empty."
                : $"Pipeline {Spec.Name}: its test part holds rows of one class of the label '{Spec.Label.ColumnName}' only, which {Spec.Task} cannot be measured on; TestMetricValues is empty.");

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> TestMetricValues => _run?.TestMetrics?.Values ?? TaskMetrics.None;

    /// <summary>The ML.NET model, for uses the typed API does not cover. Not in a Native AOT app, which has only the portable scorer.</summary>
    public ITransformer Model => _model?.Value ?? throw NotInNativeCode(nameof(Model));

    /// <summary>Whether predictions come from Declarative's portable scorer (rather than ML.NET's engine).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Advanced)]
    public bool UsesPortableScorer => _scorer is not null;

    /// <summary>The error of a member that needs ML.NET, called in a Native AOT app.</summary>
    private protected NotSupportedException NotInNativeCode(string member) => NotInNativeCode(Spec, member);

    private static NotSupportedException NotInNativeCode(PipelineSpec<TRow> spec, string member) =>
        new($"Pipeline {spec.Name}: {member} needs ML.NET, which does not run in a Native AOT app; there, a model loaded with Load() predicts through Declarative's portable scorer, and training, evaluation and saving happen at build time.");

    /// <inheritdoc/>
    TrainingData? ITrainedPipeline.TrainedOn => _run?.Data;

    /// <summary>Binds the getters of a prediction to an output row of the model.</summary>
    private protected abstract Func<TPrediction> ReadPrediction(Microsoft.ML.DataViewRow output);

    /// <summary>A prediction from the portable scorer's scores (see <see cref="ModelScorer{TRow}.Score"/>).</summary>
    private protected abstract TPrediction FromScores(ReadOnlySpan<float> scores);
}
