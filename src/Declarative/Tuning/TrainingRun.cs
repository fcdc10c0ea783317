using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Tuning;

/// <summary>The outcome of one training: the model, how it was chosen, the data it came from, and its test metrics.</summary>
internal sealed record TrainingRun(
    MLContext Context,
    ITransformer Model,
    Trainer Trainer,
    IReadOnlyDictionary<string, string> Hyperparameters,
    IReadOnlyList<TrialResult> Trials,
    TrainingData Data,
    IDataView TestPredictions,
    TaskMetrics? TestMetrics,
    TimeSpan Duration)
{
    /// <summary>What the task learned beyond the model (anomaly detection's threshold); null for tasks that learn nothing more.</summary>
    public Schema.TaskState? State { get; init; }

    /// <summary>The members of a tuned ensemble and their weights; empty for a single model.</summary>
    public IReadOnlyList<EnsembleMember> Ensemble { get; init; } = [];
}
