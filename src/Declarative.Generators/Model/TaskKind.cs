namespace Declarative.Generators.Model
{
    /// <summary>The task of a pipeline; values match the runtime's <c>Declarative.MLTask</c>.</summary>
    internal enum TaskKind
    {
        BinaryClassification = 1,
        MulticlassClassification = 2,
        Regression = 3,
        Ranking = 4,
        Clustering = 5,
        AnomalyDetection = 6,
        Synthesis = 7,
    }
}
