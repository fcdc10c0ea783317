using System.Text.Json.Serialization;

namespace Declarative.Caching;

/// <summary>
/// <c>entry.json</c>, first in every cache entry: the key it was stored under with the parts that make it (so a
/// surprising miss can be explained by comparing two entries), and each file's SHA-256.
/// </summary>
internal sealed record ModelCacheIndex(int Format, string Key, string Pipeline, IReadOnlyList<string> Parts, IReadOnlyDictionary<string, string> Files);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ModelCacheIndex))]
internal sealed partial class ModelCacheJsonContext : JsonSerializerContext;
