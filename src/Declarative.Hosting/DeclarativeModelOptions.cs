namespace Declarative.Hosting;

/// <summary>How <c>AddDeclarativeModel</c> finds and keeps a model.</summary>
public sealed class DeclarativeModelOptions
{
    /// <summary>
    /// The model file; a relative path is relative to the app's base directory. <see langword="null"/> (the default)
    /// takes the model <c>dotnet build</c> trained beside the app, as <c>M.Load()</c> does.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// Watches the model file and swaps in the new model when it changes: predictions already running finish on the old
    /// one; a new file that cannot be loaded is logged and the old model stays. Off by default.
    /// </summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>How long the file must stay quiet before a reload, so one write is one reload. Half a second by default.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
