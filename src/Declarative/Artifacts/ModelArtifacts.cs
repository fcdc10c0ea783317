using System.Security.Cryptography;
using Declarative.Schema;
using Declarative.Training;

namespace Declarative.Artifacts;

/// <summary>Whether <see cref="ModelArtifacts.Build"/> trained a pipeline or found its artifacts current.</summary>
public enum ArtifactStatus
{
    /// <summary>The model and manifest matched the declaration and the data; nothing was trained.</summary>
    UpToDate,

    /// <summary>The pipeline was trained and its artifacts written.</summary>
    Trained,
}

/// <summary>What building one pipeline's artifacts did.</summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Status">Whether it was trained.</param>
/// <param name="ModelPath">The model file.</param>
/// <param name="ManifestPath">The manifest file.</param>
/// <param name="Manifest">The manifest now on disk.</param>
/// <param name="TrainingTime">How long training took, when it ran.</param>
public sealed record ArtifactResult(string Pipeline, ArtifactStatus Status, string ModelPath, string ManifestPath, ModelManifest Manifest, TimeSpan? TrainingTime);

/// <summary>
/// Builds a pipeline's artifacts, <c>&lt;Name&gt;.mlnet</c> and <c>&lt;Name&gt;.model.json</c>, training only when
/// they are missing or stale: a changed declaration, data whose bytes differ or that is newer than the manifest,
/// or a model file that is not the one the manifest describes.
/// </summary>
public static class ModelArtifacts
{
    /// <summary>The model file's name for a pipeline.</summary>
    public static string ModelFileName(string pipeline) => pipeline + ".mlnet";

    /// <summary>The manifest file's name for a pipeline.</summary>
    public static string ManifestFileName(string pipeline) => pipeline + ".model.json";

    /// <summary>Trains <paramref name="spec"/> into <paramref name="outputDirectory"/> unless its artifacts there are current.</summary>
    public static ArtifactResult Build(IPipelineSpec spec, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var modelPath = Path.Combine(outputDirectory, ModelFileName(spec.Name));
        var manifestPath = Path.Combine(outputDirectory, ManifestFileName(spec.Name));
        var dataPath = spec.ResolveDataPath();
        var dataHash = HashFile(dataPath);

        var existing = ModelManifest.TryRead(manifestPath);
        if (existing is not null && IsCurrent(existing, spec, dataPath, dataHash, modelPath, manifestPath))
        {
            return new ArtifactResult(spec.Name, ArtifactStatus.UpToDate, modelPath, manifestPath, existing, null);
        }

        var trained = spec.Train(dataPath);
        trained.Save(modelPath);
        var manifest = new ModelManifest
        {
            Pipeline = spec.Name,
            PipelineType = spec.DeclaringType.FullName ?? spec.DeclaringType.Name,
            Task = spec.Task,
            DeclarationHash = spec.DeclarationHash,
            SchemaHash = spec.SchemaHash,
            DataFile = Path.GetFileName(dataPath),
            DataHash = dataHash,
            ModelHash = HashFile(modelPath),
            Seed = spec.Seed,
            Trainer = trained.Trainer,
            Hyperparameters = TrainerFactory.Settings(trained.Trainer, spec.Seed),
            DeclarativeVersion = ModelFile.DeclarativeVersion,
            MLNetVersion = ModelFile.MLNetVersion,
            TestMetrics = trained.TestMetricValues,
        };

        // Last, so that a manifest matching its model's hash always marks a complete pair.
        manifest.Write(manifestPath);
        return new ArtifactResult(spec.Name, ArtifactStatus.Trained, modelPath, manifestPath, manifest, trained.TrainingTime);
    }

    /// <summary>
    /// Finds the model the build trained for <paramref name="spec"/>: beside the app (its base directory), then beside the
    /// assembly that declares the pipeline. Fails when it is missing, or stale (its manifest names another declaration).
    /// </summary>
    public static string Locate(IPipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var name = ModelFileName(spec.Name);
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, name),
            Path.Combine(Path.GetDirectoryName(spec.DeclaringType.Assembly.Location) is { Length: > 0 } directory ? directory : AppContext.BaseDirectory, name),
        ];
        var modelPath = candidates.FirstOrDefault(File.Exists)
            ?? throw new ModelFileException(name,
                $"The model of pipeline {spec.Name} was not found (looked in {string.Join("; ", candidates.Distinct())}). " +
                $"'dotnet build' trains it unless DeclarativeTrainOnBuild is false; {spec.Name}.Train() trains it in the app.");

        var manifest = ModelManifest.TryRead(Path.Combine(Path.GetDirectoryName(modelPath)!, ManifestFileName(spec.Name)));
        if (manifest is not null && manifest.DeclarationHash != spec.DeclarationHash)
        {
            throw new ModelFileException(modelPath,
                $"The model is stale: it was trained for another declaration of {spec.Name} (or another version of Declarative or ML.NET). Build the project again to retrain it.");
        }

        return modelPath;
    }

    private static bool IsCurrent(ModelManifest manifest, IPipelineSpec spec, string dataPath, string dataHash, string modelPath, string manifestPath) =>
        manifest.Format == ModelManifest.CurrentFormat
        && manifest.DeclarationHash == spec.DeclarationHash
        && manifest.DataHash == dataHash
        && File.GetLastWriteTimeUtc(dataPath) <= File.GetLastWriteTimeUtc(manifestPath)
        && File.Exists(modelPath)
        && HashFile(modelPath) == manifest.ModelHash;

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
