using Declarative.Schema;
using Microsoft.ML;

namespace Declarative.Training;

/// <summary>
/// What training and tuning need to know of a task. The task's profile (<c>Declarative.Tasks</c>) implements it and
/// is passed down, so this layer never switches on the task.
/// </summary>
internal interface ITaskTraining
{
    /// <summary>The task.</summary>
    MLTask Task { get; }

    /// <summary>The kind of label column the task trains on (or measures with, when the label is optional).</summary>
    ColumnKind LabelKind { get; }

    /// <summary>Whether the task trains without a label (clustering, anomaly detection): a declared one only measures the model.</summary>
    bool LabelOptional { get; }

    /// <summary>Whether rows come in groups (ranking): a [GroupId] column, mapped to a key, that splits keep whole.</summary>
    bool NeedsGroup { get; }

    /// <summary>Whether the training data must hold at least two classes of the label (classification).</summary>
    bool NeedsTwoClasses { get; }

    /// <summary>Whether the training data's numeric label must take at least two values.</summary>
    bool NeedsVaryingLabel { get; }

    /// <summary>The metric that ranks models when the declaration names none.</summary>
    string HeadlineMetric { get; }

    /// <summary>How the label column is converted before the trainer and the evaluator read it.</summary>
    LabelConversion LabelConversion { get; }

    /// <summary>Whether a smaller value of <paramref name="metric"/> is better.</summary>
    bool LowerIsBetter(string metric);

    /// <summary>The trainer with its defaults and the seed, or with <paramref name="hyperparameters"/> set on its options.</summary>
    IEstimator<ITransformer> CreateTrainer(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hyperparameters);

    /// <summary>The task's metrics for scored rows, or null when there is nothing to measure by (no label).</summary>
    TaskMetrics? Evaluate(MLContext ml, IDataView predictions, string? label);

    /// <summary>
    /// What the task learns from the fitted model's scores on its own training rows, beyond the model (anomaly
    /// detection: the score above which a row is an anomaly); null for tasks that learn nothing more.
    /// </summary>
    TaskState? Learn(ITransformer model, IDataView trainPart, TaskOptions? options) => null;
}

/// <summary>How a label column is converted before training and evaluation.</summary>
internal enum LabelConversion
{
    /// <summary>Read as it is.</summary>
    None,

    /// <summary>Mapped to a key, classes sorted by value (so class order does not depend on row order).</summary>
    Key,

    /// <summary>Converted to a float (a bool becomes 1 or 0), as ML.NET's anomaly evaluator wants.</summary>
    Single,
}

/// <summary>
/// What a trainer reads besides its hyperparameters: the label column (none for unsupervised training), the seed, the
/// task's options and the group column (ranking).
/// </summary>
internal sealed record TrainerInputs(string? Label, int Seed, TaskOptions? Options, string? Group = null);
