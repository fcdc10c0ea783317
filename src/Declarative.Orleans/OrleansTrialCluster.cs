using Declarative.Orleans.Grains;
using Declarative.Orleans.Messages;
using Declarative.Tuning;

namespace Declarative.Orleans;

/// <summary>
/// Runs tuning rounds on an Orleans cluster: the round goes to the declaration's coordinator grain, which sends each
/// trial to a worker grain on any silo; this polls it with short calls. A round whose coordinator was lost with its
/// silo is started again on a new one.
/// </summary>
public sealed class OrleansTrialCluster : ITrialCluster
{
    private const int Attempts = 5;
    private readonly IGrainFactory _grains;

    /// <summary>Runs trials through <paramref name="grains"/> (a cluster client, or a silo's own grain factory).</summary>
    public OrleansTrialCluster(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        _grains = grains;
    }

    /// <summary>Called with each trial's outcome (where it ran, which attempt), in trial order, for logs and tests.</summary>
    public Action<TrialOutcome>? Ran { get; init; }

    /// <inheritdoc/>
    async Task<IReadOnlyList<TrialResult>> ITrialCluster.RunAsync(TrialJob job, IReadOnlyList<TrialRequest> round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(round);
        var work = TrialWork.From(job);
        var asks = round.Select(TrialAsk.From).ToArray();
        var coordinator = _grains.GetGrain<ITuningCoordinatorGrain>(job.DeclarationHash);
        var first = asks.Length == 0 ? 0 : asks[0].Number;
        var failures = 0;
        var start = true;
        var reruns = 0;
        var started = false;
        TrialOutcome[] outcomes;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (start)
                {
                    // Started again on a coordinator that did not know the round: its silo was lost, and every trial of
                    // the round runs again (with the same results).
                    if (await coordinator.Start(work, asks).ConfigureAwait(false) && started)
                    {
                        reruns++;
                    }

                    (start, started) = (false, true);
                }

                var progress = await coordinator.Poll(first).ConfigureAwait(false);
                if (!progress.Known)
                {
                    start = true; // a new coordinator, after the last one's silo was lost
                }
                else if (progress.Outcomes is { } done)
                {
                    outcomes = done;
                    break;
                }
            }
            catch (Exception e) when (++failures < Attempts && e is not OperationCanceledException)
            {
                // The coordinator's silo was lost, or a trial failed on every worker it was given: try the round again.
                start = true;
                await Task.Delay(TimeSpan.FromMilliseconds(500 * failures), cancellationToken).ConfigureAwait(false);
            }
        }

        if (outcomes.FirstOrDefault(o => o.WorkerError is not null) is { } broken)
        {
            throw new TrialWorkerException(broken.WorkerError!);
        }

        foreach (var outcome in outcomes)
        {
            Ran?.Invoke(outcome with { Attempt = outcome.Attempt + reruns });
        }

        return outcomes.Select((outcome, i) => outcome.ToResult(round[i])).ToList();
    }
}
