using Declarative.Generators.Emitting;
using Declarative.Generators.Model;
using Declarative.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Declarative.Generators
{
    /// <summary>
    /// Finds classes with a task attribute, parses each into an equatable <see cref="PipelineModel"/> and writes one
    /// file per pipeline. Parsing and emitting are separate steps so an unrelated edit reuses the cached model.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DeclarativeGenerator : IIncrementalGenerator
    {
        /// <summary>The tracking name of the parse step, which tests use to prove it is cached.</summary>
        public const string ParseStep = "DeclarativePipeline";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            Register(context, KnownNames.BinaryClassification, TaskKind.BinaryClassification);
            Register(context, KnownNames.MulticlassClassification, TaskKind.MulticlassClassification);
            Register(context, KnownNames.Regression, TaskKind.Regression);
        }

        private static void Register(IncrementalGeneratorInitializationContext context, string attribute, TaskKind task)
        {
            var pipelines = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    (syntax, cancellationToken) => PipelineParser.Parse(syntax, task, cancellationToken))
                .WithTrackingName(ParseStep);

            context.RegisterSourceOutput(pipelines, static (output, result) =>
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                }

                if (result.Model is { } model)
                {
                    output.AddSource(model.HintName, PipelineEmitter.Emit(model));
                }
            });
        }
    }
}
