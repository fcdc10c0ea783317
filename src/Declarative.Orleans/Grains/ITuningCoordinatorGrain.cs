using Declarative.Orleans.Messages;

namespace Declarative.Orleans.Grains;

/// <summary>
/// Runs the rounds of one declaration's tuning (keyed by its declaration hash): sends each trial to a worker, runs a
/// trial again elsewhere when its silo is lost, and keeps the round's outcomes for the build to collect. The build
/// starts a round and then polls with short calls, so a coordinator lost with its silo costs one short call, not a
/// wait as long as the round: a new activation elsewhere is started on the same round.
/// </summary>
public interface ITuningCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts <paramref name="round"/> unless it is running or done here; returns at once, with whether it started it.</summary>
    Task<bool> Start(TrialWork work, TrialAsk[] round);

    /// <summary>
    /// The round that starts with trial <paramref name="first"/>: its outcomes once done (waiting a few seconds for
    /// them first), or that it is still running, or that this activation does not know it (start it again).
    /// </summary>
    Task<RoundProgress> Poll(int first);
}
