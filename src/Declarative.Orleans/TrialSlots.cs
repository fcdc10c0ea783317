namespace Declarative.Orleans;

/// <summary>How many trials a silo runs at once (its cores unless configured): trials wait for a slot, not for a thread.</summary>
internal sealed class TrialSlots(int count) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, count));

    /// <summary>Trials running now.</summary>
    public int Running => Math.Max(1, count) - _slots.CurrentCount;

    /// <summary>When set, a trial waits here once it has its slot (tests hold a silo's trials to stop it mid-trial).</summary>
    internal TaskCompletionSource? Hold { get; set; }

    public async Task WaitAsync()
    {
        await _slots.WaitAsync().ConfigureAwait(false);
        if (Hold is { } hold)
        {
            await hold.Task.ConfigureAwait(false);
        }
    }

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
