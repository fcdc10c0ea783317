using Google.Protobuf;
using Onnx;

namespace Declarative.Artifacts;

/// <summary>
/// Cuts an ONNX export down to what predicting needs. ML.NET's converter makes every column of the pipeline a graph
/// output (each input copied, every featurizer's column) and every column of the data it was given an input, the label
/// and a ranker's group among them, so a caller had to feed a label to get a prediction. This keeps the prediction's
/// outputs (<c>Score.output</c>, <c>Probability.output</c>, <c>PredictedLabel.output</c>) and only the nodes,
/// initializers and inputs they are computed from.
/// </summary>
internal static class OnnxPredictionGraph
{
    /// <summary>The graph outputs a prediction reads, ML.NET's prediction columns with the converter's suffix.</summary>
    public static readonly IReadOnlyList<string> Outputs = [OutputOf("Score"), OutputOf("Probability"), OutputOf("PredictedLabel")];

    /// <summary>The graph output ML.NET's converter names for the column <paramref name="column"/> (<c>Score.output</c>).</summary>
    public static string OutputOf(string column) => column + ".output";

    public static byte[] Prune(byte[] onnx)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var graph = model.Graph;
        var outputs = graph.Output.Where(o => Outputs.Contains(o.Name, StringComparer.Ordinal)).ToArray();
        if (outputs.Length == 0)
        {
            // Not a prediction's graph (no model writes one); nothing is known to be unneeded.
            return onnx;
        }

        // ONNX keeps nodes in topological order, so one pass from the end finds everything the outputs depend on.
        var needed = outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var kept = new List<NodeProto>();
        for (var i = graph.Node.Count - 1; i >= 0; i--)
        {
            var node = graph.Node[i];
            if (!node.Output.Any(needed.Contains))
            {
                continue;
            }

            kept.Add(node);
            needed.UnionWith(node.Input.Where(name => name.Length > 0));
            foreach (var subgraph in node.Attribute.SelectMany(a => a.Graphs.Append(a.G)).Where(g => g is not null))
            {
                needed.UnionWith(ReadBy(subgraph));
            }
        }

        kept.Reverse();
        var inputs = graph.Input.Where(i => needed.Contains(i.Name)).ToArray();
        var initializers = graph.Initializer.Where(i => needed.Contains(i.Name)).ToArray();
        var infos = graph.ValueInfo.Where(i => needed.Contains(i.Name)).ToArray();
        Replace(graph.Node, kept);
        Replace(graph.Input, inputs);
        Replace(graph.Initializer, initializers);
        Replace(graph.ValueInfo, infos);
        Replace(graph.Output, outputs);
        return model.ToByteArray();
    }

    /// <summary>Every name a subgraph's nodes read (a branch may read the outer graph's tensors).</summary>
    private static IEnumerable<string> ReadBy(GraphProto graph) =>
        graph.Node.SelectMany(n => n.Input.Concat(n.Attribute.SelectMany(a => a.Graphs.Append(a.G)).Where(g => g is not null).SelectMany(ReadBy)));

    private static void Replace<T>(Google.Protobuf.Collections.RepeatedField<T> field, IEnumerable<T> items)
    {
        var copy = items.ToArray();
        field.Clear();
        field.AddRange(copy);
    }
}
