using System.Diagnostics.CodeAnalysis;

namespace Declarative.Evaluation;

/// <summary>
/// The report of a synthesizer: its rows against real rows it never saw (the held-out part), for fidelity, utility
/// and privacy, beside two baselines: independent marginals (no structure) and resampled training rows (no privacy).
/// </summary>
public sealed record SynthesisReport : EvaluationReport
{
    [SetsRequiredMembers]
    internal SynthesisReport(ReportBasics basics, IReadOnlyList<SynthesisScore> methods, IReadOnlyList<ColumnFidelity> columns, string? utilityMetric, double? realUtility, double holdoutCopyShare)
        : base(basics)
    {
        HoldoutCopyShare = holdoutCopyShare;
        Methods = methods;
        Columns = columns;
        UtilityMetric = utilityMetric;
        RealUtility = realUtility;
    }

    /// <summary>The synthesizer first, then the baselines.</summary>
    public required IReadOnlyList<SynthesisScore> Methods { get; init; }

    /// <summary>Each column's distance from the held-out rows, per method.</summary>
    public required IReadOnlyList<ColumnFidelity> Columns { get; init; }

    /// <summary>The metric of the utility test (the label's task's headline metric); null without a [Label].</summary>
    public required string? UtilityMetric { get; init; }

    /// <summary>Train on real, test on real (TRTR): what the synthetic rows' utility is compared with; null without a [Label].</summary>
    public required double? RealUtility { get; init; }

    /// <summary>The share of the real held-out rows equal to a training row: what a method's exact copies compare with (data of few small values repeats).</summary>
    public required double HoldoutCopyShare { get; init; }
}

/// <summary>
/// One method's scores. <see cref="ColumnDistance"/>: the mean over columns of the Kolmogorov-Smirnov statistic
/// (numbers) or the total-variation distance (categories) from the held-out rows (0 is the same distribution).
/// <see cref="CorrelationDifference"/>: the mean absolute difference of the pairwise correlations. <see cref="Utility"/>:
/// train on these rows, test on the real held-out rows (TSTR). <see cref="DistanceRatio"/>: the median distance from
/// each row to its closest training row, over the same for held-out real rows (below 1: closer to the training rows
/// than new real rows are). <see cref="ExactCopyShare"/>: the share of rows equal to a training row.
/// </summary>
public sealed record SynthesisScore(string Method, double ColumnDistance, double CorrelationDifference, double? Utility, double DistanceRatio, double ExactCopyShare);

/// <summary>One column's distance from the held-out rows: the Kolmogorov-Smirnov statistic or the total-variation distance.</summary>
public sealed record ColumnFidelity(string Column, string Measure, double Synthesizer, double IndependentMarginals, double Resampling);
