using Declarative.Tuning;

namespace Declarative.Build;

/// <summary>
/// A trial cluster joined on the first round that needs it: a build whose tuned pipelines are all up to date (or
/// pinned by a lock file) starts no silo and reaches no cluster.
/// </summary>
internal sealed class DeferredTrialCluster(ITrialClusterProvider provider, string setting, Action<string> log) : ITrialCluster, IAsyncDisposable
{
    private Task<ITrialCluster>? _connected;

    async Task<IReadOnlyList<TrialResult>> ITrialCluster.RunAsync(TrialJob job, IReadOnlyList<TrialRequest> round, CancellationToken cancellationToken)
    {
        _connected ??= Connect();
        var cluster = await _connected.ConfigureAwait(false);
        return await cluster.RunAsync(job, round, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connected is { IsCompletedSuccessfully: true } connected && connected.Result is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ITrialCluster> Connect()
    {
        try
        {
            return await provider.ConnectAsync(setting, log).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"the trial cluster '{setting}' (DeclarativeTrialCluster) could not be reached: {e.Message}", e);
        }
    }
}
