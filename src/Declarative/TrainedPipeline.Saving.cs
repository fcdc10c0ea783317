using Declarative.Artifacts;
using Declarative.Data;

namespace Declarative;

// Saving: the model file with its metadata (and the task's learned state), and the ONNX form.
public abstract partial class TrainedPipeline<TRow, TPrediction, TReport>
{
    /// <summary>Saves the model to a file (written whole or not at all), to be read back by the pipeline's <c>Load</c>.</summary>
    public void Save(string path)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(Save));
        }

        ArgumentException.ThrowIfNullOrEmpty(path);
        ModelFile.Save(_context!, Model, ViewSchema.For(Spec), Metadata(), path);
    }

    /// <summary>Saves the model to a stream.</summary>
    public void Save(Stream stream)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(Save));
        }

        ArgumentNullException.ThrowIfNull(stream);
        ModelFile.Write(_context!, Model, ViewSchema.For(Spec), Metadata(), stream);
    }

    /// <summary>
    /// Saves the model as ONNX (written whole or not at all), for ONNX Runtime and other runtimes. Its inputs are the
    /// pipeline's columns by property name, each a [rows, 1] tensor (float for numbers, string for categories, bool for
    /// booleans); its outputs are ML.NET's (<c>Score</c>, and <c>Probability</c> and <c>PredictedLabel</c> by task),
    /// suffixed <c>.output</c>. A pipeline with a <c>[Text]</c> feature has no ONNX form: <see cref="NotSupportedException"/>.
    /// </summary>
    public void SaveOnnx(string path)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(SaveOnnx));
        }

        ArgumentException.ThrowIfNullOrEmpty(path);
        OnnxFile.Save(_context!, Spec, Model, Ensemble, path);
    }

    private ModelMetadata Metadata() => new()
    {
        Pipeline = Spec.Name,
        Task = Spec.Task,
        RowType = typeof(TRow).FullName ?? typeof(TRow).Name,
        SchemaHash = Spec.SchemaHash,
        Schema = Spec.SchemaSignature(),
        Trainer = Trainer,
        Seed = Spec.Seed,
        DeclarativeVersion = ModelFile.DeclarativeVersion,
        MLNetVersion = ModelFile.MLNetVersion,
        LabelClasses = LabelClasses,
        LabelSpelling = LabelSpelling,
        Ensemble = Ensemble.Count == 0 ? null : Ensemble,
        State = StateEntries(),
    };

    /// <summary>The task's learned state as the metadata's entries, or null when it learned none.</summary>
    private Dictionary<string, System.Text.Json.JsonElement>? StateEntries()
    {
        if (State is null)
        {
            return null;
        }

        var entries = new Dictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal);
        State.WriteTo(entries);
        return entries;
    }
}
