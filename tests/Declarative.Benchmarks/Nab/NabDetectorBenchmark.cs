using System.Diagnostics;
using System.Globalization;
using Declarative.Anomalies;

namespace Declarative.Benchmarks.Nab;

/// <summary>
/// Our detectors on NAB: each data file streamed through a fresh detector, the scores NAB's way (one threshold for the
/// corpus per profile, chosen by the optimizer), the points per second on one core, and the thresholds. Sequence
/// novelty gets the file's minimum and maximum as its trained range, as NAB gives every detector (inputMin/inputMax). Usage: nab-detect &lt;NAB checkout&gt; [detector specs].
/// A spec is a name with settings: gaussian:Window=6400,Quiet=400,Alarm=0.999 (Quiet: steps of silence after a score at or above Alarm);
/// sequence:Grids=9,Fewest=8,Order=4,Alarm=0.9,Quiet=100 (sequence novelty's own settings, these its defaults).
/// </summary>
internal static class NabDetectorBenchmark
{
    private static readonly string[] Profiles = ["standard", "reward_low_FP_rate", "reward_low_FN_rate"];

    public static void Run(string root, string specs)
    {
        var corpus = new NabCorpus(root);
        var windowCount = corpus.Windows.Values.Sum(w => w.Length);
        var data = corpus.Windows.Keys.ToDictionary(f => f, corpus.Data, StringComparer.Ordinal);
        Console.WriteLine("| detector | standard | low FP | low FN | points/s | thresholds |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var spec in specs.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var clock = Stopwatch.StartNew();
            var scores = data.ToDictionary(f => f.Key, f =>
            {
                var finite = f.Value.Values.Where(double.IsFinite).ToArray();
                var detector = Create(spec, finite.Min(), finite.Max());
                return f.Value.Values.Select(detector.Observe).ToArray();
            }, StringComparer.Ordinal);
            var rate = data.Values.Sum(d => d.Values.Length) / clock.Elapsed.TotalSeconds;
            var results = Profiles.Select(name =>
            {
                var profile = corpus.Profiles[name];
                var (threshold, raw) = NabScorer.Optimize(corpus.Windows.Select(f => (data[f.Key].Times, scores[f.Key], f.Value)), profile);
                return (Score: NabScorer.Normalize(raw, windowCount, profile), Threshold: threshold);
            }).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {spec} | {results[0].Score:F2} | {results[1].Score:F2} | {results[2].Score:F2} | {rate:N0} | {string.Join(" / ", results.Select(r => r.Threshold.ToString("G4", CultureInfo.InvariantCulture)))} |"));
        }
    }

    private static ISeriesDetector Create(string spec, double min, double max)
    {
        var parts = spec.Split(':', 2);
        var settings = parts.Length > 1
            ? parts[1].Split(',').Select(s => s.Split('=')).ToDictionary(s => s[0], s => double.Parse(s[1], CultureInfo.InvariantCulture))
            : [];
        double Get(string name, double fallback) => settings.TryGetValue(name, out var v) ? v : fallback;
        ISeriesDetector detector = parts[0] switch
        {
            "gaussian" => new WindowedGaussianDetector((int)Get("Window", 6400)),
            "sequence" => new SequenceNoveltyDetector(min, max, new SequenceNoveltySettings(
                (int)Get("Grids", 9), (int)Get("Fewest", 8), (int)Get("Order", 4), Get("Alarm", 0.9), (int)Get("Quiet", 100))),
            "residual" => new ForecastResidualDetector((int)Get("Season", 1)),
            "spectral" => new SpectralResidualDetector((int)Get("Window", 64)),
            _ => throw new ArgumentException($"Unknown detector '{parts[0]}'."),
        };
        return parts[0] != "sequence" && settings.ContainsKey("Quiet") ? new QuietAfterAlarm(detector, Get("Alarm", 0.999), (int)Get("Quiet", 400)) : detector;
    }

    /// <summary>Silences a detector for a number of steps after each alarm: one anomaly, one alarm (NAB counts a window once, every false alarm).</summary>
    private sealed class QuietAfterAlarm(ISeriesDetector inner, double alarm, int steps) : ISeriesDetector
    {
        private int _quiet;

        public double Observe(double value)
        {
            var score = inner.Observe(value);
            if (_quiet > 0)
            {
                _quiet--;
                return 0;
            }

            if (score >= alarm)
            {
                _quiet = steps;
            }

            return score;
        }
    }
}
