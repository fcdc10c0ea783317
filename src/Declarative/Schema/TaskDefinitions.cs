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
        ExpectedLabels = "bool",
        NeedsTwoClasses = true,
        MetricEnum = "BinaryMetric",
        HeadlineMetric = "AreaUnderRocCurve",
        LowerIsBetterMetrics = ["LogLoss"],
        Scores = ScoreLayout.ScoreAndProbability,
        DefaultTrainer = "LightGbm",
        TextTrainer = "SdcaLogisticRegression",
        Portable = true,
        OnnxExport = true,
    };

    public static readonly TaskDefinition MulticlassClassification = new(MLTask.MulticlassClassification, "MulticlassClassification", "multiclass classification", LabelStorage.Class)
    {
        ExpectedLabels = "string, an enum, int or long",
        NeedsTwoClasses = true,
        MetricEnum = "MulticlassMetric",
        HeadlineMetric = "MacroAccuracy",
        LowerIsBetterMetrics = ["LogLoss"],
        Scores = ScoreLayout.PerClass,
        DefaultTrainer = "LightGbm",
        TextTrainer = "SdcaMaximumEntropy",
        Portable = true,
        OnnxExport = true,
    };

    public static readonly TaskDefinition Regression = new(MLTask.Regression, "Regression", "regression", LabelStorage.Numeric)
    {
        ExpectedLabels = "float, double, int or long",
        MetricEnum = "RegressionMetric",
        HeadlineMetric = "RSquared",
        LowerIsBetterMetrics = ["RootMeanSquaredError", "MeanAbsoluteError", "MeanSquaredError"],
        DefaultTrainer = "LightGbm",
        TextTrainer = "Sdca",
        Portable = true,
        OnnxExport = true,
    };

    public static readonly TaskDefinition Ranking = new(MLTask.Ranking, "Ranking", "ranking", LabelStorage.Numeric)
    {
        ExpectedLabels = "float, double, int or long (graded relevance)",
        RequiresGroup = true,
        MetricEnum = "RankingMetric",
        HeadlineMetric = "NdcgAt10",
        DefaultTrainer = "LightGbm",
        TextTrainer = "LightGbm",
        Portable = true,
    };

    public static readonly TaskDefinition Clustering = new(MLTask.Clustering, "Clustering", "clustering", LabelStorage.Class)
    {
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

    /// <summary>Every task, in the order of <see cref="MLTask"/>.</summary>
    public static TaskDefinition[] All { get; } = [BinaryClassification, MulticlassClassification, Regression, Ranking, Clustering, AnomalyDetection, Synthesis];

    /// <summary>The definition of <paramref name="task"/>.</summary>
    public static TaskDefinition For(MLTask task) =>
        System.Array.Find(All, d => d.Task == task) ?? throw new System.ArgumentOutOfRangeException(nameof(task), task, "Declarative has no such task.");
}
