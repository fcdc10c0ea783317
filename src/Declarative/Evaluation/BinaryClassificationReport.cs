using System.Diagnostics.CodeAnalysis;

namespace Declarative.Evaluation;

/// <summary>The report of a binary classifier.</summary>
public sealed record BinaryClassificationReport : EvaluationReport
{
    [SetsRequiredMembers]
    internal BinaryClassificationReport(ReportBasics basics, BinaryConfusion confusion, IReadOnlyList<CurvePoint> rocCurve, IReadOnlyList<CurvePoint> precisionRecallCurve)
        : base(basics)
    {
        Confusion = confusion;
        RocCurve = rocCurve;
        PrecisionRecallCurve = precisionRecallCurve;
    }

    /// <summary>Outcomes at the 0.5 cut.</summary>
    public required BinaryConfusion Confusion { get; init; }

    /// <summary>Most points a curve keeps: beyond that many distinct test scores, evenly spaced ones.</summary>
    internal const int CurvePointLimit = 2_000;

    /// <summary>
    /// The ROC curve: false positive rate (X) against true positive rate (Y), from (0,0) to (1,1); a point at each
    /// distinct test score, or 2,000 evenly spaced ones (ends kept) when there are more.
    /// </summary>
    public required IReadOnlyList<CurvePoint> RocCurve { get; init; }

    /// <summary>The precision-recall curve: recall (X) against precision (Y), thinned like <see cref="RocCurve"/>.</summary>
    public required IReadOnlyList<CurvePoint> PrecisionRecallCurve { get; init; }
}

/// <summary>One point of a curve; <see cref="Threshold"/> is the probability cut that gives it.</summary>
public sealed record CurvePoint(double X, double Y, double Threshold);

/// <summary>Binary outcomes at the 0.5 probability cut.</summary>
public sealed record BinaryConfusion(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>All counted rows.</summary>
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
}
