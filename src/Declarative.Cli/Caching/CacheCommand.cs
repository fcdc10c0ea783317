using System.CommandLine;
using System.Globalization;
using Declarative.Caching;
using Declarative.Cli.Projects;
using Spectre.Console;

namespace Declarative.Cli.Caching;

/// <summary>
/// <c>cache list</c> and <c>cache prune --older-than 30d</c>: a folder model cache's entries, and removing those no
/// build has stored or restored for a while. The folder is <c>--cache</c>, or the project's <c>DeclarativeModelCache</c>.
/// </summary>
internal static class CacheCommand
{
    public static Command Create()
    {
        var list = new Command("list", "The entries of a folder model cache: key, pipeline, trainer, versions, size and when a build last stored or restored each.");
        var listCache = CacheOption();
        var listProject = ProjectOption();
        list.Options.Add(listCache);
        list.Options.Add(listProject);
        list.SetAction(result => ProjectCommands.Safely(() => List(Folder(result.GetValue(listCache), result.GetValue(listProject)), AnsiConsole.Console)));

        var prune = new Command("prune", "Remove the entries of a folder model cache that no build has stored or restored within --older-than (and files a killed build left midway).");
        var pruneCache = CacheOption();
        var pruneProject = ProjectOption();
        var olderThan = new Option<string>("--older-than") { Description = "How long an entry may go unused: a number of days, hours or minutes (30d, 12h, 90m).", Required = true };
        prune.Options.Add(pruneCache);
        prune.Options.Add(pruneProject);
        prune.Options.Add(olderThan);
        prune.SetAction(result => ProjectCommands.Safely(() => Prune(Folder(result.GetValue(pruneCache), result.GetValue(pruneProject)), Age(result.GetValue(olderThan)!))));

        return new Command("cache", "A team's model cache (DeclarativeModelCache): list its entries, prune old ones.") { list, prune };
    }

    /// <summary>Parses <c>30d</c>, <c>12h</c> or <c>90m</c>.</summary>
    internal static TimeSpan Age(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && double.IsFinite(amount))
        {
            switch (char.ToLowerInvariant(trimmed[^1]))
            {
                case 'd': return TimeSpan.FromDays(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
            }
        }

        throw new InvalidOperationException($"--older-than is '{text}'; write a number of days, hours or minutes: 30d, 12h, 90m.");
    }

    private static int List(FolderModelCacheStore store, IAnsiConsole console)
    {
        var entries = store.Entries();
        if (entries.Count == 0)
        {
            Console.WriteLine($"The model cache {store.Location} has no entries.");
            return 0;
        }

        var now = DateTime.UtcNow;
        Output.Table(console, ["key", "pipeline", "trainer", "versions", "size", "last used"], entries.Select(ModelCacheListing.Of).Select(e => (IReadOnlyList<string>)
        [
            e.Key[..12], e.Pipeline ?? $"(unreadable: {e.Problem})", e.Trainer ?? "", e.Versions ?? "",
            Size(e.Bytes), Ago(now - e.LastUsedUtc),
        ]));
        Console.WriteLine($"{Entries(entries.Count)}, {Size(entries.Sum(e => e.Length))} in {store.Location}");
        return 0;
    }

    private static int Prune(FolderModelCacheStore store, TimeSpan age)
    {
        var cutoff = DateTime.UtcNow - age;
        var removed = 0;
        long bytes = 0;
        // A stray temporary file is a store that a killed build left; one younger than the cutoff may still be written.
        foreach (var file in store.Entries().Concat(store.Strays()).Where(f => f.LastWriteTimeUtc < cutoff))
        {
            try
            {
                var length = file.Length;
                file.Delete();
                removed++;
                bytes += length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"warning: {file.FullName} could not be removed: {e.Message}");
            }
        }

        Console.WriteLine($"Removed {Entries(removed)} ({Size(bytes)}) unused for {Ago(age).Replace(" ago", "", StringComparison.Ordinal)}; {Entries(store.Entries().Count)} left in {store.Location}.");
        return 0;
    }

    /// <summary>The folder cache named by --cache, or by the project's DeclarativeModelCache.</summary>
    private static FolderModelCacheStore Folder(string? cache, FileInfo? project)
    {
        var location = cache;
        var baseDirectory = Directory.GetCurrentDirectory();
        if (string.IsNullOrWhiteSpace(location))
        {
            var path = ProjectCommands.Resolve(project);
            location = DotNetBuild.Property(path, "DeclarativeModelCache");
            baseDirectory = Path.GetDirectoryName(path)!;
            if (string.IsNullOrWhiteSpace(location))
            {
                throw new InvalidOperationException($"The project {path} sets no DeclarativeModelCache; pass --cache with the cache's folder.");
            }
        }

        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"The model cache {uri.GetLeftPart(UriPartial.Path)} is an HTTP server: list and prune work on a folder cache; the server keeps (and expires) its own entries.");
        }

        return new FolderModelCacheStore(Path.GetFullPath(location, baseDirectory), touchOnHit: false);
    }

    private static Option<string?> CacheOption() => new("--cache") { Description = "The cache's folder (default: the project's DeclarativeModelCache)." };

    private static Option<FileInfo?> ProjectOption() => new("--project", "-p") { Description = "The project whose DeclarativeModelCache names the cache (default: the one .csproj in the current folder)." };

    private static string Entries(int count) => count == 1 ? "1 entry" : $"{count} entries";

    private static string Size(long bytes) => bytes switch
    {
        < 1 << 10 => $"{bytes} B",
        < 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MB"),
    };

    private static string Ago(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:F0} d ago"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:F0} h ago"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, span.TotalMinutes):F0} min ago"),
    };
}
