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
            new PredictionMember("float", "Probability", "The calibrated probability of <see langword=\"true\"/>."))
        {
            HeadlineMetric = "AreaUnderRocCurve",
        };

        public static readonly TaskDescriptor MulticlassClassification = new(
            TaskKind.MulticlassClassification, "MulticlassClassification", "multiclass classification", "MulticlassMetric",
            LabelStorage.Class, new[] { ValueType.String, ValueType.Int32, ValueType.Int64 }, enumLabels: true, "string, an enum, int or long",
            "MulticlassClassifier", genericOverLabel: true, "MulticlassClassificationMetrics", "MulticlassClassificationReport", "MulticlassPrediction", hasClasses: true,
            "LightGbm", "SdcaMaximumEntropy",
            new PredictionMember(null, "PredictedLabel", "The predicted class."),
            new PredictionMember("float[]", "Scores", "One score per class, in the order of <c>Classes</c>.", "[]"))
        {
            HeadlineMetric = "MacroAccuracy",
        };

        public static readonly TaskDescriptor Regression = new(
            TaskKind.Regression, "Regression", "regression", "RegressionMetric",
            LabelStorage.Numeric, new[] { ValueType.Single, ValueType.Double, ValueType.Int32, ValueType.Int64 }, enumLabels: false, "float, double, int or long",
            "Regressor", genericOverLabel: false, "RegressionMetrics", "RegressionReport", "RegressionPrediction", hasClasses: false,
            "LightGbm", "Sdca",
            new PredictionMember("float", "Score", "The predicted value."))
        {
            HeadlineMetric = "RSquared",
        };

        public static readonly TaskDescriptor Ranking = new(
            TaskKind.Ranking, "Ranking", "ranking", "RankingMetric",
            LabelStorage.Numeric, new[] { ValueType.Single, ValueType.Double, ValueType.Int32, ValueType.Int64 }, enumLabels: false, "float, double, int or long (graded relevance)",
            "Ranker", genericOverLabel: false, "RankingMetrics", "RankingReport", "RankingPrediction", hasClasses: false,
            "LightGbm", "LightGbm",
            new PredictionMember("float", "Score", "The relevance score: within a group, order rows by it, highest first."))
        {
            RequiresGroup = true,
            HeadlineMetric = "NdcgAt10",
            OnnxExport = false,
        };

        public static readonly TaskDescriptor Clustering = new(
            TaskKind.Clustering, "Clustering", "clustering", "ClusteringMetric",
            LabelStorage.Class, new[] { ValueType.String, ValueType.Int32, ValueType.Int64 }, enumLabels: true, "string, an enum, int or long",
            "Clusterer", genericOverLabel: false, "ClusteringMetrics", "ClusteringReport", "ClusteringPrediction", hasClasses: false,
            "KMeans", "KMeans",
            new PredictionMember("int", "ClusterId", "The nearest cluster, from 0: an index into <see cref=\"Distances\"/>."),
            new PredictionMember("float[]", "Distances", "The squared distance to each cluster's centroid, in the standardized feature space.", "[]"))
        {
            LabelRequired = false,
            HeadlineMetric = "DaviesBouldinIndex",
            LabelMetrics = new[] { "NormalizedMutualInformation" },
            Portable = false,
            OnnxExport = false,
            Option = new TaskOption("Clusters", IsInteger: true, Default: 0, Min: 2, Max: 1000, MinExclusive: false, AlsoZero: true, "2 to 1000, or 0 to choose the number of clusters")
            {
                Trainer = "KMeans",
                Hyperparameter = "NumberOfClusters",
                ChooseMax = 10,
            },
        };

        public static readonly TaskDescriptor AnomalyDetection = new(
            TaskKind.AnomalyDetection, "AnomalyDetection", "anomaly detection", "AnomalyDetectionMetric",
            LabelStorage.Boolean, new[] { ValueType.Boolean }, enumLabels: false, "bool (true for an anomaly)",
            "AnomalyDetector", genericOverLabel: false, "AnomalyDetectionMetrics", "AnomalyDetectionReport", "AnomalyPrediction", hasClasses: false,
            "KMeans", "KMeans",
            new PredictionMember("float", "Score", "How unusual the row is: higher is more anomalous."),
            new PredictionMember("bool", "IsAnomaly", "Whether the score is above the threshold the contamination share set on the training rows."))
        {
            LabelRequired = false,
            HeadlineMetric = "AreaUnderRocCurve",
            LabelMetrics = new[] { "AreaUnderRocCurve", "DetectionRateAtFalsePositiveCount" },
            Portable = false,
            OnnxExport = false,
            Option = new TaskOption("Contamination", IsInteger: false, Default: 0.05, Min: 0, Max: 0.5, MinExclusive: true, AlsoZero: false, "above 0 and at most 0.5"),
        };

        public static readonly TaskDescriptor Synthesis = new(
            TaskKind.Synthesis, "Synthesizer", "synthesis", "",
            LabelStorage.ByType, new[] { ValueType.Boolean, ValueType.Single, ValueType.Double, ValueType.Int32, ValueType.Int64, ValueType.String }, enumLabels: true,
            "bool, float, double, int, long, string or an enum",
            "Synthesizer", genericOverLabel: false, "", "SynthesisReport", "", hasClasses: false,
            "GaussianCopula", "GaussianCopula")
        {
            Generative = true,
            LabelRequired = false,
            HeadlineMetric = "ColumnDistance",
            Portable = false,
            OnnxExport = false,
        };

        public static IReadOnlyList<TaskDescriptor> All { get; } = new[] { BinaryClassification, MulticlassClassification, Regression, Ranking, Clustering, AnomalyDetection, Synthesis };

        public static TaskDescriptor For(TaskKind kind) => All.First(d => d.Kind == kind);
    }
}
