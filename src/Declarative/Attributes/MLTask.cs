// Shared with the source generator, which compiles this file too (as System.Text.Json shares its enums with its
// generator): the generator stores the task by member, never as a number, and both sides read one list.
#if !DECLARATIVE_GENERATOR
namespace Declarative;
#else
namespace Declarative.Generators.Shared;
#endif

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

    /// <summary>Forecasts the next values of one or many series in time (a [Time] and, for many series, a [SeriesId]).</summary>
    Forecasting = 8,

    /// <summary>
    /// Scores each point of one or many series in time as it arrives, against only the past (a [Time] and, for many
    /// series, a [SeriesId]); a <see cref="bool"/> label, when declared, marks the anomalies and chooses the detector.
    /// </summary>
    SeriesAnomalyDetection = 9,
}
