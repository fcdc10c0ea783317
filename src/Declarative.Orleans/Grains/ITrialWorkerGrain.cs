using Declarative.Orleans.Messages;

namespace Declarative.Orleans.Grains;

/// <summary>
/// Trains one configuration and returns its result. It keeps no state: each attempt at a trial is a grain of its own
/// (keyed by declaration, trial and attempt), placed on any silo, so a retry after a silo is lost runs elsewhere.
/// </summary>
public interface ITrialWorkerGrain : IGrainWithStringKey
{
    /// <summary>Runs <paramref name="trial"/> of <paramref name="work"/>.</summary>
    Task<TrialOutcome> Run(TrialWork work, TrialAsk trial);
}
