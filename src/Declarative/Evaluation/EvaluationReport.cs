using System.Text.Json;
using Declarative.Tuning;

namespace Declarative.Evaluation;

/// <summary>
/// What a person (or CI) needs to judge a trained model: test metrics, cross-validated spread, feature importance,
/// the data profile and the tuning history. The task's subclass adds its curves and matrices.
/// </summary>
public abstract record EvaluationReport
{

    /// <summary>The pipeline's name.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The task.</summary>
    public required MLTask Task { get; init; }

    /// <summary>The trainer.</summary>
    public required Trainer Trainer { get; init; }

    /// <summary>The trainer's tuned hyperparameters (empty for defaults).</summary>
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }

    /// <summary>The data file's name.</summary>
    public required string DataFile { get; init; }

    /// <summary>Rows the model was trained on.</summary>
    public required int TrainRows { get; init; }

    /// <summary>Rows of the held-out test part.</summary>
    public required int TestRows { get; init; }

    /// <summary>The metric that ranks models for this task (the tuning metric when the pipeline tunes).</summary>
    public required string HeadlineMetric { get; init; }

    /// <summary>Metrics on the held-out test part, by ML.NET's property names.</summary>
    public required IReadOnlyDictionary<string, double> TestMetrics { get; init; }

    /// <summary>The same metrics over k folds of the training part (same trainer and hyperparameters): mean and spread.</summary>
    public required IReadOnlyList<MetricSpread> CrossValidation { get; init; }

    /// <summary>How much the headline metric drops on the test part when one property's values are shuffled, largest first.</summary>
    public required IReadOnlyList<FeatureImportance> FeatureImportance { get; init; }

    /// <summary>The data as it was read, before training.</summary>
    public required DataProfile Profile { get; init; }

    /// <summary>The tuning trials, in order; empty when the pipeline does not tune.</summary>
    public required IReadOnlyList<TrialResult> Trials { get; init; }

    /// <summary>The report as indented JSON, for CI to diff between commits.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, GetType(), Artifacts.ArtifactJson.Options);
}

/// <summary>A metric over cross-validation folds.</summary>
public sealed record MetricSpread(string Metric, double Mean, double StdDev, IReadOnlyList<double> Folds);

/// <summary>Permutation importance of one property: the mean drop of the headline metric over repeats, and its spread.</summary>
public sealed record FeatureImportance(string Feature, double Drop, double StdDev);

/// <summary>One point of a curve; <see cref="Threshold"/> is the probability cut that gives it.</summary>
public sealed record CurvePoint(double X, double Y, double Threshold);

/// <summary>Binary outcomes at the 0.5 probability cut.</summary>
public sealed record BinaryConfusion(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>All counted rows.</summary>
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
}

/// <summary>The report of a binary classifier.</summary>
public sealed record BinaryClassificationReport : EvaluationReport
{
    /// <summary>Outcomes at the 0.5 cut.</summary>
    public required BinaryConfusion Confusion { get; init; }

    /// <summary>The ROC curve: false positive rate (X) against true positive rate (Y), from (0,0) to (1,1).</summary>
    public required IReadOnlyList<CurvePoint> RocCurve { get; init; }

    /// <summary>The precision-recall curve: recall (X) against precision (Y).</summary>
    public required IReadOnlyList<CurvePoint> PrecisionRecallCurve { get; init; }
}

/// <summary>Precision, recall and F1 of one class, with how many test rows have it.</summary>
public sealed record ClassMetrics(string Class, int Support, double Precision, double Recall, double F1);

/// <summary>The report of a multiclass classifier.</summary>
public sealed record MulticlassClassificationReport : EvaluationReport
{
    /// <summary>The classes, in the order of the matrix.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Counts of test rows by actual class (row) and predicted class (column).</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Confusion { get; init; }

    /// <summary>Per-class precision, recall and F1.</summary>
    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }
}

/// <summary>An actual and a predicted value of one test row.</summary>
public sealed record RegressionPoint(double Actual, double Predicted)
{
    /// <summary>Predicted minus actual.</summary>
    public double Residual => Predicted - Actual;
}

/// <summary>The report of a regression model.</summary>
public sealed record RegressionReport : EvaluationReport
{
    /// <summary>Every test row's actual and predicted value.</summary>
    public required IReadOnlyList<RegressionPoint> Points { get; init; }
}
