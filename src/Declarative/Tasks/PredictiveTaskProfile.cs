using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Tasks;

/// <summary>
/// A task that trains an ML.NET model and predicts: the label it trains on, its trainers, how it is measured and its
/// report. Training, tuning and evaluation see it only through the narrow interfaces they declare
/// (<see cref="ITaskTraining"/>, <see cref="ITaskEvaluation"/>), so dependencies keep pointing one way.
/// </summary>
internal abstract class PredictiveTaskProfile(TaskDefinition definition) : TaskProfile(definition), ITaskEvaluation
{
    /// <inheritdoc/>
    public override bool CrossValidates => true;

    /// <inheritdoc/>
    public ColumnKind LabelKind => Definition.Label switch
    {
        LabelStorage.Boolean => ColumnKind.BooleanLabel,
        LabelStorage.Numeric => ColumnKind.NumericLabel,
        _ => ColumnKind.ClassLabel,
    };

    /// <inheritdoc/>
    public bool LabelOptional => !Definition.LabelRequired;

    /// <inheritdoc/>
    public bool NeedsTwoClasses => Definition.NeedsTwoClasses;

    public bool NeedsVaryingLabel => Definition.NeedsVaryingLabel;

    /// <inheritdoc/>
    public bool NeedsGroup => Definition.RequiresGroup;

    /// <inheritdoc/>
    public virtual LabelConversion LabelConversion => LabelConversion.None;

    /// <inheritdoc/>
    public IEstimator<ITransformer> CreateTrainer(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hyperparameters)
    {
        var estimator = CreateEstimator(ml, trainer, inputs, hyperparameters);
        return trainer == Trainer.LightGbm ? LightGbmThreads.Gated(estimator, hyperparameters) : estimator;
    }

    /// <summary>The task's trainer with its defaults and the seed, or with <paramref name="hyperparameters"/> set on its options.</summary>
    protected abstract IEstimator<ITransformer> CreateEstimator(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hyperparameters);

    /// <inheritdoc/>
    public abstract TaskMetrics? Evaluate(MLContext ml, IDataView predictions, string? label);

    /// <inheritdoc/>
    public virtual TaskState? Learn(ITransformer model, IDataView trainPart, TaskOptions? options) => null;

    /// <summary>The state <see cref="Learn"/> gave, read back from a model file's metadata; null for a task that learns none.</summary>
    public virtual TaskState? ReadState(IReadOnlyDictionary<string, System.Text.Json.JsonElement>? metadata) => null;

    /// <inheritdoc/>
    public abstract EvaluationReport CreateReport(ReportBasics basics, IDataView predictions, string? label);

    /// <summary>Options with the tuned <paramref name="hyperparameters"/> applied (none: ML.NET's defaults).</summary>
    protected static T With<T>(T options, IReadOnlyDictionary<string, string>? hyperparameters)
        where T : class
    {
        if (hyperparameters is not null)
        {
            Tuning.SearchSpace.Apply(options, hyperparameters);
        }

        return options;
    }

    /// <summary>The error for a trainer the task cannot use (the generator reports it first, as DCL0006).</summary>
    protected NotSupportedException Unsupported(Trainer trainer) => new($"The trainer {trainer} cannot be used for {Task}.");

    /// <summary>Reads one column of a view into an array.</summary>
    protected static T[] Column<T>(IDataView view, string name) => Data.ViewColumns.Read<T>(view, name);

    /// <summary>
    /// Whether scored rows hold one class of a two-class label only (positive above 0): a small test part or a tuning
    /// fold of a rare class, where the ROC curve is not defined and ML.NET's evaluators throw.
    /// </summary>
    protected static bool OfOneClass(float[] labels) => !Array.Exists(labels, l => l > 0) || Array.TrueForAll(labels, l => l > 0);
}
