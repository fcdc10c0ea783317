using System.Text.Json;
using System.Text.Json.Serialization;

namespace Declarative.Artifacts;

/// <summary>The JSON form of every file a person or CI reads (manifest, tuning lock, report): camelCase, indented, enums by name.</summary>
internal static class ArtifactJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
