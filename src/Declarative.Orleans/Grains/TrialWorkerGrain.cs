using Declarative.Distribution;
using Declarative.Orleans.Messages;
using Declarative.Tuning;
using Orleans.Placement;

namespace Declarative.Orleans.Grains;

/// <summary>Runs a trial with <see cref="TrialWorker"/>, on the thread pool and within the silo's trial slots.</summary>
[RandomPlacement]
internal sealed class TrialWorkerGrain(TrialSlots slots, ILocalSiloDetails silo) : Grain, ITrialWorkerGrain
{
    public async Task<TrialOutcome> Run(TrialWork work, TrialAsk trial)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(trial);
        var where = silo.SiloAddress.ToString();
        try
        {
            // Training is long and CPU-bound: off the grain scheduler, and no more at once than the silo has slots.
            await slots.WaitAsync().ConfigureAwait(true);
            try
            {
                var result = await Task.Run(() => TrialWorker.Run(work.ToJob(), trial.ToRequest())).ConfigureAwait(true);
                return new TrialOutcome { Number = trial.Number, Metric = result.Metric, MetricStdDev = result.MetricStdDev, Cost = result.Cost, Error = result.Error, Silo = where };
            }
            finally
            {
                slots.Release();
            }
        }
        catch (TrialWorkerException e)
        {
            return new TrialOutcome { Number = trial.Number, WorkerError = $"{e.Message} [silo {where}]", Silo = where };
        }
        finally
        {
            // One trial per activation: nothing to keep once it is done.
            DeactivateOnIdle();
        }
    }
}
