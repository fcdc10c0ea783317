using System.IO.Compression;
using System.Text.Json;
using Declarative.Artifacts;
using Declarative.Scoring;

namespace Declarative.Caching;

/// <summary>
/// One cache entry: a zip of what a trained build writes for a pipeline (model, manifest, portable model, ONNX export,
/// reports, and the tuning lock a first tuning wrote) with <c>entry.json</c>. Written the same way each time (sorted
/// names, one timestamp); read as untrusted input: bounded in size, only the pipeline's own file names, every file
/// matching the index and the model files matching the manifest, or it is refused whole.
/// </summary>
internal sealed class ModelCacheEntry
{
    /// <summary>The index's name inside the zip.</summary>
    public const string IndexName = "entry.json";

    /// <summary>The largest entry read: a model file is at most 1 GiB (<see cref="ModelFile.MaxFileBytes"/>), reports and the rest far less.</summary>
    internal const long MaxBytes = (1L << 30) + (256L << 20);

    /// <summary>The files an entry may hold, by what follows the pipeline's name.</summary>
    private static readonly string[] Suffixes = [".mlnet", ".model.json", ".scorer.json", ".onnx", ".report.html", ".report.json", ".tuning.json"];

    /// <summary>An entry's file extension in a store.</summary>
    public const string FileExtension = ".zip";

    private ModelCacheEntry(ModelManifest manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        Manifest = manifest;
        Files = files;
    }

    /// <summary>The manifest the entry holds (checked against its files).</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The files by name (<c>&lt;Pipeline&gt;.mlnet</c>, ...), without the index.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    /// <summary>Whether <paramref name="name"/> is one of the files an entry of <paramref name="pipeline"/> may hold.</summary>
    public static bool IsEntryFile(string pipeline, string name) => Suffixes.Any(s => name == pipeline + s);

    /// <summary>Writes an entry of <paramref name="files"/> (paths of the pipeline's artifacts) under <paramref name="key"/>.</summary>
    public static void Write(Stream destination, ModelCacheKey key, IEnumerable<string> files)
    {
        var contents = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            if (!IsEntryFile(key.Pipeline, name))
            {
                throw new ArgumentException($"'{name}' is not one of pipeline {key.Pipeline}'s artifacts.", nameof(files));
            }

            contents[name] = File.ReadAllBytes(path);
        }

