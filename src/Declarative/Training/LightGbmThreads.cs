using Microsoft.ML;

namespace Declarative.Training;

/// <summary>
/// LightGBM's thread count is not private to one fit: two fits at once with different <c>NumberOfThreads</c> (a tuning
/// trial on one core beside a refit on all of them, or two <c>Train()</c> calls in one server) write past LightGBM's
/// per-thread buffers and kill the process (a segfault in <c>lib_lightgbm.so</c>; reproduced on adult with four fits at
/// once, half of them at one thread, within two seconds, where the same fits all at one thread or all at the default
/// ran clean). So fits with the same setting run side by side, and a fit with another setting waits until they end.
/// </summary>
internal static class LightGbmThreads
{
    private const string Default = "default";
    private static readonly object Gate = new();
    private static readonly Dictionary<string, int> Waiting = new(StringComparer.Ordinal);
    private static string? _running;
    private static int _count;

    /// <summary><paramref name="trainer"/>, fitting only while no LightGBM fit with another thread setting runs.</summary>
    public static IEstimator<ITransformer> Gated(IEstimator<ITransformer> trainer, IReadOnlyDictionary<string, string>? hyperparameters) =>
        new GatedEstimator(trainer, hyperparameters?.GetValueOrDefault("NumberOfThreads") ?? Default);

    /// <summary>Waits until fits with <paramref name="setting"/> may run, and counts this one in.</summary>
    internal static IDisposable Enter(string setting)
    {
        lock (Gate)
        {
            // A setting that waits is let in before more fits of the running one, so neither side starves.
            Waiting[setting] = Waiting.GetValueOrDefault(setting) + 1;
            while (_count > 0 && (_running != setting || Waiting.Any(w => w.Key != setting && w.Value > 0)))
            {
                Monitor.Wait(Gate);
            }

            Waiting[setting]--;
            _running = setting;
            _count++;
            return new Exit();
        }
    }

    private static void Leave()
    {
        lock (Gate)
        {
            if (--_count == 0)
            {
                _running = null;
            }

            Monitor.PulseAll(Gate);
        }
    }

    private sealed class Exit : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Leave();
            }
        }
    }

    /// <summary>
    /// The trainer with its fit inside the gate; the fitted transformer is the trainer's own. Every LightGBM fit passes
    /// here, so here ML.NET's failure on trees without a split (its <c>ImmutableArray.Create(items: null)</c>) becomes a
    /// message a user can act on; the data checks before training name the file where they can.
    /// </summary>
    private sealed class GatedEstimator(IEstimator<ITransformer> trainer, string setting) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            using (Enter(setting))
            {
                try
                {
                    return trainer.Fit(input);
                }
                catch (ArgumentNullException e) when (e.ParamName == "items")
                {
                    throw new InvalidOperationException(
                        "LightGbm grew trees without a split: nothing in these rows tells their labels apart (a label with one value, or ranking groups whose rows are all equally relevant).", e);
                }
            }
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => trainer.GetOutputSchema(inputSchema);
    }
}
