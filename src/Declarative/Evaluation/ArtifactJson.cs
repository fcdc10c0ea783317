using System.Text.Json;
using System.Text.Json.Serialization;

namespace Declarative.Evaluation;

/// <summary>
/// The JSON form of every file a person or CI reads (report, manifest, tuning lock): camelCase, indented, enums by
/// name. It lives with the report, the first of them, so that artifacts depend on evaluation and not the reverse.
/// </summary>
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
