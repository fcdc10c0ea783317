using Declarative.Schema;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
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
    private static readonly DateTimeOffset FixedTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string DeclarativeVersion => LibraryVersions.Declarative;

    public static string MLNetVersion => LibraryVersions.MLNet;

    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelMetadata metadata, string path) =>
        AtomicFile.Write(path, file => Write(ml, model, inputSchema, metadata, file));

    public static void Write(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelMetadata metadata, Stream destination)
    {
        using var original = new MemoryStream();
        ml.Model.Save(model, inputSchema, original);
        original.Position = 0;

        using var source = new ZipArchive(original, ZipArchiveMode.Read);
        using var target = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            using var input = entry.Open();
            Add(target, entry.FullName, input);
        }

        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(metadata, JsonOptions));
        Add(target, MetadataEntry, json);
    }

    public static (ITransformer Model, ModelMetadata Metadata) Read(MLContext ml, Stream stream, string path)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        ModelMetadata? metadata;
        try
        {
            buffer.Position = 0;
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
            {
                var entry = zip.GetEntry(MetadataEntry) ?? throw new ModelFileException(path, "The file is not a Declarative model: it has no metadata.");
                using var json = entry.Open();
                metadata = JsonSerializer.Deserialize<ModelMetadata>(json, JsonOptions);
            }
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            throw new ModelFileException(path, "The file is not a Declarative model (not a readable zip with metadata).", e);
        }

        if (metadata is null || metadata.Format > ModelMetadata.CurrentFormat)
        {
            throw new ModelFileException(path, $"The model was written in format {metadata?.Format}, newer than this version of Declarative ({DeclarativeVersion}) reads.");
        }

        buffer.Position = 0;
        return (ml.Model.Load(buffer, out _), metadata);
    }

    private static void Add(ZipArchive archive, string name, Stream content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTimestamp;
        using var output = entry.Open();
        content.CopyTo(output);
    }
}
