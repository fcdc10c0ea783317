namespace Declarative.Tuning;

/// <summary>A configuration fixed ahead of training (from a tuning lock file): no search, only the refit.</summary>
/// <param name="Trainer">The trainer.</param>
/// <param name="Hyperparameters">Its hyperparameters.</param>
public sealed record PinnedConfiguration(Trainer Trainer, IReadOnlyDictionary<string, string> Hyperparameters)
{
    /// <summary>The members of a pinned ensemble (refitted with these weights); empty for a single model.</summary>
    public IReadOnlyList<EnsembleMember> Ensemble { get; init; } = [];
}

/// <summary>How a pipeline is trained beyond its declaration.</summary>
public sealed record TrainOptions
{
    /// <summary>Called after each tuning trial (the build prints them).</summary>
    public Action<TrialResult>? Progress { get; init; }

    /// <summary>Trials to run at the same time on this machine, instead of the declaration's <c>ConcurrentTrials</c>.</summary>
    public int? ConcurrentTrials { get; init; }

    /// <summary>
    /// Runs the tuning trials on a cluster instead of this process (the Declarative.Orleans package provides one). The
    /// trials and the winner are the same; the data must be a file or the declared database, which every worker reads.
    /// </summary>
    public ITrialCluster? Cluster { get; init; }

    /// <summary>A configuration to refit instead of tuning.</summary>
    public PinnedConfiguration? Pinned { get; init; }

    /// <summary>
    /// Called with one line for each long phase after training (each cross-validation fold, each property's
    /// importance), so that a long build never looks hung.
    /// </summary>
    public Action<string>? Status { get; init; }
}
