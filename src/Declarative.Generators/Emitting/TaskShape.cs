using Declarative.Generators.Model;

namespace Declarative.Generators.Emitting
{
    /// <summary>The runtime types and prediction members of one task, as the emitter writes them.</summary>
    internal sealed class TaskShape
    {
        private const string Metrics = "global::Microsoft.ML.Data.";

        private TaskShape(string coreType, string metricsType, string runtimePredictionType, bool hasClasses, params PredictionMember[] members)
        {
            ReportType = "global::Declarative.Evaluation." + metricsType.Substring(Metrics.Length).Replace("Metrics", "Report").Replace("Calibrated", "");
            CoreType = coreType;
            MetricsType = metricsType;
            RuntimePredictionType = runtimePredictionType;
            HasClasses = hasClasses;
            Members = members;
        }

        public string CoreType { get; }

        public string ReportType { get; }

        public string MetricsType { get; }

        public string RuntimePredictionType { get; }

        public bool HasClasses { get; }

        public PredictionMember[] Members { get; }

        public static TaskShape For(PipelineModel model) => model.Task switch
        {
            TaskKind.BinaryClassification => new TaskShape(
                $"global::Declarative.BinaryClassifier<{model.RowType}>",
                Metrics + "CalibratedBinaryClassificationMetrics",
                "global::Declarative.BinaryPrediction",
                false,
                new PredictionMember("bool", "PredictedLabel", "The predicted class."),
                new PredictionMember("float", "Score", "The raw score; positive leans to <see langword=\"true\"/>."),
                new PredictionMember("float", "Probability", "The calibrated probability of <see langword=\"true\"/>.")),
            TaskKind.MulticlassClassification => new TaskShape(
                $"global::Declarative.MulticlassClassifier<{model.RowType}, {model.Label.Type}>",
                Metrics + "MulticlassClassificationMetrics",
                $"global::Declarative.MulticlassPrediction<{model.Label.Type}>",
                true,
                new PredictionMember(model.Label.Type, "PredictedLabel", "The predicted class.", model.Label.Type == "string" ? "\"\"" : null),
                new PredictionMember("float[]", "Scores", "One score per class, in the order of <c>Classes</c>.", "[]")),
            _ => new TaskShape(
                $"global::Declarative.Regressor<{model.RowType}>",
                Metrics + "RegressionMetrics",
                "global::Declarative.RegressionPrediction",
                false,
                new PredictionMember("float", "Score", "The predicted value.")),
        };
    }

    /// <summary>A property of the generated prediction; <see cref="Initializer"/> keeps reference types non-null in an empty one.</summary>
    internal sealed record PredictionMember(string Type, string Name, string Doc, string? Initializer = null);
}
