using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;

namespace Declarative.Anomalies;

/// <summary>Builds a series anomaly detector's report from the scores training computed.</summary>
internal static class SeriesAnomalyReporting
{
    private const int SampleSeries = 4;
    private const int DrawnPoints = 2000;

    public static SeriesAnomalyReport Report<TRow>(SeriesAnomalyDetector<TRow> detector, PipelineSpec<TRow> spec, TrainingData data, IReadOnlyList<SeriesPoints> series, double[][] scores, IReadOnlyList<DetectorScore> compared)
    {
        var threshold = detector.Threshold;
        var points = series.Sum(s => s.Length);
        var detections = scores.Sum(s => s.Count(v => v >= threshold));
        var windows = series.Sum(s => s.Windows.Length);
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["AnomalyShare"] = points == 0 ? 0 : detections / (double)points,
        };
        if (series.Any(s => s.Labels is not null) && windows > 0)
        {
            foreach (var (name, profile) in new[] { ("NabStandard", NabProfile.Standard), ("NabLowFalsePositives", NabProfile.LowFalsePositives), ("NabLowFalseNegatives", NabProfile.LowFalseNegatives) })
            {
                var raw = series.Select((s, i) => NabScorer.ScoreFile(s.Times, scores[i], s.Windows, profile, threshold)).Sum();
                metrics[name] = NabScorer.Normalize(raw, windows, profile);
            }
        }

        var ordered = compared.OrderBy(c => c.Detector != detector.Trainer).ToArray();
        var basics = new ReportBasics(
            spec.Name, spec.Task, detector.Trainer, detector.Hyperparameters, Path.GetFileName(data.Path), points, 0,
            TaskDefinitions.For(spec.Task).HeadlineMetric, metrics, [], [], DataProfiler.Profile(spec, data.Table), []);
        var samples = series.Select((s, i) => (Series: s, Scores: scores[i]))
            .OrderByDescending(s => s.Series.Labels?.Any(l => l) == true) // labelled anomalies first
            .ThenByDescending(s => s.Scores.Count(v => v >= threshold))
            .Take(SampleSeries)
            .Select(s => Sample(s.Series, s.Scores, threshold))
            .ToArray();
        return new SeriesAnomalyReport(basics, new SeriesAnomalySummary(series.Count, threshold, detections, windows), ordered, samples);
    }

    /// <summary>A series thinned for drawing: the lowest and highest value of each bucket of steps, and every detection kept.</summary>
    private static SeriesAnomalySample Sample(SeriesPoints s, double[] scores, double threshold)
    {
        var bucket = Math.Max(1, (int)Math.Ceiling(s.Length / (DrawnPoints / 2.0)));
        var kept = new SortedSet<int>();
        for (var start = 0; start < s.Length; start += bucket)
        {
            var end = Math.Min(s.Length, start + bucket);
            var range = Enumerable.Range(start, end - start).Where(i => float.IsFinite(s.Values[i][0])).ToArray();
            if (range.Length > 0)
            {
                kept.Add(range.MinBy(i => s.Values[i][0]));
                kept.Add(range.MaxBy(i => s.Values[i][0]));
            }
        }

        var detected = Enumerable.Range(0, s.Length).Where(i => scores[i] >= threshold).ToArray();
        kept.UnionWith(detected);
        var steps = kept.ToArray();
        var windows = s.Windows;
        var index = s.Times.Select((t, i) => (t, i)).GroupBy(p => p.t).ToDictionary(g => g.Key, g => g.First().i);
        return new SeriesAnomalySample(s.Id, steps, steps.Select(i => (double)s.Values[i][0]).ToArray(), steps.Select(i => scores[i]).ToArray(), detected,
            windows.Select(w => index[w.Start]).ToArray(), windows.Select(w => index[w.End]).ToArray());
    }
}
