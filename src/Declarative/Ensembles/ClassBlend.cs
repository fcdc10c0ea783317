using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Declarative.Ensembles;

/// <summary>
/// A multiclass ensemble's last step: the members' class probabilities (concatenated, member after member) weighted and
/// summed into the ensemble's <c>Score</c>, and its <c>PredictedLabel</c> the first highest. ML.NET's expression transform
/// takes one vector at most, so this is a custom mapping; it has no saved form: the model file keeps the chain up to the
/// concatenation, and loading appends this again from the weights the metadata records (<see cref="EnsembleComposer"/>).
/// </summary>
internal static class ClassBlend
{
    /// <summary>The members' class probabilities, member after member.</summary>
    public const string MembersColumn = "Ensemble.Members";

    /// <summary>The blend of <paramref name="weights"/>.Count members' scores over the classes named <paramref name="classes"/>.</summary>
    public static ITransformer Create(MLContext ml, IReadOnlyList<double> weights, IReadOnlyList<string> classes)
    {
        // ML.NET's annotation kinds (its constants for them are internal).
        var count = classes.Count;
        var names = new VBuffer<ReadOnlyMemory<char>>(count, [.. classes.Select(c => c.AsMemory())]);
        var namesType = new VectorDataViewType(TextDataViewType.Instance, count);

        var input = SchemaDefinition.Create(typeof(Input), SchemaDefinition.Direction.Read);
        input[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, count * weights.Count);
        var output = SchemaDefinition.Create(typeof(Output), SchemaDefinition.Direction.Write);
        var score = output.Single(c => c.ColumnName == ColumnNames.Score);
        score.ColumnType = new VectorDataViewType(NumberDataViewType.Single, count);
        score.AddAnnotation("SlotNames", names, namesType);
        var label = output.Single(c => c.ColumnName == ColumnNames.PredictedLabel);
        label.ColumnType = new KeyDataViewType(typeof(uint), count);
        label.AddAnnotation("KeyValues", names, namesType);

        var w = weights.ToArray();
        var estimator = ml.Transforms.CustomMapping<Input, Output>((i, o) => Map(w, count, i, o), contractName: null, input, output);
        return estimator.Fit(ml.Data.LoadFromEnumerable(Array.Empty<Input>(), input));
    }

    /// <summary>Whether <paramref name="step"/> is a blend made by <see cref="Create"/>.</summary>
    public static bool Is(ITransformer step) => step is CustomMappingTransformer<Input, Output>;

    /// <summary>Summed in double in member order, as the portable scorer sums; the first highest class wins, as ML.NET's argmax.</summary>
    private static void Map(double[] weights, int classes, Input input, Output output)
    {
        var scores = new float[classes];
        var best = 0;
        for (var k = 0; k < classes; k++)
        {
            var sum = 0d;
            for (var m = 0; m < weights.Length; m++)
            {
                sum += weights[m] * input.Members[(m * classes) + k];
            }

            scores[k] = (float)sum;
            best = scores[k] > scores[best] ? k : best;
        }

        output.Score = scores;
        output.PredictedLabel = (uint)best; // a key field of a mapped class counts from 0; ML.NET adds the 1 of its keys
    }

    /// <summary>The mapping's input row.</summary>
    public sealed class Input
    {
        [ColumnName(MembersColumn)]
        public float[] Members { get; set; } = [];
    }

    /// <summary>The mapping's output row.</summary>
    public sealed class Output
    {
        [ColumnName(ColumnNames.Score)]
        public float[] Score { get; set; } = [];

        [ColumnName(ColumnNames.PredictedLabel)]
        public uint PredictedLabel { get; set; }
    }
}
