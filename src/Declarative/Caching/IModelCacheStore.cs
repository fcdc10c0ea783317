namespace Declarative.Caching;

/// <summary>Where cache entries live: a folder (local or a network share) or an HTTP server.</summary>
internal interface IModelCacheStore
{
    /// <summary>The location as the user wrote it, for messages (never with credentials).</summary>
    string Location { get; }

    /// <summary>
    /// The entry stored under <paramref name="key"/>, or <see langword="null"/> when there is none. A store that cannot
    /// be reached throws <see cref="ModelCacheUnavailableException"/>.
    /// </summary>
    Stream? Open(string key);

    /// <summary>Stores an entry under <paramref name="key"/> whole or not at all: readers never see part of one.</summary>
    void Save(string key, Action<Stream> write);
}

/// <summary>A cache that cannot be reached or written; a build warns and goes on without it.</summary>
internal sealed class ModelCacheUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
