using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Parsing
{
    /// <summary>The runtime's types, resolved once per parse so attributes compare by symbol, not by name.</summary>
    internal sealed class KnownSymbols
    {
        public KnownSymbols(Compilation compilation)
        {
            Label = compilation.GetTypeByMetadataName(KnownNames.Label);
            Categorical = compilation.GetTypeByMetadataName(KnownNames.Categorical);
            Text = compilation.GetTypeByMetadataName(KnownNames.Text);
            Ignore = compilation.GetTypeByMetadataName(KnownNames.Ignore);
            Column = compilation.GetTypeByMetadataName(KnownNames.Column);
            Split = compilation.GetTypeByMetadataName(KnownNames.Split);
            Trainers = compilation.GetTypeByMetadataName(KnownNames.Trainers);
            SupportedTasks = compilation.GetTypeByMetadataName(KnownNames.SupportedTasks);
            Trainer = compilation.GetTypeByMetadataName(KnownNames.Trainer);
            Tune = compilation.GetTypeByMetadataName(KnownNames.Tune);
            SearchRange = compilation.GetTypeByMetadataName(KnownNames.SearchRange);
            Hyperparameter = compilation.GetTypeByMetadataName(KnownNames.Hyperparameter);
            TunerKind = compilation.GetTypeByMetadataName(KnownNames.TunerKind);
            BinaryClassification = compilation.GetTypeByMetadataName(KnownNames.BinaryClassification);
            MulticlassClassification = compilation.GetTypeByMetadataName(KnownNames.MulticlassClassification);
            Regression = compilation.GetTypeByMetadataName(KnownNames.Regression);
        }

        public INamedTypeSymbol? Label { get; }

        public INamedTypeSymbol? Categorical { get; }

        public INamedTypeSymbol? Text { get; }

        public INamedTypeSymbol? Ignore { get; }

        public INamedTypeSymbol? Column { get; }

        public INamedTypeSymbol? Split { get; }

        public INamedTypeSymbol? Trainers { get; }

        public INamedTypeSymbol? SupportedTasks { get; }

        public INamedTypeSymbol? Trainer { get; }

        public INamedTypeSymbol? Tune { get; }

        public INamedTypeSymbol? SearchRange { get; }

        public INamedTypeSymbol? Hyperparameter { get; }

        public INamedTypeSymbol? TunerKind { get; }

        public INamedTypeSymbol? BinaryClassification { get; }

        public INamedTypeSymbol? MulticlassClassification { get; }

        public INamedTypeSymbol? Regression { get; }

        public bool IsTaskAttribute(INamedTypeSymbol? attribute)
        {
            var definition = attribute?.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(definition, BinaryClassification)
                || SymbolEqualityComparer.Default.Equals(definition, MulticlassClassification)
                || SymbolEqualityComparer.Default.Equals(definition, Regression);
        }

        public bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
    }
}
