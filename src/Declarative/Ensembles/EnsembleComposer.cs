using System.Globalization;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Ensembles;

/// <summary>
/// Makes one ML.NET model of an ensemble's fitted members: each member's chain, then its score in the ensemble's space
/// copied aside (the next member's columns shadow its own), then the weighted sum as the ensemble's <c>Score</c> (and for
/// a classifier its <c>Probability</c> and <c>PredictedLabel</c>). ML.NET's expression transform does the arithmetic, so
/// the model saves and loads as any other; the portable scorer computes the same sum. A multiclass ensemble sums
/// vectors, which the expression transform cannot: its last step is a <see cref="ClassBlend"/>.
/// </summary>
internal static class EnsembleComposer
{
    /// <summary>The chain's members are at these positions of the top-level chain: 0, 2, 4, … (each followed by its capture).</summary>
    public static IEnumerable<ITransformer> Members(ITransformer ensemble, int count) =>
        ensemble is IEnumerable<ITransformer> chain
            ? chain.Where((_, i) => i % 2 == 0).Take(count)
            : throw new NotSupportedException("the ensemble's model is not a chain of its members");

    /// <summary>
    /// Fits each member on <paramref name="trainPart"/> (featurizer and trainer, each in a fresh seeded context, as a
    /// single model would be) and composes them.
    /// </summary>
    public static ITransformer Fit<TRow>(MLContext ml, Schema.PipelineSpec<TRow> spec, ITaskTraining task, IReadOnlyList<EnsembleMember> members, IDataView trainPart) =>
        Compose(ml, task.Task, [.. members.Select(m => (PipelineTrainer.Fit(spec, task, trainPart, m.Trainer, m.Hyperparameters).Model, m.Weight))], trainPart);

    public static ITransformer Compose(MLContext ml, MLTask task, IReadOnlyList<(ITransformer Model, double Weight)> members, IDataView trainPart)
    {
        if (Schema.TaskDefinitions.For(task).Scores == Schema.ScoreLayout.PerClass)
        {
            return ComposeClasses(ml, members, trainPart);
        }

        var parts = new List<ITransformer>();
        var view = trainPart;
        for (var i = 0; i < members.Count; i++)
        {
            var (model, _) = members[i];
            var space = EnsembleSpace.Of(task, model);
            view = model.Transform(view);
            var capture = ml.Transforms.Expression(Member(i), $"s => s * ({Number(space.Slope)}) + ({Number(space.Offset)})", ColumnNames.Score).Fit(view);
            view = capture.Transform(view);
            parts.Add(model);
            parts.Add(capture);
        }

        // The weighted sum, two inputs at a time (the expression transform takes few).
        IEstimator<ITransformer> sum = ml.Transforms.Expression(Sum(0), $"x => x * ({Number(members[0].Weight)})", Member(0));
        for (var i = 1; i < members.Count; i++)
        {
            var output = i == members.Count - 1 ? ColumnNames.Score : Sum(i);
            sum = sum.Append(ml.Transforms.Expression(output, $"(a, x) => a + x * ({Number(members[i].Weight)})", Sum(i - 1), Member(i)));
        }

        if (Schema.TaskDefinitions.For(task).Scores == Schema.ScoreLayout.ScoreAndProbability)
        {
            sum = sum
                .Append(ml.Transforms.Expression(ColumnNames.Probability, "s => 1 / (1 + exp(-s))", ColumnNames.Score))
                .Append(ml.Transforms.Expression(ColumnNames.PredictedLabel, "s => s > 0", ColumnNames.Score));
        }

        parts.Add(sum.Fit(view));
        return new TransformerChain<ITransformer>([.. parts]);
    }

    /// <summary>
    /// Multiclass: each member's class probabilities copied aside, then concatenated, then <see cref="ClassBlend"/> weighs
    /// and sums them (averaged as they are: probabilities already share one space).
    /// </summary>
    private static TransformerChain<ITransformer> ComposeClasses(MLContext ml, IReadOnlyList<(ITransformer Model, double Weight)> members, IDataView trainPart)
    {
        var parts = new List<ITransformer>();
        var view = trainPart;
        for (var i = 0; i < members.Count; i++)
        {
            view = members[i].Model.Transform(view);
            var capture = ml.Transforms.CopyColumns(Member(i), ColumnNames.Score).Fit(view);
            view = capture.Transform(view);
            parts.Add(members[i].Model);
            parts.Add(capture);
        }

        var concatenation = ml.Transforms.Concatenate(ClassBlend.MembersColumn, [.. Enumerable.Range(0, members.Count).Select(Member)]).Fit(view);
        parts.Add(concatenation);
        parts.Add(ClassBlend.Create(ml, [.. members.Select(m => m.Weight)], Data.ViewColumns.SlotNames(view.Schema[ColumnNames.Score])));
        return new TransformerChain<ITransformer>([.. parts]);
    }

    /// <summary>
    /// What ML.NET saves of <paramref name="model"/>: all of it, but for a multiclass ensemble's last step, which has no
    /// saved form (<see cref="Restored"/> appends it again).
    /// </summary>
    public static ITransformer Saved(ITransformer model) =>
        model is TransformerChain<ITransformer> chain && chain.LastTransformer is { } last && ClassBlend.Is(last)
            ? new TransformerChain<ITransformer>([.. chain.Take(chain.Count() - 1)])
            : model;

    /// <summary>
    /// A loaded model as it was trained: a multiclass ensemble's chain (its members, their copies and the concatenation)
    /// gets its blend again, from the <paramref name="ensemble"/>'s weights the metadata records. Anything else is returned as it is.
    /// </summary>
    /// <exception cref="InvalidDataException">The chain does not hold the recorded members.</exception>
    public static ITransformer Restored(MLContext ml, ITransformer model, DataViewSchema inputSchema, MLTask task, IReadOnlyList<EnsembleMember>? ensemble)
    {
        if (ensemble is not { Count: > 1 } || Schema.TaskDefinitions.For(task).Scores != Schema.ScoreLayout.PerClass)
        {
            return model;
        }

        if (model is not TransformerChain<ITransformer> chain || chain.Count() != (2 * ensemble.Count) + 1 || chain.LastTransformer is not ColumnConcatenatingTransformer)
        {
            throw new InvalidDataException($"the model's ML.NET part is not the chain of the {ensemble.Count} ensemble members its metadata records");
        }

        var classes = Data.ViewColumns.SlotNames(chain.GetOutputSchema(inputSchema)[ColumnNames.Score]);
        return new TransformerChain<ITransformer>([.. chain, ClassBlend.Create(ml, [.. ensemble.Select(m => m.Weight)], classes)]);
    }

    private static string Member(int i) => "Ensemble.Member" + i.ToString(CultureInfo.InvariantCulture);

    private static string Sum(int i) => "Ensemble.Sum" + i.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
