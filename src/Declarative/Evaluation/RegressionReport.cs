using System.Diagnostics.CodeAnalysis;

namespace Declarative.Evaluation;

/// <summary>The report of a regression model.</summary>
public sealed record RegressionReport : EvaluationReport
{
    [SetsRequiredMembers]
    internal RegressionReport(ReportBasics basics, IReadOnlyList<RegressionPoint> points)
        : base(basics)
    {
        Points = points;
    }

    /// <summary>Every test row's actual and predicted value.</summary>
    public required IReadOnlyList<RegressionPoint> Points { get; init; }
}

/// <summary>An actual and a predicted value of one test row.</summary>
public sealed record RegressionPoint(double Actual, double Predicted)
{
    /// <summary>Predicted minus actual.</summary>
    public double Residual => Predicted - Actual;
}
