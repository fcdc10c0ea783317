using System.Reflection;
using Microsoft.ML;

namespace Declarative.Schema;

/// <summary>The versions a declaration's hash and a model file record: a model trained by another version is stale.</summary>
internal static class LibraryVersions
{
    public static string Declarative { get; } = VersionOf(typeof(LibraryVersions).Assembly);

    public static string MLNet { get; } = VersionOf(typeof(MLContext).Assembly);

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
