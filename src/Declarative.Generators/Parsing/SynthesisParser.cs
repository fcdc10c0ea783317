using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Declarative.Generators.Tasks;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Parsing
{
    /// <summary>
    /// What a generative task (a synthesizer) needs beyond the other tasks: its kind, a row type it can build (a public
    /// parameterless constructor and settable properties), and columns it can model.
    /// </summary>
    internal static class SynthesisParser
    {
        /// <summary>The synthesizer kind (a <c>SynthesizerKind</c> value), checking the row can be built and modelled.</summary>
        public static Shared.SynthesizerKind Parse(
            INamedTypeSymbol type, AttributeData attribute, INamedTypeSymbol rowType, TaskDescriptor task, LabelModel? label, List<FeatureModel>? features,
            KnownSymbols symbols, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (!task.Generative)
            {
                return Shared.SynthesizerKind.GaussianCopula;
            }

            var kind = (Shared.SynthesizerKind)AttributeReader.Named(attribute, "Kind", 0);
            if (!System.Enum.IsDefined(typeof(Shared.SynthesizerKind), kind))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotSynthesizable, AttributeReader.NamedArgumentLocation(attribute, "Kind", cancellationToken),
                    type.Name, $"Kind = {(int)kind} is not a member of Declarative.SynthesizerKind"));
            }

            if (type.GetAttributes().FirstOrDefault(a => symbols.Is(a, symbols.Tune)) is { } tune)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NothingToTune, AttributeReader.Location(tune, cancellationToken), type.Name,
                    "a synthesizer", "remove [Tune]: a synthesizer has no hyperparameters to search"));
            }

            var rowLocation = rowType.Locations.FirstOrDefault(l => l.IsInSource) ?? type.Locations.FirstOrDefault();
            if (rowType.IsAbstract || !rowType.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotSynthesizable, rowLocation, type.Name,
                    $"{rowType.Name} has no parameterless constructor to build sampled rows with (a positional record cannot be one)"));
                return kind;
            }

            var modelled = (features ?? new List<FeatureModel>()).Select(f => (f.PropertyName, Problem: Unmodelled(f)))
                .Concat(label is null ? Enumerable.Empty<(string, string?)>() : new[] { (label.PropertyName, (string?)null) });
            foreach (var (name, problem) in modelled)
            {
                var property = Property(rowType, name);
                var location = property?.Locations.FirstOrDefault(l => l.IsInSource) ?? rowLocation;
                var why = problem ?? (property?.SetMethod is { DeclaredAccessibility: Accessibility.Public or Accessibility.Internal } ? null : "it has no setter (or init) to write a sampled value into");
                if (why is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotSynthesizable, location, type.Name, $"'{name}': {why}; mark it [Ignore] and it comes back as its default"));
                }
            }

            return kind;
        }

        private static string? Unmodelled(FeatureModel feature) => feature.Kind switch
        {
            FeatureKind.Text => "a synthesizer does not write free text",
            FeatureKind.Image => "a synthesizer does not draw images",
            _ => null,
        };

        private static IPropertySymbol? Property(INamedTypeSymbol type, string name)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
                {
                    return property;
                }
            }

            return null;
        }
    }
}
