namespace Declarative.Tuning;

/// <summary>The tuning part of a pipeline declaration (from <see cref="TuneAttribute"/> and <see cref="SearchRangeAttribute"/>).</summary>
public sealed class TuningSpec
{
    /// <summary>The number of trials.</summary>
    public int MaxTrials { get; init; } = 20;

    /// <summary>The name of the metric to optimize (an ML.NET metrics property), or null for the task's default.</summary>
    public string? Metric { get; init; }

    /// <summary>Cross-validation folds; 0 chooses by size, 1 is a holdout.</summary>
    public int Folds { get; init; }

    /// <summary>A wall-clock limit in seconds; 0 for none.</summary>
    public int TimeBudgetSeconds { get; init; }

    /// <summary>The search strategy.</summary>
    public TunerKind Tuner { get; init; }

    /// <summary>Narrowed hyperparameter ranges.</summary>
    public IReadOnlyList<SearchRange> Ranges { get; init; } = [];

    /// <summary>The metric's name for <paramref name="task"/>, with the default filled in.</summary>
    public string MetricFor(MLTask task) => Metric ?? task switch
    {
        MLTask.BinaryClassification => nameof(BinaryMetric.AreaUnderRocCurve),
        MLTask.MulticlassClassification => nameof(MulticlassMetric.MacroAccuracy),
        _ => nameof(RegressionMetric.RSquared),
    };

    /// <summary>Whether a smaller value of the metric is better.</summary>
    public static bool LowerIsBetter(string metric) =>
        metric is "LogLoss" or "RootMeanSquaredError" or "MeanAbsoluteError" or "MeanSquaredError";

    internal string Signature() =>
        FormattableString.Invariant($"tune:{MaxTrials}:{Metric}:{Folds}:{TimeBudgetSeconds}:{Tuner}:{string.Join(",", Ranges.Select(r => $"{r.Trainer}.{r.Hyperparameter}[{r.Min:R},{r.Max:R}]"))}");
}

/// <summary>One trial of tuning.</summary>
/// <param name="Number">Its position in the search, from 1.</param>
/// <param name="Trainer">The trainer.</param>
/// <param name="Hyperparameters">The hyperparameters set on the trainer.</param>
/// <param name="Metric">The validation metric (mean over folds); null when the trial failed.</param>
/// <param name="MetricStdDev">The metric's standard deviation over folds (0 on a holdout).</param>
/// <param name="Cost">Its estimated cost in work units (rows × folds × trainer work), used to choose trainers reproducibly.</param>
/// <param name="Error">Why the trial failed, or null.</param>
public sealed record TrialResult(int Number, Trainer Trainer, IReadOnlyDictionary<string, string> Hyperparameters, double? Metric, double? MetricStdDev, double Cost, string? Error)
{
    /// <summary>Whether the trial produced a metric.</summary>
    public bool Succeeded => Error is null && Metric is not null;
}

/// <summary>A configuration fixed ahead of training (from a tuning lock file): no search, only the refit.</summary>
/// <param name="Trainer">The trainer.</param>
/// <param name="Hyperparameters">Its hyperparameters.</param>
public sealed record PinnedConfiguration(Trainer Trainer, IReadOnlyDictionary<string, string> Hyperparameters);

/// <summary>How a pipeline is trained beyond its declaration.</summary>
public sealed record TrainOptions
{
    /// <summary>Called after each tuning trial (the build prints them).</summary>
    public Action<TrialResult>? Progress { get; init; }

    /// <summary>A configuration to refit instead of tuning.</summary>
    public PinnedConfiguration? Pinned { get; init; }
}
