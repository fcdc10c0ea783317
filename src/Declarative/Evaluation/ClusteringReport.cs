using System.Diagnostics.CodeAnalysis;

namespace Declarative.Evaluation;

/// <summary>The report of a clustering model.</summary>
public sealed record ClusteringReport : EvaluationReport
{
    [SetsRequiredMembers]
    internal ClusteringReport(ReportBasics basics, IReadOnlyList<ClusterSummary> clusters, LabelCrosstab? crosstab)
        : base(basics)
    {
        Clusters = clusters;
        Crosstab = crosstab;
    }

    /// <summary>Each cluster: its test rows and its centroid (the mean of each numeric property over its test rows).</summary>
    public required IReadOnlyList<ClusterSummary> Clusters { get; init; }

    /// <summary>Test rows by label class and cluster, with the adjusted Rand index; null without a [Label].</summary>
    public required LabelCrosstab? Crosstab { get; init; }
}

/// <summary>One cluster of a clustering report.</summary>
/// <param name="Id">The cluster's id, as <c>ClusterId</c> predicts it.</param>
/// <param name="Rows">Test rows in the cluster.</param>
/// <param name="Centroid">The mean of each numeric property over the cluster's test rows, in the data's own units.</param>
public sealed record ClusterSummary(int Id, int Rows, IReadOnlyDictionary<string, double> Centroid);

/// <summary>How the clusters line up with the label's classes.</summary>
/// <param name="Classes">The label's classes, as text, sorted.</param>
/// <param name="Counts">Test rows by class (rows) and cluster (columns).</param>
/// <param name="AdjustedRandIndex">The adjusted Rand index: 1 for the classes exactly, about 0 for chance, below 0 for worse.</param>
public sealed record LabelCrosstab(IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<int>> Counts, double AdjustedRandIndex);
