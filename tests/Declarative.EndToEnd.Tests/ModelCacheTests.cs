using System.IO.Compression;

namespace Declarative.EndToEnd.Tests;

/// <summary>
/// A team's model cache as users meet it: copies of one project in other folders (other machines, other clones)
/// build against one cache, a folder or an HTTP server with credentials; the first trains, the rest restore the same
/// bytes; an entry someone edited is found out and trained again; builds that race on one key both end well.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ModelCacheTests(PackageFixture package)
{
    private const string App = $$"""
        using Declarative;

        var model = TumorModel.Load();
        var malignant = model.Predict(new Tumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10 });
        Console.WriteLine($"malignant -> {malignant.PredictedLabel} (p = {malignant.Probability:F4})");

        {{TumorSources.Row}}

        [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt")]
        [Trainers(Trainer.LightGbm)]
        public partial class TumorModel;
        """;

    private static readonly string[] Artifacts =
        ["TumorModel.mlnet", "TumorModel.model.json", "TumorModel.scorer.json", "TumorModel.report.json", "TumorModel.report.html"];

    [Fact]
    public void CopiesInOtherFolders_ShareAFolderCache_TheSecondTrainsNothing_AndATamperedEntryIsTrainedAgain()
    {
        var (first, second, third) = Copies("FolderCacheApp");
        var cache = Path.Combine(package.Root, "FolderCacheApp-cache");
        var setting = $"-p:DeclarativeModelCache={cache}";

        var trained = DotNet.Succeed(first, "build", setting);
        Assert.Contains("Declarative: trained TumorModel with LightGbm", trained);
        var entry = Assert.Single(Directory.GetFiles(cache));

        var restored = DotNet.Succeed(second, "build", setting);
        Assert.Contains($"Declarative: restored TumorModel from the model cache (key {Path.GetFileNameWithoutExtension(entry)[..12]}…)", restored);
        Assert.DoesNotContain("Declarative: trained", restored);
        AssertSameArtifacts(first, second);
        Assert.Contains("malignant -> True", DotNet.Succeed(second, "run", "--no-build"));

        // Edit the model inside the entry: the entry is refused with a warning, the model trained and the entry replaced.
        Tamper(entry, "TumorModel.mlnet");
        var retrained = DotNet.Succeed(third, "build", setting);
        Assert.Contains("warning DCL1006", retrained);
        Assert.Contains("TumorModel.mlnet does not have the content its entry.json records", retrained);
        Assert.Contains("Declarative: trained TumorModel", retrained);
        AssertSameArtifacts(first, third);

        Clean(second);
        var again = DotNet.Succeed(second, "build", setting);
        Assert.Contains("Declarative: restored TumorModel from the model cache", again);
        Assert.DoesNotContain("DCL1006", again);
    }

    [Fact]
    public async Task AnHttpCacheWithCredentials_StoresOnAMiss_RestoresOnAHit_AndRefusedCredentialsOnlyWarn()
    {
        const string token = "e2e-secret-7c1f";
        await using var server = await CacheServer.StartAsync(token);
        var (first, second, third) = Copies("HttpCacheApp");
        string[] settings = ["build", $"-p:DeclarativeModelCache={server.Url}", "-p:DeclarativeModelCacheAuthVariable=DECLARATIVE_E2E_CACHE_AUTH"];
        var good = new Dictionary<string, string> { ["DECLARATIVE_E2E_CACHE_AUTH"] = $"Bearer {token}" };

        var trained = Succeed(DotNet.RunWith(good, first, settings));
        Assert.Contains("Declarative: trained TumorModel", trained);
        Assert.Single(server.Entries);
        Assert.Contains(server.Requests, r => r.StartsWith("PUT /models/", StringComparison.Ordinal) && r.EndsWith("authorized", StringComparison.Ordinal));

        var restored = Succeed(DotNet.RunWith(good, second, settings));
        Assert.Contains("Declarative: restored TumorModel from the model cache", restored);
        Assert.DoesNotContain("Declarative: trained", restored);
        AssertSameArtifacts(first, second);

        // Wrong credentials: a warning that names the status, never the secret; the build trains and succeeds.
        var refused = Succeed(DotNet.RunWith(new Dictionary<string, string> { ["DECLARATIVE_E2E_CACHE_AUTH"] = "Bearer wrong" }, third, settings));
        Assert.Contains("warning DCL1006", refused);
        Assert.Contains("401", refused);
        Assert.Contains("Declarative: trained TumorModel", refused);
        Assert.DoesNotContain(token, trained + restored + refused, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", refused, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.EndsWith("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoBuildsMissingOneKeyAtOnce_BothSucceed_AndLeaveOneValidEntry()
    {
        var (first, second, third) = Copies("RaceCacheApp");
        var cache = Path.Combine(package.Root, "RaceCacheApp-cache");
        var setting = $"-p:DeclarativeModelCache={cache}";
        DotNet.Succeed(first, "build", "-p:DeclarativeTrainOnBuild=false");
        DotNet.Succeed(second, "build", "-p:DeclarativeTrainOnBuild=false");

        var runs = await Task.WhenAll(new[] { first, second }.Select(p => Task.Run(() => DotNet.Run(p, "build", "--no-restore", setting))));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.DoesNotContain(runs, r => r.Output.Contains("DCL1006", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(cache, "*.zip"));
        Assert.Empty(Directory.GetFiles(cache, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
        var restored = DotNet.Succeed(third, "build", setting);
        Assert.Contains("Declarative: restored TumorModel from the model cache", restored);
        AssertSameArtifacts(first, third);
    }

    /// <summary>Three copies of one project (same name, same files) in three folders, as three clones would be.</summary>
    private (string First, string Second, string Third) Copies(string name)
    {
        var original = package.NewProject(name, App, (TumorSources.Dataset, "data/breast-cancer.txt"));
        string[] copies = [original, Copy(original, "clone-b"), Copy(original, "clone-c")];
        return (copies[0], copies[1], copies[2]);
    }

    private string Copy(string project, string clone)
    {
        var destination = Path.Combine(package.Root, clone, Path.GetFileName(project));
        foreach (var file in Directory.GetFiles(project, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(project, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return destination;
    }

    private static void AssertSameArtifacts(string one, string other)
    {
        foreach (var name in Artifacts)
        {
            Assert.True(File.ReadAllBytes(Output(one, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Output(other, name))), $"{name} differs between {one} and {other}");
        }
    }

    private static string Output(string project, string name) => Path.Combine(project, "bin", "Debug", "net10.0", name);

    private static void Clean(string project)
    {
        Directory.Delete(Path.Combine(project, "bin"), recursive: true);
        Directory.Delete(Path.Combine(project, "obj"), recursive: true);
    }

    /// <summary>Flips a byte of one file inside a cache entry, as a damaged disk or an edit by hand would.</summary>
    private static void Tamper(string entry, string name)
    {
        using var zip = ZipFile.Open(entry, ZipArchiveMode.Update);
        var part = zip.GetEntry(name)!;
        byte[] bytes;
        using (var stream = part.Open())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        bytes[bytes.Length / 2] ^= 0xFF;
        part.Delete();
        using var output = zip.CreateEntry(name).Open();
        output.Write(bytes);
    }

    private static string Succeed((int ExitCode, string Output) run)
    {
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output;
    }
}
