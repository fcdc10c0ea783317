using Declarative.Artifacts;
using Declarative.Data;
using Declarative.Scoring;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Declarative.Build;

/// <summary>
/// Runs an ONNX export with ONNX Runtime on the held-out rows the model was tested on and compares its scores with
/// ML.NET's. ONNX Runtime comes from the user's project (a generator error asks for it when export is on); this class
/// is the only one that touches it, so a host without it never loads it.
/// </summary>
internal static class OnnxCheck
{
    public static IReadOnlyList<ScoreComparison> Compare(ITrainedPipeline pipeline, string onnxPath)
    {
        var test = (pipeline.TrainedOn ?? throw new InvalidOperationException($"Pipeline {pipeline.Name}: only a model trained here has rows to check an export on.")).TestPart;
        var scored = pipeline.Model.Transform(new TableDataView(test));
        using var session = new InferenceSession(onnxPath);
        var outputs = new[] { "Score", "Probability" }.Where(o => scored.Schema.GetColumnOrNull(o) is not null && session.OutputMetadata.ContainsKey(OnnxPredictionGraph.OutputOf(o))).ToArray();
        using var results = session.Run(Inputs(session, test), outputs.Select(OnnxPredictionGraph.OutputOf).ToArray());
        return outputs.Select((output, i) =>
            ScoreComparison.Of(output, test.RowCount, ViewColumns.ReadFlat(scored, output), results[i].AsEnumerable<float>().ToArray())).ToArray();
    }

    /// <summary>Each input of the ONNX model is the table's column of that name, a [rows, 1] tensor of its type.</summary>
    internal static List<NamedOnnxValue> Inputs(InferenceSession session, DataTable table) => session.InputMetadata.Select(input =>
    {
        var column = table.Columns.SingleOrDefault(c => c.Name == input.Key)
            ?? throw new InvalidOperationException($"The ONNX model wants an input '{input.Key}' that the pipeline does not have.");
        int[] shape = [table.RowCount, 1];
        return column switch
        {
            { Singles: { } s } => NamedOnnxValue.CreateFromTensor(input.Key, new DenseTensor<float>(s, shape)),
            { Booleans: { } b } => NamedOnnxValue.CreateFromTensor(input.Key, new DenseTensor<bool>(b, shape)),
            _ => NamedOnnxValue.CreateFromTensor(input.Key, new DenseTensor<string>(column.Texts.Select(t => t.ToString()).ToArray(), shape)),
        };
    }).ToList();
}
