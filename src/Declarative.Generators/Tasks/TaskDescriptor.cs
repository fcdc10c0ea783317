using System.Linq;
using Declarative.Generators.Model;

namespace Declarative.Generators.Tasks
{
    /// <summary>How a task's label is stored: which runtime <c>ColumnSpec</c> factory reads it.</summary>
    internal enum LabelStorage
    {
        /// <summary><c>ColumnSpec.BooleanLabel</c>: a <see langword="bool"/>.</summary>
        Boolean,

        /// <summary><c>ColumnSpec.NumericLabel</c>: a number read as a float.</summary>
        Numeric,

        /// <summary><c>ColumnSpec.ClassLabel&lt;T&gt;</c>: a class of the label's own type, through a label codec.</summary>
        Class,

        /// <summary>By the label's type (a synthesizer models any label): a bool, a number, or a class.</summary>
        ByType,
    }

    /// <summary>
    /// Everything the generator knows about one task: the attribute that declares it, the label types it accepts, its
    /// metric enum, and the runtime types and prediction members the emitted class uses. A new task is one more entry
    /// in <see cref="TaskDescriptors"/>; the parser and the emitter read nothing task-specific from anywhere else.
    /// </summary>
    internal sealed class TaskDescriptor
    {
        public TaskDescriptor(
            TaskKind kind, string attributeName, string title, string metricEnum, LabelStorage labelStorage,
            ValueType[] labelTypes, bool enumLabels, string expectedLabels, string runtimeType, bool genericOverLabel,
            string metricsType, string reportType, string predictionType, bool hasClasses, string defaultTrainer, string textTrainer,
            params PredictionMember[] members)
        {
            DefaultTrainer = defaultTrainer;
            TextTrainer = textTrainer;
            Kind = kind;
            AttributeMetadataName = "Declarative." + attributeName + "Attribute`1";
            AttributeName = attributeName;
            Title = title;
            MetricEnum = metricEnum;
            LabelStorage = labelStorage;
            LabelTypes = labelTypes;
            EnumLabels = enumLabels;
            ExpectedLabels = expectedLabels;
            RuntimeType = runtimeType;
            GenericOverLabel = genericOverLabel;
            MetricsType = metricsType;
            ReportType = reportType;
            PredictionType = predictionType;
            HasClasses = hasClasses;
            Members = members;
        }

        public TaskKind Kind { get; }

        /// <summary>The generic attribute's metadata name, e.g. <c>Declarative.RegressionAttribute`1</c>.</summary>
        public string AttributeMetadataName { get; }

        /// <summary>The attribute as written in source, without <c>Attribute</c>.</summary>
        public string AttributeName { get; }

        /// <summary>The task in words, for diagnostics.</summary>
        public string Title { get; }

        /// <summary>The enum in <c>Declarative</c> whose members name the task's tuning metrics.</summary>
        public string MetricEnum { get; }

        public LabelStorage LabelStorage { get; }

        /// <summary>The label types the task accepts besides enums.</summary>
        public ValueType[] LabelTypes { get; }

        /// <summary>Whether any enum is a valid label.</summary>
        public bool EnumLabels { get; }

        /// <summary>The accepted label types in words, for DCL0004.</summary>
        public string ExpectedLabels { get; }

        /// <summary>The runtime's trained-pipeline type in <c>Declarative</c>, generic over the row (and the label when <see cref="GenericOverLabel"/>).</summary>
        public string RuntimeType { get; }

        public bool GenericOverLabel { get; }

        /// <summary>ML.NET's metrics type in <c>Microsoft.ML.Data</c>.</summary>
        public string MetricsType { get; }

        /// <summary>The report type in <c>Declarative.Evaluation</c>.</summary>
        public string ReportType { get; }

        /// <summary>The runtime's prediction type in <c>Declarative</c> (generic over the label when <see cref="GenericOverLabel"/>).</summary>
        public string PredictionType { get; }

        /// <summary>Whether the model lists its classes (<c>Classes</c>).</summary>
        public bool HasClasses { get; }

        /// <summary>The properties of the generated <c>Prediction</c>, copied from the runtime's prediction.</summary>
        public PredictionMember[] Members { get; }

        /// <summary>The trainer used when the declaration names none.</summary>
        public string DefaultTrainer { get; }

        /// <summary>
        /// The trainer used when the declaration names none and the row has a [Text] column: a linear model, which suits
        /// the wide sparse n-gram vector far better (and faster) than trees do.
        /// </summary>
        public string TextTrainer { get; }

        /// <summary>Whether the row must have a [Label]; without one, an unsupervised task trains, and a declared label only measures.</summary>
        public bool LabelRequired { get; init; } = true;

        /// <summary>
        /// Whether the task samples rows rather than predicting them (a synthesizer): the generated class has
        /// <c>Sample</c> instead of <c>Predict</c>, builds rows through a <c>RowFactory</c>, and has no ML.NET metrics.
        /// </summary>
        public bool Generative { get; init; }

        /// <summary>Whether rows come in groups: the row must have a [GroupId] (and no other task may have one).</summary>
        public bool RequiresGroup { get; init; }

        /// <summary>The metric tuning ranks by when [Tune] names none (a member of <see cref="MetricEnum"/>).</summary>
        public string HeadlineMetric { get; init; } = "";

        /// <summary>The metrics that compare predictions with the label, which an unlabelled pipeline cannot tune by.</summary>
        public string[] LabelMetrics { get; init; } = new string[0];

        /// <summary>Whether the portable scorer serves the task (so a Native AOT app can predict with it).</summary>
        public bool Portable { get; init; } = true;

        /// <summary>Whether the task's models export to ONNX.</summary>
        public bool OnnxExport { get; init; } = true;

        /// <summary>The task attribute's own option (<c>Clusters</c>, <c>Contamination</c>), if it has one.</summary>
        public TaskOption? Option { get; init; }

        public bool Accepts(ValueType labelType) => labelType == ValueType.Enum ? EnumLabels : LabelTypes.Contains(labelType);
    }

    /// <summary>
    /// A numeric option of a task attribute, copied into the spec property of the same name: its default and the values
    /// it may take (<see cref="Min"/> to <see cref="Max"/>, exclusive of <see cref="Min"/> when <see cref="MinExclusive"/>;
    /// <see cref="AlsoZero"/> for an "automatic" 0 outside that range). <see cref="Range"/> says it in words for DCL0031.
    /// </summary>
    internal sealed record TaskOption(string Name, bool IsInteger, double Default, double Min, double Max, bool MinExclusive, bool AlsoZero, string Range)
    {
        /// <summary>
        /// The trainer hyperparameter the option sets (<c>KMeans.NumberOfClusters</c>): 0 leaves it to tuning, over
        /// <see cref="Min"/> to <see cref="ChooseMax"/>, which a pipeline without [Tune] does on a grid of every value.
        /// </summary>
        public string? Trainer { get; init; }

        public string? Hyperparameter { get; init; }

        public double ChooseMax { get; init; }

        public bool Allows(double value) =>
            (AlsoZero && value == 0) || ((MinExclusive ? value > Min : value >= Min) && value <= Max);
    }

    /// <summary>
    /// A property of the generated prediction. <see cref="Type"/> is a C# type, or <see langword="null"/> for the
    /// label's own type; <see cref="Initializer"/> keeps reference types non-null in an empty prediction.
    /// </summary>
    internal sealed record PredictionMember(string? Type, string Name, string Doc, string? Initializer = null);
}
