using System.Text.Json;

namespace Declarative.Artifacts;

/// <summary>
/// <c>&lt;Name&gt;.model.json</c>: what a build-trained model was made from and how good it is. It holds no
/// timestamps or machine paths, so the same inputs give the same manifest; it is written after the model, so a
/// manifest that matches its model's hash marks a complete, current pair.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The manifest format this version writes.</summary>
    public const int CurrentFormat = 1;


    /// <summary>The manifest format.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The pipeline's name.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The pipeline class's full name.</summary>
    public required string PipelineType { get; init; }

    /// <summary>The task.</summary>
    public required MLTask Task { get; init; }

    /// <summary>The hash of the whole declaration (see <see cref="Schema.IPipelineSpec.DeclarationHash"/>).</summary>
    public required string DeclarationHash { get; init; }

    /// <summary>The hash of the row schema the model reads.</summary>
    public required string SchemaHash { get; init; }

    /// <summary>The data file's name (not its path, which differs between machines), or the database query's description.</summary>
    public required string DataFile { get; init; }

    /// <summary>The SHA-256 of the data file's bytes (and the test file's), or of the query's result (<c>query:</c>...).</summary>
    public required string DataHash { get; init; }

    /// <summary>The query the rows came from, when the pipeline reads a database (its result's hash is <see cref="DataHash"/>).</summary>
    public string? Query { get; init; }

    /// <summary>The separate test file's name, when the declaration names one (<c>TestData</c>); its hash is part of <see cref="DataHash"/>.</summary>
    public string? TestDataFile { get; init; }

    /// <summary>The SHA-256 of the model file's bytes.</summary>
    public required string ModelHash { get; init; }

    /// <summary>
    /// The SHA-256 of the portable model's bytes (<c>&lt;Name&gt;.scorer.json</c>, what Native AOT apps and the fast path
    /// score with), or <see langword="null"/> when the build wrote none. Every load path checks the file against it.
    /// </summary>
    public string? PortableHash { get; init; }

    /// <summary>The SHA-256 of the ONNX export's bytes, or <see langword="null"/> when the build wrote none.</summary>
    public string? OnnxHash { get; init; }

    /// <summary>The seed of the split and the trainers.</summary>
    public required int Seed { get; init; }

    /// <summary>The trainer.</summary>
    public required Trainer Trainer { get; init; }

    /// <summary>The trainer's settings that differ from ML.NET's defaults.</summary>
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }

    /// <summary>A tuned ensemble's members and weights (the trainer and hyperparameters above are its best member's); null for a single model.</summary>
    public IReadOnlyList<EnsembleMember>? Ensemble { get; init; }

    /// <summary>The version of Declarative that trained the model.</summary>
    public required string DeclarativeVersion { get; init; }

    /// <summary>The version of ML.NET that trained the model.</summary>
    public required string MLNetVersion { get; init; }

    /// <summary>
    /// The build of Declarative that trained the model: its assembly's module version id, which a deterministic build
    /// derives from the code, so the same package gives the same value everywhere. A build with other code (a local
    /// build of the library between versions) trains again; <see langword="null"/> in manifests that predate it.
    /// </summary>
    public string? Engine { get; init; }

    /// <summary>How tuning chose the trainer and hyperparameters; <see langword="null"/> when the pipeline does not tune.</summary>
    public TuningRecord? Tuning { get; init; }

    /// <summary>The metrics on the held-out test part, by ML.NET's property names.</summary>
    public required IReadOnlyDictionary<string, double> TestMetrics { get; init; }

    /// <summary>Reads a manifest; <see langword="null"/> when the file is missing or unreadable (it is then rebuilt).</summary>
    public static ModelManifest? TryRead(string path) => TryRead(path, out _);

    /// <summary>Reads a manifest; <see langword="null"/> with <paramref name="problem"/> saying why when it exists but cannot be used.</summary>
    internal static ModelManifest? TryRead(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Length is 0 or > MaxBytes)
            {
                problem = info.Length == 0 ? "it is empty" : $"it is {info.Length:N0} bytes, more than a manifest can be";
                return null;
            }

            var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), ManifestJsonContext.Default.ModelManifest);
            problem = manifest is null ? "it is JSON null" : null;
            return manifest;
        }
        catch (JsonException e)
        {
            problem = $"it is not a manifest: {e.Message}";
            return null;
        }
    }

    /// <summary>A manifest is a few kilobytes; a larger file is not one.</summary>
    private const long MaxBytes = 1 << 20;

    /// <summary>Writes the manifest atomically.</summary>
    public void Write(string path) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, this, ManifestJsonContext.Default.ModelManifest));
}

/// <summary>The tuning part of a manifest.</summary>
/// <param name="Metric">The metric optimized on validation.</param>
/// <param name="Tuner">The search strategy as declared (<see cref="TunerKind.Auto"/> chooses one per trainer: cost-frugal for tree ensembles, k-means and PCA, random for linear trainers).</param>
/// <param name="PinnedBy">The lock file whose configuration was refitted instead of tuning, or null when tuning ran.</param>
/// <param name="LockHash">The SHA-256 of that lock file, so editing it retrains.</param>
/// <param name="Trials">The trials, in the order they ran (empty when pinned).</param>
public sealed record TuningRecord(string Metric, TunerKind Tuner, string? PinnedBy, string? LockHash, IReadOnlyList<Tuning.TrialResult> Trials);
