using System.Reflection;
using Microsoft.ML;

namespace Declarative.Schema;

/// <summary>The versions a declaration's hash and a model file record: a model trained by another version is stale.</summary>
internal static class LibraryVersions
{
    public static string Declarative { get; } = VersionOf(typeof(LibraryVersions).Assembly);

    /// <summary>
    /// ML.NET's version. A native app has no ML.NET (nor its metadata) to ask; there, a model's declaration hash is checked
    /// with the version its manifest records (<see cref="PipelineSpec{TRow}.DeclarationHashWith"/>).
    /// </summary>
    public static string MLNet { get; } = NativeAot.PortableScorerOnly ? "none (native app)" : VersionOf(typeof(MLContext).Assembly);

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