        var index = new ModelCacheIndex(ModelCacheKey.Format, key.Value, key.Pipeline, key.Parts().ToArray(),
            new SortedDictionary<string, string>(contents.ToDictionary(f => f.Key, f => ArtifactHash.Of(f.Value)), StringComparer.Ordinal));
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, IndexName, JsonSerializer.SerializeToUtf8Bytes(index, ModelCacheJsonContext.Default.ModelCacheIndex), CompressionLevel.Optimal);
        foreach (var (name, bytes) in contents)
        {
            // A model file and an ONNX export are compressed already, or nearly incompressible.
            var level = name.EndsWith(".mlnet", StringComparison.Ordinal) || name.EndsWith(".onnx", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
            Add(zip, name, bytes, level);
        }
    }

    /// <summary>
    /// Reads and checks an entry stored under <paramref name="key"/>. A damaged, foreign or edited entry is a
    /// <see cref="ModelCacheEntryException"/> that says what is wrong; nothing of it is used.
    /// </summary>
    public static ModelCacheEntry Read(Stream source, ModelCacheKey key)
    {
        using var buffer = BoundedCopy.ToMemory(source, MaxBytes)
            ?? throw new ModelCacheEntryException($"it is larger than {MaxBytes >> 20:N0} MiB");
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        ModelCacheIndex? index = null;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
            if (zip.Entries.Count > Suffixes.Length + 1)
            {
                throw new ModelCacheEntryException($"it holds {zip.Entries.Count} files, more than an entry has");
            }

            if (zip.Entries.Sum(e => e.Length) > MaxBytes)
            {
                throw new ModelCacheEntryException($"its files unpack to more than {MaxBytes >> 20:N0} MiB");
            }

            foreach (var part in zip.Entries)
            {
                if (part.FullName != IndexName && !IsEntryFile(key.Pipeline, part.FullName))
                {
                    throw new ModelCacheEntryException($"it holds '{part.FullName}', which is not one of pipeline {key.Pipeline}'s artifacts");
                }

                if (files.ContainsKey(part.FullName) || (part.FullName == IndexName && index is not null))
                {
                    throw new ModelCacheEntryException($"it holds '{part.FullName}' twice");
                }

                using var content = BoundedCopy.Entry(part, part.FullName);
                if (part.FullName == IndexName)
                {
                    index = JsonSerializer.Deserialize(content, ModelCacheJsonContext.Default.ModelCacheIndex);
                }
                else
                {
                    files[part.FullName] = content.ToArray();
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or ModelFileException or NotSupportedException)
        {
            throw new ModelCacheEntryException($"it is not a readable entry ({e.Message})", e);
        }

        return Check(index, files, key);
    }

    private static ModelCacheEntry Check(ModelCacheIndex? index, Dictionary<string, byte[]> files, ModelCacheKey key)
    {
        if (index is null || index.Files is null)
        {
            throw new ModelCacheEntryException($"it has no {IndexName}");
        }

        if (index.Format != ModelCacheKey.Format || index.Key != key.Value)
        {
            throw new ModelCacheEntryException($"its {IndexName} names another key or format ({index.Format}, {index.Key})");
        }

        var listed = index.Files.Keys.Order(StringComparer.Ordinal);
        if (!listed.SequenceEqual(files.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            throw new ModelCacheEntryException($"its files ({string.Join(", ", files.Keys.Order(StringComparer.Ordinal))}) are not the ones its {IndexName} lists");
        }

        foreach (var (name, bytes) in files)
        {
            if (ArtifactHash.Of(bytes) != index.Files[name])
            {
                throw new ModelCacheEntryException($"{name} does not have the content its {IndexName} records");
            }
        }

        var manifestName = ModelArtifacts.ManifestFileName(key.Pipeline);
        var modelName = ModelArtifacts.ModelFileName(key.Pipeline);
        if (!files.TryGetValue(manifestName, out var manifestBytes) || !files.ContainsKey(modelName))
        {
            throw new ModelCacheEntryException($"it lacks {modelName} or {manifestName}");
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(manifestBytes, ManifestJsonContext.Default.ModelManifest);
        }
        catch (JsonException e)
        {
            throw new ModelCacheEntryException($"its manifest cannot be read ({e.Message})", e);
        }

        if (manifest is null || manifest.Pipeline != key.Pipeline || manifest.DeclarationHash != key.DeclarationHash || manifest.DataHash != key.DataHash)
        {
            throw new ModelCacheEntryException("its manifest describes another pipeline, declaration or data");
        }

        // The manifest is what every load path checks the files against: an entry whose files are not the manifest's
        // would restore a model that no app could load. (The index's hashes are the files', checked above.)
        Expect(index.Files[modelName], manifest.ModelHash, modelName);
        Expect(index.Files.GetValueOrDefault(PortableModelFile.FileName(key.Pipeline)), manifest.PortableHash, PortableModelFile.FileName(key.Pipeline));
        Expect(index.Files.GetValueOrDefault(ModelArtifacts.OnnxFileName(key.Pipeline)), manifest.OnnxHash, ModelArtifacts.OnnxFileName(key.Pipeline));
        if (key.Report && !(files.ContainsKey(ModelArtifacts.ReportFileName(key.Pipeline)) && files.ContainsKey(ModelArtifacts.ReportJsonFileName(key.Pipeline))))
        {
            throw new ModelCacheEntryException("it lacks the reports its key says it holds");
        }

        return new ModelCacheEntry(manifest, files);
    }

    private static void Expect(string? actual, string? recorded, string name)
    {
        if (actual != recorded)
        {
            throw new ModelCacheEntryException(actual is null ? $"it lacks {name}, which its manifest records"
                : recorded is null ? $"it holds {name}, which its manifest does not record"
                : $"{name} is not the file its manifest records (SHA-256 {actual[..12]}…, manifest {recorded[..12]}…)");
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes, CompressionLevel level) =>
        DeterministicZip.Add(zip, name, new MemoryStream(bytes, writable: false), level);
}

/// <summary>A cache entry that cannot be used: damaged, edited, or not the entry its key names.</summary>
internal sealed class ModelCacheEntryException(string reason, Exception? inner = null) : Exception(reason, inner);
