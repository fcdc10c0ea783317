using Declarative.Evaluation;
using System.Text.Json;
using System.Text.Json.Serialization;
using Declarative.Artifacts;

namespace Declarative.Build;

/// <summary>
/// <c>&lt;Name&gt;.tuning.json</c>, beside the project: the configuration tuning chose. Committed with the code, it pins
/// the model: ordinary builds refit this configuration instead of tuning. Re-tuning is explicit
/// (<c>-p:DeclarativeRetune=true</c>) and rewrites it.
/// </summary>
internal sealed record TuningLock
{

    /// <summary>The lock format.</summary>
    public int Format { get; init; } = 1;

    /// <summary>The pipeline's name.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The metric tuning optimized.</summary>
    public required string Metric { get; init; }

    /// <summary>The winner's validation metric.</summary>
    public required double? ValidationMetric { get; init; }

    /// <summary>How many trials the search ran.</summary>
    public required int Trials { get; init; }

    /// <summary>The winning trainer.</summary>
    public required Trainer Trainer { get; init; }

    /// <summary>Its hyperparameters.</summary>
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }

    /// <summary>The ensemble tuning chose (members refitted with these weights); null for a single model.</summary>
    public IReadOnlyList<EnsembleMember>? Ensemble { get; init; }

    /// <summary>The lock file's name for a pipeline.</summary>
    public static string FileName(string pipeline) => Artifacts.ModelArtifacts.TuningLockFileName(pipeline);

    /// <summary>Reads a lock file; <see langword="null"/> when it is missing. A lock that cannot be read is an error: it was meant to pin something.</summary>
    public static TuningLock? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        TuningLock read;
        try
        {
            read = JsonSerializer.Deserialize(File.ReadAllBytes(path), TuningLockJsonContext.Default.TuningLock)
                ?? throw new InvalidDataException("The file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the tuning lock file cannot be read ({e.Message}). Fix it, or delete it and build with -p:DeclarativeRetune=true.", e);
        }

        // An edited ensemble is refitted as written: its weights must make a weighted average of two or more members.
        if (read.Ensemble is { } members && (members.Count < 2 || members.Any(m => !double.IsFinite(m.Weight) || m.Weight <= 0) || Math.Abs(members.Sum(m => m.Weight) - 1) > 1e-6))
        {
            throw new InvalidDataException(
                $"{path}: the ensemble's weights ({string.Join(", ", members.Select(m => m.Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}) must be positive and sum to 1 over two or more members. Fix them, delete \"ensemble\" to pin the trainer alone, or build with -p:DeclarativeRetune=true.");
        }

        return read;
    }

    /// <summary>Writes the lock file atomically.</summary>
    public void Write(string path) => AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, this, TuningLockJsonContext.Default.TuningLock));
}

/// <summary>The tuning lock file, in the artifact files' JSON form (see <see cref="Evaluation.ReportJsonContext"/>).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(TuningLock))]
internal sealed partial class TuningLockJsonContext : JsonSerializerContext;
