using System.Diagnostics.CodeAnalysis;

namespace Declarative.Evaluation;

/// <summary>
/// The report of a series anomaly detector: every training series streamed through it, the points at or above its
/// threshold, and, when a bool label marks the anomalies, the Numenta Anomaly Benchmark's scores (its windows, its
/// three profiles, its first 15 % of each series unscored) for the chosen detector and every one <c>[Tune]</c> compared.
/// </summary>
public sealed record SeriesAnomalyReport : EvaluationReport
{
    [SetsRequiredMembers]
    internal SeriesAnomalyReport(ReportBasics basics, SeriesAnomalySummary summary, IReadOnlyList<DetectorScore> detectors, IReadOnlyList<SeriesAnomalySample> samples)
        : base(basics)
    {
        Series = summary.Series;
        Threshold = summary.Threshold;
        Detections = summary.Detections;
        LabelledWindows = summary.Windows;
        Detectors = detectors;
        Samples = samples;
    }

    /// <summary>The number of series.</summary>
    public required int Series { get; init; }

    /// <summary>The score at or above which a point is an anomaly.</summary>
    public required double Threshold { get; init; }

    /// <summary>The points at or above the threshold, over all series.</summary>
    public required int Detections { get; init; }

    /// <summary>The labelled anomaly windows (runs of points labelled true); 0 without a label.</summary>
    public required int LabelledWindows { get; init; }

    /// <summary>With a label, every detector compared: its NAB score at the threshold NAB's optimizer finds for it; the chosen one first.</summary>
    public required IReadOnlyList<DetectorScore> Detectors { get; init; }

    /// <summary>A few series with their values, scores, detections and labelled windows.</summary>
    public required IReadOnlyList<SeriesAnomalySample> Samples { get; init; }
}

/// <summary>The shape of a series anomaly report.</summary>
internal sealed record SeriesAnomalySummary(int Series, double Threshold, int Detections, int Windows);

/// <summary>A detector's NAB score (standard profile unless [Tune] names another) on the labelled series, at the threshold NAB's optimizer finds for it.</summary>
public sealed record DetectorScore(Trainer Detector, double NabScore, double Threshold);

/// <summary>
/// One series in the report, thinned to at most a few thousand points for drawing: each point's step in the series,
/// its first watched value and its score; the steps detected; the labelled windows as first and last steps.
/// </summary>
public sealed record SeriesAnomalySample(string Series, IReadOnlyList<int> Steps, IReadOnlyList<double> Values, IReadOnlyList<double> Scores, IReadOnlyList<int> Detected, IReadOnlyList<int> WindowStarts, IReadOnlyList<int> WindowEnds);
