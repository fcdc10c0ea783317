namespace Declarative;

/// <summary>Metrics that tuning can optimize for binary classification.</summary>
public enum BinaryMetric
{
    /// <summary>Area under the ROC curve (higher is better). The default.</summary>
    AreaUnderRocCurve = 1,

    /// <summary>Accuracy (higher is better).</summary>
    Accuracy = 2,

    /// <summary>F1 score of the positive class (higher is better).</summary>
    F1Score = 3,

    /// <summary>Area under the precision-recall curve (higher is better).</summary>
    AreaUnderPrecisionRecallCurve = 4,

    /// <summary>Log-loss of the calibrated probability (lower is better).</summary>
    LogLoss = 5,
}

/// <summary>Metrics that tuning can optimize for multiclass classification.</summary>
public enum MulticlassMetric
{
    /// <summary>Accuracy averaged over classes (higher is better). The default.</summary>
    MacroAccuracy = 1,

    /// <summary>Accuracy over rows (higher is better).</summary>
    MicroAccuracy = 2,

    /// <summary>Log-loss (lower is better).</summary>
    LogLoss = 3,
}

/// <summary>Metrics that tuning can optimize for regression.</summary>
public enum RegressionMetric
{
    /// <summary>R² (higher is better). The default.</summary>
    RSquared = 1,

    /// <summary>Root mean squared error (lower is better).</summary>
    RootMeanSquaredError = 2,

    /// <summary>Mean absolute error (lower is better).</summary>
    MeanAbsoluteError = 3,
}

/// <summary>Metrics that tuning can optimize for ranking: normalized discounted cumulative gain at a cut-off, averaged over groups.</summary>
public enum RankingMetric
{
    /// <summary>NDCG of each group's first 10 rows (higher is better). The default.</summary>
    NdcgAt10 = 1,

    /// <summary>NDCG of each group's first row.</summary>
    NdcgAt1 = 2,

    /// <summary>NDCG of each group's first 3 rows.</summary>
    NdcgAt3 = 3,

    /// <summary>NDCG of each group's first 5 rows.</summary>
    NdcgAt5 = 5,
}

/// <summary>Metrics that tuning can optimize for clustering.</summary>
public enum ClusteringMetric
{
    /// <summary>The Davies-Bouldin index: spread within clusters over distance between them (lower is better). The default.</summary>
    DaviesBouldinIndex = 1,

    /// <summary>The mean squared distance of a row to its centroid (lower is better; it always falls as clusters are added).</summary>
    AverageDistance = 2,

    /// <summary>Normalized mutual information with the label (higher is better); needs a [Label].</summary>
    NormalizedMutualInformation = 3,
}

/// <summary>Metrics that tuning can optimize for anomaly detection; each needs a <see cref="bool"/> [Label].</summary>
public enum AnomalyDetectionMetric
{
    /// <summary>Area under the ROC curve of the anomaly score against the label (higher is better). The default.</summary>
    AreaUnderRocCurve = 1,

    /// <summary>The share of anomalies among the rows scored above the tenth false positive (higher is better).</summary>
    DetectionRateAtFalsePositiveCount = 2,
}

/// <summary>Metrics that choose a series anomaly detector on labelled series: the Numenta Anomaly Benchmark's score under one of its profiles (higher is better).</summary>
public enum SeriesAnomalyMetric
{
    /// <summary>NAB's standard profile: a missed window costs as much as a detected one earns, a false alarm 0.11. The default.</summary>
    NabStandard = 1,

    /// <summary>NAB's profile that rewards few false alarms (each costs 0.22).</summary>
    NabLowFalsePositives = 2,

    /// <summary>NAB's profile that rewards few missed windows (each costs 2).</summary>
    NabLowFalseNegatives = 3,
}

/// <summary>Metrics that choose a forecasting model on rolling origins (all lower is better).</summary>
public enum ForecastingMetric
{
    /// <summary>The overall weighted average of sMAPE and MASE, each relative to Naive2's (the M4 competition's ranking). The default.</summary>
    Owa = 1,

    /// <summary>The symmetric mean absolute percentage error, 0 to 200.</summary>
    SymmetricMape = 2,

    /// <summary>The mean absolute scaled error: the mean absolute error over the in-sample seasonal naive's.</summary>
    Mase = 3,
}

/// <summary>
/// Tunes the pipeline: searches the <see cref="TrainersAttribute"/> candidates and their hyperparameters on the
/// training part (cross-validated or on a holdout), then refits the best on the whole training part. With a trial
/// budget and a seed the search is reproducible; a time budget is not.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TuneAttribute : Attribute
{
    /// <summary>The number of trials (at least 1).</summary>
    public int MaxTrials { get; set; } = 20;

    /// <summary>
    /// The metric to optimize: a <see cref="BinaryMetric"/>, <see cref="MulticlassMetric"/> or <see cref="RegressionMetric"/>
    /// member that fits the task; <see langword="null"/> for the task's default.
    /// </summary>
    public object? Metric { get; set; }

    /// <summary>Cross-validation folds on the training part: 0 chooses by size (5 below 20,000 rows, else a holdout), 1 is a 20% holdout.</summary>
    public int Folds { get; set; }

    /// <summary>Stops tuning after this many seconds (0: no limit). Makes the result depend on the machine: the build warns.</summary>
    public int TimeBudgetSeconds { get; set; }

    /// <summary>The search strategy.</summary>
    public TunerKind Tuner { get; set; }

    /// <summary>
    /// Trials that run at the same time, each on one core; 0 (the default) for the machine's cores. Trials are proposed
    /// in rounds of four from what the previous rounds found and their results applied in trial order, so this changes
    /// how long tuning takes, never its trials or its winner (nor the model's hash: changing it retrains nothing).
    /// </summary>
    public int ConcurrentTrials { get; set; }

    /// <summary>
    /// Whether the model is a weighted ensemble of the trials (greedy selection with replacement over their validation
    /// scores, by the tuning metric) rather than the best trial alone. When not set: on for binary and multiclass
    /// classification and regression whenever the trials' validation scores fit in 100 MB (out-of-fold below 20,000
    /// training rows, the 20 % holdout's above, up to about 6 million rows of one score at 20 trials; multiclass keeps a
    /// score per class); the other tasks keep the best trial. An ensemble whose validation scores are no better than the
    /// best trial's is not used.
    /// </summary>
    public bool Ensemble { get; set; }
}
