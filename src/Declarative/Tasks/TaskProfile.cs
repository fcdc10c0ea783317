using System.Text;
using Declarative.Evaluation;
using Declarative.Reports;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Tasks;

/// <summary>
/// Everything the runtime does differently per task, in one place: the label it trains on, its trainers, how it is
/// measured, its headline metric, its report and the report's sections. Each layer sees the profile only through the
/// narrow interface it declares (<see cref="Training.ITaskTraining"/>, <see cref="ITaskEvaluation"/>,
/// <see cref="ITaskSections"/>), so dependencies keep pointing one way. A new task is one more profile, listed in
/// <see cref="TaskProfiles"/>, with its typed face (such as <see cref="Regressor{TRow}"/>) beside it.
/// </summary>
internal abstract class TaskProfile : ITaskEvaluation, ITaskSections
{
    /// <inheritdoc/>
    public abstract MLTask Task { get; }

    /// <inheritdoc/>
    public abstract string Title { get; }

    /// <inheritdoc/>
    public abstract ColumnKind LabelKind { get; }

    /// <inheritdoc/>
    public abstract string HeadlineMetric { get; }

    /// <inheritdoc/>
    public virtual LabelConversion LabelConversion => LabelConversion.None;

    /// <inheritdoc/>
    public virtual bool LabelOptional => false;

    /// <inheritdoc/>
    public virtual bool NeedsTwoClasses => false;

    /// <inheritdoc/>
    public virtual bool NeedsGroup => false;

    /// <summary>Whether the portable scorer serves the task (its models are trees or linear models read by <c>PortableModelReader</c>).</summary>
    public virtual bool Portable => false;

    /// <summary>The task's metrics where smaller is better.</summary>
    protected virtual IReadOnlySet<string> LowerIsBetterMetrics { get; } = new HashSet<string>();

    /// <inheritdoc/>
    public bool LowerIsBetter(string metric) => LowerIsBetterMetrics.Contains(metric);

    /// <inheritdoc/>
    public abstract IEstimator<ITransformer> CreateTrainer(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hyperparameters);

    /// <inheritdoc/>
    public abstract object? Evaluate(MLContext ml, IDataView predictions, string? label);

    /// <inheritdoc/>
    public virtual double? Threshold(ITransformer model, IDataView trainPart, double contamination) => null;

    /// <inheritdoc/>
    public abstract EvaluationReport CreateReport(ReportBasics basics, IDataView predictions, string? label);

    /// <inheritdoc/>
    public abstract void WriteSections(StringBuilder html, EvaluationReport report);

    /// <summary>Options with the tuned <paramref name="hyperparameters"/> applied (none: ML.NET's defaults).</summary>
    protected static T With<T>(T options, IReadOnlyDictionary<string, string>? hyperparameters)
        where T : class
    {
        if (hyperparameters is not null)
        {
            Tuning.SearchSpace.Apply(options, hyperparameters);
        }

        return options;
    }

    /// <summary>The error for a trainer the task cannot use (the generator reports it first, as DCL0006).</summary>
    protected NotSupportedException Unsupported(Trainer trainer) => new($"The trainer {trainer} cannot be used for {Task}.");

    /// <summary>Reads one column of a view into an array.</summary>
    protected static T[] Column<T>(IDataView view, string name) => Data.ViewColumns.Read<T>(view, name);
}
