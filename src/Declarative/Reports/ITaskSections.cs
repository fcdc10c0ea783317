using System.Text;
using Declarative.Evaluation;

namespace Declarative.Reports;

/// <summary>What the HTML report needs of a task: its name and the sections only it has.</summary>
internal interface ITaskSections
{
    /// <summary>The task in words, capitalized ("Binary classification").</summary>
    string Title { get; }

    /// <summary>Whether a smaller value of <paramref name="metric"/> is better (for the tuning curve and leaderboard).</summary>
    bool LowerIsBetter(string metric);

    /// <summary>What the report measured, in words for the lead ("8,000 training rows, 2,000 test rows").</summary>
    string Rows(EvaluationReport report);

    /// <summary>Where the headline metric was measured, after its value ("on the test part").</summary>
    string HeadlineScope { get; }

    /// <summary>
    /// Whether the metrics table has a spread column and a cross-validation note: a predictive task's. A synthesizer is
    /// measured against held-out rows only, a forecaster against each series' last steps (its rolling origins have their
    /// own section), a series detector on its own series.
    /// </summary>
    bool CrossValidates { get; }

    /// <summary>The report's closing line: what it was written from.</summary>
    string Footer(EvaluationReport report);

    /// <summary>Writes the task's sections (curves, matrices, residuals) between the metrics and the importance.</summary>
    void WriteSections(StringBuilder html, EvaluationReport report);
}
