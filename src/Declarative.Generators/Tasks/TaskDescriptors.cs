using System.Collections.Generic;
using System.Linq;
using Declarative.Generators.Model;
using Declarative.Generators.Shared;

namespace Declarative.Generators.Tasks
{
    /// <summary>
    /// The tasks the generator emits code for: one entry each, over the shared <see cref="TaskDefinitions"/>. Only what
    /// emitting needs is written here (runtime type names, prediction members); every fact the runtime also reads is in
    /// the definition.
    /// </summary>
    internal static class TaskDescriptors
    {
        private static readonly ValueType[] Numbers = { ValueType.Single, ValueType.Double, ValueType.Int32, ValueType.Int64 };
        private static readonly ValueType[] Classes = { ValueType.String, ValueType.Int32, ValueType.Int64 };

        public static readonly TaskDescriptor BinaryClassification = new(
            TaskDefinitions.BinaryClassification, new[] { ValueType.Boolean }, enumLabels: false,
            "BinaryClassifier", genericOverLabel: false, "CalibratedBinaryClassificationMetrics", "BinaryClassificationReport", "BinaryPrediction", hasClasses: false,
            new PredictionMember("bool", "PredictedLabel", "The predicted class."),
            new PredictionMember("float", "Score", "The raw score; positive leans to <see langword=\"true\"/>."),
            new PredictionMember("float", "Probability", "The calibrated probability of <see langword=\"true\"/>."));

        public static readonly TaskDescriptor MulticlassClassification = new(
            TaskDefinitions.MulticlassClassification, Classes, enumLabels: true,
            "MulticlassClassifier", genericOverLabel: true, "MulticlassClassificationMetrics", "MulticlassClassificationReport", "MulticlassPrediction", hasClasses: true,
            new PredictionMember(null, "PredictedLabel", "The predicted class."),
            new PredictionMember("float[]", "Scores", "One score per class, in the order of <c>Classes</c>.", "[]"));

        public static readonly TaskDescriptor Regression = new(
            TaskDefinitions.Regression, Numbers, enumLabels: false,
            "Regressor", genericOverLabel: false, "RegressionMetrics", "RegressionReport", "RegressionPrediction", hasClasses: false,
            new PredictionMember("float", "Score", "The predicted value."));

        public static readonly TaskDescriptor Ranking = new(
            TaskDefinitions.Ranking, Numbers, enumLabels: false,
            "Ranker", genericOverLabel: false, "RankingMetrics", "RankingReport", "RankingPrediction", hasClasses: false,
            new PredictionMember("float", "Score", "The relevance score: within a group, order rows by it, highest first."));

        public static readonly TaskDescriptor Clustering = new(
            TaskDefinitions.Clustering, Classes, enumLabels: true,
            "Clusterer", genericOverLabel: false, "ClusteringMetrics", "ClusteringReport", "ClusteringPrediction", hasClasses: false,
            new PredictionMember("int", "ClusterId", "The nearest cluster, from 0: an index into <see cref=\"Distances\"/>."),
            new PredictionMember("float[]", "Distances", "The squared distance to each cluster's centroid, in the standardized feature space.", "[]"));

        public static readonly TaskDescriptor AnomalyDetection = new(
            TaskDefinitions.AnomalyDetection, new[] { ValueType.Boolean }, enumLabels: false,
            "AnomalyDetector", genericOverLabel: false, "AnomalyDetectionMetrics", "AnomalyDetectionReport", "AnomalyPrediction", hasClasses: false,
            new PredictionMember("float", "Score", "How unusual the row is: higher is more anomalous."),
            new PredictionMember("bool", "IsAnomaly", "Whether the score is above the threshold the contamination share set on the training rows."));

        public static readonly TaskDescriptor Synthesis = new(
            TaskDefinitions.Synthesis, new[] { ValueType.Boolean, ValueType.Single, ValueType.Double, ValueType.Int32, ValueType.Int64, ValueType.String }, enumLabels: true,
            "Synthesizer", genericOverLabel: false, "", "SynthesisReport", "", hasClasses: false);

        public static IReadOnlyList<TaskDescriptor> All { get; } = new[] { BinaryClassification, MulticlassClassification, Regression, Ranking, Clustering, AnomalyDetection, Synthesis };

        public static TaskDescriptor For(MLTask kind) => All.First(d => d.Kind == kind);
    }
}
