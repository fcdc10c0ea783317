namespace Declarative;

/// <summary>The machine-learning task of a pipeline.</summary>
public enum MLTask
{
    /// <summary>Predicts one of two classes (a <see cref="bool"/> label).</summary>
    BinaryClassification = 1,

    /// <summary>Predicts one of several classes (a string, enum or integer label).</summary>
    MulticlassClassification = 2,

    /// <summary>Predicts a number.</summary>
    Regression = 3,

    /// <summary>Orders the rows of a group (a query) by relevance: a numeric label of graded relevance and a [GroupId].</summary>
    Ranking = 4,

    /// <summary>Groups rows into clusters (k-means); a label, when declared, only measures the clusters.</summary>
    Clustering = 5,

    /// <summary>Scores how unusual a row is; a <see cref="bool"/> label, when declared, only measures the detector.</summary>
    AnomalyDetection = 6,

    /// <summary>Learns the joint distribution of a row type and samples new rows (a synthesizer).</summary>
    Synthesis = 7,
}

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
