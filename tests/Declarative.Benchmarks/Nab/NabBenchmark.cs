using System.Globalization;
using Declarative.Anomalies;

namespace Declarative.Benchmarks.Nab;

/// <summary>
/// The NAB scorer checked against NAB's own results: each detector's stored anomaly scores (results/), at the threshold
/// NAB's optimizer chose for it (config/thresholds.json), scored over all 58 files and normalized, next to the totals
/// NAB published (results/final_results.json). Usage: nab &lt;NAB checkout&gt; [detectors, comma-separated].
/// </summary>
internal static class NabBenchmark
{
    private static readonly string[] Profiles = ["standard", "reward_low_FP_rate", "reward_low_FN_rate"];

    public static void Run(string root, string detectors)
    {
        var corpus = new NabCorpus(root);
        var windowCount = corpus.Windows.Values.Sum(w => w.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NAB: {corpus.Windows.Count} files, {windowCount} windows"));
        Console.WriteLine("| detector | profile | threshold | ours | published | difference | threshold our optimizer finds, its score |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var detector in detectors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var results = corpus.Windows.Keys.ToDictionary(f => f, f => corpus.Results(detector, f), StringComparer.Ordinal);
            foreach (var name in Profiles)
            {
                var profile = corpus.Profiles[name];
                var threshold = corpus.Threshold(detector, name);
                var raw = corpus.Windows.Sum(f => NabScorer.ScoreFile(results[f.Key].Times, results[f.Key].Scores, f.Value, profile, threshold));
                var ours = NabScorer.Normalize(raw, windowCount, profile);
                var published = corpus.Published(detector, name);
                var (optimal, best) = NabScorer.Optimize(corpus.Windows.Select(f => (results[f.Key].Times, results[f.Key].Scores, f.Value)), profile);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {detector} | {name} | {threshold:G6} | {ours:F2} | {published:F2} | {ours - published:+0.0000;-0.0000;0.0000} | {optimal:G6}, {NabScorer.Normalize(best, windowCount, profile):F2} |"));
            }
        }
    }
}
