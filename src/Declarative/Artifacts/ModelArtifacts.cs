using System.Security.Cryptography;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;

namespace Declarative.Artifacts;

/// <summary>Whether <see cref="ModelArtifacts.Build"/> trained a pipeline or found its artifacts current.</summary>
public enum ArtifactStatus
{
    /// <summary>The model and manifest matched the declaration and the data; nothing was trained.</summary>
    UpToDate,

    /// <summary>The pipeline was trained and its artifacts written.</summary>
    Trained,
}

/// <summary>How <see cref="ModelArtifacts.Build"/> treats tuning.</summary>
public sealed record ArtifactOptions
{
    /// <summary>Where tuning lock files live (the project directory in a build); null for no lock files.</summary>
    public string? LockDirectory { get; init; }

    /// <summary>Tune again even when a lock file pins the configuration, and rewrite the lock.</summary>
    public bool Retune { get; init; }

    /// <summary>Called after each tuning trial.</summary>
    public Action<TrialResult>? Progress { get; init; }
}

/// <summary>What building one pipeline's artifacts did.</summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Status">Whether it was trained.</param>
/// <param name="ModelPath">The model file.</param>
/// <param name="ManifestPath">The manifest file.</param>
/// <param name="Manifest">The manifest now on disk.</param>
/// <param name="TrainingTime">How long training took, when it ran.</param>
/// <param name="DataPath">The data file trained on.</param>
/// <param name="Warnings">The data profile's warnings (when the pipeline was trained).</param>
public sealed record ArtifactResult(string Pipeline, ArtifactStatus Status, string ModelPath, string ManifestPath, ModelManifest Manifest, TimeSpan? TrainingTime,
    string DataPath, IReadOnlyList<Evaluation.DataWarning> Warnings);

/// <summary>
/// Builds a pipeline's artifacts, <c>&lt;Name&gt;.mlnet</c> and <c>&lt;Name&gt;.model.json</c>, training only when
/// they are missing or stale: a changed declaration, data whose bytes differ or that is newer than the manifest,
/// or a model file that is not the one the manifest describes.
/// </summary>
public static class ModelArtifacts
{
    /// <summary>The model file's name for a pipeline.</summary>
    public static string ModelFileName(string pipeline) => pipeline + ".mlnet";

    /// <summary>The HTML report's name for a pipeline.</summary>
    public static string ReportFileName(string pipeline) => pipeline + ".report.html";

    /// <summary>The machine-readable report's name for a pipeline.</summary>
    public static string ReportJsonFileName(string pipeline) => pipeline + ".report.json";

    /// <summary>The manifest file's name for a pipeline.</summary>
    public static string ManifestFileName(string pipeline) => pipeline + ".model.json";

    /// <summary>Trains <paramref name="spec"/> into <paramref name="outputDirectory"/> unless its artifacts there are current.</summary>
    public static ArtifactResult Build(IPipelineSpec spec, string outputDirectory, ArtifactOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new ArtifactOptions();
        var modelPath = Path.Combine(outputDirectory, ModelFileName(spec.Name));
        var manifestPath = Path.Combine(outputDirectory, ManifestFileName(spec.Name));
        var dataPath = spec.ResolveDataPath();
        var dataHash = HashFile(dataPath);

        // A lock file pins what tuning chose, unless re-tuning was asked for or its trainer is no longer a candidate.
        var lockPath = spec.Tuning is not null && options.LockDirectory is { } directory ? Path.Combine(directory, TuningLock.FileName(spec.Name)) : null;
        var tuningLock = lockPath is null || options.Retune ? null : TuningLock.Read(lockPath);
        if (tuningLock is not null && !spec.Trainers.Contains(tuningLock.Trainer))
        {
            tuningLock = null;
        }

        var lockHash = tuningLock is null ? null : HashFile(lockPath!);
        var existing = ModelManifest.TryRead(manifestPath);
        var reportPath = Path.Combine(outputDirectory, ReportFileName(spec.Name));
        var reportJsonPath = Path.Combine(outputDirectory, ReportJsonFileName(spec.Name));
        if (!options.Retune && existing is not null && IsCurrent(existing, spec, dataPath, dataHash, modelPath, manifestPath) && existing.Tuning?.LockHash == lockHash
            && File.Exists(reportPath) && File.Exists(reportJsonPath))
        {
            return new ArtifactResult(spec.Name, ArtifactStatus.UpToDate, modelPath, manifestPath, existing, null, dataPath, []);
        }

        var trained = spec.Train(dataPath, new TrainOptions
        {
            Progress = options.Progress,
            Pinned = tuningLock is null ? null : new PinnedConfiguration(tuningLock.Trainer, tuningLock.Hyperparameters),
        });
        trained.Save(modelPath);
        var report = trained.Evaluate(dataPath);
        Evaluation.ReportHtml.Write(report, reportPath);
        AtomicFile.Write(reportJsonPath, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(report.ToJson())));
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
            Hyperparameters = new SortedDictionary<string, string>(
                TrainerFactory.Settings(trained.Trainer, spec.Seed).Concat(trained.Hyperparameters).ToDictionary(p => p.Key, p => p.Value),
                StringComparer.Ordinal),
            Tuning = spec.Tuning is { } tuning
                ? new TuningRecord(tuning.MetricFor(spec.Task), tuning.Tuner == TunerKind.Auto ? Tuners.Default : tuning.Tuner,
                    tuningLock is null ? null : TuningLock.FileName(spec.Name), lockHash, trained.Trials)
                : null,
            DeclarativeVersion = ModelFile.DeclarativeVersion,
            MLNetVersion = ModelFile.MLNetVersion,
            TestMetrics = trained.TestMetricValues,
        };

        if (lockPath is not null && tuningLock is null)
        {
            var best = trained.Trials.Where(t => t.Succeeded && t.Trainer == trained.Trainer && t.Hyperparameters.SequenceEqual(trained.Hyperparameters)).FirstOrDefault();
            new TuningLock
            {
                Pipeline = spec.Name,
                Metric = spec.Tuning!.MetricFor(spec.Task),
                ValidationMetric = best?.Metric,
                Trials = trained.Trials.Count,
                Trainer = trained.Trainer,
                Hyperparameters = trained.Hyperparameters,
            }.Write(lockPath);
            lockHash = HashFile(lockPath);
            manifest = manifest with { Tuning = manifest.Tuning! with { LockHash = lockHash } };
        }

        // Last, so that a manifest matching its model's hash always marks a complete pair.
        manifest.Write(manifestPath);
        return new ArtifactResult(spec.Name, ArtifactStatus.Trained, modelPath, manifestPath, manifest, trained.TrainingTime, dataPath, report.Profile.Warnings);
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
