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

    /// <summary>Writes the task's sections (curves, matrices, residuals) between the metrics and the importance.</summary>
    void WriteSections(StringBuilder html, EvaluationReport report);
}
