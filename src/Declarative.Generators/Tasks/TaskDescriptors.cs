using System.Collections.Generic;
using System.Linq;
using Declarative.Generators.Model;

namespace Declarative.Generators.Tasks
{
    /// <summary>The tasks the generator knows: one entry each. Adding a task adds an entry here (and a profile in the runtime).</summary>
    internal static class TaskDescriptors
    {
        public static readonly TaskDescriptor BinaryClassification = new(
            TaskKind.BinaryClassification, "BinaryClassification", "binary classification", "BinaryMetric",
            LabelStorage.Boolean, new[] { ValueType.Boolean }, enumLabels: false, "bool",
            "BinaryClassifier", genericOverLabel: false, "CalibratedBinaryClassificationMetrics", "BinaryClassificationReport", "BinaryPrediction", hasClasses: false,
            "LightGbm", "SdcaLogisticRegression",
            new PredictionMember("bool", "PredictedLabel", "The predicted class."),
            new PredictionMember("float", "Score", "The raw score; positive leans to <see langword=\"true\"/>."),
            new PredictionMember("float", "Probability", "The calibrated probability of <see langword=\"true\"/>."));

        public static readonly TaskDescriptor MulticlassClassification = new(
            TaskKind.MulticlassClassification, "MulticlassClassification", "multiclass classification", "MulticlassMetric",
            LabelStorage.Class, new[] { ValueType.String, ValueType.Int32, ValueType.Int64 }, enumLabels: true, "string, an enum, int or long",
            "MulticlassClassifier", genericOverLabel: true, "MulticlassClassificationMetrics", "MulticlassClassificationReport", "MulticlassPrediction", hasClasses: true,
            "LightGbm", "SdcaMaximumEntropy",
            new PredictionMember(null, "PredictedLabel", "The predicted class."),
            new PredictionMember("float[]", "Scores", "One score per class, in the order of <c>Classes</c>.", "[]"));

        public static readonly TaskDescriptor Regression = new(
            TaskKind.Regression, "Regression", "regression", "RegressionMetric",
            LabelStorage.Numeric, new[] { ValueType.Single, ValueType.Double, ValueType.Int32, ValueType.Int64 }, enumLabels: false, "float, double, int or long",
            "Regressor", genericOverLabel: false, "RegressionMetrics", "RegressionReport", "RegressionPrediction", hasClasses: false,
            "LightGbm", "Sdca",
            new PredictionMember("float", "Score", "The predicted value."));

        public static IReadOnlyList<TaskDescriptor> All { get; } = new[] { BinaryClassification, MulticlassClassification, Regression };

        public static TaskDescriptor For(TaskKind kind) => All.First(d => d.Kind == kind);
    }
}
