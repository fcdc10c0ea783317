using System.Globalization;
using System.Text;
using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using static Declarative.Reports.ReportHtml;
using static Declarative.Reports.Svg;

namespace Declarative.Tasks;

/// <summary>
/// Ranking: a numeric label of graded relevance, rows grouped by a [GroupId] mapped to a key; LambdaRank (LightGbm)
/// or LambdaMART (FastTree); NDCG at cut-offs 1 to 10 (ML.NET's gains 2^label - 1).
/// </summary>
internal sealed class RankingProfile() : PredictiveTaskProfile(TaskDefinitions.Ranking)
{
    /// <summary>The deepest cut-off measured (ML.NET's default truncation).</summary>
    internal const int MaxCutOff = 10;

    private const int RandomOrders = 20;

    protected override IEstimator<ITransformer> CreateEstimator(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hp)
    {
        const string features = ColumnNames.Features;
        var (label, group, seed) = (inputs.Label!, inputs.Group!, inputs.Seed);
        return trainer switch
        {
            Trainer.LightGbm => ml.Ranking.Trainers.LightGbm(With(new LightGbmRankingTrainer.Options { LabelColumnName = label, FeatureColumnName = features, RowGroupColumnName = group, Seed = seed }, hp)),
            Trainer.FastTree => ml.Ranking.Trainers.FastTree(With(new FastTreeRankingTrainer.Options { LabelColumnName = label, FeatureColumnName = features, RowGroupColumnName = group, Seed = seed }, hp)),
            _ => throw Unsupported(trainer),
        };
    }

    public override TaskMetrics? Evaluate(MLContext ml, IDataView predictions, string? label)
    {
        // Lists by cut-off (NDCG at 1, 2, ...): one value each, named as RankingMetric names them.
        var m = ml.Ranking.Evaluate(predictions, labelColumnName: label, rowGroupColumnName: ColumnNames.GroupKey);
        return TaskMetrics.Of(m, [.. TaskMetrics.ByCutOff("Ndcg", m.NormalizedDiscountedCumulativeGains), .. TaskMetrics.ByCutOff("Dcg", m.DiscountedCumulativeGains)]);
    }

    public override EvaluationReport CreateReport(ReportBasics basics, IDataView predictions, string? label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var groups = Groups(Column<uint>(predictions, ColumnNames.GroupKey), Column<float>(predictions, label), Column<float>(predictions, ColumnNames.Score));
        var random = new Random(unchecked((int)2_166_136_261));
        var byCutOff = Enumerable.Range(1, MaxCutOff).Select(k => new CutOffPoint(
            k,
            basics.TestMetrics.GetValueOrDefault(string.Create(CultureInfo.InvariantCulture, $"NdcgAt{k}"), double.NaN),
            RandomNdcg(groups, k, random))).ToArray();
        var perGroup = groups.Select(g => Training.Ndcg.Of(g.Labels, g.Scores, MaxCutOff)).Where(n => n is not null).Select(n => n!.Value).Order().ToArray();
        return new RankingReport(basics, byCutOff, perGroup);
    }

    /// <summary>The rows of each group, in the order they come (ranking data keeps a group's rows together).</summary>
    private static List<(float[] Labels, float[] Scores)> Groups(uint[] keys, float[] labels, float[] scores) =>
        Enumerable.Range(0, keys.Length).GroupBy(i => keys[i])
            .Select(g => (g.Select(i => labels[i]).ToArray(), g.Select(i => scores[i]).ToArray()))
            .ToList();

    /// <summary>The mean NDCG@k of random orders of each group (seeded), averaged as ML.NET averages groups.</summary>
    private static double RandomNdcg(List<(float[] Labels, float[] Scores)> groups, int k, Random random)
    {
        double sum = 0;
        var count = 0;
        foreach (var (labels, _) in groups)
        {
            for (var r = 0; r < RandomOrders; r++)
            {
                var scores = labels.Select(_ => (float)random.NextDouble()).ToArray();
                sum += Training.Ndcg.Of(labels, scores, k) ?? 0;
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    public override void WriteSections(StringBuilder html, EvaluationReport report)
    {
        var r = (RankingReport)report;
        var top = Math.Max(1, r.ByCutOff.Max(p => double.IsNaN(p.Ndcg) ? 0 : p.Ndcg));
        var byCutOff = Plot("NDCG by cut-off", "Cut-off k", "NDCG@k", (1, MaxCutOff), (0, top), c =>
        {
            c.Line(r.ByCutOff.Select(p => ((double)p.CutOff, p.RandomNdcg)), "chance");
            c.Line(r.ByCutOff.Where(p => !double.IsNaN(p.Ndcg)).Select(p => ((double)p.CutOff, p.Ndcg)), "curve");
            foreach (var p in r.ByCutOff.Where(p => !double.IsNaN(p.Ndcg)))
            {
                c.Point(p.CutOff, p.Ndcg, "dot", string.Create(CultureInfo.InvariantCulture, $"NDCG@{p.CutOff} {Fixed(p.Ndcg)} (random order {Fixed(p.RandomNdcg)})"));
            }
        }, wholeX: true);
        const int bins = 10;
        var counts = new int[bins];
        foreach (var n in r.GroupNdcg)
        {
            counts[Math.Clamp((int)(n * bins), 0, bins - 1)]++;
        }

        var spread = Plot("NDCG@10 per group", "NDCG@10", "Test groups", (0, 1), (0, Math.Max(counts.DefaultIfEmpty(0).Max(), 1) * 1.1), c =>
        {
            for (var b = 0; b < bins; b++)
            {
                c.Bar((double)b / bins, (double)(b + 1) / bins, counts[b], "bar");
            }
        });
        html.Append("<section><h2>Ranking</h2><div class=\"grid\">");
        Figure(html, "ndcg-by-cutoff", byCutOff, "NDCG of each test group's first k rows, averaged over groups; the lower line is a random order of each group.");
        var median = r.GroupNdcg.Count == 0 ? double.NaN : r.GroupNdcg[r.GroupNdcg.Count / 2];
        Figure(html, "group-spread", spread, string.Create(CultureInfo.InvariantCulture,
            $"How NDCG@10 spreads over the {r.GroupNdcg.Count:N0} test groups with a relevant row (median {Fixed(median)}, worst {(r.GroupNdcg.Count == 0 ? "n/a" : Fixed(r.GroupNdcg[0]))})."));
        html.Append("</div></section>");
    }
}
