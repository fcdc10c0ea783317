using System.IO.Compression;
using System.Text.Json;
using Declarative.Artifacts;

namespace Declarative.Caching;

/// <summary>One entry of a folder cache as <c>dotnet declarative cache list</c> shows it.</summary>
/// <param name="Key">The entry's key.</param>
/// <param name="Pipeline">The pipeline it holds, or null when the entry cannot be read.</param>
/// <param name="Trainer">The trainer of its model.</param>
/// <param name="Versions">The Declarative and ML.NET versions that trained it.</param>
/// <param name="Bytes">The entry's size.</param>
/// <param name="LastUsedUtc">When it was stored or last restored (read-write builds touch what they restore).</param>
/// <param name="Problem">Why it cannot be read, or null.</param>
internal sealed record ModelCacheListing(string Key, string? Pipeline, string? Trainer, string? Versions, long Bytes, DateTime LastUsedUtc, string? Problem)
{
    /// <summary>The entry's index and manifest, read without unpacking its models (both are small; larger is refused).</summary>
    public static ModelCacheListing Of(FileInfo file)
    {
        var key = Path.GetFileNameWithoutExtension(file.Name);
        try
        {
            using var zip = ZipFile.OpenRead(file.FullName);
            var index = Read(zip, ModelCacheEntry.IndexName, s => JsonSerializer.Deserialize(s, ModelCacheJsonContext.Default.ModelCacheIndex));
            var manifest = index is null ? null : Read(zip, ModelArtifacts.ManifestFileName(index.Pipeline), s => JsonSerializer.Deserialize(s, ManifestJsonContext.Default.ModelManifest));
            return index is null || manifest is null
                ? new ModelCacheListing(key, null, null, null, file.Length, file.LastWriteTimeUtc, "no index or manifest")
                : new ModelCacheListing(key, index.Pipeline, manifest.Trainer.ToString(), $"{manifest.DeclarativeVersion} / ML.NET {manifest.MLNetVersion}", file.Length, file.LastWriteTimeUtc, null);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or ModelFileException or UnauthorizedAccessException)
        {
            return new ModelCacheListing(key, null, null, null, file.Length, file.LastWriteTimeUtc, e.Message);
        }
    }

    private static T? Read<T>(ZipArchive zip, string name, Func<Stream, T?> read)
        where T : class
    {
        if (zip.GetEntry(name) is not { } entry || entry.Length > ModelFile.MaxMetadataBytes * 16)
        {
            return null;
        }

        using var content = BoundedCopy.Entry(entry, name);
        return read(content);
    }
}
