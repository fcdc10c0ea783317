using System.Diagnostics.CodeAnalysis;

namespace Declarative.Evaluation;

/// <summary>The report of an anomaly detector.</summary>
public sealed record AnomalyDetectionReport : EvaluationReport
{
    [SetsRequiredMembers]
    internal AnomalyDetectionReport(ReportBasics basics, double threshold, IReadOnlyList<ScoredRow> scores, BinaryConfusion? confusion, IReadOnlyList<CurvePoint> rocCurve)
        : base(basics)
    {
        Threshold = threshold;
        Scores = scores;
        Confusion = confusion;
        RocCurve = rocCurve;
    }

    /// <summary>The score above which a row is flagged, set from the training rows by the declared contamination share.</summary>
    public required double Threshold { get; init; }

    /// <summary>Every test row's score, with its label when there is one.</summary>
    public required IReadOnlyList<ScoredRow> Scores { get; init; }

    /// <summary>Flagged against labelled anomalies at <see cref="Threshold"/>; null without a [Label].</summary>
    public required BinaryConfusion? Confusion { get; init; }

    /// <summary>The ROC curve of the score against the label; empty without a [Label].</summary>
    public required IReadOnlyList<CurvePoint> RocCurve { get; init; }
}

/// <summary>One test row's anomaly score, and whether its label says it is an anomaly (null without a label).</summary>
public sealed record ScoredRow(double Score, bool? Anomaly);
