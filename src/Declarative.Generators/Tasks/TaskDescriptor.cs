using System.Linq;
using Declarative.Generators.Model;
using Declarative.Generators.Shared;

namespace Declarative.Generators.Tasks
{
    /// <summary>
    /// What the generator knows about one task: its shared <see cref="TaskDefinition"/> (the facts the runtime reads
    /// too), and what only emitting needs: the label types it accepts, and the runtime types and prediction members the
    /// emitted class uses. A new task is one more entry in <see cref="TaskDescriptors"/>.
    /// </summary>
    internal sealed class TaskDescriptor
    {
        public TaskDescriptor(
            TaskDefinition definition, ValueType[] labelTypes, bool enumLabels, string runtimeType, bool genericOverLabel,
            string metricsType, string reportType, string predictionType, bool hasClasses, params PredictionMember[] members)
        {
            Definition = definition;
            LabelTypes = labelTypes;
            EnumLabels = enumLabels;
            RuntimeType = runtimeType;
            GenericOverLabel = genericOverLabel;
            MetricsType = metricsType;
            ReportType = reportType;
            PredictionType = predictionType;
            HasClasses = hasClasses;
            Members = members;
        }

        /// <summary>The task's facts, shared with the runtime.</summary>
        public TaskDefinition Definition { get; }

        public MLTask Kind => Definition.Task;

        public string AttributeMetadataName => Definition.AttributeMetadataName;

        public string AttributeName => Definition.AttributeName;

        public string Title => Definition.Title;

        public string MetricEnum => Definition.MetricEnum;

        public LabelStorage LabelStorage => Definition.Label;

        public string ExpectedLabels => Definition.ExpectedLabels;

        public string DefaultTrainer => Definition.DefaultTrainer;

        public string TextTrainer => Definition.TextTrainer;

        public bool LabelRequired => Definition.LabelRequired;

        public bool Generative => Definition.Generative;

        public bool RequiresGroup => Definition.RequiresGroup;

        public string HeadlineMetric => Definition.HeadlineMetric;

        public string[] LabelMetrics => Definition.LabelMetrics;

        public bool Portable => Definition.Portable;

        public bool OnnxExport => Definition.OnnxExport;

        public TaskOptionDefinition? Option => Definition.Option;

        /// <summary>The label types the task accepts besides enums.</summary>
        public ValueType[] LabelTypes { get; }

        /// <summary>Whether any enum is a valid label.</summary>
        public bool EnumLabels { get; }

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

        public bool Accepts(ValueType labelType) => labelType == ValueType.Enum ? EnumLabels : LabelTypes.Contains(labelType);
    }

    /// <summary>
    /// A property of the generated prediction. <see cref="Type"/> is a C# type, or <see langword="null"/> for the
    /// label's own type; <see cref="Initializer"/> keeps reference types non-null in an empty prediction.
    /// </summary>
    internal sealed record PredictionMember(string? Type, string Name, string Doc, string? Initializer = null);
}
