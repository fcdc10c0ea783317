using Declarative.Data;
using Declarative.Schema;
using Microsoft.ML;

namespace Declarative.Artifacts;

/// <summary>
/// Writes a model as ONNX through ML.NET's converter, for runtimes other than ML.NET (ONNX Runtime in any language).
/// The model's inputs are the pipeline's columns its prediction reads, by property name (numbers and dates' parts as
/// float, categories as string), each a [rows, 1] tensor; its outputs are the prediction's (OnnxPredictionGraph).
/// </summary>
internal static class OnnxFile
{
    /// <summary>Why this pipeline has no ONNX form, or <see langword="null"/> when it has one.</summary>
    public static string? Unsupported<TRow>(PipelineSpec<TRow> spec) =>
        spec.NGramText is { } text
            ? $"the text featurizer of {typeof(TRow).Name}.{text.PropertyName} (word and character n-grams) has no ONNX form in ML.NET's converter; mark it [Categorical] or [Ignore] to export"
            : null;

    public static void Save<TRow>(MLContext ml, PipelineSpec<TRow> spec, ITransformer model, IReadOnlyList<EnsembleMember> ensemble, string path)
    {
        if (Unsupported(spec) is { } problem)
        {
            throw new NotSupportedException($"Pipeline {spec.Name} cannot be exported to ONNX: {problem}.");
        }

        // The converter reads only the input schema: an empty table of the pipeline's columns gives it.
        var empty = new DataTable(spec.Columns.Select(c => c.Storage switch
        {
            ColumnStorage.Single => new TableColumn(c.PropertyName, Array.Empty<float>()),
            ColumnStorage.Boolean => new TableColumn(c.PropertyName, Array.Empty<bool>()),
            _ => new TableColumn(c.PropertyName, Array.Empty<ReadOnlyMemory<char>>()),
        }).ToArray(), 0);
        var view = new TableDataView(empty);
        if (ensemble.Count == 0)
        {
            using var single = new MemoryStream();
            ml.Model.ConvertToOnnx(model, view, single);
            AtomicFile.Write(path, stream => stream.Write(OnnxPredictionGraph.Prune(single.ToArray())));
            return;
        }

        // An ensemble: each member as ML.NET writes it, joined with the weighted sum (EnsembleOnnx).
        var members = Ensembles.EnsembleComposer.Members(model, ensemble.Count).Select((member, i) =>
        {
            using var stream = new MemoryStream();
            ml.Model.ConvertToOnnx(member, view, stream);
            var space = Training.EnsembleSpace.Of(spec.Task, member);
            return new EnsembleOnnx.Member(stream.ToArray(), space.Slope, space.Offset, ensemble[i].Weight);
        }).ToArray();
        var joined = EnsembleOnnx.Join(members, TaskDefinitions.For(spec.Task).Scores);
        AtomicFile.Write(path, stream => stream.Write(OnnxPredictionGraph.Prune(joined)));
    }
}
