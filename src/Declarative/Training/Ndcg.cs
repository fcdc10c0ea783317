namespace Declarative.Training;

/// <summary>
/// Normalized discounted cumulative gain as ML.NET's ranking evaluator defines it, for the report's curves and for
/// selecting a ranking ensemble on out-of-fold scores: one place, so the two cannot drift apart.
/// </summary>
internal static class Ndcg
{
    /// <summary>
    /// NDCG of one group at cut-off <paramref name="k"/>: the gains (2^label - 1) of its rows in score order (ties in
    /// row order), discounted by log2(position + 1), over the best order's; null for a group without a relevant row,
    /// which no order improves.
    /// </summary>
    public static double? Of(IReadOnlyList<float> labels, IReadOnlyList<double> scores, int k)
    {
        var order = Enumerable.Range(0, labels.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Select(i => labels[i]);
        var ideal = Dcg(labels.OrderByDescending(l => l), k);
        return ideal > 0 ? Dcg(order, k) / ideal : null;
    }

    private static double Dcg(IEnumerable<float> labels, int k) =>
        labels.Take(k).Select((l, i) => (Math.Pow(2, l) - 1) / Math.Log2(i + 2)).Sum();
}
