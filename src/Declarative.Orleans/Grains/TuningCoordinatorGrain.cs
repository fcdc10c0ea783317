using Declarative.Orleans.Messages;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Declarative.Orleans.Grains;

/// <summary>Fans a round out to trial workers and retries a trial whose worker was lost; see <see cref="ITuningCoordinatorGrain"/>.</summary>
[Reentrant]
internal sealed partial class TuningCoordinatorGrain(ILogger<TuningCoordinatorGrain> logger) : Grain, ITuningCoordinatorGrain
{
    /// <summary>How often one trial is tried on a new worker before the round fails.</summary>
    internal const int Attempts = 5;

    /// <summary>How long a poll waits for the round to end before it answers that it is still running.</summary>
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(2);

    private readonly Dictionary<int, Task<TrialOutcome[]>> _rounds = [];
    private int _attempt;

    public Task<bool> Start(TrialWork work, TrialAsk[] round)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(round);
        var first = round.Length == 0 ? 0 : round[0].Number;
        if (!_rounds.TryGetValue(first, out var running) || running.IsFaulted)
        {
            // Rounds come one after another: only the one asked for now is worth keeping.
            _rounds.Clear();
            _rounds[first] = Task.WhenAll(round.Select(trial => Run(work, trial)));
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }

    public async Task<RoundProgress> Poll(int first)
    {
        if (!_rounds.TryGetValue(first, out var round))
        {
            return new RoundProgress { Known = false };
        }

        await Task.WhenAny(round, Task.Delay(PollWait)).ConfigureAwait(true);
        return round.IsCompleted
            ? new RoundProgress { Known = true, Outcomes = await round.ConfigureAwait(true) } // a failed round throws to the build
            : new RoundProgress { Known = true };
    }

    private async Task<TrialOutcome> Run(TrialWork work, TrialAsk trial)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A fresh worker key per attempt: the grain is placed anew, on a silo that is still there.
            var worker = GrainFactory.GetGrain<ITrialWorkerGrain>($"{this.GetPrimaryKeyString()}/{trial.Number}/{++_attempt}");
            try
            {
                var outcome = await worker.Run(work, trial).ConfigureAwait(true);
                return outcome with { Attempt = attempt };
            }
            catch (Exception e) when (attempt < Attempts && e is not OperationCanceledException)
            {
                // Its silo stopped or could not be reached; the trial's result does not depend on where it runs.
                LogRetry(logger, trial.Number, attempt, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt)).ConfigureAwait(true);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {Number}: attempt {Attempt} was lost ({Reason}); running it on another worker.")]
    private static partial void LogRetry(ILogger logger, int number, int attempt, string reason);
}
