using Declarative.Data;
using Declarative.Evaluation;
using Declarative.Schema;

namespace Declarative.Scoring;

/// <summary>
/// The report's "why" panel: the mean size of each property's contribution to the raw score over the test rows (a
/// seeded sample of at most <see cref="RowLimit"/>), and the explanations of the rows the model got most wrong.
/// </summary>
internal static class ExplanationSummarizer
{
    /// <summary>Most test rows explained for the summary: evenly spaced ones beyond it.</summary>
    public const int RowLimit = 2_000;

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
        var scorer = new ModelScorer<int>(portable, featurizer, "the test rows"); // checks the trees before they are walked
        var explainer = ModelExplainer<int>.Create(portable, featurizer, column => spec.Features.FirstOrDefault(f => f.PropertyName == column)?.SourceProperty ?? column);
        var label = spec.Label is { } l ? test.Columns.FirstOrDefault(c => c.Name == l.PropertyName) : null;
        var perClass = TaskDefinitions.For(spec.Task).Scores == ScoreLayout.PerClass;

        var rows = Math.Min(test.RowCount, RowLimit);
        var step = (double)test.RowCount / rows;
        var sums = new double[explainer.Properties.Count];
        var values = new double[explainer.Properties.Count];
        var scores = new float[scorer.ScoreCount];
        var explained = new List<(double Loss, double Actual, Explanation Explanation)>();
        for (var k = 0; k < rows; k++)
        {
            var row = (int)(k * step);
            scorer.Score(row, scores);
            var output = perClass ? scores.AsSpan().IndexOf(scores.AsSpan().ToArray().Max()) : 0;
            var (baseValue, value) = explainer.Explain(row, output, values);
            for (var p = 0; p < values.Length; p++)
            {
                sums[p] += Math.Abs(values[p]);
            }

            // How wrong the raw score is: on the wrong side for a class, far from the value for a number.
            if (!perClass && label is not null && Loss(label, row, value) is { } loss)
            {
                explained.Add((loss.Loss, loss.Actual, Explanation(baseValue, value, values, explainer.Properties)));
            }
        }

        var mean = sums.Select((s, p) => new Contribution(explainer.Properties[p], s / rows)).OrderByDescending(c => c.Value).ThenBy(c => c.Property, StringComparer.Ordinal).ToArray();
        var worst = explained.OrderByDescending(e => e.Loss).Take(WorstRows).Select(e => new ExplainedRow(e.Actual, e.Loss, e.Explanation)).ToArray();
        return new ExplanationSummary(rows, mean, worst);
    }

    private static (double Loss, double Actual)? Loss(TableColumn label, int row, double value) => label switch
    {
        { Booleans: { } flags } => (flags[row] ? -value : value, flags[row] ? 1 : 0),
        { Singles: { } numbers } when !float.IsNaN(numbers[row]) => (Math.Abs(value - numbers[row]), numbers[row]),
        _ => null,
    };

    private static Explanation Explanation(double baseValue, double value, double[] values, IReadOnlyList<string> properties) =>
        new(baseValue, value, values.Select((v, p) => new Contribution(properties[p], v)).OrderByDescending(c => Math.Abs(c.Value)).ToArray());
}
