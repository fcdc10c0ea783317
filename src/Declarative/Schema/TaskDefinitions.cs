// Shared with the source generator, which compiles this file too: this is the one list of tasks and their facts.
#if !DECLARATIVE_GENERATOR
namespace Declarative.Schema;
#else
namespace Declarative.Generators.Shared;
#endif

/// <summary>Every task's definition: the one list a new task is added to, read by the generator and the runtime alike.</summary>
internal static class TaskDefinitions
{
    public static readonly TaskDefinition BinaryClassification = new(MLTask.BinaryClassification, "BinaryClassification", "binary classification", LabelStorage.Boolean)
    {
        LabelTypes = ["Boolean"],
        FaceType = "BinaryClassifier",
        ReportType = "BinaryClassificationReport",
        MetricsType = "CalibratedBinaryClassificationMetrics",
        PredictionType = "BinaryPrediction",
        PredictionMembers =
        [
            new("bool", "PredictedLabel", "The predicted class."),
            new("float", "Score", "The raw score; positive leans to <see langword=\"true\"/>."),
            new("float", "Probability", "The calibrated probability of <see langword=\"true\"/>."),
        ],
        ExpectedLabels = "bool",
        NeedsTwoClasses = true,
        AcceptsGroup = true,
        MetricEnum = "BinaryMetric",
        HeadlineMetric = "AreaUnderRocCurve",
        LowerIsBetterMetrics = ["LogLoss"],
        Scores = ScoreLayout.ScoreAndProbability,
        DefaultTrainer = "LightGbm",
        TextTrainer = "SdcaLogisticRegression",
        TuningTrainers = ["LightGbm", "FastTree", "FastForest", "SdcaLogisticRegression", "LbfgsLogisticRegression"],
        FewRowsTrainer = "LbfgsLogisticRegression",
        WarnsOfUnsplitTrees = true,
        Portable = true,
        Explains = true,
        Ensembles = true,
        OnnxExport = true,
    };

    public static readonly TaskDefinition MulticlassClassification = new(MLTask.MulticlassClassification, "MulticlassClassification", "multiclass classification", LabelStorage.Class)
    {
        LabelTypes = ["String", "Int32", "Int64"],
        EnumLabels = true,
        FaceType = "MulticlassClassifier",
        GenericOverLabel = true,
        ReportType = "MulticlassClassificationReport",
        MetricsType = "MulticlassClassificationMetrics",
        PredictionType = "MulticlassPrediction",
        PredictionMembers =
        [
            new(null, "PredictedLabel", "The predicted class."),
            new("float[]", "Scores", "One score per class, in the order of <c>Classes</c>.", "[]"),
        ],
        HasClasses = true,
        ExpectedLabels = "string, an enum, int or long",
        NeedsTwoClasses = true,
        AcceptsGroup = true,
        MetricEnum = "MulticlassMetric",
        HeadlineMetric = "MacroAccuracy",
        LowerIsBetterMetrics = ["LogLoss"],
        Scores = ScoreLayout.PerClass,
        DefaultTrainer = "LightGbm",
        TextTrainer = "SdcaMaximumEntropy",
        TuningTrainers = ["LightGbm", "FastTree", "SdcaMaximumEntropy", "LbfgsMaximumEntropy"],
        FewRowsTrainer = "SdcaMaximumEntropy",
        Portable = true,
        Explains = true,
        Ensembles = true,
        OnnxExport = true,
    };

    public static readonly TaskDefinition Regression = new(MLTask.Regression, "Regression", "regression", LabelStorage.Numeric)
    {
        LabelTypes = ["Single", "Double", "Int32", "Int64"],
        FaceType = "Regressor",
        ReportType = "RegressionReport",
        MetricsType = "RegressionMetrics",
        PredictionType = "RegressionPrediction",
        PredictionMembers = [new("float", "Score", "The predicted value.")],
        ExpectedLabels = "float, double, int or long",
        NeedsVaryingLabel = true,
        AcceptsGroup = true,
        MetricEnum = "RegressionMetric",
        HeadlineMetric = "RSquared",
        LowerIsBetterMetrics = ["RootMeanSquaredError", "MeanAbsoluteError", "MeanSquaredError"],
        DefaultTrainer = "LightGbm",
        TextTrainer = "Sdca",
        TuningTrainers = ["LightGbm", "FastTree", "FastForest", "Sdca"],
        FewRowsTrainer = "Sdca",
        WarnsOfUnsplitTrees = true,
        Portable = true,
        Explains = true,
        OnnxExport = true,
        Ensembles = true,
    };

    public static readonly TaskDefinition Ranking = new(MLTask.Ranking, "Ranking", "ranking", LabelStorage.Numeric)
    {
        LabelTypes = ["Single", "Double", "Int32", "Int64"],
        FaceType = "Ranker",
        ReportType = "RankingReport",
        MetricsType = "RankingMetrics",
        PredictionType = "RankingPrediction",
        PredictionMembers = [new("float", "Score", "The relevance score: within a group, order rows by it, highest first.")],
        ExpectedLabels = "float, double, int or long (graded relevance)",
        NeedsVaryingLabel = true,
        RequiresGroup = true,
        AcceptsGroup = true,
        MetricEnum = "RankingMetric",
        HeadlineMetric = "NdcgAt10",
        DefaultTrainer = "LightGbm",
        TextTrainer = "LightGbm",
        TuningTrainers = ["LightGbm", "FastTree"],
        Portable = true,
        Explains = true,
        Ensembles = true,
        OnnxExport = true,
    };

