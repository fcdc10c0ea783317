using Google.Protobuf;
using Onnx;

namespace Declarative.Artifacts;

/// <summary>
/// An ensemble as one ONNX model. ML.NET's converter writes each member's chain (it has no form for the weighted sum
/// the ML.NET model computes with its expression transform); this joins those graphs: the inputs are shared, every
/// other tensor and node of member <c>i</c> is renamed under <c>ensemble.member{i}/</c>, each member's raw <c>Score</c>
/// is put in the blend's space (<c>slope · score + offset</c>, its Platt scaling for a classifier) and weighted, and
/// the sum is the model's <c>Score</c> (for a binary classifier, with <c>Probability</c> its sigmoid and
/// <c>PredictedLabel</c> <c>Score &gt; 0</c>; for multiclass, the class probabilities weighted and <c>PredictedLabel</c>
/// the first highest), the outputs a single model's export has, so the build checks it the same way.
/// </summary>
internal static class EnsembleOnnx
{
    /// <summary>One member: its ONNX model as ML.NET wrote it, and its place in the blend.</summary>
    public sealed record Member(byte[] Onnx, double Slope, double Offset, double Weight);

    /// <summary>Joins the members' graphs into one, with the blend's outputs for a task whose scores are <paramref name="layout"/>.</summary>
    public static byte[] Join(IReadOnlyList<Member> members, Schema.ScoreLayout layout)
    {
        var parsed = members.Select(m => ModelProto.Parser.ParseFrom(m.Onnx)).ToArray();
        var model = parsed[0].Clone();
        var graph = model.Graph;
        graph.Node.Clear();
        graph.Initializer.Clear();
        graph.ValueInfo.Clear();
        graph.Output.Clear();
        var inputNames = parsed[0].Graph.Input.Select(i => i.Name).ToArray();
        var inputs = inputNames.ToHashSet(StringComparer.Ordinal);
        var outputs = parsed[0].Graph.Output.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var terms = new List<string>();
        for (var m = 0; m < parsed.Length; m++)
        {
            var prefix = $"ensemble.member{m}/";
            string Renamed(string name) => name.Length == 0 || inputs.Contains(name) ? name : prefix + name;
            var member = parsed[m].Graph;
            if (!member.Input.Select(i => i.Name).SequenceEqual(inputNames))
            {
                throw new InvalidOperationException("The ensemble's members do not read the same inputs, so their ONNX graphs cannot be joined.");
            }

            // The nodes that compute; those that only copy a column to a graph output are the single model's, not ours.
            var memberOutputs = member.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            var kept = member.Node.Where(n => !n.Output.All(memberOutputs.Contains)).ToArray();
            var used = kept.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
            foreach (var node in kept)
            {
                var copy = node.Clone();
                copy.Name = prefix + node.Name;
                copy.Input.Clear();
                copy.Input.AddRange(node.Input.Select(Renamed));
                copy.Output.Clear();
                copy.Output.AddRange(node.Output.Select(Renamed));
                graph.Node.Add(copy);
            }

            foreach (var initializer in member.Initializer.Where(i => used.Contains(i.Name)))
            {
                var copy = initializer.Clone();
                copy.Name = Renamed(initializer.Name);
                graph.Initializer.Add(copy);
            }

            foreach (var info in member.ValueInfo)
            {
                var copy = info.Clone();
                copy.Name = Renamed(info.Name);
                graph.ValueInfo.Add(copy);
            }

            var (slope, offset, weight) = (members[m].Slope, members[m].Offset, members[m].Weight);
            var space = Node(graph, "Add", Node(graph, "Mul", Renamed("Score"), Constant(graph, prefix + "slope", slope), prefix + "scaled"), Constant(graph, prefix + "offset", offset), prefix + "space");
            terms.Add(Node(graph, "Mul", space, Constant(graph, prefix + "weight", weight), prefix + "weighted"));
        }

        graph.Node.Add(new NodeProto { OpType = "Sum", Name = "ensemble.Score", Input = { terms }, Output = { "ensemble.Score" } });
        Output(graph, outputs, "Score", "ensemble.Score");
        if (layout == Schema.ScoreLayout.PerClass && outputs.TryGetValue(OnnxPredictionGraph.OutputOf("PredictedLabel"), out var label))
        {
            // The first highest class (ONNX's ArgMax keeps the first, as ML.NET's argmax does), as a key from 1 in the
            // single model's type.
            var index = new NodeProto { OpType = "ArgMax", Name = "ensemble.ArgMax", Input = { "ensemble.Score" }, Output = { "ensemble.ArgMax" } };
            index.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            index.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            graph.Node.Add(index);
            graph.Initializer.Add(new TensorProto { Name = "ensemble.one", DataType = (int)TensorProto.Types.DataType.Int64, Int64Data = { 1 } });
            var key = Node(graph, "Add", "ensemble.ArgMax", "ensemble.one", "ensemble.Key");
            var cast = new NodeProto { OpType = "Cast", Name = "ensemble.PredictedLabel", Input = { key }, Output = { "ensemble.PredictedLabel" } };
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = label.Type.TensorType.ElemType });
            graph.Node.Add(cast);
            Output(graph, outputs, "PredictedLabel", "ensemble.PredictedLabel");
        }

        if (layout == Schema.ScoreLayout.ScoreAndProbability)
        {
            graph.Node.Add(new NodeProto { OpType = "Greater", Name = "ensemble.PredictedLabel", Input = { "ensemble.Score", Constant(graph, "ensemble.zero", 0) }, Output = { "ensemble.PredictedLabel" } });
            graph.Node.Add(new NodeProto { OpType = "Sigmoid", Name = "ensemble.Probability", Input = { "ensemble.Score" }, Output = { "ensemble.Probability" } });
            Output(graph, outputs, "PredictedLabel", "ensemble.PredictedLabel");
            Output(graph, outputs, "Probability", "ensemble.Probability");
        }

        return model.ToByteArray();
    }

    private static string Node(GraphProto graph, string op, string left, string right, string output)
    {
        graph.Node.Add(new NodeProto { OpType = op, Name = output, Input = { left, right }, Output = { output } });
        return output;
    }

    /// <summary>A float scalar (the members compute in float, as ML.NET's expression transform does).</summary>
    private static string Constant(GraphProto graph, string name, double value)
    {
        graph.Initializer.Add(new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, FloatData = { (float)value } });
        return name;
    }

    /// <summary>A graph output named and typed as the single model's export names it (<c>Score.output</c>, ...).</summary>
    private static void Output(GraphProto graph, Dictionary<string, ValueInfoProto> outputs, string column, string tensor)
    {
        var info = outputs[OnnxPredictionGraph.OutputOf(column)].Clone();
        graph.Node.Add(new NodeProto { OpType = "Identity", Name = info.Name, Input = { tensor }, Output = { info.Name } });
        graph.Output.Add(info);
    }
}
