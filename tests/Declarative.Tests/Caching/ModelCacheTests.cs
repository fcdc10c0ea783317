using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Declarative.Artifacts;
using Declarative.Build;
using Declarative.Caching;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Caching;

/// <summary>
/// The model cache in the build's own code path (<see cref="ArtifactBuilder"/>): a miss trains and stores, a hit
/// restores the same bytes without training, and an entry that is damaged, edited or foreign is never used.
/// </summary>
public sealed class ModelCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Cache => _temp.File("cache");

    [Fact]
    public void AMiss_TrainsAndStores_AHitInAnotherFolder_RestoresTheSameBytesWithoutTraining()
    {
        var warnings = new List<string>();
        var first = Build(_temp.File("a"), ModelCacheMode.ReadWrite, warnings);
        var second = Build(_temp.File("b"), ModelCacheMode.ReadWrite, warnings);

        Assert.Equal(ArtifactStatus.Trained, first.Status);
        Assert.Equal(ArtifactStatus.Restored, second.Status);
        Assert.Equal(first.CacheKey!.Value, second.CacheKey!.Value);
        Assert.Empty(warnings);
        Assert.Single(Entries());
        foreach (var name in Artifacts("a"))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.File("a"), name)), File.ReadAllBytes(Path.Combine(_temp.File("b"), name)));
        }

        // What was restored is current for the next build, and loads.
        Assert.Equal(ArtifactStatus.UpToDate, Build(_temp.File("b"), ModelCacheMode.ReadWrite, warnings).Status);
        Assert.True(TumorModel.Load(second.ModelPath).Predict(new Tumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10, BlandChromatin = 9 }).PredictedLabel);
    }

    [Fact]
    public void ATunedHit_RestoresTheLockItsFirstTuningWrote_AndIsThenCurrent()
    {
        var warnings = new List<string>();
        var pipeline = PipelineRegistry.For(typeof(QuickTunedTumorModel));
        ArtifactResult Build(string clone)
        {
            using var cache = ModelCache.Create(Cache, ModelCacheMode.ReadWrite, null, _temp.Path, warnings.Add);
            Directory.CreateDirectory(_temp.File(clone));
            return ArtifactBuilder.Build(pipeline, Path.Combine(_temp.File(clone), "out"), new ArtifactOptions { Report = false, LockDirectory = _temp.File(clone), Cache = cache });
        }

        var tuned = Build("a");
        var restored = Build("b");

        Assert.Equal(ArtifactStatus.Trained, tuned.Status);
        Assert.Equal(ArtifactStatus.Restored, restored.Status);
        var lockName = "QuickTunedTumorModel.tuning.json";
        Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.File("a"), lockName)), File.ReadAllBytes(Path.Combine(_temp.File("b"), lockName)));
        // The restored manifest names the lock it restored, so the next build of that clone is current, not a refit.
        var again = Build("b");
        Assert.Equal(ArtifactStatus.UpToDate, again.Status);
        Assert.Empty(warnings);
    }

    [Fact]
    public void ReadMode_StoresNothing_AndOff_ReadsNothing()
    {
        var warnings = new List<string>();
        Assert.Equal(ArtifactStatus.Trained, Build(_temp.File("a"), ModelCacheMode.Read, warnings).Status);
        Assert.Empty(Entries());

        Build(_temp.File("b"), ModelCacheMode.ReadWrite, warnings);
        Assert.Single(Entries());
        Assert.Equal(ArtifactStatus.Restored, Build(_temp.File("c"), ModelCacheMode.Read, warnings).Status);
        Assert.Equal(ArtifactStatus.Trained, Build(_temp.File("d"), ModelCacheMode.Off, warnings).Status);
        Assert.Empty(warnings);
    }

    [Fact]
    public void AnEntryWhoseModelIsNotItsManifests_IsRefusedWithAWarning_TrainedAndReplaced()
    {
        var warnings = new List<string>();
        Build(_temp.File("a"), ModelCacheMode.ReadWrite, warnings);
        var entry = Entries().Single();
        // Edit the model inside the entry and fix up the index, as someone hiding an edit would: the manifest still catches it.
        Rewrite(entry, "TumorModel.mlnet", bytes => [.. bytes, 0], fixIndex: true);

        var again = Build(_temp.File("b"), ModelCacheMode.ReadWrite, warnings);

        Assert.Equal(ArtifactStatus.Trained, again.Status);
        Assert.Contains(warnings, w => w.Contains("TumorModel.mlnet is not the file its manifest records", StringComparison.Ordinal) && w.Contains("will be replaced", StringComparison.Ordinal));
        warnings.Clear();
        Assert.Equal(ArtifactStatus.Restored, Build(_temp.File("c"), ModelCacheMode.ReadWrite, warnings).Status);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("index")]
    [InlineData("garbage")]
    [InlineData("foreign name")]
    [InlineData("other key")]
    public void ADamagedOrForeignEntry_IsNotUsed(string damage)
    {
        var warnings = new List<string>();
        var trained = Build(_temp.File("a"), ModelCacheMode.ReadWrite, warnings);
        var entry = Entries().Single();
        switch (damage)
        {
            case "index":
                Rewrite(entry, "TumorModel.report.json", bytes => [.. bytes, (byte)' '], fixIndex: false);
                break;
            case "garbage":
                File.WriteAllBytes(entry, [0x50, 0x4b, 3, 4, 1, 2, 3]);
                break;
            case "foreign name":
                AddEntry(entry, "../../evil.sh", "#!/bin/sh");
                break;
            case "other key":
                // Another key's (valid) entry under this key's name.
                var other = trained.CacheKey! with { DataHash = "0" };
                using (var file = File.Create(entry))
                {
                    ModelCacheEntry.Write(file, other, Artifacts("a").Select(n => Path.Combine(_temp.File("a"), n)));
                }

                break;
        }

        var output = _temp.File("b");
        Assert.Equal(ArtifactStatus.Trained, Build(output, ModelCacheMode.Read, warnings).Status);
        Assert.Single(warnings);
        Assert.Contains("is not used", warnings[0], StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("evil.sh")));
    }

    [Fact]
    public void AnUnreachableServer_IsOneWarning_AndTheBuildTrains()
    {
        var warnings = new List<string>();
        var pipeline = PipelineRegistry.For(typeof(TumorModel));
        using var cache = ModelCache.Create($"http://127.0.0.1:{ClosedPort()}/cache/", ModelCacheMode.ReadWrite, null, _temp.Path, warnings.Add);
        var options = new ArtifactOptions { Report = false, Cache = cache };

        Assert.Equal(ArtifactStatus.Trained, ArtifactBuilder.Build(pipeline, _temp.File("a"), options).Status);

        var warning = Assert.Single(warnings); // the failed GET; the store after training is not tried again
        Assert.Contains("cannot be used", warning, StringComparison.Ordinal);
        Assert.Contains("trains without it", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAuthorizationHeader_ComesFromTheNamedVariable_AndAMissingOneIsAWarning()
    {
        var warnings = new List<string>();
        using var cache = ModelCache.Create("https://cache.example/models", ModelCacheMode.Read, "DECLARATIVE_TEST_UNSET_" + Guid.NewGuid().ToString("N"), _temp.Path, warnings.Add);

        var warning = Assert.Single(warnings);
        Assert.Contains("is not set", warning, StringComparison.Ordinal);
        Assert.Equal("https://cache.example/models/", cache.Location);
    }

    [Fact]
    public void StoresOfOneKeyAtOnce_LeaveOneWholeEntry_AndNoTemporaryFiles()
    {
        var trained = Build(_temp.File("a"), ModelCacheMode.Off, []);
        var key = new ModelCacheKey("TumorModel", "T", TumorModel.Spec.DeclarationHash, TumorModel.Spec.SchemaHash, trained.Manifest.DataHash, null, false, "e");
        var files = Artifacts("a").Select(n => Path.Combine(_temp.File("a"), n)).ToArray();
        var store = new FolderModelCacheStore(Cache, touchOnHit: false);

        Parallel.For(0, 8, _ => store.Save(key.Value, s => ModelCacheEntry.Write(s, key, files)));

        Assert.Equal([key.Value + ".zip"], Directory.GetFiles(Cache).Select(Path.GetFileName));
        using var stream = store.Open(key.Value)!;
        Assert.Equal(File.ReadAllBytes(files[0]), ModelCacheEntry.Read(stream, key).Files[Path.GetFileName(files[0])]);
    }

    [Fact]
    public void AnEntry_IsTheSameBytesEachTime()
    {
        var trained = Build(_temp.File("a"), ModelCacheMode.Off, []);
        var key = new ModelCacheKey("TumorModel", "T", TumorModel.Spec.DeclarationHash, TumorModel.Spec.SchemaHash, trained.Manifest.DataHash, null, false, "e");
        var files = Artifacts("a").Select(n => Path.Combine(_temp.File("a"), n)).ToArray();

        Assert.Equal(Write(key, files), Write(key, files.Reverse()));

        static byte[] Write(ModelCacheKey key, IEnumerable<string> files)
        {
            using var buffer = new MemoryStream();
            ModelCacheEntry.Write(buffer, key, files);
            return buffer.ToArray();
        }
    }

    [Fact]
    public void TheKey_ChangesWithEachInput_AndHoldsNoPathTimeOrMachine()
    {
        var key = new ModelCacheKey("M", "N.M", "decl", "schema", "data", null, true, "engine");
        ModelCacheKey[] changed =
        [
            key with { Pipeline = "X" }, key with { PipelineType = "N.X" }, key with { DeclarationHash = "d2" }, key with { SchemaHash = "s2" },
            key with { DataHash = "data2" }, key with { LockHash = "lock" }, key with { Report = false }, key with { Engine = "e2" },
            key with { Runtime = "9.0.0:Arm64" },
        ];

        Assert.Matches("^[0-9a-f]{64}$", key.Value);
        Assert.Equal(key.Value, (key with { }).Value);
        Assert.Equal(changed.Length, changed.Select(k => k.Value).Append(key.Value).Distinct().Count() - 1);
        var parts = string.Join('\n', key.Parts());
        Assert.DoesNotContain(Environment.MachineName, parts, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Path.GetTempPath(), parts, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n", parts + "\n", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "ReadWrite")]
    [InlineData("read", "Read")]
    [InlineData("Off", "Off")]
    [InlineData("ReadWrite", "ReadWrite")]
    [InlineData("Write", null)]
    [InlineData("1", null)]
    public void TheMode_IsReadWriteReadOrOff(string? text, string? expected)
    {
        Assert.Equal(expected is not null, ModelCache.TryParseMode(text, out var mode));
        if (expected is not null)
        {
            Assert.Equal(expected, mode.ToString());
        }
    }

    public void Dispose() => _temp.Dispose();

    private ArtifactResult Build(string output, ModelCacheMode mode, List<string> warnings)
    {
        using var cache = ModelCache.Create(Cache, mode, null, _temp.Path, warnings.Add);
        return ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), output, new ArtifactOptions { Cache = mode == ModelCacheMode.Off ? null : cache });
    }

    private string[] Artifacts(string folder) =>
        Directory.GetFiles(_temp.File(folder)).Select(Path.GetFileName).Where(n => ModelCacheEntry.IsEntryFile("TumorModel", n!)).Order(StringComparer.Ordinal).ToArray()!;

    private string[] Entries() => Directory.Exists(Cache) ? Directory.GetFiles(Cache, "*.zip") : [];

    /// <summary>Replaces one file of an entry, and its hash in the index when <paramref name="fixIndex"/>.</summary>
    private static void Rewrite(string entry, string name, Func<byte[], byte[]> edit, bool fixIndex)
    {
        using var zip = ZipFile.Open(entry, ZipArchiveMode.Update);
        var part = zip.GetEntry(name)!;
        byte[] bytes;
        using (var stream = part.Open())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = edit(copy.ToArray());
        }

        part.Delete();
        using (var stream = zip.CreateEntry(name).Open())
        {
            stream.Write(bytes);
        }

        if (fixIndex)
        {
            var indexEntry = zip.GetEntry(ModelCacheEntry.IndexName)!;
            string text;
            using (var reader = new StreamReader(indexEntry.Open()))
            {
                text = reader.ReadToEnd();
            }

            var index = System.Text.Json.JsonSerializer.Deserialize(text, ModelCacheJsonContext.Default.ModelCacheIndex)!;
            var files = new Dictionary<string, string>(index.Files) { [name] = ArtifactHash.Of(bytes) };
            indexEntry.Delete();
            using var stream = zip.CreateEntry(ModelCacheEntry.IndexName).Open();
            System.Text.Json.JsonSerializer.Serialize(stream, index with { Files = files }, ModelCacheJsonContext.Default.ModelCacheIndex);
        }
    }

    private static void AddEntry(string entry, string name, string text)
    {
        using var zip = ZipFile.Open(entry, ZipArchiveMode.Update);
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    /// <summary>A local port nothing listens on: a connection there is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
