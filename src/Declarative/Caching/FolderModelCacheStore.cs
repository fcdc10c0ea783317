namespace Declarative.Caching;

/// <summary>
/// Entries as <c>&lt;key&gt;.zip</c> files in one folder, local or on a share. An entry is written beside its name and
/// renamed into place, so two builds that store the same key at once each leave a whole entry, and the last one stays.
/// A hit touches the file (in read-write mode), so <c>dotnet declarative cache prune</c> removes what nobody used.
/// </summary>
internal sealed class FolderModelCacheStore(string folder, bool touchOnHit) : IModelCacheStore
{
    public string Location => folder;

    /// <summary>An entry's path.</summary>
    public string PathOf(string key) => Path.Combine(folder, key + ModelCacheEntry.FileExtension);

    public Stream? Open(string key)
    {
        var path = PathOf(key);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            if (touchOnHit)
            {
                try
                {
                    File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A read-only share: the entry is still good, prune just sees it older than it is.
                }
            }

            return stream;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelCacheUnavailableException($"{path} cannot be read: {e.Message}", e);
        }
    }

    public void Save(string key, Action<Stream> write)
    {
        var path = PathOf(key);
        // Unique per writer, so builds on several machines writing to one share never write the same file.
        var temporary = Path.Combine(folder, $".{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelCacheUnavailableException($"{path} cannot be written: {e.Message}", e);
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for prune, which removes stray temporary files too.
            }
        }
    }

    /// <summary>The entries in the folder (none when it does not exist).</summary>
    public IReadOnlyList<FileInfo> Entries() =>
        Directory.Exists(folder)
            ? new DirectoryInfo(folder).GetFiles("*" + ModelCacheEntry.FileExtension).Where(f => IsKey(Path.GetFileNameWithoutExtension(f.Name))).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>Temporary files that a writer killed midway left behind.</summary>
    public IReadOnlyList<FileInfo> Strays() =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).GetFiles(".*.tmp") : [];

    private static bool IsKey(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);
}
