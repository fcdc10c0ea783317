using System.Text.Json.Serialization;

namespace Declarative.Artifacts;

/// <summary>The manifest beside a model, in the artifact files' JSON form (see <see cref="Evaluation.ReportJsonContext"/>).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;

/// <summary>The metadata entry inside a model file: PascalCase, as model files have always written it.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ModelMetadata))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
