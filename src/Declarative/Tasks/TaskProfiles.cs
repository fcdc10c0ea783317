namespace Declarative.Tasks;

/// <summary>The profile of each task: the one list a new task's profile is added to.</summary>
internal static class TaskProfiles
{
    private static readonly TaskProfile[] All =
    [
        new BinaryClassificationProfile(),
        new MulticlassClassificationProfile(),
        new RegressionProfile(),
        new RankingProfile(),
        new ClusteringProfile(),
        new AnomalyDetectionProfile(),
        new SynthesisProfile(),
        new ForecastingProfile(),
        new SeriesAnomalyProfile(),
    ];

    /// <summary>The profile of <paramref name="task"/>.</summary>
    public static TaskProfile For(MLTask task) =>
        Array.Find(All, p => p.Task == task) ?? throw new ArgumentOutOfRangeException(nameof(task), task, "Declarative has no such task.");

    /// <summary>
    /// The task that predicts a label of <paramref name="labelKind"/> from the other columns alone (no group, a label it
    /// trains on): a bool by binary classification, a class by multiclass, a number by regression. Null for none.
    /// </summary>
    public static PredictiveTaskProfile? PredictorOf(Schema.ColumnKind labelKind) =>
        All.OfType<PredictiveTaskProfile>().FirstOrDefault(p => p.LabelKind == labelKind && !p.LabelOptional && !p.NeedsGroup);

    /// <summary>The profile of <paramref name="task"/>, which trains and predicts (not a generative task).</summary>
    public static PredictiveTaskProfile Predictive(MLTask task) =>
        For(task) as PredictiveTaskProfile ?? throw new ArgumentException($"{task} samples rows; it trains no predictive model.", nameof(task));
}
