using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Declarative.Tuning;

namespace Declarative.Evaluation;

/// <summary>
/// What a person (or CI) needs to judge a trained model: test metrics, cross-validated spread, feature importance,
/// the data profile and the tuning history. The task's subclass adds its curves and matrices.
/// </summary>
public abstract record EvaluationReport
{
    [SetsRequiredMembers]
    private protected EvaluationReport(ReportBasics basics)
    {
        Pipeline = basics.Pipeline;
        Task = basics.Task;
        Trainer = basics.Trainer;
        Hyperparameters = basics.Hyperparameters;
        DataFile = basics.DataFile;
        TrainRows = basics.TrainRows;
        TestRows = basics.TestRows;
        TestGroups = basics.TestGroups;
        HeadlineMetric = basics.HeadlineMetric;
        TestMetrics = basics.TestMetrics;
        CrossValidation = basics.CrossValidation;
        TestIntervals = basics.TestIntervals;
        FeatureImportance = basics.FeatureImportance;
        Profile = basics.Profile;
        Trials = basics.Trials;
        Explanations = basics.Explanations;
        Ensemble = basics.Ensemble;
        BestMemberTestMetric = basics.BestMemberTestMetric;
        Images = basics.Images;
    }

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

    /// <summary>Rows the model was trained on (0 when the report scores a file the model was not trained on).</summary>
    public required int TrainRows { get; init; }

    /// <summary>Rows scored: the held-out test part, or the whole file given to <c>Evaluate(path)</c>.</summary>
    public required int TestRows { get; init; }

    /// <summary>
    /// The groups those rows belong to when the row has a <c>[GroupId]</c> (a ranker's queries; a classifier's or
    /// regressor's patients, say): every group is wholly in the test part or out of it, and a bootstrap interval
    /// resamples groups; null otherwise.
    /// </summary>
    public int? TestGroups { get; init; }

    /// <summary>The metric that ranks models for this task (the tuning metric when the pipeline tunes).</summary>
    public required string HeadlineMetric { get; init; }

    /// <summary>Metrics on the held-out test part, by ML.NET's property names.</summary>
    public required IReadOnlyDictionary<string, double> TestMetrics { get; init; }

    /// <summary>
    /// For a tuned model, the same metrics over k folds of the training part (same trainer and hyperparameters): mean
    /// and spread. 5 folds below 20,000 training rows, or the folds <c>[Tune(Folds = k)]</c> declares; empty from 20,000
    /// rows (the test part is the estimate there), with <c>Folds = 1</c>, for a model that was not tuned (its training
    /// was one fit: see <see cref="TestIntervals"/>), and when the report scores another file.
    /// </summary>
    public required IReadOnlyList<MetricSpread> CrossValidation { get; init; }

    /// <summary>
    /// When the report does not cross-validate: each test metric's spread over 50 bootstrap resamples of the scored test
    /// rows (no model is refitted), as its standard deviation and 90 % interval. Empty above 5,000 test rows.
    /// </summary>
    public IReadOnlyList<MetricInterval> TestIntervals { get; init; } = [];

    /// <summary>How much the headline metric drops on the test part when one property's values are shuffled, largest first.</summary>
    public required IReadOnlyList<FeatureImportance> FeatureImportance { get; init; }

    /// <summary>The data as it was read, before training.</summary>
    public required DataProfile Profile { get; init; }

    /// <summary>
    /// What moves the model's raw score on the test part (exact Shapley values, as <c>Explain</c> gives them): each
    /// property's mean contribution size and the explanations of the worst-predicted rows. Null for a model explanations
    /// do not serve (text, clustering, anomaly detection).
    /// </summary>
    public ExplanationSummary? Explanations { get; init; }

    /// <summary>A tuned ensemble's members and weights, in leaderboard order (the best-ranked first); empty for a single model.</summary>
    public IReadOnlyList<EnsembleMember> Ensemble { get; init; } = [];

