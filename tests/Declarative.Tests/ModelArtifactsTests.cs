using Declarative.Artifacts;
using Declarative.Build;
using Declarative.Tests.Pipelines;
using Declarative.Tuning;

namespace Declarative.Tests;

/// <summary>Build-time artifacts: trained once, kept while current, rebuilt when anything they depend on changes.</summary>
public sealed class ModelArtifactsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void FirstBuild_TrainsAndWritesModelAndManifest()
    {
        var result = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path);

        Assert.Equal(ArtifactStatus.Trained, result.Status);
        Assert.True(File.Exists(result.ModelPath));
        var manifest = ModelManifest.TryRead(result.ManifestPath)!;
        Assert.Equal("TumorModel", manifest.Pipeline);
        Assert.Equal(TumorModel.Spec.DeclarationHash, manifest.DeclarationHash);
        Assert.Equal(TumorModel.Spec.SchemaHash, manifest.SchemaHash);
        Assert.Equal("breast-cancer-withheader.txt", manifest.DataFile);
        Assert.Equal(Trainer.FastTree, manifest.Trainer);
        Assert.Equal("1", manifest.Hyperparameters["Seed"]);
        Assert.True(manifest.TestMetrics["AreaUnderRocCurve"] > 0.97);
        Assert.Equal(64, manifest.DataHash.Length);
        Assert.DoesNotContain(_temp.Path, File.ReadAllText(result.ManifestPath), StringComparison.Ordinal);

        // The model the build wrote is the one Load reads.
        var model = TumorModel.Load(result.ModelPath);
        Assert.True(model.Predict(new Tumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10, BlandChromatin = 9 }).PredictedLabel);
    }

    [Fact]
    public void AnEditedPortableModel_IsRefusedOnLoad_AndWrittenAgainByTheNextBuild()
    {
        var first = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path);
        var portable = Declarative.Scoring.PortableModelFile.Beside(first.ModelPath);
        Assert.Equal(ArtifactHash.OfFile(portable), first.Manifest.PortableHash);

        // Its own modelHash field still matches the model: only the manifest's hash of the whole file tells.
        var text = File.ReadAllText(portable);
        File.WriteAllText(portable, text.Replace("\"leaves\":[", "\"leaves\":[-", StringComparison.Ordinal));
        Assert.NotEqual(text, File.ReadAllText(portable));

        var error = Assert.Throws<ModelFileException>(() => TumorModel.Load(first.ModelPath));
        Assert.Equal(portable, error.FilePath);
        Assert.Contains("changed after the build", error.Message, StringComparison.Ordinal);

        Assert.Equal(ArtifactStatus.Trained, ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path).Status);
        Assert.Equal(text, File.ReadAllText(portable));
        Assert.True(TumorModel.Load(first.ModelPath).Pipeline.UsesPortableScorer);
    }

    [Fact]
    public void AModelFileOtherThanTheManifests_IsRefusedOnLoad()
    {
        // Another valid model of the same pipeline in the build's place: it loads on its own, not against this manifest.
        var first = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path);
        var other = _temp.File("other.mlnet");
        TumorModel.Train(ReadRows().Take(300)).Save(other);
        File.Copy(other, first.ModelPath, overwrite: true);

        var error = Assert.Throws<ModelFileException>(() => TumorModel.Load(first.ModelPath));

        Assert.Equal(first.ModelPath, error.FilePath);
        Assert.Contains("is not the one its manifest describes", error.Message, StringComparison.Ordinal);
        Assert.NotNull(TumorModel.Load(other));
    }

    [Fact]
    public void AStaleManifest_IsRefusedByLoadPath_AsByLoad()
    {
        var first = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path);
        File.WriteAllText(first.ManifestPath, File.ReadAllText(first.ManifestPath).Replace(first.Manifest.DeclarationHash, new string('0', first.Manifest.DeclarationHash.Length), StringComparison.Ordinal));

        var error = Assert.Throws<ModelFileException>(() => TumorModel.Load(first.ModelPath));

        Assert.Contains("The model is stale", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Tumor> ReadRows() => TumorModel.Spec.ResolveDataPath() is var path
        ? File.ReadLines(path).Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).Select(l => l.Split('\t')).Select(f => new Tumor
        {
            Malignant = f[0] == "1",
            Thickness = float.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
            UniformSize = float.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
            UniformShape = float.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture),
        })
        : [];

    [Fact]
    public void SecondBuild_IsUpToDateAndTouchesNothing()
    {
        var first = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path);
        var modelTime = File.GetLastWriteTimeUtc(first.ModelPath);
        var manifestTime = File.GetLastWriteTimeUtc(first.ManifestPath);

        var second = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path);

        Assert.Equal(ArtifactStatus.UpToDate, second.Status);
        Assert.Equal(modelTime, File.GetLastWriteTimeUtc(second.ModelPath));
        Assert.Equal(manifestTime, File.GetLastWriteTimeUtc(second.ManifestPath));
    }

    [Fact]
    public void ChangedModelFile_IsRebuilt()
    {
        var first = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path);
        File.WriteAllText(first.ModelPath, "not a model");

        Assert.Equal(ArtifactStatus.Trained, ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path).Status);
        Assert.NotNull(TumorModel.Load(first.ModelPath));
    }

    [Fact]
    public void ManifestOfAnotherDeclaration_IsRebuilt()
    {
        var first = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path);
        var manifest = ModelManifest.TryRead(first.ManifestPath)! with { DeclarationHash = "0000" };
        manifest.Write(first.ManifestPath);

        Assert.Equal(ArtifactStatus.Trained, ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path).Status);
    }

    [Fact]
    public void ManifestOfAnotherBuildOfDeclarative_IsRebuilt()
    {
        var first = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path);
        var recorded = ModelManifest.TryRead(first.ManifestPath)!;
        Assert.Equal(32, recorded.Engine?.Length);
        (recorded with { Engine = new string('0', 32) }).Write(first.ManifestPath);

        Assert.Equal(ArtifactStatus.Trained, ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path).Status);
        Assert.Equal(ArtifactStatus.UpToDate, ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), _temp.Path).Status);
    }

    [Fact]
    public void TwoBuilds_GiveByteIdenticalModelsAndManifests()
    {
        var a = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), Path.Combine(_temp.Path, "a"));
        var b = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TumorModel)), Path.Combine(_temp.Path, "b"));

        Assert.Equal(File.ReadAllBytes(a.ModelPath), File.ReadAllBytes(b.ModelPath));
        Assert.Equal(File.ReadAllText(a.ManifestPath), File.ReadAllText(b.ManifestPath));
    }

    [Fact]
    public void TunedPipeline_WritesALock_ThenRefitsIt_UntilRetuned()
    {
        var options = new ArtifactOptions { LockDirectory = _temp.Path };
        var lockPath = _temp.File("QuickTunedTumorModel.tuning.json");
        var output = Path.Combine(_temp.Path, "obj");

        var tuned = ArtifactBuilder.Build(PipelineRegistry.For(typeof(QuickTunedTumorModel)), output, options);
        Assert.Equal(ArtifactStatus.Trained, tuned.Status);
        Assert.Equal(4, tuned.Manifest.Tuning!.Trials.Count);
        Assert.Null(tuned.Manifest.Tuning.PinnedBy);
        var locked = TuningLock.Read(lockPath)!;
        Assert.Equal(tuned.Manifest.Trainer, locked.Trainer);
        Assert.Equal(4, locked.Trials);
        Assert.Equal("AreaUnderRocCurve", locked.Metric);
        Assert.All(locked.Hyperparameters, h => Assert.Equal(h.Value, tuned.Manifest.Hyperparameters[h.Key]));

        Assert.Equal(ArtifactStatus.UpToDate, ArtifactBuilder.Build(PipelineRegistry.For(typeof(QuickTunedTumorModel)), output, options).Status);

        // Pinning another configuration by hand: the next build refits it without tuning.
        (locked with { Trainer = Trainer.SdcaLogisticRegression, Hyperparameters = new Dictionary<string, string> { ["L2Regularization"] = "0.05" }, Ensemble = null }).Write(lockPath);
        var pinned = ArtifactBuilder.Build(PipelineRegistry.For(typeof(QuickTunedTumorModel)), output, options);
        Assert.Equal(ArtifactStatus.Trained, pinned.Status);
        Assert.Equal("QuickTunedTumorModel.tuning.json", pinned.Manifest.Tuning!.PinnedBy);
        Assert.Empty(pinned.Manifest.Tuning.Trials);
        Assert.Equal(Trainer.SdcaLogisticRegression, pinned.Manifest.Trainer);
        Assert.Equal("0.05", pinned.Manifest.Hyperparameters["L2Regularization"]);

        var progress = new List<TrialResult>();
        var retuned = ArtifactBuilder.Build(PipelineRegistry.For(typeof(QuickTunedTumorModel)), output, options with { Retune = true, Progress = progress.Add });
        Assert.Equal(4, retuned.Manifest.Tuning!.Trials.Count);
        Assert.Equal(4, progress.Count);
        Assert.Equal(retuned.Manifest.Trainer, TuningLock.Read(lockPath)!.Trainer);
        Assert.Equal(tuned.Manifest.ModelHash, retuned.Manifest.ModelHash);
    }

    [Fact]
    public void TunedEnsemble_IsLocked_AndTheLockRefitsTheSameBytes()
    {
        var options = new ArtifactOptions { LockDirectory = _temp.Path };
        var output = Path.Combine(_temp.Path, "obj");

        var tuned = ArtifactBuilder.Build(PipelineRegistry.For(typeof(EnsembledTumorModel)), output, options);
        var members = tuned.Manifest.Ensemble;
        Assert.NotNull(members);
        Assert.True(members.Count >= 2);
        Assert.Equal(members, TuningLock.Read(_temp.File("EnsembledTumorModel.tuning.json"))!.Ensemble!, new MemberComparer());
        Assert.True(File.Exists(Path.Combine(output, "EnsembledTumorModel.scorer.json")), "an ensemble has a portable model");

        // A clean output: the lock pins the blend, which is refitted (no tuning) into the same model bytes.
        Directory.Delete(output, recursive: true);
        var pinned = ArtifactBuilder.Build(PipelineRegistry.For(typeof(EnsembledTumorModel)), output, options);
        Assert.Equal("EnsembledTumorModel.tuning.json", pinned.Manifest.Tuning!.PinnedBy);
        Assert.Empty(pinned.Manifest.Tuning.Trials);
        Assert.Equal(tuned.Manifest.ModelHash, pinned.Manifest.ModelHash);
        Assert.Equal(tuned.Manifest.PortableHash, pinned.Manifest.PortableHash);
        Assert.Equal(members, pinned.Manifest.Ensemble!, new MemberComparer());

        // A hand-edited blend whose weights are no weighted average is refused, naming the file.
        var lockPath = _temp.File("EnsembledTumorModel.tuning.json");
        (TuningLock.Read(lockPath)! with { Ensemble = [.. members.Select(m => m with { Weight = 0.9 })] }).Write(lockPath);
        var error = Assert.Throws<InvalidDataException>(() => TuningLock.Read(lockPath));
        Assert.Contains("EnsembledTumorModel.tuning.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("sum to 1", error.Message, StringComparison.Ordinal);
    }

    private sealed class MemberComparer : IEqualityComparer<EnsembleMember>
    {
        public bool Equals(EnsembleMember? a, EnsembleMember? b) =>
            a!.Trial == b!.Trial && a.Trainer == b.Trainer && a.Weight == b.Weight && a.Hyperparameters.OrderBy(p => p.Key).SequenceEqual(b.Hyperparameters.OrderBy(p => p.Key));

        public int GetHashCode(EnsembleMember m) => m.Trial;
    }

    [Fact]
    public void Locate_MissingModel_SaysHowToGetOne()
    {
        var error = Assert.Throws<ModelFileException>(() => HousingModel.Load());

        Assert.Contains("HousingModel.mlnet", error.Message);
        Assert.Contains("dotnet build", error.Message);
        Assert.Contains("DeclarativeTrainOnBuild", error.Message);
    }

    public void Dispose() => _temp.Dispose();
}
