// Shared with the source generator, which compiles this file too (as System.Text.Json links its option sources into its
// generator): a task's facts are written once, and the generator's checks and the runtime's behaviour read the same ones.
#if !DECLARATIVE_GENERATOR
namespace Declarative.Schema;
#else
namespace Declarative.Generators.Shared;
#endif

/// <summary>
/// The facts of one task that both sides of Declarative need: the attribute that declares it, its label rules, its
/// options, its metrics and where its models run. The generator checks declarations against them; the runtime's task
/// profile (<c>Declarative.Tasks</c>) and everything below it read them from here. A new task is one more entry in
/// <see cref="TaskDefinitions"/>.
/// </summary>
internal sealed class TaskDefinition(MLTask task, string attributeName, string title, LabelStorage label)
{
    /// <summary>The task.</summary>
    public MLTask Task { get; } = task;

    /// <summary>The attribute as written in source, without <c>Attribute</c> (<c>BinaryClassification</c>).</summary>
    public string AttributeName { get; } = attributeName;

    /// <summary>The generic attribute's metadata name, e.g. <c>Declarative.RegressionAttribute`1</c>.</summary>
    public string AttributeMetadataName => "Declarative." + AttributeName + "Attribute`1";

    /// <summary>The task in words, in lower case, for sentences ("binary classification").</summary>
    public string Title { get; } = title;

    /// <summary>The task in words, capitalized, for headings ("Binary classification").</summary>
    public string Heading => char.ToUpperInvariant(Title[0]) + Title.Substring(1);

    /// <summary>How the label is stored, which sets the label types the task accepts.</summary>
    public LabelStorage Label { get; } = label;

    /// <summary>The C# types of label the task accepts besides enums, by <c>System</c> type name (<c>Single</c>, <c>Int64</c>, <c>String</c>).</summary>
    public string[] LabelTypes { get; init; } = [];

    /// <summary>Whether any enum is a valid label.</summary>
    public bool EnumLabels { get; init; }

    /// <summary>The label types the task accepts, in words (for the generator's DCL0004).</summary>
    public string ExpectedLabels { get; init; } = "";

    /// <summary>Whether the row must have a [Label]; without one, an unsupervised task trains, and a declared label only measures.</summary>
    public bool LabelRequired { get; init; } = true;

    /// <summary>Whether the training data must hold at least two classes of the label (classification).</summary>
    public bool NeedsTwoClasses { get; init; }

    /// <summary>Whether the training data's numeric label must vary (regression), or vary within a group (ranking): else there is nothing to fit.</summary>
    public bool NeedsVaryingLabel { get; init; }

    /// <summary>Whether rows come in groups the model orders within (ranking): the row must have a [GroupId].</summary>
    public bool RequiresGroup { get; init; }

    /// <summary>
    /// Whether the row may have a [GroupId] (set wherever <see cref="RequiresGroup"/> is): the rows of one group (a
    /// patient, a customer, a session) stay together in the split and in tuning's folds, so no model is scored on rows of
    /// a group it learned from. The group is never a feature.
    /// </summary>
    public bool AcceptsGroup { get; init; }

    /// <summary>Whether the task samples rows rather than predicting them (a synthesizer).</summary>
    public bool Generative { get; init; }

    /// <summary>
    /// Whether rows are points of series in time: the row has a [Time] and may have a [SeriesId], and the model forecasts
    /// a series' next steps (or, with <see cref="Detects"/>, scores its points against their past) instead of predicting a row.
    /// </summary>
    public bool Series { get; init; }

    /// <summary>Whether a series task scores each point of a stream for anomalies (<c>Detect</c>) rather than forecasting the next steps.</summary>
    public bool Detects { get; init; }

    /// <summary>The enum in <c>Declarative</c> whose members name the task's tuning metrics (none for a generative task).</summary>
    public string MetricEnum { get; init; } = "";

    /// <summary>The metric that ranks models when the declaration names none.</summary>
    public string HeadlineMetric { get; init; } = "";

    /// <summary>The metrics that compare predictions with the label, which an unlabelled pipeline cannot tune by.</summary>
    public string[] LabelMetrics { get; init; } = [];

    /// <summary>The task's metrics where smaller is better.</summary>
    public string[] LowerIsBetterMetrics { get; init; } = [];

    /// <summary>The trainer used when the declaration names none (a member of <c>Declarative.Trainer</c>).</summary>
    public string DefaultTrainer { get; init; } = "";

    /// <summary>
    /// The trainer used when the declaration names none and the row has a [Text] or [Image] column: a linear model, which
    /// suits the wide n-gram vector or an encoder's 384–512 numbers far better (and faster) than trees do.
    /// </summary>
    public string TextTrainer { get; init; } = "";

    /// <summary>
    /// The trainer <c>dotnet declarative init</c> names for a file too short to tune (under 100 rows): the task's most
    /// accurate linear model on a few dozen rows, where LightGbm's leaves of 20 rows allow no split below 40 training
    /// rows and few above (tests/bench/small-files.sh). Empty where init does not write the task.
    /// </summary>
    public string FewRowsTrainer { get; init; } = "";

