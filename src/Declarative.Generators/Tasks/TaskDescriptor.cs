using System.Linq;
using Declarative.Generators.Model;
using Declarative.Generators.Shared;

namespace Declarative.Generators.Tasks
{
    /// <summary>
    /// A task as the generator reads it: its shared <see cref="TaskDefinition"/> (every fact, the runtime reads the same
    /// ones) with the label types parsed into the generator's <see cref="ValueType"/>. Nothing here is written twice.
    /// </summary>
    internal sealed class TaskDescriptor
    {
        public TaskDescriptor(TaskDefinition definition)
        {
            Definition = definition;
            LabelTypes = definition.LabelTypes.Select(t => (ValueType)System.Enum.Parse(typeof(ValueType), t)).ToArray();
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

        public bool AcceptsGroup => Definition.AcceptsGroup;

        public string HeadlineMetric => Definition.HeadlineMetric;

        public string[] LabelMetrics => Definition.LabelMetrics;

        public bool Portable => Definition.Portable;

        public bool OnnxExport => Definition.OnnxExport;

        public bool Explains => Definition.Explains;

        public TaskOptionDefinition? Option => Definition.Option;

        /// <summary>The label types the task accepts besides enums.</summary>
        public ValueType[] LabelTypes { get; }

        public bool EnumLabels => Definition.EnumLabels;

        public string RuntimeType => Definition.FaceType;

        public bool GenericOverLabel => Definition.GenericOverLabel;

        public string MetricsType => Definition.MetricsType;

        public string ReportType => Definition.ReportType;

        public string PredictionType => Definition.PredictionType;

        public bool HasClasses => Definition.HasClasses;

        public PredictionMember[] Members => Definition.PredictionMembers;

        public bool Accepts(ValueType labelType) => labelType == ValueType.Enum ? EnumLabels : LabelTypes.Contains(labelType);
    }
}
