using System.Diagnostics.CodeAnalysis;

namespace Declarative.Evaluation;

/// <summary>The report of a multiclass classifier.</summary>
public sealed record MulticlassClassificationReport : EvaluationReport
{
    [SetsRequiredMembers]
    internal MulticlassClassificationReport(ReportBasics basics, IReadOnlyList<string> classes, IReadOnlyList<IReadOnlyList<int>> confusion, IReadOnlyList<ClassMetrics> perClass)
        : base(basics)
    {
        Classes = classes;
        Confusion = confusion;
        PerClass = perClass;
    }

    /// <summary>The classes, in the order of the matrix.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Counts of test rows by actual class (row) and predicted class (column).</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Confusion { get; init; }

    /// <summary>Per-class precision, recall and F1.</summary>
    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }
}

/// <summary>Precision, recall and F1 of one class, with how many test rows have it.</summary>
public sealed record ClassMetrics(string Class, int Support, double Precision, double Recall, double F1);