    /// <summary>
    /// Whether an untuned LightGbm on fewer training rows than two of its leaves hold is a data warning (DCL2008): its
    /// trees cannot split and the model is one constant. Binary classification and regression; multiclass LightGbm
    /// still split on 30 of iris's rows (tests/bench/small-files.sh).
    /// </summary>
    public bool WarnsOfUnsplitTrees { get; init; }

    /// <summary>
    /// The trainers <c>[Tune]</c> searches when the declaration names none (members of <c>Declarative.Trainer</c>):
    /// trees and linear models together, whose blend beat the default trainer's alone on the ensemble harness's eight
    /// datasets; for ranking, both kinds of boosted trees, which beat LightGbm's alone on yahoo-ltr (docs/tuning.md).
    /// Empty: the default trainer alone, tuned.
    /// </summary>
    public string[] TuningTrainers { get; init; } = [];

    /// <summary>What a model of the task writes for a row: the scores the portable scorer computes and checks against ML.NET.</summary>
    public ScoreLayout Scores { get; init; } = ScoreLayout.Single;

    /// <summary>Whether the portable scorer serves the task (so a Native AOT app can predict with it).</summary>
    public bool Portable { get; init; }

    /// <summary>
    /// Whether the task's model is Declarative's own plain C# file (no ML.NET model at all), which a Native AOT app loads
    /// and uses as it is, with no portable scorer file beside it.
    /// </summary>
    public bool PlainModel { get; init; }

    /// <summary>Whether a Native AOT app can use the task's models: through the portable scorer, or as a plain model.</summary>
    public bool Native => Portable || PlainModel;

    /// <summary>Whether the task's models export to ONNX.</summary>
    public bool OnnxExport { get; init; }

    /// <summary>
    /// Whether tuning can combine its trials into a weighted ensemble: the task has scores that members can be averaged
    /// in (regression's value and ranking's relevance score; binary classification's calibrated log-odds; multiclass class
    /// probabilities).
    /// </summary>
    public bool Ensembles { get; init; }

    /// <summary>
    /// Whether the task's models have a raw score a row can be explained by (<c>model.Explain(row)</c>): the generated
    /// class gets <c>Explain</c> and a <c>Contributions</c> record. The portable scorer's trees and linear models are
    /// explained; a model it does not serve says why.
    /// </summary>
    public bool Explains { get; init; }

    /// <summary>The type in <c>Declarative.Schema</c> of the task's options (<c>ClusteringOptions</c>), if it has any.</summary>
    public string? OptionsType { get; init; }

    /// <summary>The task attribute's own numeric option (<c>Clusters</c>, <c>Contamination</c>), if it has one.</summary>
    public TaskOptionDefinition? Option { get; init; }

    /// <summary>The task's trained-pipeline type in <c>Declarative</c> (its face), generic over the row (and the label when <see cref="GenericOverLabel"/>).</summary>
    public string FaceType { get; init; } = "";

    /// <summary>Whether the face and the prediction are generic over the label's type too.</summary>
    public bool GenericOverLabel { get; init; }

    /// <summary>The face's report type in <c>Declarative.Evaluation</c>.</summary>
    public string ReportType { get; init; } = "";

    /// <summary>ML.NET's metrics type in <c>Microsoft.ML.Data</c> (none for a generative task).</summary>
    public string MetricsType { get; init; } = "";

    /// <summary>The runtime's prediction type in <c>Declarative</c> (none for a generative task).</summary>
    public string PredictionType { get; init; } = "";

    /// <summary>The properties of the generated <c>Prediction</c>, as the runtime's prediction has them.</summary>
    public PredictionMember[] PredictionMembers { get; init; } = [];

    /// <summary>Whether the model lists its classes (<c>Classes</c>).</summary>
    public bool HasClasses { get; init; }

    /// <summary>Whether a smaller value of <paramref name="metric"/> is better.</summary>
    public bool LowerIsBetter(string metric) => System.Array.IndexOf(LowerIsBetterMetrics, metric) >= 0;

    /// <inheritdoc/>
    public override string ToString() => Task.ToString();
}

/// <summary>
/// A property of the generated prediction. <see cref="Type"/> is a C# type, or <see langword="null"/> for the label's own
/// type; <see cref="Initializer"/> keeps reference types non-null in an empty prediction.
/// </summary>
internal sealed record PredictionMember(string? Type, string Name, string Doc, string? Initializer = null);

/// <summary>The scores a model of a task writes for one row.</summary>
internal enum ScoreLayout
{
    /// <summary>None: the task samples rows rather than scoring them.</summary>
    None,

    /// <summary>One score (regression, ranking, anomaly detection).</summary>
    Single,

    /// <summary>The raw score, then the calibrated probability of the positive class (binary classification).</summary>
    ScoreAndProbability,

    /// <summary>One score per class, in the order of the model's classes (multiclass classification).</summary>
    PerClass,
}

/// <summary>How a task's label is stored.</summary>
internal enum LabelStorage
{
    /// <summary>A <see langword="bool"/> (or a class named positive by <c>[Label(Positive = ...)]</c>).</summary>
    Boolean,

    /// <summary>A number read as a float.</summary>
    Numeric,

    /// <summary>A class of the label's own type, mapped to a key.</summary>
    Class,

    /// <summary>By the label's type (a synthesizer models any label like a column): a bool, a number, or a class.</summary>
    ByType,
}
