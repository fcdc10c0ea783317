using Declarative.Schema;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Microsoft.ML;

namespace Declarative.Artifacts;

/// <summary>
/// Reads and writes model files: ML.NET's model zip with a metadata entry added. Entries keep ML.NET's order
/// and get one fixed timestamp, so the same model gives the same bytes. Writing goes to a temporary file that
/// replaces the target only when complete (<see cref="AtomicFile"/>): a crash never leaves a half-written model behind.
/// </summary>
internal static class ModelFile
{
    private const string MetadataEntry = "Declarative/metadata.json";
    public static string DeclarativeVersion => LibraryVersions.Declarative;

    public static string MLNetVersion => LibraryVersions.MLNet;

    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelMetadata metadata, string path) =>
        AtomicFile.Write(path, file => Write(ml, model, inputSchema, metadata, file));

    public static void Write(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelMetadata metadata, Stream destination)
    {
        using var original = new MemoryStream();
        ml.Model.Save(Ensembles.EnsembleComposer.Saved(model), inputSchema, original);
        original.Position = 0;

        using var source = new ZipArchive(original, ZipArchiveMode.Read);
        using var target = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            using var input = entry.Open();
            Add(target, entry.FullName, input);
        }

        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(metadata, MetadataJsonContext.Default.ModelMetadata));
        Add(target, MetadataEntry, json);
    }

    /// <summary>The largest model file read; larger ones are refused before they fill memory.</summary>
    internal const long MaxFileBytes = 1L << 30;

    /// <summary>The largest metadata entry (a good one is under 2 KB).</summary>
    internal const long MaxMetadataBytes = 1 << 20;

    /// <summary>
    /// How much a model file of <paramref name="packedBytes"/> may unpack to: ML.NET's entries compress about 2-4x, so
    /// 8x plus 16 MiB leaves room for any real model and stops a zip bomb before it is inflated.
    /// </summary>
    internal static long MaxUnpackedBytes(long packedBytes) => (16L << 20) + (8 * packedBytes);

    /// <summary>
    /// Reads a model with every read bounded: the file's size, each entry's declared and actual size, and the total it
    /// unpacks to. ML.NET gets a copy of its entries that was checked on the way, so a damaged or hostile file is a
    /// <see cref="ModelFileException"/> and never an unbounded allocation.
    /// </summary>
    public static (ITransformer Model, ModelMetadata Metadata) Read(MLContext ml, Stream stream, string path)
    {
        using var file = Open(stream, path);
        return (file.LoadModel(ml), file.Metadata);
    }

    /// <summary>
    /// Reads a model file's bytes and metadata and checks its entries, leaving ML.NET's part to <see cref="OpenedModel.LoadModel"/>:
    /// an app that predicts through the portable scorer may never need it.
    /// </summary>
    public static OpenedModel Open(Stream stream, string path)
    {
        var buffer = BoundedCopy.ToMemory(stream, MaxFileBytes)
            ?? throw new ModelFileException(path, $"The model file is larger than {MaxFileBytes >> 20:N0} MiB, more than Declarative reads.");
        try
        {
            if (buffer.Length == 0)
            {
                throw new ModelFileException(path, "The model file is empty.");
            }

            ModelMetadata? metadata;
            try
            {
                buffer.Position = 0;
                using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
                CheckEntries(zip, buffer.Length, path);
                var entry = zip.GetEntry(MetadataEntry) ?? throw new ModelFileException(path, "The file is not a Declarative model: it has no metadata.");
                using var json = BoundedCopy.Entry(entry, path);
                metadata = JsonSerializer.Deserialize(json, MetadataJsonContext.Default.ModelMetadata);
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or NotSupportedException)
            {
                throw new ModelFileException(path, $"The file is not a Declarative model (not a readable zip with metadata): {e.Message}", e);
            }

            if (metadata is null)
            {
                throw new ModelFileException(path, "The model's metadata is empty (JSON null): the file is damaged. Train or build the model again.");
            }

            if (metadata.Format > ModelMetadata.CurrentFormat)
            {
                throw new ModelFileException(path, $"The model was written in format {metadata.Format}, newer than this version of Declarative ({DeclarativeVersion}) reads.");
            }

            return new OpenedModel(buffer, metadata, path);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>A model file read into memory with its metadata checked; ML.NET's part is loaded on demand.</summary>
    internal sealed class OpenedModel(MemoryStream buffer, ModelMetadata metadata, string path) : IDisposable
    {
        public ModelMetadata Metadata { get; } = metadata;

        /// <summary>The SHA-256 of the file's bytes, as the build's manifest and portable model record it.</summary>
        public string Hash { get; } = ArtifactHash.Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));

        /// <summary>Loads ML.NET's part (its entries copied out of the checked zip); then the bytes are released.</summary>
        public ITransformer LoadModel(MLContext ml)
        {
            using var unpacked = new MemoryStream();
            try
            {
                buffer.Position = 0;
                using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
                using var target = new ZipArchive(unpacked, ZipArchiveMode.Create, leaveOpen: true);
                foreach (var part in zip.Entries.Where(e => e.FullName != MetadataEntry))
                {
                    using var content = BoundedCopy.Entry(part, path);
                    var copy = target.CreateEntry(part.FullName, CompressionLevel.NoCompression);
                    using var output = copy.Open();
                    content.CopyTo(output);
                }
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException)
            {
                throw new ModelFileException(path, $"The file is not a Declarative model (not a readable zip): {e.Message}", e);
            }

            unpacked.Position = 0;
            try
            {
                var model = ml.Model.Load(unpacked, out var inputSchema);
                return Ensembles.EnsembleComposer.Restored(ml, model, inputSchema, Metadata.Task, Metadata.Ensemble);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // ML.NET says "Error during class instantiation" and the like: name the file and what to do.
                throw new ModelFileException(path, $"The model's ML.NET part cannot be read ({e.GetType().Name}: {e.Message}); the file is damaged or from another ML.NET. Train or build the model again.", e);
            }
            finally
            {
                buffer.Dispose();
            }
        }

        public void Dispose() => buffer.Dispose();
    }

    /// <summary>Refuses what the zip's directory says before anything is inflated: odd names, a large metadata entry, a bomb.</summary>
    private static void CheckEntries(ZipArchive zip, long packedBytes, string path)
    {
        var total = 0L;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name.Length == 0 || Path.IsPathRooted(name) || name.Replace('\\', '/').Split('/').Contains(".."))
            {
                throw new ModelFileException(path, $"The file is not a Declarative model: it has an entry named '{name}'.");
            }

            if (name == MetadataEntry && entry.Length > MaxMetadataBytes)
            {
                throw new ModelFileException(path, $"The model's metadata entry is {entry.Length:N0} bytes, more than metadata can be: the file is damaged.");
            }

            total += entry.Length;
        }

        var limit = MaxUnpackedBytes(packedBytes);
        if (total > limit)
        {
            throw new ModelFileException(path, $"The model file would unpack to {total:N0} bytes, more than a model of {packedBytes:N0} bytes holds ({limit:N0}): it is damaged or hostile.");
        }
    }

    private static void Add(ZipArchive archive, string name, Stream content) => DeterministicZip.Add(archive, name, content);
}
