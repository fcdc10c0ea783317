using Declarative.Artifacts;
using Declarative.Caching;
using Declarative.Data;
using Declarative.Schema;
using Declarative.Scoring;
using Declarative.Tasks;
using Declarative.Training;
using Declarative.Tuning;

namespace Declarative.Build;

/// <summary>Whether <see cref="ArtifactBuilder.Build"/> trained a pipeline or found its artifacts current.</summary>
internal enum ArtifactStatus
{
    /// <summary>The model and manifest matched the declaration and the data; nothing was trained.</summary>
    UpToDate,

    /// <summary>The pipeline was trained and its artifacts written.</summary>
    Trained,

    /// <summary>The artifacts were restored from the model cache; nothing was trained.</summary>
    Restored,
}

/// <summary>How <see cref="ArtifactBuilder.Build"/> treats tuning, reports and progress.</summary>
internal sealed record ArtifactOptions
{
    /// <summary>Where tuning lock files live (the project directory in a build); null for no lock files.</summary>
    public string? LockDirectory { get; init; }

    /// <summary>Tune again even when a lock file pins the configuration, and rewrite the lock.</summary>
    public bool Retune { get; init; }

    /// <summary>Write the HTML and JSON reports (metrics go to the manifest either way).</summary>
    public bool Report { get; init; } = true;

    /// <summary>Called after each tuning trial.</summary>
    public Action<TrialResult>? Progress { get; init; }

    /// <summary>Called with a line for each long phase of evaluation.</summary>
    public Action<string>? Status { get; init; }

    /// <summary>Where tuning trials run instead of this process (<c>DeclarativeTrialCluster</c>); null for here.</summary>
    public ITrialCluster? Cluster { get; init; }

    /// <summary>The model cache to restore from and store in (<c>DeclarativeModelCache</c>); null for none.</summary>
    public ModelCache? Cache { get; init; }
}

/// <summary>What building one pipeline's artifacts did.</summary>
internal sealed record ArtifactResult(string Pipeline, ArtifactStatus Status, string ModelPath, string ManifestPath, ModelManifest Manifest, TimeSpan? TrainingTime,
    TimeSpan? EvaluationTime, string DataPath, IReadOnlyList<Evaluation.DataWarning> Warnings)
{
    /// <summary>The model cache's key for these artifacts, when a cache is in use.</summary>
    public ModelCacheKey? CacheKey { get; init; }
}

