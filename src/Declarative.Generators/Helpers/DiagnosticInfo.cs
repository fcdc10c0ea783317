using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Helpers
{
    /// <summary>A diagnostic as equatable data, turned into a <see cref="Diagnostic"/> only when it is reported.</summary>
    internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, ImmutableEquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments) =>
            new(descriptor.Id, LocationInfo.From(location), arguments.Select(a => a?.ToString() ?? "").ToImmutableEquatableArray());

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(
                DiagnosticDescriptors.ById(Id),
                Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
                Arguments.Cast<object>().ToArray());
    }
}
