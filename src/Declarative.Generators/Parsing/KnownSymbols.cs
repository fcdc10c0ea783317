using System.Collections.Generic;
using System.Linq;
using Declarative.Generators.Tasks;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Parsing
{
    /// <summary>
    /// The runtime's types, resolved once per compilation (the generator combines them into every declaration's
    /// parse), so attributes compare by symbol, not by name.
    /// </summary>
    internal sealed class KnownSymbols
    {
        private readonly (TaskDescriptor Task, INamedTypeSymbol? Attribute)[] _tasks;

        public KnownSymbols(Compilation compilation)
        {
            Label = compilation.GetTypeByMetadataName(KnownNames.Label);
            GroupId = compilation.GetTypeByMetadataName(KnownNames.GroupId);
            SeriesId = compilation.GetTypeByMetadataName(KnownNames.SeriesId);
            Time = compilation.GetTypeByMetadataName(KnownNames.Time);
            PastCovariate = compilation.GetTypeByMetadataName(KnownNames.PastCovariate);
            Categorical = compilation.GetTypeByMetadataName(KnownNames.Categorical);
            Text = compilation.GetTypeByMetadataName(KnownNames.Text);
            Image = compilation.GetTypeByMetadataName(KnownNames.Image);
            Ignore = compilation.GetTypeByMetadataName(KnownNames.Ignore);
            Column = compilation.GetTypeByMetadataName(KnownNames.Column);
            Columns = compilation.GetTypeByMetadataName(KnownNames.Columns);
            Split = compilation.GetTypeByMetadataName(KnownNames.Split);
            Trainers = compilation.GetTypeByMetadataName(KnownNames.Trainers);
            SupportedTasks = compilation.GetTypeByMetadataName(KnownNames.SupportedTasks);
            Trainer = compilation.GetTypeByMetadataName(KnownNames.Trainer);
            Tune = compilation.GetTypeByMetadataName(KnownNames.Tune);
            SearchRange = compilation.GetTypeByMetadataName(KnownNames.SearchRange);
            Hyperparameter = compilation.GetTypeByMetadataName(KnownNames.Hyperparameter);
            TunerKind = compilation.GetTypeByMetadataName(KnownNames.TunerKind);
            HasOnnxRuntime = compilation.ReferencedAssemblyNames.Any(a => a.Name == OnnxRuntimeAssembly);
            HasEmbeddings = compilation.GetTypeByMetadataName(KnownNames.MiniLMEncoder) is not null;
            HasVision = compilation.GetTypeByMetadataName(KnownNames.ResNet18Encoder) is not null;
            _tasks = TaskDescriptors.All.Select(t => (t, compilation.GetTypeByMetadataName(t.AttributeMetadataName))).ToArray();
        }

        /// <summary>The assembly the build checks ONNX exports with; a project that exports must reference it.</summary>
        public const string OnnxRuntimeAssembly = "Microsoft.ML.OnnxRuntime";

        /// <summary>Whether the compilation references ONNX Runtime.</summary>
        public bool HasOnnxRuntime { get; }

        /// <summary>Whether the project references Declarative.Embeddings, which carries the MiniLM sentence encoder.</summary>
        public bool HasEmbeddings { get; }

        /// <summary>Whether the project references Declarative.Vision, which carries the ResNet-18 image encoder.</summary>
        public bool HasVision { get; }

        public INamedTypeSymbol? Label { get; }

        public INamedTypeSymbol? GroupId { get; }

        public INamedTypeSymbol? SeriesId { get; }

        public INamedTypeSymbol? Time { get; }

        public INamedTypeSymbol? PastCovariate { get; }

        public INamedTypeSymbol? Categorical { get; }

        public INamedTypeSymbol? Text { get; }

        public INamedTypeSymbol? Image { get; }

        public INamedTypeSymbol? Ignore { get; }

        public INamedTypeSymbol? Column { get; }

        public INamedTypeSymbol? Columns { get; }

        public INamedTypeSymbol? Split { get; }

        public INamedTypeSymbol? Trainers { get; }

        public INamedTypeSymbol? SupportedTasks { get; }

        public INamedTypeSymbol? Trainer { get; }

        public INamedTypeSymbol? Tune { get; }

        public INamedTypeSymbol? SearchRange { get; }

        public INamedTypeSymbol? Hyperparameter { get; }

        public INamedTypeSymbol? TunerKind { get; }

        /// <summary>The task an attribute declares, or <see langword="null"/> when it is no task attribute.</summary>
        public TaskDescriptor? TaskOf(INamedTypeSymbol? attribute)
        {
            var definition = attribute?.OriginalDefinition;
            return _tasks.FirstOrDefault(t => t.Attribute is not null && SymbolEqualityComparer.Default.Equals(definition, t.Attribute)).Task;
        }

        public IEnumerable<AttributeData> TaskAttributes(INamedTypeSymbol type) =>
            type.GetAttributes().Where(a => TaskOf(a.AttributeClass) is not null);

        public bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
    }
}
