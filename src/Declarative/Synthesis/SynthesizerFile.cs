using System.Text.Json;
using System.Text.Json.Serialization;
using Declarative.Artifacts;

namespace Declarative.Synthesis;

/// <summary>
/// A synthesizer's model file (<c>&lt;Name&gt;.mlnet</c>, as every task's): what it was trained for (pipeline, schema)
/// and the fitted model (the marginals, and the copula's Cholesky factor or the sequential trees). JSON, written whole
/// or not at all; the same model gives the same bytes.
/// </summary>
internal sealed record SynthesizerFile
{
    public const int CurrentFormat = 1;

    /// <summary>The largest model file read (a hostile file cannot exhaust memory).</summary>
    public const long MaxFileBytes = 1L << 30;

    public int Format { get; init; } = CurrentFormat;

    public required string Pipeline { get; init; }

    public required string SchemaHash { get; init; }

    public required IReadOnlyList<string> Schema { get; init; }

    public required SynthesizerKind Kind { get; init; }

    public required string DeclarativeVersion { get; init; }

    public required IReadOnlyList<ColumnMarginal> Marginals { get; init; }

    public double[][]? Cholesky { get; init; }

    public IReadOnlyList<SynthTree>? Trees { get; init; }

    public IRowSampler ToSampler() => Kind switch
    {
        SynthesizerKind.GaussianCopula when Cholesky is { } cholesky => new GaussianCopula(Marginals, cholesky),
        SynthesizerKind.SequentialTrees when Trees is { } trees => new SequentialTrees(Marginals, trees),
        _ => throw new InvalidDataException($"The synthesizer file of {Pipeline} holds no {Kind} model."),
    };

    public void Write(Stream stream) => JsonSerializer.Serialize(stream, this, SynthesizerJsonContext.Default.SynthesizerFile);

    public void Save(string path) => AtomicFile.Write(path, Write);

    public static SynthesizerFile Read(Stream stream, string source)
    {
        try
        {
            return JsonSerializer.Deserialize(stream, SynthesizerJsonContext.Default.SynthesizerFile)
                ?? throw new ModelFileException(source, "The synthesizer file is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelFileException(source, $"The file is not a synthesizer model Declarative wrote ({e.Message}).", e);
        }
    }
}

[JsonSourceGenerationOptions(WriteIndented = false, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SynthesizerFile))]
internal sealed partial class SynthesizerJsonContext : JsonSerializerContext;
