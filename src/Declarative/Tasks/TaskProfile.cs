using System.Globalization;
using System.Text;
using Declarative.Evaluation;
using Declarative.Reports;
using Declarative.Schema;

namespace Declarative.Tasks;

/// <summary>
/// What the runtime does differently per task, over the task's shared <see cref="TaskDefinition"/> (the facts the
/// generator reads too). Every task has a report with sections of its own (<see cref="ITaskSections"/>); a task that
/// predicts also trains and is measured (<see cref="PredictiveTaskProfile"/>), and a task that samples
/// (<see cref="GenerativeTaskProfile"/>) has no trainer or evaluator to throw from. A new task is one more profile,
/// listed in <see cref="TaskProfiles"/>, with its typed face (such as <see cref="Regressor{TRow}"/>) beside it.
/// </summary>
internal abstract class TaskProfile(TaskDefinition definition) : ITaskSections
{
    /// <summary>The task's facts, shared with the generator.</summary>
    public TaskDefinition Definition { get; } = definition;

    /// <summary>The task.</summary>
    public MLTask Task => Definition.Task;

    /// <inheritdoc/>
    public string Title => Definition.Heading;

    /// <summary>The metric that ranks models (or, for a synthesizer, headlines its report) when the declaration names none.</summary>
    public string HeadlineMetric => Definition.HeadlineMetric;

    /// <summary>Whether the portable scorer serves the task (its models are trees or linear models read by <c>PortableModelReader</c>).</summary>
    public bool Portable => Definition.Portable;

    /// <summary>Whether the task's models have a raw score to explain (<see cref="TaskDefinition.Explains"/>).</summary>
    public bool Explains => Definition.Explains;

    /// <inheritdoc/>
    public bool LowerIsBetter(string metric) => Definition.LowerIsBetter(metric);

    /// <inheritdoc/>
    public virtual string Rows(EvaluationReport report) =>
        report.TrainRows > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{report.TrainRows:N0} training rows, {report.TestRows:N0} test rows{(report.TestGroups is { } groups ? $" in {groups:N0} groups the training rows do not share" : "")}")
            : string.Create(CultureInfo.InvariantCulture, $"every one of its {report.TestRows:N0} rows scored as a test set");

    /// <inheritdoc/>
    public virtual string HeadlineScope => "on the test part";

    /// <inheritdoc/>
    public virtual bool CrossValidates => false;

    /// <inheritdoc/>
    public virtual string Footer(EvaluationReport report) =>
        report.TrainRows == 0 ? "Written by Declarative from every row of a file the model was not trained on."
        : report.CrossValidation.Count > 0 ? "Written by Declarative from the held-out test part; cross-validation over the training part."
        : report.TestIntervals.Count > 0 ? "Written by Declarative from the held-out test part; intervals from bootstrap resamples of its rows."
        : "Written by Declarative from the held-out test part.";

    /// <inheritdoc/>
    public abstract void WriteSections(StringBuilder html, EvaluationReport report);
}
