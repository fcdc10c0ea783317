namespace Declarative.Tuning;

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

    /// <summary>
    /// Called with one line for each long phase after training (each cross-validation fold, each property's
    /// importance), so that a long build never looks hung.
    /// </summary>
    public Action<string>? Status { get; init; }
}
