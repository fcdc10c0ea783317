using System.Globalization;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Ensembles;

/// <summary>
/// Makes one ML.NET model of an ensemble's fitted members: each member's chain, then its score in the ensemble's space
/// copied aside (the next member's columns shadow its own), then the weighted sum as the ensemble's <c>Score</c> (and for
/// a classifier its <c>Probability</c> and <c>PredictedLabel</c>). ML.NET's expression transform does the arithmetic, so
/// the model saves and loads as any other; the portable scorer computes the same sum.
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

    private static string Member(int i) => "Ensemble.Member" + i.ToString(CultureInfo.InvariantCulture);

    private static string Sum(int i) => "Ensemble.Sum" + i.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