/// <summary>
/// Builds a pipeline's artifacts, <c>&lt;Name&gt;.mlnet</c>, <c>&lt;Name&gt;.model.json</c> and the reports, training
/// only when they are missing or stale: a changed declaration, data whose bytes differ or that is newer than the
/// manifest, or a model file that is not the one the manifest describes. Training and the report share one load of
/// the data.
/// </summary>
internal static class ArtifactBuilder
{
    public static ArtifactResult Build(DeclaredPipeline pipeline, string outputDirectory, ArtifactOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        options ??= new ArtifactOptions();
        var spec = pipeline.Spec;
        var task = TaskProfiles.For(spec.Task);
        var modelPath = Path.Combine(outputDirectory, ModelArtifacts.ModelFileName(spec.Name));
        var manifestPath = Path.Combine(outputDirectory, ModelArtifacts.ManifestFileName(spec.Name));
        var reportPath = Path.Combine(outputDirectory, ModelArtifacts.ReportFileName(spec.Name));
        var reportJsonPath = Path.Combine(outputDirectory, ModelArtifacts.ReportJsonFileName(spec.Name));
        var onnxPath = Path.Combine(outputDirectory, ModelArtifacts.OnnxFileName(spec.Name));
        var portablePath = Path.Combine(outputDirectory, PortableModelFile.FileName(spec.Name));
        var (dataPath, testDataPath, dataHash, source) = Inputs(spec);

        // A lock file pins what tuning chose, unless re-tuning was asked for or its trainer is no longer a candidate.
        var lockPath = spec.Tuning is not null && options.LockDirectory is { } directory ? Path.Combine(directory, TuningLock.FileName(spec.Name)) : null;
        var tuningLock = lockPath is null || options.Retune ? null : TuningLock.Read(lockPath);
        if (tuningLock is not null && (!spec.Trainers.Contains(tuningLock.Trainer) || tuningLock.Ensemble?.Any(m => !spec.Trainers.Contains(m.Trainer)) == true))
        {
            tuningLock = null;
        }

        var lockHash = tuningLock is null ? null : HashFile(lockPath!);
        var existing = ModelManifest.TryRead(manifestPath, out var manifestProblem);
        if (manifestProblem is not null)
        {
            options.Status?.Invoke($"the manifest {manifestPath} cannot be read ({manifestProblem}): training again");
        }

        if (!options.Retune && existing is not null && IsCurrent(existing, spec, dataPath, testDataPath, dataHash, modelPath, manifestPath) && existing.Tuning?.LockHash == lockHash
            && (!options.Report || (File.Exists(reportPath) && File.Exists(reportJsonPath)))
            && (!spec.ExportOnnx || Intact(onnxPath, existing.OnnxHash))
            && (!Portable(spec) || Intact(portablePath, existing.PortableHash)))
        {
            return new ArtifactResult(spec.Name, ArtifactStatus.UpToDate, modelPath, manifestPath, existing, null, null, source, []);
        }

        // The cache's key is taken before training: a first tuning writes a lock, but the entry is for a build without one.
        var cacheKey = options.Cache is null ? null : new ModelCacheKey(spec.Name, spec.DeclaringType.FullName ?? spec.DeclaringType.Name,
            spec.DeclarationHash, spec.SchemaHash, dataHash, lockHash, options.Report, Engine);
        if (cacheKey is not null && !options.Retune && options.Cache!.Restore(cacheKey, outputDirectory, lockPath) is { } restored)
        {
            return new ArtifactResult(spec.Name, ArtifactStatus.Restored, modelPath, manifestPath, restored, null, null, source, []) { CacheKey = cacheKey };
        }

        var trained = pipeline.Train(dataPath, new TrainOptions
        {
            Progress = options.Progress,
            Status = options.Status,
            Cluster = options.Cluster,
            Pinned = tuningLock is null ? null : new PinnedConfiguration(tuningLock.Trainer, tuningLock.Hyperparameters) { Ensemble = tuningLock.Ensemble ?? [] },
        });
        trained.Save(modelPath);
        WritePortable(spec, trained, portablePath, modelPath, options);
        ExportOnnx(spec, trained, onnxPath, modelPath, options);

        IReadOnlyList<Evaluation.DataWarning> warnings = [];
        TimeSpan? evaluationTime = null;
        if (options.Report)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var report = trained.Evaluate();
            AtomicFile.WriteText(reportPath, Reports.ReportHtml.Render(report, task));
            AtomicFile.Write(reportJsonPath, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(report.ToJson())));
            warnings = report.Profile.Warnings;
            evaluationTime = clock.Elapsed;
            options.Status?.Invoke($"report written to {reportPath}");
        }
        else
        {
            // Stale reports would describe another model. What reading the data noticed is still said.
            File.Delete(reportPath);
            File.Delete(reportJsonPath);
            warnings = trained.ReadingWarnings();
        }

        var metric = spec.Tuning?.MetricFor(task.HeadlineMetric);
        var manifest = new ModelManifest
        {
            Pipeline = spec.Name,
            PipelineType = spec.DeclaringType.FullName ?? spec.DeclaringType.Name,
            Task = spec.Task,
            DeclarationHash = spec.DeclarationHash,
            SchemaHash = spec.SchemaHash,
            DataFile = dataPath is null ? source : Path.GetFileName(dataPath),
            Query = spec.Query,
            TestDataFile = testDataPath is null ? null : Path.GetFileName(testDataPath),
            DataHash = dataHash,
            ModelHash = HashFile(modelPath),
            PortableHash = File.Exists(portablePath) ? HashFile(portablePath) : null,
            OnnxHash = spec.ExportOnnx && File.Exists(onnxPath) ? HashFile(onnxPath) : null,
            Seed = spec.Seed,
            Trainer = trained.Trainer,
            Hyperparameters = new SortedDictionary<string, string>(
                TrainerFactory.Settings(trained.Trainer, spec.Seed).Concat(trained.Hyperparameters).ToDictionary(p => p.Key, p => p.Value),
                StringComparer.Ordinal),
            Ensemble = trained.Ensemble.Count == 0 ? null : trained.Ensemble,
            Tuning = spec.Tuning is { } tuning
                ? new TuningRecord(metric!, tuning.Tuner,
                    tuningLock is null ? null : TuningLock.FileName(spec.Name), lockHash, trained.Trials)
                : null,
            DeclarativeVersion = ModelFile.DeclarativeVersion,
            MLNetVersion = ModelFile.MLNetVersion,
            Engine = Engine,
            TestMetrics = trained.TestMetricValues,
        };

        var lockWritten = false;
        if (lockPath is not null && tuningLock is null)
        {
            lockWritten = true;
            var best = trained.Trials.Where(t => t.Succeeded && t.Trainer == trained.Trainer && t.Hyperparameters.SequenceEqual(trained.Hyperparameters)).FirstOrDefault();
            new TuningLock
            {
                Pipeline = spec.Name,
                Metric = metric!,
                ValidationMetric = best?.Metric,
                Trials = trained.Trials.Count,
                Trainer = trained.Trainer,
                Hyperparameters = trained.Hyperparameters,
                Ensemble = trained.Ensemble.Count == 0 ? null : trained.Ensemble,
            }.Write(lockPath);
            lockHash = HashFile(lockPath);
            manifest = manifest with { Tuning = manifest.Tuning! with { LockHash = lockHash } };
        }

        // Last, so that a manifest matching its model's hash always marks a complete pair.
        manifest.Write(manifestPath);
        if (cacheKey is not null)
        {
            options.Cache!.Store(cacheKey, [modelPath, manifestPath, portablePath, onnxPath, reportPath, reportJsonPath, .. lockWritten ? [lockPath!] : Array.Empty<string>()]);
        }

        return new ArtifactResult(spec.Name, ArtifactStatus.Trained, modelPath, manifestPath, manifest, trained.TrainingTime, evaluationTime, source, warnings) { CacheKey = cacheKey };
    }

    /// <summary>
    /// Writes the portable model (what the scorer of Native AOT apps reads) and checks it against ML.NET on the held-out
    /// rows: a difference over the tolerance is an error, and neither it nor the model is left behind. A pipeline the
    /// scorer cannot serve (text n-grams) gets none, and a stale one is removed.
    /// </summary>
    /// <summary>Whether the build writes a portable model: the task is one the scorer serves, and so are the features.</summary>
    private static bool Portable(IPipelineSpec spec) => TaskDefinitions.For(spec.Task).Portable && spec.PortableFeatures;

    private static void WritePortable(IPipelineSpec spec, ITrainedPipeline trained, string portablePath, string modelPath, ArtifactOptions options)
    {
        if (!Portable(spec))
        {
            File.Delete(portablePath);
            return;
        }

        var portable = trained.ToPortable() with { ModelHash = HashFile(modelPath) };
        var test = (trained.TrainedOn ?? throw new InvalidOperationException($"Pipeline {spec.Name}: only a model trained here has rows to check.")).TestPart;
        var comparisons = PortableModelCheck.Compare(trained.Model, portable, test);
        if (comparisons.FirstOrDefault(c => !c.Passed) is { } failed)
        {
            File.Delete(portablePath);
            File.Delete(modelPath);
            throw new PortableModelException($"the portable scorer of {spec.Name} gives {failed.Describe()}; no model was written");
        }

        PortableModelFile.Write(portable, portablePath);
        options.Status?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"portable model {portablePath} checked on {test.RowCount:N0} held-out rows: largest difference from ML.NET {comparisons.Max(c => c.LargestDifference):G3}"));
    }

    /// <summary>
    /// Writes the ONNX export and checks it against ML.NET on the held-out rows; an export that differs is an error and
    /// is not left behind (nor is the model, so the next build tries again). Without export, a stale one is removed.
    /// </summary>
    private static void ExportOnnx(IPipelineSpec spec, ITrainedPipeline trained, string onnxPath, string modelPath, ArtifactOptions options)
    {
        if (!spec.ExportOnnx)
        {
            File.Delete(onnxPath);
            return;
        }

        trained.SaveOnnx(onnxPath);
        var comparisons = OnnxCheck.Compare(trained, onnxPath);
        if (comparisons.FirstOrDefault(c => !c.Passed) is { } failed)
        {
            File.Delete(onnxPath);
            File.Delete(modelPath);
            throw new OnnxExportException($"the ONNX export of {spec.Name} gives {failed.Describe()}; no .onnx was written");
        }

        options.Status?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"ONNX export {onnxPath} checked on {comparisons[0].Rows:N0} held-out rows: largest difference from ML.NET {comparisons.Max(c => c.LargestDifference):G3}"));
    }

    /// <summary>
    /// Where a pipeline's rows come from and their hash: a database by its query's result; a file by its bytes, and
    /// the test file's too when there is one.
    /// </summary>
    private static (string? DataPath, string? TestDataPath, string DataHash, string Source) Inputs(IPipelineSpec spec)
    {
        var database = spec.Provider != DataProvider.File;
        var dataPath = database ? null : spec.ResolveDataPath();
        var testDataPath = database ? null : spec.ResolveTestDataPath();
        var dataHash = dataPath is null ? QueryLoader.Hash(spec)
            : testDataPath is null ? HashData(spec, dataPath) : HashData(spec, dataPath) + ":" + HashData(spec, testDataPath);
        return (dataPath, testDataPath, dataHash, dataPath ?? QueryLoader.Describe(spec));
    }

    /// <summary>The manifest of a pipeline's model in <paramref name="outputDirectory"/>, and why it is stale (null when current).</summary>
    public static (ModelManifest? Manifest, string? Stale) Status(IPipelineSpec spec, string outputDirectory)
    {
        var modelPath = Path.Combine(outputDirectory, ModelArtifacts.ModelFileName(spec.Name));
        var manifestPath = Path.Combine(outputDirectory, ModelArtifacts.ManifestFileName(spec.Name));
        var manifest = ModelManifest.TryRead(manifestPath, out var problem);
        if (manifest is null)
        {
            return (null, problem is null ? "not trained" : $"the manifest cannot be read ({problem})");
        }

        string dataHash, source;
        string? dataPath, testDataPath;
        try
        {
            (dataPath, testDataPath, dataHash, source) = Inputs(spec);
        }
        catch (Exception e) when (e is DataFileException or InvalidOperationException or IOException)
        {
            return (manifest, $"its data cannot be read: {e.Message}");
        }

        return (manifest,
            manifest.DeclarationHash != spec.DeclarationHash ? "the declaration changed (or the Declarative or ML.NET version)"
            : manifest.DataHash != dataHash ? $"the data changed ({Path.GetFileName(source)})"
            : manifest.Engine != Engine ? "another build of Declarative trained it"
            : !IsCurrent(manifest, spec, dataPath, testDataPath, dataHash, modelPath, manifestPath) ? "the model file is missing or not the one the manifest describes"
            : null);
    }

    /// <summary>
    /// This build of Declarative (see <see cref="ModelManifest.Engine"/>): the declaration hash carries the version, but
    /// the code can change within one, and a model trained by other code is not current.
    /// </summary>
    private static string Engine { get; } = typeof(ModelManifest).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static bool IsCurrent(ModelManifest manifest, IPipelineSpec spec, string? dataPath, string? testDataPath, string dataHash, string modelPath, string manifestPath) =>
        manifest.Format == ModelManifest.CurrentFormat
        && manifest.Engine == Engine
        && manifest.DeclarationHash == spec.DeclarationHash
        && manifest.DataHash == dataHash
        && (dataPath is null || File.GetLastWriteTimeUtc(dataPath) <= File.GetLastWriteTimeUtc(manifestPath))
        && (testDataPath is null || File.GetLastWriteTimeUtc(testDataPath) <= File.GetLastWriteTimeUtc(manifestPath))
        && File.Exists(modelPath)
        && HashFile(modelPath) == manifest.ModelHash;

    private static string HashFile(string path) => ArtifactHash.OfFile(path);

    /// <summary>Whether the artifact is there with the bytes the manifest records (an edited one is written again).</summary>
    private static bool Intact(string path, string? hash) => File.Exists(path) && hash is not null && HashFile(path) == hash;

    /// <summary>
    /// A data source's hash: its file with the files beside it that its rows depend on (an SVMlight file's query file),
    /// and the images its rows name (a folder of images is its images alone).
    /// </summary>
    private static string HashData(IPipelineSpec spec, string path)
    {
        var inputs = DataFiles.InputsOf(spec, path);
        var files = inputs.Files.Select(HashFile);
        if (inputs.Images.Count == 0)
        {
            return string.Join("+", files);
        }

        // Images (a folder's, or those a file lists): one hash over their names and bytes, so a renamed, added or edited
        // image trains again. A missing one is hashed as missing; the load names it at its line.
        var images = inputs.Images.Select(f => Path.GetRelativePath(inputs.ImageFolder, f).Replace('\\', '/') + "=" + (File.Exists(f) ? HashFile(f) : "missing"));
        return string.Join("+", files.Append(ArtifactHash.Of(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", images)))));
    }
}

/// <summary>An ONNX export that does not give ML.NET's scores.</summary>
internal sealed class OnnxExportException(string message) : Exception(message);

/// <summary>A portable model whose scores differ from ML.NET's.</summary>
internal sealed class PortableModelException(string message) : Exception(message);
