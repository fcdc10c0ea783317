using Declarative.Generators.Emitting;
using Declarative.Generators.Model;
using Declarative.Generators.Parsing;
using Declarative.Generators.Tasks;
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
            // The runtime's symbols are looked up once per compilation, not once per declaration.
            var symbols = context.CompilationProvider.Select(static (compilation, _) => new KnownSymbols(compilation));

            // MSBuild properties the build passes to the compiler (CompilerVisibleProperty in build/Declarative.props).
            var buildOptions = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
                new BuildOptions(IsTrue(options.GlobalOptions, "DeclarativeExportOnnx"), IsTrue(options.GlobalOptions, "PublishAot")));
            foreach (var task in TaskDescriptors.All)
            {
                Register(context, task, symbols, buildOptions);
            }
        }

        private static bool IsTrue(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string property) =>
            options.TryGetValue("build_property." + property, out var value) &&
            string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

        private static void Register(IncrementalGeneratorInitializationContext context, TaskDescriptor task, IncrementalValueProvider<KnownSymbols> symbols, IncrementalValueProvider<BuildOptions> buildOptions)
        {
            var pipelines = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    task.AttributeMetadataName,
                    static (node, _) => node is TypeDeclarationSyntax,
                    static (syntax, _) => syntax)
                .Combine(symbols)
                .Combine(buildOptions)
                .Select((pair, cancellationToken) => PipelineParser.Parse(pair.Left.Left, task, pair.Left.Right, pair.Right, cancellationToken))
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
