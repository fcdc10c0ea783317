using Declarative.Schema;
using Declarative.Scoring;
using Declarative.Tasks;
using Declarative.Tuning;
using Microsoft.ML;

namespace Declarative;

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

    /// <summary>The members of an ensemble, as a model file recorded them.</summary>
    public IReadOnlyList<EnsembleMember>? Ensemble { get; init; }

    /// <summary>How the training file spelled a bool label's false and true, as a model file recorded it.</summary>
    public IReadOnlyList<string>? LabelSpelling { get; init; }
}
