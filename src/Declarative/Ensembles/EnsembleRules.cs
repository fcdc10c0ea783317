using Declarative.Schema;

namespace Declarative.Ensembles;

/// <summary>When tuning builds an ensemble of its trials.</summary>
internal static class EnsembleRules
{
    /// <summary>
    /// Whether tuning keeps its trials' out-of-fold scores and blends them: the task can be averaged, the metric can be
    /// computed on a blend, the model is not exported to ONNX (ML.NET's converter has no weighted sum), and the declaration
    /// asks for it or, when silent, trials are cross-validated (5 folds below 20,000 rows: every training row has a score).
    /// </summary>
    public static bool Wanted<TRow>(PipelineSpec<TRow> spec, MLTask task, TuningSpec tuning, string metric, int folds) =>
        TaskDefinitions.For(task).Ensembles
        && !spec.ExportOnnx
        && (tuning.Ensemble ?? folds > 1)
        && EnsembleMetric.For(task, metric) is not null;
}
