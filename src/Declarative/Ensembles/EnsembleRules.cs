using Declarative.Schema;

namespace Declarative.Ensembles;

/// <summary>When tuning builds an ensemble of its trials.</summary>
internal static class EnsembleRules
{
    /// <summary>
    /// The most validation scores tuning keeps for selection (rows scored by a trial × trials, × classes for multiclass):
    /// 100 MB of floats. Below 20,000 training rows every row is scored once per trial (5 folds); from there a 20 %
    /// holdout is, so a tuning of 20 trials keeps them up to about 6 million training rows (of one score each).
    /// </summary>
    public const long OutOfFoldLimit = 25_000_000;

    /// <summary>
    /// Whether tuning keeps its trials' validation scores and blends them: the task can be averaged, the metric can be
    /// computed on a blend, and the declaration asks for it or, when silent, the scores fit in <see cref="OutOfFoldLimit"/>.
    /// (An ensemble exports to ONNX as its members' graphs joined: <see cref="Artifacts.EnsembleOnnx"/>.)
    /// </summary>
    /// <param name="task">Its task.</param>
    /// <param name="tuning">Its tuning.</param>
    /// <param name="metric">The metric trials are scored by.</param>
    /// <param name="rows">Rows in the training part.</param>
    /// <param name="folds">Folds a trial is validated on (1: a 20 % holdout).</param>
    /// <param name="scoresPerRow">Scores a trial keeps per row: one, or one per class for multiclass.</param>
    public static bool Wanted(MLTask task, TuningSpec tuning, string metric, long rows, int folds, int scoresPerRow = 1) =>
        TaskDefinitions.For(task).Ensembles
        && (tuning.Ensemble ?? (folds > 1 ? rows : rows / 5) * scoresPerRow * (long)tuning.MaxTrials <= OutOfFoldLimit)
        && EnsembleMetric.Supports(task, metric);
}
