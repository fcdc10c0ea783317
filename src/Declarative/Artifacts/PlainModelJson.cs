using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Declarative.Artifacts;

/// <summary>
/// Reads Declarative's own JSON model files (a synthesizer's, a forecaster's, a series detector's) through their
/// source-generated contexts, with one error for a file that is empty or not such a model.
/// </summary>
internal static class PlainModelJson
{
    /// <param name="stream">The file's bytes.</param>
    /// <param name="source">The file, for the error.</param>
    /// <param name="type">The file record's generated metadata.</param>
    /// <param name="kind">The model in words ("forecaster"), for the error.</param>
    public static T Read<T>(Stream stream, string source, JsonTypeInfo<T> type, string kind)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(stream, type) ?? throw new ModelFileException(source, $"The {kind} file is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelFileException(source, $"The file is not a {kind} model Declarative wrote ({e.Message}).", e);
        }
    }
}
