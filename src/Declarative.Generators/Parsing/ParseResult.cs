using Declarative.Generators.Helpers;
using Declarative.Generators.Model;

namespace Declarative.Generators.Parsing
{
    /// <summary>What parsing one declaration gives: a model to emit, or the diagnostics that stop it (never both empty by accident).</summary>
    internal sealed record ParseResult(PipelineModel? Model, ImmutableEquatableArray<DiagnosticInfo> Diagnostics)
    {
        public static readonly ParseResult Nothing = new(null, ImmutableEquatableArray<DiagnosticInfo>.Empty);
    }
}
