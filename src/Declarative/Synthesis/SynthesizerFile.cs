using System.Text.Json;
using System.Text.Json.Serialization;
using Declarative.Artifacts;

namespace Declarative.Synthesis;

/// <summary>
/// A synthesizer's model file (<c>&lt;Name&gt;.mlnet</c>, as every task's): what it was trained for (pipeline, schema)
/// and the fitted model (the marginals, and the copula's Cholesky factor or the sequential trees). JSON, written whole
/// or not at all; the same model gives the same bytes.
/// </summary>
internal sealed record SynthesizerFile : IPlainModelFile
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

    /// <summary>The model, after checking that its parts fit together (a damaged file is an error here, not a crash when sampling).</summary>
    public IRowSampler ToSampler()
    {
        var d = Marginals.Count;
        if (Marginals.Any(m => m.Cumulative.Length != (m.Categorical ? m.Categories.Length : m.Values.Length)
            || m.Cumulative.Zip(m.Cumulative.Skip(1)).Any(p => p.First > p.Second)))
        {
            throw new InvalidDataException($"The synthesizer file of {Pipeline} has a column distribution whose counts do not fit its values.");
        }

        switch (Kind)
        {
            case SynthesizerKind.GaussianCopula when Cholesky is { } cholesky:
                if (cholesky.Length != d || cholesky.Any(row => row is null || row.Length != d))
                {
                    throw new InvalidDataException($"The synthesizer file of {Pipeline} has a correlation factor of another size than its {d} columns.");
                }

                return new GaussianCopula(Marginals, cholesky);
            case SynthesizerKind.SequentialTrees when Trees is { } trees:
                if (trees.Count != d || trees.Select((t, j) => Fits(t, j)).Any(ok => !ok))
                {
                    throw new InvalidDataException($"The synthesizer file of {Pipeline} has a tree that does not fit its columns (a split on a later column, a child out of range, or an empty leaf).");
                }

                return new SequentialTrees(Marginals, trees);
            default:
                throw new InvalidDataException($"The synthesizer file of {Pipeline} holds no {Kind} model.");
        }
    }

    /// <summary>Column <paramref name="column"/>'s tree splits only on earlier columns, its children are nodes after their parent, and its leaves hold values.</summary>
    private static bool Fits(SynthTree tree, int column) =>
        tree?.Nodes is { Length: > 0 } nodes && nodes.Select((n, i) => n is not null && (n.Leaf is { } leaf
            ? leaf.Length > 0
            : n.Feature >= 0 && n.Feature < column && n.Left > i && n.Right > i && n.Left < nodes.Length && n.Right < nodes.Length)).All(ok => ok);

    public void Write(Stream stream) => JsonSerializer.Serialize(stream, this, SynthesizerJsonContext.Default.SynthesizerFile);

    public static SynthesizerFile Read(Stream stream, string source) => PlainModelJson.Read(stream, source, SynthesizerJsonContext.Default.SynthesizerFile, "synthesizer");
}

[JsonSourceGenerationOptions(WriteIndented = false, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SynthesizerFile))]
internal sealed partial class SynthesizerJsonContext : JsonSerializerContext;
