namespace Declarative.Anomalies;

/// <summary>A labelled anomaly window of a series: its first and last times (ticks or steps), both points of the series.</summary>
internal readonly record struct AnomalyWindow(long Start, long End);

/// <summary>A NAB application profile: how much a detection, a false alarm and a missed window weigh.</summary>
internal sealed record NabProfile(string Name, double TruePositiveWeight, double FalsePositiveWeight, double FalseNegativeWeight)
{
    /// <summary>NAB's standard profile.</summary>
    public static NabProfile Standard { get; } = new("standard", 1.0, 0.11, 1.0);

    /// <summary>NAB's profile that rewards few false alarms.</summary>
    public static NabProfile LowFalsePositives { get; } = new("reward_low_FP_rate", 1.0, 0.22, 1.0);

    /// <summary>NAB's profile that rewards few missed windows.</summary>
    public static NabProfile LowFalseNegatives { get; } = new("reward_low_FN_rate", 1.0, 0.11, 2.0);

    /// <summary>The three, in NAB's order.</summary>
    public static IReadOnlyList<NabProfile> All { get; } = [Standard, LowFalsePositives, LowFalseNegatives];
}

/// <summary>
/// NAB's scoring rules in C#, written from the benchmark's description and its scorer's behaviour (the published
/// totals are the check): per data file, the first 15 % of rows (at most 750) are a probation that is not scored. A row
/// inside a labelled window is worth a scaled sigmoid of its position in the window (earlier is better, near 1 at the
/// left edge, 0 at the right), and a window counts once, by its best detection, or as a miss (−fnWeight). A row outside
/// every window costs fpWeight times the sigmoid of its distance past the previous window's right edge (in that window's
/// widths; −1 before any window). A row is a detection when its anomaly score is at or above the threshold. The corpus
/// score is the sum over files, normalized so that the null detector scores 0 and a perfect one 100. A series
/// anomaly detector's report scores its labelled series this way, and <c>[Tune]</c> chooses its detector by it.
/// </summary>
internal static class NabScorer
{
    private const double ProbationFraction = 0.15;

    /// <summary>The raw (unnormalized) score of one file at <paramref name="threshold"/>.</summary>
    public static double ScoreFile(long[] times, double[] scores, AnomalyWindow[] windows, NabProfile profile, double threshold) =>
        Sweep(Rows(times, scores, windows, profile, 0), profile).Where(t => t.Threshold >= threshold).Last().Raw;

    /// <summary>
    /// The threshold that maximizes the corpus's raw score (NAB's optimizer: one threshold for every file), and that score.
    /// </summary>
    public static (double Threshold, double Raw) Optimize(IEnumerable<(long[] Times, double[] Scores, AnomalyWindow[] Windows)> files, NabProfile profile)
    {
        var rows = new List<ScoredRow>();
        var offset = 0;
        foreach (var (times, scores, windows) in files)
        {
            rows.AddRange(Rows(times, scores, windows, profile, offset));
            offset += windows.Length;
        }

        return Sweep(rows, profile).MaxBy(t => t.Raw);
    }

    /// <summary>A scored row: its anomaly score, its worth as a detection, and its window (−1 for none, else unique in the corpus).</summary>
    private readonly record struct ScoredRow(double Score, double Weight, int Window);

    /// <summary>The rows after the probation.</summary>
    private static IEnumerable<ScoredRow> Rows(long[] times, double[] scores, AnomalyWindow[] windows, NabProfile profile, int windowOffset)
    {
        var weights = Weights(times, windows, profile, out var windowOf);
        var probation = (int)Math.Min(Math.Floor(ProbationFraction * times.Length), ProbationFraction * 5000);
        for (var i = probation; i < times.Length; i++)
        {
            yield return new ScoredRow(scores[i], weights[i], windowOf[i] < 0 ? -1 : windowOf[i] + windowOffset);
        }
    }

    /// <summary>
    /// The raw score at every threshold, from above the highest anomaly score down: a row is a detection when its score
    /// is at or above the threshold; a window counts by its best detection, or −fnWeight when it has none. (A window
    /// wholly inside the probation is not counted at all.)
    /// </summary>
    private static IEnumerable<(double Threshold, double Raw)> Sweep(IEnumerable<ScoredRow> rows, NabProfile profile)
    {
        var sorted = rows.OrderByDescending(r => r.Score).ToArray();
        var best = new Dictionary<int, double>();
        foreach (var window in sorted.Where(r => r.Window >= 0).Select(r => r.Window).Distinct())
        {
            best[window] = -profile.FalseNegativeWeight;
        }

        var raw = best.Values.Sum();
        var threshold = 1.1; // above every score: nothing detected
        foreach (var row in sorted)
        {
            if (row.Score != threshold)
            {
                yield return (threshold, raw);
                threshold = row.Score;
            }

            if (row.Window < 0)
            {
                raw += row.Weight;
            }
            else if (row.Weight > best[row.Window])
            {
                raw += row.Weight - best[row.Window];
                best[row.Window] = row.Weight;
            }
        }

        yield return (threshold, raw);
    }

    /// <summary>
    /// The normalized corpus score: 100 × (raw − null) / (perfect − null), where the null detector (no detection) scores
    /// −fnWeight per window and a perfect one tpWeight per window.
    /// </summary>
    public static double Normalize(double raw, int windowCount, NabProfile profile)
    {
        var baseline = -profile.FalseNegativeWeight * windowCount;
        var perfect = profile.TruePositiveWeight * windowCount;
        return 100 * (raw - baseline) / (perfect - baseline);
    }

    /// <summary>2σ(−5x) − 1, and −1 beyond three widths past a window.</summary>
    internal static double ScaledSigmoid(double position) => position > 3.0 ? -1.0 : (2 / (1 + Math.Exp(5 * position))) - 1.0;

    /// <summary>Each row's worth if it were a detection, and the window it lies in (−1 for none).</summary>
    private static double[] Weights(long[] times, AnomalyWindow[] windows, NabProfile profile, out int[] windowOf)
    {
        var weights = new double[times.Length];
        windowOf = new int[times.Length];
        var maxTruePositive = ScaledSigmoid(-1.0);
        var index = new Dictionary<long, int>(times.Length);
        for (var i = times.Length - 1; i >= 0; i--)
        {
            index[times[i]] = i; // the first row of a timestamp, as a list search finds it
        }

        var next = 0;
        int? current = null;
        int right = 0, width = 0;
        int? previousRight = null;
        var previousWidth = 0;
        for (var i = 0; i < times.Length; i++)
        {
            if (current is null && next < windows.Length && times[i] == windows[next].Start)
            {
                current = next++;
                right = index[windows[current.Value].End];
                width = right - index[windows[current.Value].Start] + 1;
            }

            if (current is { } inside)
            {
                windowOf[i] = inside;
                weights[i] = ScaledSigmoid(-(right - i + 1) / (double)width) * profile.TruePositiveWeight / maxTruePositive;
            }
            else
            {
                windowOf[i] = -1;
                var unweighted = previousRight is { } edge ? ScaledSigmoid(Math.Abs(edge - i) / (double)(previousWidth - 1)) : -1.0;
                weights[i] = unweighted * profile.FalsePositiveWeight;
            }

            if (current is not null && times[i] == windows[current.Value].End)
            {
                previousRight = i;
                previousWidth = width;
                current = null;
            }
        }

        return weights;
    }
}