    /// <summary>An ensemble's best member alone, refitted as it is in the ensemble, on the same test rows (the headline metric); null for a single model.</summary>
    public double? BestMemberTestMetric { get; init; }

    /// <summary>The tuning trials, in order; empty when the pipeline does not tune.</summary>
    public required IReadOnlyList<TrialResult> Trials { get; init; }

    /// <summary>
    /// For a row with an [Image] property: a few test images of each class (or each prediction, without a label), with
    /// what the model predicted and a thumbnail of what the encoder saw; empty otherwise.
    /// </summary>
    public IReadOnlyList<ImageExample> Images { get; init; } = [];

    /// <summary>The report as indented JSON, for CI to diff between commits.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, GetType(), ReportJsonContext.Default);
}

/// <summary>One test image in a report: its file, its label (null without one), the prediction, and a PNG thumbnail of the square the encoder read.</summary>
public sealed record ImageExample(string File, string? Actual, string Predicted, byte[] Thumbnail);

/// <summary>A metric over cross-validation folds.</summary>
public sealed record MetricSpread(string Metric, double Mean, double StdDev, IReadOnlyList<double> Folds);

/// <summary>A test metric's spread over bootstrap resamples of the test rows: its standard deviation and 5th to 95th percentile.</summary>
public sealed record MetricInterval(string Metric, double StdDev, double Low, double High);

/// <summary>Permutation importance of one property: the mean drop of the headline metric over repeats, and its spread.</summary>
public sealed record FeatureImportance(string Feature, double Drop, double StdDev);

/// <summary>The parts every task's report shares, measured before the task adds its own.</summary>
internal sealed record ReportBasics(
    string Pipeline, MLTask Task, Trainer Trainer, IReadOnlyDictionary<string, string> Hyperparameters, string DataFile, int TrainRows, int TestRows,
    string HeadlineMetric, IReadOnlyDictionary<string, double> TestMetrics, IReadOnlyList<MetricSpread> CrossValidation,
    IReadOnlyList<FeatureImportance> FeatureImportance, DataProfile Profile, IReadOnlyList<TrialResult> Trials)
{
    /// <summary>What the task learned besides the model (anomaly detection's threshold).</summary>
    public Schema.TaskState? State { get; init; }

    /// <summary>The test metrics' bootstrap spread, when the report does not cross-validate.</summary>
    public IReadOnlyList<MetricInterval> TestIntervals { get; init; } = [];

    /// <summary>The groups the test part's rows belong to, when the split kept a [GroupId]'s rows together.</summary>
    public int? TestGroups { get; init; }

    /// <summary>What moves the raw score on the test part, when explanations serve the model.</summary>
    public ExplanationSummary? Explanations { get; init; }

    /// <summary>A tuned ensemble's members.</summary>
    public IReadOnlyList<EnsembleMember> Ensemble { get; init; } = [];

    /// <summary>The ensemble's best member alone on the test rows.</summary>
    public double? BestMemberTestMetric { get; init; }

    /// <summary>Test images with their predictions, for a row with an [Image] property.</summary>
    public IReadOnlyList<ImageExample> Images { get; init; } = [];
}

/// <summary>What moves a model's raw score over the test rows.</summary>
/// <param name="Rows">Test rows explained (at most 500, evenly spaced).</param>
/// <param name="MeanAbsolute">Each property's mean contribution size (|value|), largest first.</param>
/// <param name="Worst">The explanations of the rows whose raw score was most wrong (not for multiclass or ranking).</param>
public sealed record ExplanationSummary(int Rows, IReadOnlyList<Contribution> MeanAbsolute, IReadOnlyList<ExplainedRow> Worst);

/// <summary>One test row explained.</summary>
/// <param name="Actual">The row's label (1 or 0 for a two-class label).</param>
/// <param name="Loss">How wrong the raw score is: how far on the wrong side for a class, how far off for a number.</param>
/// <param name="Explanation">Why the model scored it so.</param>
public sealed record ExplainedRow(double Actual, double Loss, Explanation Explanation);
