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

    /// <summary>Most test rows a report keeps the values of.</summary>
    internal const int PointLimit = 5_000;

    /// <summary>The actual and predicted value of every test row, or of 5,000 evenly spaced ones when there are more.</summary>
    public required IReadOnlyList<RegressionPoint> Points { get; init; }
}

/// <summary>An actual and a predicted value of one test row.</summary>
public sealed record RegressionPoint(double Actual, double Predicted)
{
    /// <summary>Predicted minus actual.</summary>
    public double Residual => Predicted - Actual;
}
