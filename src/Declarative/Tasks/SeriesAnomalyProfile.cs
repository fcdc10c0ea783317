using System.Globalization;
using System.Text;
using Declarative.Evaluation;
using Declarative.Schema;
using static Declarative.Reports.ReportHtml;
using static Declarative.Reports.Svg;

namespace Declarative.Tasks;

/// <summary>
/// Series anomaly detection: a series task with plain C# detectors (<c>Declarative.Anomalies</c>); its report's sections
/// are the detectors compared on labelled windows, and a few series drawn with their scores, threshold and detections.
/// </summary>
internal sealed class SeriesAnomalyProfile() : TaskProfile(TaskDefinitions.SeriesAnomalyDetection)
{
    public override string Rows(EvaluationReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"{report.TrainRows:N0} points of {((SeriesAnomalyReport)report).Series:N0} series, each scored against the points before it");

    public override string HeadlineScope => "on the labelled series, NAB's way (n/a without a label)";

    public override string Footer(EvaluationReport report) =>
        "Written by Declarative from every point of the training series, each scored against the points before it.";

    public override void WriteSections(StringBuilder html, EvaluationReport report)
    {
        var r = (SeriesAnomalyReport)report;
        html.Append("<section><h2>Anomalies in time</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{r.Series:N0} series, {r.TrainRows:N0} points, each scored from 0 to 1 against only the points of its series before it; {r.Detections:N0} at or above the threshold {Fixed(r.Threshold)}. ");
        html.Append(r.LabelledWindows > 0
            ? string.Create(CultureInfo.InvariantCulture, $"The label marks {r.LabelledWindows:N0} anomaly window{(r.LabelledWindows == 1 ? "" : "s")}: the NAB scores count a window once, by its earliest detection, charge each false alarm, and leave the first 15 % of every series unscored (0 is the detector that never fires, 100 a perfect one).</p>")
            : "No label marks the anomalies, so there is no score of the detector: declare a bool [Label] to measure it the way the Numenta Anomaly Benchmark does.</p>");
        if (r.Detectors.Count > 0)
        {
            html.Append("<table><thead><tr><th>Detector</th><th>NAB score</th><th>at threshold</th></tr></thead><tbody>");
            foreach (var d in r.Detectors)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{d.Detector}{(d.Detector == r.Trainer ? " (the model)" : "")}</td><td>{Fixed(d.NabScore)}</td><td>{Fixed(d.Threshold)}</td></tr>");
            }

            html.Append("</tbody></table><p class=\"small\">Each detector at the threshold NAB's optimizer finds for it over every series at once.</p>");
        }

        html.Append("<div class=\"grid\">");
        foreach (var sample in r.Samples)
        {
            Figure(html, "anomaly-series", SeriesChart(sample), $"Series {(sample.Series.Length == 0 ? "(the one series)" : Encode(sample.Series))}: its values, the points detected (dots) and the labelled windows (bands).");
            Figure(html, "anomaly-scores", ScoreChart(sample, r.Threshold), "The score of each point, and the threshold (line).");
        }

        html.Append("</div></section>");
    }

    private static string SeriesChart(SeriesAnomalySample s)
    {
        var values = s.Values.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var (lo, hi) = (values.Min(), values.Max());
        var pad = Math.Max(hi - lo, 1e-9) * 0.05;
        var last = s.Steps.Count == 0 ? 1 : s.Steps[^1];
        var byStep = s.Steps.Select((step, i) => (step, i)).ToDictionary(p => p.step, p => p.i);
        return Plot(s.Series.Length == 0 ? "Series" : $"Series {s.Series}", "Step", "Value", (0, Math.Max(1, last)), (lo - pad, hi + pad), c =>
        {
            for (var w = 0; w < s.WindowStarts.Count; w++)
            {
                c.Line([(s.WindowStarts[w], hi + pad), (s.WindowEnds[w], hi + pad), (s.WindowEnds[w], lo - pad), (s.WindowStarts[w], lo - pad)], "band");
            }

            c.Line(s.Steps.Select((step, i) => ((double)step, s.Values[i])).Where(p => double.IsFinite(p.Item2)), "curve");
            foreach (var step in s.Detected.Where(byStep.ContainsKey))
            {
                c.Point(step, s.Values[byStep[step]], "dot", string.Create(CultureInfo.InvariantCulture, $"step {step}: {s.Values[byStep[step]]:G6}, score {s.Scores[byStep[step]]:F3}"));
            }
        }, wholeX: true);
    }

    private static string ScoreChart(SeriesAnomalySample s, double threshold)
    {
        var last = s.Steps.Count == 0 ? 1 : s.Steps[^1];
        return Plot("Anomaly score", "Step", "Score", (0, Math.Max(1, last)), (0, 1), c =>
        {
            c.Line(s.Steps.Select((step, i) => ((double)step, s.Scores[i])), "history");
            c.Line([(0, threshold), (Math.Max(1, last), threshold)], "curve");
        }, wholeX: true);
    }
}
