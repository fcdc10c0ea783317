using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Declarative.Orleans;

/// <summary>Makes a silo a trial worker, and a client one that waits for trials.</summary>
public static class TrialHosting
{
    /// <summary>How long a coordinator waits for one trial's worker before giving up on it: trials can take many minutes.</summary>
    public static readonly TimeSpan TrialTimeout = TimeSpan.FromHours(2);

    /// <summary>
    /// Lets this silo run Declarative trials, <paramref name="trialsAtOnce"/> at a time (0: its cores). The silo's machine
    /// needs the build's output (the project's assembly and its dependencies) and the data file at the paths the
    /// build uses; see docs/tuning.md.
    /// </summary>
    public static ISiloBuilder AddDeclarativeTrials(this ISiloBuilder silo, int trialsAtOnce = 0)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentOutOfRangeException.ThrowIfNegative(trialsAtOnce);
        silo.Services.AddSingleton(new TrialSlots(trialsAtOnce > 0 ? trialsAtOnce : Environment.ProcessorCount));
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TrialTimeout);
        return silo;
    }

    /// <summary>
    /// Makes this client a build's: it polls rounds with short calls (Orleans' default 30 s response timeout is kept, so
    /// a call to a lost silo fails in time to start the round elsewhere).
    /// </summary>
    public static IClientBuilder AddDeclarativeTrials(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client;
    }
}
