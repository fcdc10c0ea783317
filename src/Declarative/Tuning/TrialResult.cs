namespace Declarative.Tuning;

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