    public static readonly TaskDefinition Clustering = new(MLTask.Clustering, "Clustering", "clustering", LabelStorage.Class)
    {
        LabelTypes = ["String", "Int32", "Int64"],
        EnumLabels = true,
        FaceType = "Clusterer",
        ReportType = "ClusteringReport",
        MetricsType = "ClusteringMetrics",
        PredictionType = "ClusteringPrediction",
        PredictionMembers =
        [
            new("int", "ClusterId", "The nearest cluster, from 0: an index into <see cref=\"Distances\"/>."),
            new("float[]", "Distances", "The squared distance to each cluster's centroid, in the standardized feature space.", "[]"),
        ],
        ExpectedLabels = "string, an enum, int or long",
        LabelRequired = false,
        MetricEnum = "ClusteringMetric",
        HeadlineMetric = "DaviesBouldinIndex",
        LabelMetrics = ["NormalizedMutualInformation"],
        LowerIsBetterMetrics = ["DaviesBouldinIndex", "AverageDistance"],
        DefaultTrainer = "KMeans",
        TextTrainer = "KMeans",
        OptionsType = "ClusteringOptions",
        Option = new TaskOptionDefinition("Clusters", isInteger: true, defaultValue: 0, min: 2, max: 1000, "2 to 1000, or 0 to choose the number of clusters")
        {
            AlsoZero = true,
            Trainer = "KMeans",
            Hyperparameter = "NumberOfClusters",
            ChooseMax = 10,
        },
    };

    public static readonly TaskDefinition AnomalyDetection = new(MLTask.AnomalyDetection, "AnomalyDetection", "anomaly detection", LabelStorage.Boolean)
    {
        Explains = true,
        LabelTypes = ["Boolean"],
        FaceType = "AnomalyDetector",
        ReportType = "AnomalyDetectionReport",
        MetricsType = "AnomalyDetectionMetrics",
        PredictionType = "AnomalyPrediction",
        PredictionMembers =
        [
            new("float", "Score", "How unusual the row is: higher is more anomalous."),
            new("bool", "IsAnomaly", "Whether the score is above the threshold the contamination share set on the training rows."),
        ],
        ExpectedLabels = "bool (true for an anomaly)",
        LabelRequired = false,
        MetricEnum = "AnomalyDetectionMetric",
        HeadlineMetric = "AreaUnderRocCurve",
        LabelMetrics = ["AreaUnderRocCurve", "DetectionRateAtFalsePositiveCount"],
        DefaultTrainer = "KMeans",
        TextTrainer = "KMeans",
        OptionsType = "AnomalyOptions",
        Option = new TaskOptionDefinition("Contamination", isInteger: false, defaultValue: 0.05, min: 0, max: 0.5, "above 0 and at most 0.5")
        {
            MinExclusive = true,
        },
    };

    public static readonly TaskDefinition Synthesis = new(MLTask.Synthesis, "Synthesizer", "synthesis", LabelStorage.ByType)
    {
        LabelTypes = ["Boolean", "Single", "Double", "Int32", "Int64", "String"],
        EnumLabels = true,
        FaceType = "Synthesizer",
        ReportType = "SynthesisReport",
        ExpectedLabels = "bool, float, double, int, long, string or an enum",
        LabelRequired = false,
        Generative = true,
        HeadlineMetric = "ColumnDistance",
        Scores = ScoreLayout.None,
        LowerIsBetterMetrics = ["ColumnDistance", "CorrelationDifference", "ExactCopyShare"],
        DefaultTrainer = "GaussianCopula",
        TextTrainer = "GaussianCopula",
        OptionsType = "SynthesisOptions",
    };

    public static readonly TaskDefinition Forecasting = new(MLTask.Forecasting, "Forecasting", "forecasting", LabelStorage.Numeric)
    {
        LabelTypes = ["Single", "Double", "Int32", "Int64"],
        FaceType = "Forecaster",
        ReportType = "ForecastingReport",
        ExpectedLabels = "float, double, int or long",
        Series = true,
        PlainModel = true,
        MetricEnum = "ForecastingMetric",
        HeadlineMetric = "Owa",
        LowerIsBetterMetrics = ["Owa", "SymmetricMape", "Mase"],
        Scores = ScoreLayout.None,
        DefaultTrainer = "GlobalLightGbm",
        TextTrainer = "GlobalLightGbm",
        OptionsType = "ForecastingOptions",
    };

    public static readonly TaskDefinition SeriesAnomalyDetection = new(MLTask.SeriesAnomalyDetection, "SeriesAnomalyDetection", "series anomaly detection", LabelStorage.Boolean)
    {
        LabelTypes = ["Boolean"],
        FaceType = "SeriesAnomalyDetector",
        ReportType = "SeriesAnomalyReport",
        ExpectedLabels = "bool (true for a point inside a known anomaly)",
        LabelRequired = false,
        Series = true,
        Detects = true,
        PlainModel = true,
        MetricEnum = "SeriesAnomalyMetric",
        HeadlineMetric = "NabStandard",
        LabelMetrics = ["NabStandard", "NabLowFalsePositives", "NabLowFalseNegatives"],
        Scores = ScoreLayout.None,
        DefaultTrainer = "SequenceNovelty",
        TextTrainer = "SequenceNovelty",
        OptionsType = "SeriesAnomalyOptions",
    };

    /// <summary>Every task, in the order of <see cref="MLTask"/>.</summary>
    public static TaskDefinition[] All { get; } = [BinaryClassification, MulticlassClassification, Regression, Ranking, Clustering, AnomalyDetection, Synthesis, Forecasting, SeriesAnomalyDetection];

    /// <summary>The definition of <paramref name="task"/>.</summary>
    public static TaskDefinition For(MLTask task) =>
        System.Array.Find(All, d => d.Task == task) ?? throw new System.ArgumentOutOfRangeException(nameof(task), task, "Declarative has no such task.");
}
