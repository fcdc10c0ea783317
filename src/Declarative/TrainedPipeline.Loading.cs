using Declarative.Artifacts;
using Declarative.Schema;
using Declarative.Scoring;
using Declarative.Tasks;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML;

namespace Declarative;

// Training and loading: the two ways a face gets its state, with the checks a loaded model must pass.
public abstract partial class TrainedPipeline<TRow, TPrediction, TReport>
{
    /// <summary>Loads, splits, tunes (when declared), trains and scores the test part.</summary>
    private protected static PipelineState<TRow> Trained(PipelineSpec<TRow> spec, MLTask task, string? dataPath, TrainOptions? options)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(spec, "Train");
        }

        var profile = ProfileOf(spec, task);
        var run = ModelSelection.Train(spec, profile, dataPath, options);
        return new PipelineState<TRow>(spec, profile, run.Context, run.Model, run.Trainer, run, options?.Status);
    }

    /// <summary>Trains on rows in memory: split as a file would be, or scored on <paramref name="test"/> when given.</summary>
    private protected static PipelineState<TRow> Trained(PipelineSpec<TRow> spec, MLTask task, IEnumerable<TRow> rows, IEnumerable<TRow>? test, TrainOptions? options)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(spec, "Train");
        }

        ArgumentNullException.ThrowIfNull(rows);
        var profile = ProfileOf(spec, task);
        var run = ModelSelection.Train(spec, profile, () => PipelineTrainer.FromRows(spec, rows, test), options);
        return new PipelineState<TRow>(spec, profile, run.Context, run.Model, run.Trainer, run, options?.Status);
    }

    /// <summary>Loads a model file and checks that it was trained for <paramref name="spec"/>'s task and schema.</summary>
    private protected static PipelineState<TRow> Loaded(PipelineSpec<TRow> spec, MLTask task, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (NativeAot.PortableScorerOnly)
        {
            return LoadedPortable(spec, task, path, ModelArtifacts.ManifestBeside(spec, path));
        }

        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "The model file was not found.");
        }

        // The build's manifest, when the model is one the build wrote: it must be current, and every file it names intact.
        var manifest = ModelArtifacts.ManifestBeside(spec, path);

        // A device such as /dev/zero reports no length and never ends: refuse it before reading.
        var length = new FileInfo(path).Length;
        if (length == 0 || length > ModelFile.MaxFileBytes)
        {
            throw new ModelFileException(path, length == 0
                ? "The model file is empty (or not a regular file)."
                : $"The model file is {length:N0} bytes, more than Declarative reads ({ModelFile.MaxFileBytes:N0}).");
        }

        using var file = File.OpenRead(path);
        return Loaded(spec, task, file, path, PortableModelFile.Beside(path), manifest);
    }

    /// <summary>
    /// Reads the portable model the build wrote beside the model file (the only model a Native AOT app can read) and
    /// checks that it was made for <paramref name="spec"/>'s task and schema.
    /// </summary>
    private static PipelineState<TRow> LoadedPortable(PipelineSpec<TRow> spec, MLTask task, string modelPath, ModelManifest? manifest)
    {
        var profile = ProfileOf(spec, task);
        var path = PortableModelFile.Beside(modelPath);
        // A native app reads only the portable model, but the model file beside it must still be the build's.
        if (manifest is not null && File.Exists(modelPath))
        {
            ModelArtifacts.CheckHash(modelPath, ArtifactHash.OfFile(modelPath), manifest.ModelHash, "model file");
        }

        var portable = PortableModelFile.Read(path, manifest?.PortableHash);
        return new PipelineState<TRow>(spec, profile, null, null, portable.Trainer, null, null, portable.LabelClasses, ModelScorers.For(spec, portable, path))
        {
            Ensemble = portable.Members?.Select(m => new EnsembleMember(m.Trial, m.Trainer, m.Hyperparameters, m.Weight)).ToArray(),
        };
    }

    /// <summary>Reads a model and checks that it was trained for <paramref name="spec"/>'s task and schema.</summary>
    private protected static PipelineState<TRow> Loaded(PipelineSpec<TRow> spec, MLTask task, Stream stream, string source = "<stream>") =>
        Loaded(spec, task, stream, source, null, null);

    /// <summary>
    /// Reads a model and checks that it was trained for <paramref name="spec"/>'s task and schema. When the portable
    /// model the build wrote is at <paramref name="portablePath"/> and was made from these very bytes (its model hash),
    /// predictions start from it at once and ML.NET's part is loaded only if something asks for it.
    /// </summary>
    private static PipelineState<TRow> Loaded(PipelineSpec<TRow> spec, MLTask task, Stream stream, string source, string? portablePath, ModelManifest? manifest)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (NativeAot.PortableScorerOnly)
        {
            throw new NotSupportedException($"Pipeline {spec.Name}: a Native AOT app reads the portable model file the build writes (Load() or Load(path)), not an ML.NET model stream.");
        }

        var profile = ProfileOf(spec, task);
        var context = new MLContext(spec.Seed);
        var file = ModelFile.Open(stream, source);
        try
        {
            ModelArtifacts.CheckHash(source, file.Hash, manifest?.ModelHash, "model file");
            var metadata = file.Metadata;
            Check(spec, metadata, source);
            if (portablePath is not null && !UseMLNetEngine && MatchingPortable(spec, portablePath, file.Hash, manifest) is { } scorer)
            {
                return new PipelineState<TRow>(spec, profile, context, null, metadata.Trainer, null, null, metadata.LabelClasses, scorer)
                {
                    ModelLoader = () => file.LoadModel(context),
                    State = profile.ReadState(metadata.State),
                    LabelSpelling = metadata.LabelSpelling,
                    Ensemble = metadata.Ensemble,
                };
            }

            using (file)
            {
                return new PipelineState<TRow>(spec, profile, context, file.LoadModel(context), metadata.Trainer, null, null, metadata.LabelClasses)
                {
                    State = profile.ReadState(metadata.State),
                    LabelSpelling = metadata.LabelSpelling,
                    Ensemble = metadata.Ensemble,
                };
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The scorer of the portable model at <paramref name="path"/> if it is there, readable and made from the model with
    /// <paramref name="modelHash"/>. Its own record of that hash proves nothing about the rest of its bytes: when the
    /// build's manifest records the file's hash, an edited file is an error, not a scorer.
    /// </summary>
    private static ModelScorer<TRow>? MatchingPortable(PipelineSpec<TRow> spec, string path, string modelHash, ModelManifest? manifest)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var portable = PortableModelFile.Read(path, manifest?.PortableHash);
            return portable.ModelHash == modelHash ? ModelScorers.For(spec, portable, path) : null;
        }
        catch (ModelFileException) when (manifest?.PortableHash is null)
        {
            // Without the build's record of it, a damaged or stale portable model is not an error here: the scorer is
            // read from the model itself instead. With one, any difference is an edit, and an error naming the file.
            return null;
        }
    }

    private static PredictiveTaskProfile ProfileOf(PipelineSpec<TRow> spec, MLTask task)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Expect(task);
        return TaskProfiles.Predictive(task);
    }

    private static void Check(PipelineSpec<TRow> spec, ModelMetadata metadata, string path)
    {
        if (metadata.Task != spec.Task)
        {
            throw new ModelFileException(path, $"The model was trained for {metadata.Task} (pipeline {metadata.Pipeline}), but pipeline {spec.Name} is {spec.Task}.");
        }

        if (metadata.SchemaHash != spec.SchemaHash)
        {
            var expected = spec.SchemaSignature();
            var onlyInModel = metadata.Schema.Except(expected).ToArray();
            var onlyInRow = expected.Except(metadata.Schema).ToArray();
            throw new ModelFileException(path,
                $"The model was trained for another row schema (pipeline {metadata.Pipeline}, row {metadata.RowType}, schema {metadata.SchemaHash}) " +
                $"than pipeline {spec.Name} has now (row {typeof(TRow).FullName}, schema {spec.SchemaHash}). " +
                $"Only in the model: {Join(onlyInModel)}. Only in the row type: {Join(onlyInRow)}. Train the model again.");
        }
    }

    private static string Join(string[] items) => items.Length == 0 ? "(none)" : string.Join(", ", items);
}
