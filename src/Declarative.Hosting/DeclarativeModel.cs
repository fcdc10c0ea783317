using Declarative.Artifacts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Declarative.Hosting;

/// <summary>
/// A model an app serves: loaded once, and with <see cref="DeclarativeModelOptions.ReloadOnChange"/> replaced when its
/// file changes. <see cref="Current"/> is the model to predict with; a caller that holds it keeps predicting on it
/// while a reload swaps in another, so no prediction sees half of each. Registered as a singleton by
/// <c>AddDeclarativeModel&lt;TModel&gt;()</c>, which also lets handlers take <typeparamref name="TModel"/> itself.
/// </summary>
/// <typeparam name="TModel">The generated pipeline class (<c>IncomeModel</c>).</typeparam>
public sealed partial class DeclarativeModel<TModel> : IDisposable
    where TModel : class, IDeclaredModel<TModel>
{
    private readonly DeclarativeModelOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer? _debounce;
    private readonly object _reloading = new();
    private volatile LoadedModel<TModel> _loaded;
    private volatile string? _lastReloadError;
    private int _reloads;

    /// <summary>Loads the model (failing here, at startup, when it cannot), and starts watching it when asked to.</summary>
    public DeclarativeModel(DeclarativeModelOptions options, ILogger<DeclarativeModel<TModel>>? logger = null)
        : this(options, logger, TimeProvider.System)
    {
    }

    internal DeclarativeModel(DeclarativeModelOptions options, ILogger? logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = time;
        ModelPath = options.ModelPath is { } path
            ? Path.GetFullPath(path, AppContext.BaseDirectory)
            : ModelArtifacts.Locate(TModel.DeclaredSpec);
        _loaded = LoadedModel<TModel>.Load(ModelPath, time);
        Log.Loaded(_logger, Name, ModelPath, _loaded.LoadTime.TotalMilliseconds);

        if (options.ReloadOnChange)
        {
            _debounce = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(ModelPath)!, Path.GetFileName(ModelPath))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };

            // A build writes the model to a temporary file and renames it over the old one: that is a rename or a
            // create here, not a change; a copy over the file is a change.
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The model to predict with now.</summary>
    public TModel Current => _loaded.Model;

    /// <summary>The pipeline's name.</summary>
    public string Name => TModel.DeclaredSpec.Name;

    /// <summary>The model file, as a full path.</summary>
    public string ModelPath { get; }

    /// <summary>When <see cref="Current"/> was loaded.</summary>
    public DateTimeOffset LoadedAt => _loaded.LoadedAt;

    /// <summary>How long loading <see cref="Current"/> took.</summary>
    public TimeSpan LoadTime => _loaded.LoadTime;

    /// <summary>The SHA-256 of the model file <see cref="Current"/> was read from, as lowercase hex.</summary>
    public string ModelHash => _loaded.ModelHash;

    /// <summary>The build's manifest beside the model file (trainer, data hash, metrics), when there is one.</summary>
    public ModelManifest? Manifest => _loaded.Manifest;

    /// <summary>How many times a changed file has been loaded in place of the previous model.</summary>
    public int Reloads => Volatile.Read(ref _reloads);

    /// <summary>Why the newest file could not be loaded (the previous model is still served), or <see langword="null"/>.</summary>
    public string? LastReloadError => _lastReloadError;

    /// <summary>Raised after a changed file has been loaded and swapped in.</summary>
    public event EventHandler? Reloaded;

    /// <summary>Raised when a changed file could not be loaded; the previous model stays.</summary>
    public event EventHandler<Exception>? ReloadFailed;

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        if (string.Equals(e.FullPath, ModelPath, StringComparison.Ordinal))
        {
            _debounce!.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Loads the file again now; on failure the previous model stays. The watcher calls this after a change.</summary>
    /// <returns>Whether the new file was loaded.</returns>
    public bool Reload()
    {
        lock (_reloading)
        {
            LoadedModel<TModel> loaded;
            try
            {
                loaded = LoadedModel<TModel>.Load(ModelPath, _time);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _lastReloadError = e.Message;
                Log.ReloadFailed(_logger, e, Name, ModelPath);
                ReloadFailed?.Invoke(this, e);
                return false;
            }

            _loaded = loaded;
            _lastReloadError = null;
            Interlocked.Increment(ref _reloads);
            Log.Reloaded(_logger, Name, ModelPath, loaded.LoadTime.TotalMilliseconds, loaded.ModelHash);
            Reloaded?.Invoke(this, EventArgs.Empty);
            return true;
        }
    }

    /// <summary>Stops watching the file.</summary>
    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Loaded model {Pipeline} from {Path} in {Milliseconds:F0} ms")]
        public static partial void Loaded(ILogger logger, string pipeline, string path, double milliseconds);

        [LoggerMessage(2, LogLevel.Information, "Reloaded model {Pipeline} from {Path} in {Milliseconds:F0} ms (SHA-256 {Hash})")]
        public static partial void Reloaded(ILogger logger, string pipeline, string path, double milliseconds, string hash);

        [LoggerMessage(3, LogLevel.Error, "The changed model file of {Pipeline} at {Path} could not be loaded; the previous model is still served")]
        public static partial void ReloadFailed(ILogger logger, Exception exception, string pipeline, string path);
    }
}
