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

    /// <summary>The kind of label column the task trains on.</summary>
    ColumnKind LabelKind { get; }

    /// <summary>The metric that ranks models when the declaration names none.</summary>
    string HeadlineMetric { get; }

    /// <summary>Whether the label is mapped to a key before training (classes sorted by value).</summary>
    bool KeyedLabel { get; }

    /// <summary>Whether a smaller value of <paramref name="metric"/> is better.</summary>
    bool LowerIsBetter(string metric);

    /// <summary>The trainer with its defaults and the seed, or with <paramref name="hyperparameters"/> set on its options.</summary>
    IEstimator<ITransformer> CreateTrainer(MLContext ml, Trainer trainer, string label, int seed, IReadOnlyDictionary<string, string>? hyperparameters);

    /// <summary>ML.NET's metrics object of the task for scored rows.</summary>
    object Evaluate(MLContext ml, IDataView predictions, string label);
}
