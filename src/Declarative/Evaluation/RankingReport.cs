using System.Diagnostics.CodeAnalysis;

namespace Declarative.Evaluation;

/// <summary>The report of a ranking model.</summary>
public sealed record RankingReport : EvaluationReport
{
    [SetsRequiredMembers]
    internal RankingReport(ReportBasics basics, IReadOnlyList<CutOffPoint> byCutOff, IReadOnlyList<double> groupNdcg)
        : base(basics)
    {
        ByCutOff = byCutOff;
        GroupNdcg = groupNdcg;
    }

    /// <summary>NDCG at each cut-off from 1 to 10, the model's and a random order's (the trivial baseline).</summary>
    public required IReadOnlyList<CutOffPoint> ByCutOff { get; init; }

    /// <summary>NDCG@10 of each test group with at least one relevant row, sorted: the spread behind the mean.</summary>
    public required IReadOnlyList<double> GroupNdcg { get; init; }
}

/// <summary>NDCG at one cut-off: the model's (ML.NET's evaluator) and the mean over random orders of each group.</summary>
public sealed record CutOffPoint(int CutOff, double Ndcg, double RandomNdcg);
