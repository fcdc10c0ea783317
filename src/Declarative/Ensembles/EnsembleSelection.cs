namespace Declarative.Ensembles;

/// <summary>A model that can join an ensemble: a trial, its tuning metric (the leaderboard's), and its out-of-fold scores in the ensemble's space.</summary>
internal sealed record EnsembleCandidate(int Trial, double Metric, float[] Values);

/// <summary>What selection chose: how many times each trial was picked, and the blend's metric against the best single model's.</summary>
/// <param name="Picks">Trial number and times picked, in the order first picked; the weight of a trial is its picks over <see cref="Total"/>.</param>
/// <param name="Metric">The ensemble's out-of-fold metric.</param>
/// <param name="SingleMetric">The best single candidate's, computed the same way (on the pooled out-of-fold scores).</param>
internal sealed record EnsembleChoice(IReadOnlyList<(int Trial, int Picks)> Picks, double Metric, double SingleMetric)
{
    public int Total => Picks.Sum(p => p.Picks);
}

/// <summary>
/// Greedy ensemble selection with replacement (Caruana et al., 2004): start from the best few models averaged (sorted
/// initialization), then add, one at a time, whichever model improves the blend's out-of-fold metric most (a model may be
/// added again, which raises its weight), and keep the best blend seen. Deterministic: ties go to the better single model,
/// then to the earlier trial.
/// </summary>
internal static class EnsembleSelection
{
    /// <summary>How many models the blend holds at most (counting repeats): the weights are multiples of 1/25.</summary>
    public const int Size = 25;

    /// <summary>The sorted initialization tries the best 1 to this many models, averaged.</summary>
    public const int InitialModels = 5;

    /// <summary>The blend, or null when no blend of two or more models beats the leaderboard's first on the pooled out-of-fold rows.</summary>
    public static EnsembleChoice? Select(IReadOnlyList<EnsembleCandidate> candidates, float[] labels, EnsembleMetric metric)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count < 2)
        {
            return null;
        }

        var n = labels.Length;
        // The leaderboard's order (the trials' own metric, ties by trial number: candidates come in trial order and the
        // sort is stable), so the ensemble's first member is the model tuning alone would have chosen.
        var ranked = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i].Metric, metric.LowerIsBetter ? Comparer<double>.Default : Comparer<double>.Create((a, b) => b.CompareTo(a))).ToArray();

        var single = metric.Of(labels, Widen(candidates[ranked[0]].Values));
        var counts = new int[candidates.Count];
        var sum = new double[n];
        var blend = new double[n];
        var total = 0;

        // Sorted initialization: the average of the best k, for the k that scores best (the smallest on a tie).
        var (initial, initialMetric) = (1, single);
        Add(sum, candidates[ranked[0]].Values);
        for (var k = 2; k <= Math.Min(InitialModels, ranked.Length); k++)
        {
            Add(sum, candidates[ranked[k - 1]].Values);
            Scale(sum, 1.0 / k, blend);
            var value = metric.Of(labels, blend);
            if (metric.Better(value, initialMetric))
            {
                (initial, initialMetric) = (k, value);
            }
        }

        Array.Clear(sum);
        for (var k = 0; k < initial; k++)
        {
            counts[ranked[k]]++;
            Add(sum, candidates[ranked[k]].Values);
        }

        total = initial;
        var best = (Metric: initialMetric, Counts: (int[])counts.Clone(), Order: ranked.Take(initial).ToList());
        var order = new List<int>(best.Order);
        while (total < Size)
        {
            var (pick, pickMetric) = (-1, double.NaN);
            foreach (var i in ranked)
            {
                for (var r = 0; r < n; r++)
                {
                    blend[r] = (sum[r] + candidates[i].Values[r]) / (total + 1);
                }

                var value = metric.Of(labels, blend);
                if (pick < 0 || metric.Better(value, pickMetric))
                {
                    (pick, pickMetric) = (i, value);
                }
            }

            counts[pick]++;
            total++;
            Add(sum, candidates[pick].Values);
            if (!order.Contains(pick))
            {
                order.Add(pick);
            }

            if (metric.Better(pickMetric, best.Metric))
            {
                best = (pickMetric, (int[])counts.Clone(), [.. order]);
            }
        }

        var picks = best.Order.Where(i => best.Counts[i] > 0).Select(i => (candidates[i].Trial, best.Counts[i])).ToList();
        return picks.Count >= 2 && metric.Better(best.Metric, single)
            ? new EnsembleChoice(picks, best.Metric, single)
            : null;
    }

    private static double[] Widen(float[] values) => Array.ConvertAll(values, v => (double)v);

    private static void Add(double[] sum, float[] values)
    {
        for (var r = 0; r < sum.Length; r++)
        {
            sum[r] += values[r];
        }
    }

    private static void Scale(double[] sum, double factor, double[] into)
    {
        for (var r = 0; r < sum.Length; r++)
        {
            into[r] = sum[r] * factor;
        }
    }
}
