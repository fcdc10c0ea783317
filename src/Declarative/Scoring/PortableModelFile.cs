using System.Text.Json;
using System.Text.Json.Serialization;
using Declarative.Artifacts;

namespace Declarative.Scoring;

/// <summary>Reads and writes <c>&lt;Name&gt;.scorer.json</c>, with the bounds and checks of the other artifact files.</summary>
internal static class PortableModelFile
{
    /// <summary>The portable model's name for a pipeline.</summary>
    public static string FileName(string pipeline) => pipeline + ".scorer.json";

    /// <summary>The portable model beside a model file (<c>X.mlnet</c> gives <c>X.scorer.json</c>); a portable model's own path is kept.</summary>
    public static string Beside(string modelPath) =>
        modelPath.EndsWith(".scorer.json", StringComparison.OrdinalIgnoreCase) ? modelPath : Path.ChangeExtension(modelPath, ".scorer.json");

    /// <summary>Thousands of deep trees make tens of megabytes; a file this large is not a model this scorer wrote.</summary>
    internal const long MaxBytes = 512L << 20;

    public static void Write(PortableModel model, string path) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, model, PortableModelJsonContext.Default.PortableModel));

    /// <summary>
    /// Reads a portable model; a missing, oversized, malformed or newer-format file is a <see cref="ModelFileException"/>,
    /// and so is one whose bytes are not <paramref name="expectedHash"/> (the build's manifest records it), checked on the
    /// bytes read.
    /// </summary>
    public static PortableModel Read(string path, string? expectedHash = null)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "The portable model file was not found: the build writes it beside the .mlnet (a Native AOT app needs it, since ML.NET cannot run there).");
        }

        var length = new FileInfo(path).Length;
        if (length is 0 or > MaxBytes)
        {
            throw new ModelFileException(path, length == 0 ? "The portable model file is empty." : $"The portable model file is {length:N0} bytes, more than Declarative reads ({MaxBytes:N0}).");
        }

        var bytes = File.ReadAllBytes(path);
        if (expectedHash is not null)
        {
            ModelArtifacts.CheckHash(path, ArtifactHash.Of(bytes), expectedHash, "portable model file");
        }

        PortableModel? model;
        try
        {
            model = JsonSerializer.Deserialize(bytes, PortableModelJsonContext.Default.PortableModel);
        }
        catch (JsonException e)
        {
            throw new ModelFileException(path, $"The portable model file is not one: {e.Message}");
        }

        if (model is null)
        {
            throw new ModelFileException(path, "The portable model file holds JSON null.");
        }

        if (model.Format > PortableModel.CurrentFormat)
        {
            throw new ModelFileException(path, $"The portable model file has format {model.Format}, newer than this version of Declarative reads ({PortableModel.CurrentFormat}).");
        }

        return model;
    }
}

/// <summary>The portable model's JSON form: compact, camelCase, enums by name.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PortableModel))]
internal sealed partial class PortableModelJsonContext : JsonSerializerContext;
