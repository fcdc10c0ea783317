using Declarative.Data;
using Declarative.Evaluation;
using Declarative.Schema;

namespace Declarative.Scoring;

/// <summary>
/// The report's "why" panel: the mean size of each property's contribution to the raw score over the test rows (at most
/// <see cref="RowLimit"/>, evenly spaced), and the explanations of the rows the model got most wrong.
/// </summary>
internal static class ExplanationSummarizer
{
    /// <summary>
    /// Most test rows explained for the summary: a mean over 500 rows ranks the properties as steadily as over more, and
    /// every build's report pays for each (about 0.07–0.08 ms a row for adult's LightGbm model, docs/explanations.md).
    /// </summary>
    public const int RowLimit = 500;

    /// <summary>How many of the worst-predicted rows the report explains.</summary>
    public const int WorstRows = 5;

    /// <summary>The summary, or null when the model has no portable form with what explanations need.</summary>
    public static ExplanationSummary? Summarize<TRow>(PipelineSpec<TRow> spec, PortableModel? portable, DataTable test)
    {
        if (portable is null || test.RowCount == 0 || !ExplanationBasis.Has(portable))
        {
            return null;
        }

        var featurizer = RowFeaturizers.ForTable(test, portable.Features, "the test rows");
        var scorer = new ModelScorer<int>(portable, featurizer, "the test rows");
        var explainer = ModelExplainer<int>.For(spec, portable, featurizer);
        var label = spec.Label is { } l ? test.Columns.FirstOrDefault(c => c.Name == l.PropertyName) : null;
        var perClass = TaskDefinitions.For(spec.Task).Scores == ScoreLayout.PerClass;

        var rows = Math.Min(test.RowCount, RowLimit);
        var step = (double)test.RowCount / rows;
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        var scores = new float[scorer.ScoreCount];
        var explained = new List<ExplainedRow>();
        for (var k = 0; k < rows; k++)
        {
            var row = (int)(k * step);
            // A multiclass row is explained by its predicted class's output.
            var output = 0;
            if (perClass)
            {
                scorer.Score(row, scores);
                output = Array.IndexOf(scores, scores.Max());
            }

            var explanation = explainer.Explain(row, output);
            foreach (var contribution in explanation.Contributions)
            {
                sums[contribution.Property] = sums.GetValueOrDefault(contribution.Property) + Math.Abs(contribution.Value);
            }

            // How wrong the raw score is: on the wrong side for a class, far from the value for a number.
            if (!perClass && label is not null && Loss(label, row, explanation.Value) is { } loss)
            {
                explained.Add(new ExplainedRow(loss.Actual, loss.Loss, explanation));
            }
        }

        var mean = explainer.Properties.Select(p => new Contribution(p, sums[p] / rows)).OrderByDescending(c => c.Value).ThenBy(c => c.Property, StringComparer.Ordinal).ToArray();
        return new ExplanationSummary(rows, mean, [.. explained.OrderByDescending(e => e.Loss).Take(WorstRows)]);
    }

    private static (double Loss, double Actual)? Loss(TableColumn label, int row, double value) => label switch
    {
        { Booleans: { } flags } => (flags[row] ? -value : value, flags[row] ? 1 : 0),
        { Singles: { } numbers } when !float.IsNaN(numbers[row]) => (Math.Abs(value - numbers[row]), numbers[row]),
        _ => null,
    };
}
