using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Evaluation;

/// <summary>What evaluation needs of a task beyond training: the task's own report from the scored test rows.</summary>
internal interface ITaskEvaluation : ITaskTraining
{
    /// <summary>The task's report: the shared parts plus its curves, matrices or points from <paramref name="predictions"/>.</summary>
    EvaluationReport CreateReport(ReportBasics basics, IDataView predictions, string? label);
}
