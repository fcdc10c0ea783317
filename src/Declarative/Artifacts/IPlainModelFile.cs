namespace Declarative.Artifacts;

/// <summary>The file of a plain C# model: JSON to a stream, or to a path written whole or not at all.</summary>
internal interface IPlainModelFile
{
    /// <summary>The pipeline the model was trained for.</summary>
    string Pipeline { get; }

    /// <summary>The row schema's hash when it was trained.</summary>
    string SchemaHash { get; }

    /// <summary>Writes the model's JSON to <paramref name="stream"/>.</summary>
    void Write(Stream stream);

    /// <summary>Writes the model to <paramref name="path"/>, whole or not at all.</summary>
    void Save(string path) => AtomicFile.Write(path, Write);

    /// <summary>
    /// Reads the model file at <paramref name="path"/> as every load path does: bounded in size and checked against the
    /// artifact's manifest when one is beside it (<see cref="ModelArtifacts.ReadChecked"/>), then parsed by <paramref name="read"/>.
    /// </summary>
    static TFile Read<TFile>(Schema.IPipelineSpec spec, string path, long maxBytes, Func<Stream, string, TFile> read)
        where TFile : IPlainModelFile
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = ModelArtifacts.ReadChecked(spec, path, maxBytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return read(stream, path);
    }

    /// <summary>Throws <see cref="ModelFileException"/> when <paramref name="file"/> was trained for another row schema than <paramref name="spec"/> has now.</summary>
    static void RequireSchema(Schema.IPipelineSpec spec, string path, IPlainModelFile file, string what)
    {
        if (file.SchemaHash != spec.SchemaHash)
        {
            throw new ModelFileException(path,
                $"The {what} was trained for another row schema (pipeline {file.Pipeline}, schema {file.SchemaHash}) than pipeline {spec.Name} has now (schema {spec.SchemaHash}). Train it again.");
        }
    }
}
