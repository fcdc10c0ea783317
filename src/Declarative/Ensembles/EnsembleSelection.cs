namespace Declarative.Ensembles;

/// <summary>A model that can join an ensemble: a trial, its tuning metric (the leaderboard's), and its out-of-fold scores in the ensemble's space.</summary>
internal sealed record EnsembleCandidate(int Trial, double Metric, float[] Values);

/// <summary>What selection chose: how many times each trial was picked, and the blend's metric against the best single model's.</summary>
/// <param name="Picks">Trial number and times picked, in leaderboard order; the weight of a trial is its picks over <see cref="Total"/>.</param>
/// <param name="Metric">The ensemble's out-of-fold metric.</param>
/// <param name="SingleMetric">The leaderboard's first, computed the same way (on the pooled out-of-fold scores).</param>
internal sealed record EnsembleChoice(IReadOnlyList<(int Trial, int Picks)> Picks, double Metric, double SingleMetric)
{
    public int Total => Picks.Sum(p => p.Picks);
}

/// <summary>
/// Greedy ensemble selection with replacement (Caruana et al., 2004): start from the best few models averaged (sorted
/// initialization), then add, one at a time, whichever model improves the blend's out-of-fold metric most (a model may be
/// added again, which raises its weight), and keep the best blend seen. With bags (their section 2.3), the climb runs on
/// seeded random halves of the models and the picks are summed, which keeps the weights from fitting the out-of-fold
/// rows' noise. Deterministic: ties go to the better-ranked model.
/// </summary>
internal static class EnsembleSelection
{
    /// <summary>How many models one climb holds at most (counting repeats).</summary>
    public const int Size = 25;

    /// <summary>The sorted initialization tries the best 1 to this many models, averaged.</summary>
    public const int InitialModels = 5;

    /// <summary>Climbs on random halves of the models whose picks are summed; 1 climbs once on all of them.</summary>
    internal static int Bags { get; set; } = 1;

    /// <summary>The blend, or null when no blend of two or more models beats the leaderboard's first on the pooled out-of-fold rows.</summary>
    public static EnsembleChoice? Select(IReadOnlyList<EnsembleCandidate> candidates, float[] labels, EnsembleMetric metric)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count < 2)
        {
            return null;
        }

        // The leaderboard's order (the trials' own metric, ties by trial number: candidates come in trial order and the
        // sort is stable), so the ensemble's first member is the best-ranked model in it.
        var ranked = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i].Metric, metric.LowerIsBetter ? Comparer<double>.Default : Comparer<double>.Create((a, b) => b.CompareTo(a))).ToArray();
        var single = metric.Of(labels, Widen(candidates[ranked[0]].Values));

        var counts = new int[candidates.Count];
        if (Bags <= 1 || candidates.Count < 4)
        {
            Climb(candidates, ranked, labels, metric, counts);
        }
        else
        {
            var random = new Random(candidates.Count);
            for (var bag = 0; bag < Bags; bag++)
            {
                var half = ranked.Where(_ => random.NextDouble() < 0.5).ToArray();
                if (half.Length >= 2)
                {
                    Climb(candidates, half, labels, metric, counts);
                }
            }
        }

        var picks = ranked.Where(i => counts[i] > 0).Select(i => (candidates[i].Trial, counts[i])).ToList();
        if (picks.Count < 2)
        {
            return null;
        }

        var blended = metric.Of(labels, Blend(candidates, counts));
        return metric.Better(blended, single) ? new EnsembleChoice(picks, blended, single) : null;
    }

    /// <summary>One climb over <paramref name="ranked"/> (best first); adds its best blend's picks to <paramref name="counts"/>.</summary>
    private static void Climb(IReadOnlyList<EnsembleCandidate> candidates, int[] ranked, float[] labels, EnsembleMetric metric, int[] counts)
    {
        var n = labels.Length;
        var sum = new double[n];
        var blend = new double[n];
        var picked = new int[candidates.Count];

        // Sorted initialization: the average of the best k, for the k that scores best (the smallest on a tie).
        var (initial, initialMetric) = (1, metric.Of(labels, Widen(candidates[ranked[0]].Values)));
        Add(sum, candidates[ranked[0]].Values);
        for (var k = 2; k <= Math.Min(InitialModels, ranked.Length); k++)
        {
            Add(sum, candidates[ranked[k - 1]].Values);
            for (var r = 0; r < n; r++)
            {
                blend[r] = sum[r] / k;
            }

            var value = metric.Of(labels, blend);
            if (metric.Better(value, initialMetric))
            {
                (initial, initialMetric) = (k, value);
            }
        }

        Array.Clear(sum);
        for (var k = 0; k < initial; k++)
        {
            picked[ranked[k]]++;
            Add(sum, candidates[ranked[k]].Values);
        }

        var total = initial;
        var best = (Metric: initialMetric, Picked: (int[])picked.Clone());
        while (total < Size)
        {
            var (pick, pickMetric) = (-1, double.NaN);
            foreach (var i in ranked)
            {
                var values = candidates[i].Values;
                for (var r = 0; r < n; r++)
                {
                    blend[r] = (sum[r] + values[r]) / (total + 1);
                }

                var value = metric.Of(labels, blend);
                if (pick < 0 || metric.Better(value, pickMetric))
                {
                    (pick, pickMetric) = (i, value);
                }
            }

            picked[pick]++;
            total++;
            Add(sum, candidates[pick].Values);
            if (metric.Better(pickMetric, best.Metric))
            {
                best = (pickMetric, (int[])picked.Clone());
            }
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += best.Picked[i];
        }
    }

    /// <summary>The weighted average of the candidates' scores, weights in proportion to <paramref name="counts"/>.</summary>
    private static double[] Blend(IReadOnlyList<EnsembleCandidate> candidates, int[] counts)
    {
        var blend = new double[candidates[0].Values.Length];
        var total = (double)counts.Sum();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                var values = candidates[i].Values;
                for (var r = 0; r < blend.Length; r++)
                {
                    blend[r] += counts[i] * values[r] / total;
                }
            }
        }

        return blend;
    }

    private static double[] Widen(float[] values) => Array.ConvertAll(values, v => (double)v);

    private static void Add(double[] sum, float[] values)
    {
        for (var r = 0; r < sum.Length; r++)
        {
            sum[r] += values[r];
        }
    }
}
