using Declarative.Artifacts;
using Declarative.Caching;
using Declarative.Cli.Caching;

namespace Declarative.Cli.Tests;

/// <summary><c>dotnet declarative cache list|prune</c> on a folder cache.</summary>
public sealed class CacheCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("declarative-cache").FullName;

    private string Cache => Path.Combine(_directory, "cache");

    [Fact]
    public void Prune_RemovesWhatNoBuildUsedWithinTheAge_AndStrayTemporaryFiles_AndKeepsTheRest()
    {
        var old = Store("OldModel", DateTime.UtcNow.AddDays(-40));
        var recent = Store("NewModel", DateTime.UtcNow.AddDays(-2));
        var stray = Path.Combine(Cache, $".{new string('a', 64)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stray, "half an entry");
        File.SetLastWriteTimeUtc(stray, DateTime.UtcNow.AddDays(-31));

        Assert.Equal(0, Invoke("cache", "list", "--cache", Cache));
        Assert.Equal(0, Invoke("cache", "prune", "--cache", Cache, "--older-than", "30d"));

        Assert.False(File.Exists(old));
        Assert.False(File.Exists(stray));
        Assert.True(File.Exists(recent));
        var listing = ModelCacheListing.Of(new FileInfo(recent));
        Assert.Equal(("NewModel", "LightGbm", null), (listing.Pipeline, listing.Trainer, listing.Problem));
    }

    [Fact]
    public void AnUnreadableEntry_IsListedWithItsProblem()
    {
        Directory.CreateDirectory(Cache);
        var path = Path.Combine(Cache, new string('b', 64) + ".zip");
        File.WriteAllText(path, "not a zip");

        var listing = ModelCacheListing.Of(new FileInfo(path));

        Assert.Null(listing.Pipeline);
        Assert.NotNull(listing.Problem);
        Assert.Equal(0, Invoke("cache", "list", "--cache", Cache));
    }

    [Fact]
    public void AnHttpCache_OrABadAge_IsAClearError()
    {
        Assert.Equal(1, Invoke("cache", "list", "--cache", "https://models.example.com/declarative/"));
        Assert.Equal(1, Invoke("cache", "prune", "--cache", Cache, "--older-than", "a month"));
    }

    [Theory]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1.5D", 36 * 60)]
    public void TheAge_IsDaysHoursOrMinutes(string text, double minutes) =>
        Assert.Equal(minutes, CacheCommand.Age(text).TotalMinutes, 6);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static int Invoke(params string[] args)
    {
        var root = new System.CommandLine.RootCommand { CacheCommand.Create() };
        return root.Parse(args).Invoke();
    }

    /// <summary>An entry of a small model (its files need not be a real model for list and prune) last used at <paramref name="used"/>.</summary>
    private string Store(string pipeline, DateTime used)
    {
        var files = Path.Combine(_directory, pipeline);
        Directory.CreateDirectory(files);
        File.WriteAllBytes(Path.Combine(files, ModelArtifacts.ModelFileName(pipeline)), [1, 2, 3]);
        new ModelManifest
        {
            Pipeline = pipeline, PipelineType = pipeline, Task = MLTask.BinaryClassification, DeclarationHash = "d", SchemaHash = "s",
            DataFile = "data.csv", DataHash = "h", ModelHash = ArtifactHash.Of([1, 2, 3]), Seed = 1, Trainer = Trainer.LightGbm,
            Hyperparameters = new Dictionary<string, string>(), DeclarativeVersion = "0.1.0", MLNetVersion = "5.0.1", TestMetrics = new Dictionary<string, double>(),
        }.Write(Path.Combine(files, ModelArtifacts.ManifestFileName(pipeline)));
        var key = new ModelCacheKey(pipeline, pipeline, "d", "s", "h", null, false, "e");
        var store = new FolderModelCacheStore(Cache, touchOnHit: false);
        store.Save(key.Value, s => ModelCacheEntry.Write(s, key, Directory.GetFiles(files)));
        var path = store.PathOf(key.Value);
        File.SetLastWriteTimeUtc(path, used);
        return path;
    }
}
