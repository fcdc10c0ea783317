using Declarative.Artifacts;

namespace Declarative.Caching;

/// <summary>
/// The model cache a build restores trained pipelines from and stores them in (<c>DeclarativeModelCache</c>). It never
/// fails a build: an entry that cannot be used, or a store that cannot be reached, is a warning and the pipeline is
/// trained as without a cache (each said through <c>warn</c>). After the first unreachable call the store is left alone
/// for the rest of the build.
/// </summary>
internal sealed class ModelCache(IModelCacheStore store, ModelCacheMode mode, Action<string> warn) : IDisposable
{
    private bool _unavailable;

    /// <summary>The variable that holds the <c>Authorization</c> header's value for an HTTP cache, when one is named.</summary>
    public const string AuthVariableProperty = "DeclarativeModelCacheAuthVariable";

    public string Location => store.Location;

    public ModelCacheMode Mode => mode;

    private bool Reads => mode != ModelCacheMode.Off && !_unavailable;

    private bool Writes => mode == ModelCacheMode.ReadWrite && !_unavailable;

    /// <summary>
    /// The cache at <paramref name="location"/>: an <c>http://</c> or <c>https://</c> URL, or a folder (relative to
    /// <paramref name="baseDirectory"/>). An HTTP cache sends the value of the environment variable
    /// <paramref name="authVariable"/> names as its <c>Authorization</c> header.
    /// </summary>
    public static ModelCache Create(string location, ModelCacheMode mode, string? authVariable, string baseDirectory, Action<string> warn)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            string? authorization = null;
            if (!string.IsNullOrWhiteSpace(authVariable))
            {
                authorization = Environment.GetEnvironmentVariable(authVariable);
                if (string.IsNullOrEmpty(authorization))
                {
                    warn($"{AuthVariableProperty} names the environment variable '{authVariable}', which is not set: the model cache at {uri.GetLeftPart(UriPartial.Path)} is asked without credentials.");
                    authorization = null;
                }
            }

            return new ModelCache(new HttpModelCacheStore(uri, authorization), mode, warn);
        }

        return new ModelCache(new FolderModelCacheStore(Path.GetFullPath(location, baseDirectory), touchOnHit: mode == ModelCacheMode.ReadWrite), mode, warn);
    }

    /// <summary>Reads <c>DeclarativeModelCacheMode</c>: ReadWrite (the default when empty), Read or Off, in any case.</summary>
    public static bool TryParseMode(string? text, out ModelCacheMode mode)
    {
        mode = ModelCacheMode.ReadWrite;
        return string.IsNullOrWhiteSpace(text) || (Enum.TryParse(text.Trim(), ignoreCase: true, out mode) && Enum.IsDefined(mode) && !int.TryParse(text, out _));
    }

    /// <summary>
    /// Restores the entry of <paramref name="key"/> into <paramref name="outputDirectory"/> as a trained build writes
    /// it (the manifest last, so a partial restore is never taken for current), and the tuning lock a first tuning
    /// wrote to <paramref name="lockPath"/>. The restored manifest, or <see langword="null"/> on a miss or an unusable entry.
    /// </summary>
    public ModelManifest? Restore(ModelCacheKey key, string outputDirectory, string? lockPath)
    {
        if (!Reads)
        {
            return null;
        }

        ModelCacheEntry entry;
        try
        {
            using var stream = store.Open(key.Value);
            if (stream is null)
            {
                return null;
            }

            entry = ModelCacheEntry.Read(stream, key);
        }
        catch (ModelCacheEntryException e)
        {
            warn($"the model cache entry {key.Short} for {key.Pipeline} at {store.Location} is not used: {e.Message}. Training instead{(Writes ? "; the entry will be replaced" : "")}.");
            return null;
        }
        catch (ModelCacheUnavailableException e)
        {
            Unavailable(e);
            return null;
        }

        var manifestName = ModelArtifacts.ManifestFileName(key.Pipeline);
        var lockName = ModelArtifacts.TuningLockFileName(key.Pipeline);
        foreach (var (name, bytes) in entry.Files.Where(f => f.Key != manifestName && f.Key != lockName))
        {
            AtomicFile.Write(Path.Combine(outputDirectory, name), s => s.Write(bytes));
        }

        // What a build without them writes none of must not linger from an earlier build (an ONNX export turned off).
        foreach (var stale in Optional(key.Pipeline).Where(n => !entry.Files.ContainsKey(n)))
        {
            File.Delete(Path.Combine(outputDirectory, stale));
        }

        if (lockPath is not null && key.LockHash is null && entry.Files.TryGetValue(lockName, out var lockBytes))
        {
            AtomicFile.Write(lockPath, s => s.Write(lockBytes));
        }

        AtomicFile.Write(Path.Combine(outputDirectory, manifestName), s => s.Write(entry.Files[manifestName]));
        return entry.Manifest;
    }

    /// <summary>Stores what a build trained under <paramref name="key"/> (read-write mode only).</summary>
    public void Store(ModelCacheKey key, IEnumerable<string> files)
    {
        if (!Writes)
        {
            return;
        }

        try
        {
            var paths = files.Where(File.Exists).ToArray();
            store.Save(key.Value, stream => ModelCacheEntry.Write(stream, key, paths));
        }
        catch (ModelCacheUnavailableException e)
        {
            Unavailable(e);
        }
    }

    public void Dispose() => (store as IDisposable)?.Dispose();

    /// <summary>The files a pipeline's build may or may not write.</summary>
    private static IEnumerable<string> Optional(string pipeline) =>
    [
        Scoring.PortableModelFile.FileName(pipeline), ModelArtifacts.OnnxFileName(pipeline),
        ModelArtifacts.ReportFileName(pipeline), ModelArtifacts.ReportJsonFileName(pipeline),
    ];

    private void Unavailable(ModelCacheUnavailableException e)
    {
        _unavailable = true;
        warn($"the model cache at {store.Location} cannot be used ({e.Message}); this build trains without it.");
    }
}
