namespace Declarative;

/// <summary>
/// Names the tasks a <see cref="Trainer"/> can serve. The source generator reads it to report a trainer that does
/// not fit the pipeline's task (DCL0006), so the catalog below is the one place that says which trainer fits where.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class SupportedTasksAttribute : Attribute
{
    /// <summary>Names the tasks.</summary>
    public SupportedTasksAttribute(params MLTask[] tasks) => Tasks = tasks;

    /// <summary>The tasks the trainer can serve.</summary>
    public IReadOnlyList<MLTask> Tasks { get; }
}
