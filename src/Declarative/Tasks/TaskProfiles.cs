namespace Declarative.Tasks;

/// <summary>The profile of each task: the one list a new task is added to.</summary>
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
    ];

    /// <summary>The profile of <paramref name="task"/>.</summary>
    public static TaskProfile For(MLTask task) =>
        Array.Find(All, p => p.Task == task) ?? throw new ArgumentOutOfRangeException(nameof(task), task, "Declarative has no such task.");
}
