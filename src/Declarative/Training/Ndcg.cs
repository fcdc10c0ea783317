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
    public static double? Of<TScore>(IReadOnlyList<float> labels, IReadOnlyList<TScore> scores, int k) =>
        Of(labels, scores, [.. Enumerable.Range(0, labels.Count)], k);

    /// <summary>
    /// NDCG at cut-off <paramref name="k"/> of the group made of <paramref name="rows"/> (indexes into
    /// <paramref name="labels"/> and <paramref name="scores"/>, ascending), read in place: selection scores thousands of
    /// blends of the same groups.
    /// </summary>
    public static double? Of<TScore>(IReadOnlyList<float> labels, IReadOnlyList<TScore> scores, int[] rows, int k)
    {
        var order = rows.OrderByDescending(i => scores[i]).ThenBy(i => i).Select(i => labels[i]);
        var ideal = Dcg(rows.Select(i => labels[i]).OrderByDescending(l => l), k);
        return ideal > 0 ? Dcg(order, k) / ideal : null;
    }

    private static double Dcg(IEnumerable<float> labels, int k) =>
        labels.Take(k).Select((l, i) => (Math.Pow(2, l) - 1) / Math.Log2(i + 2)).Sum();
}
