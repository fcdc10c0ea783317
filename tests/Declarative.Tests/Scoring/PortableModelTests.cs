using Declarative.Artifacts;
using Declarative.Build;
using Declarative.Scoring;
using Declarative.Tests.Pipelines;
using Declarative.Training;

namespace Declarative.Tests.Scoring;

/// <summary>
/// The portable model as the build writes it and apps read it: written beside the model and tied to it by hash, read
/// back into the same predictions, refused with a clear error when damaged or made for another pipeline, and skipped
/// (never wrong) when it does not match the model beside it.
/// </summary>
[Collection(AppContextSwitches.Name)]
public sealed class PortableModelTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void TheBuild_WritesItBesideTheModel_TiedByHash_AndLoadPredictsFromIt()
    {
        var result = ArtifactBuilder.Build(PipelineRegistry.For(typeof(AdultIncomeModel)), _temp.Path, new ArtifactOptions { Report = false });
        var portablePath = Path.Combine(_temp.Path, "AdultIncomeModel.scorer.json");

        var portable = PortableModelFile.Read(portablePath);
        Assert.Equal(ModelManifest.TryRead(result.ManifestPath)!.ModelHash, portable.ModelHash);
        Assert.Equal(AdultIncomeModel.Spec.SchemaHash, portable.SchemaHash);
        Assert.Contains(portable.Features.Categorical, c => c.Property == "Education" && c.Values.Contains("Bachelors"));

        var loaded = AdultIncomeModel.Load(result.ModelPath);
        Assert.True(loaded.Pipeline.UsesPortableScorer);
        var rows = Rows().ToArray();
        var fromFile = loaded.Predict(rows).ToArray();

        // ML.NET's part is still there when asked for, and predicts the same.
        AppContext.SetSwitch(DeclarativeSwitches.UseMLNetEngine, true);
        try
        {
            var engine = AdultIncomeModel.Load(result.ModelPath);
            Assert.False(engine.Pipeline.UsesPortableScorer);
            AssertClose(engine.Predict(rows).Select(p => p.Probability), fromFile.Select(p => p.Probability));
        }
        finally
        {
            AppContext.SetSwitch(DeclarativeSwitches.UseMLNetEngine, false);
        }

        Assert.NotNull(loaded.Pipeline.Model);
        var saved = _temp.File("again.mlnet");
        loaded.Save(saved);
        Assert.True(File.Exists(saved));
    }

    [Fact]
    public void APortableModelOfAnotherModel_IsNotUsed_TheScorerComesFromTheModelItself()
    {
        var model = TrainedModels.Housing;
        var other = HousingModel.Train(HousingModel.Spec.ResolveDataPath() is { } path
            ? File.ReadLines(path).Skip(1).Where((_, i) => i % 2 == 0).Select(House.Parse)
            : throw new InvalidOperationException());
        var modelPath = _temp.File("HousingModel.mlnet");
        model.Save(modelPath);
        PortableModelFile.Write(((ITrainedPipeline)other.Pipeline).ToPortable() with { ModelHash = "not the model's hash" }, PortableModelFile.Beside(modelPath));

        var loaded = HousingModel.Load(modelPath);

        var house = House.Parse(File.ReadLines(HousingModel.Spec.ResolveDataPath()).ElementAt(7));
        Assert.True(loaded.Pipeline.UsesPortableScorer);
        Assert.Equal(model.Predict(house).Score, loaded.Predict(house).Score, 1e-4);
        Assert.NotEqual(other.Predict(house).Score, loaded.Predict(house).Score, 1e-4);
    }

    [Fact]
    public void ADamagedPortableModel_IsAnErrorNamingTheFile()
    {
        var path = _temp.File("M.scorer.json");
        File.WriteAllText(path, "{ \"format\": 1, \"pipeline\": ");
        Assert.Contains("not one", Assert.Throws<ModelFileException>(() => PortableModelFile.Read(path)).Message, StringComparison.Ordinal);

        File.WriteAllText(path, "");
        Assert.Equal(path, Assert.Throws<ModelFileException>(() => PortableModelFile.Read(path)).FilePath);

        var missing = _temp.File("none.scorer.json");
        Assert.Contains("was not found", Assert.Throws<ModelFileException>(() => PortableModelFile.Read(missing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewerFormat_IsRefused()
    {
        var path = _temp.File("M.scorer.json");
        PortableModelFile.Write(((ITrainedPipeline)TrainedModels.Housing.Pipeline).ToPortable() with { Format = PortableModel.CurrentFormat + 1 }, path);

        Assert.Contains("newer than this version", Assert.Throws<ModelFileException>(() => PortableModelFile.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APortableModelOfAnotherPipeline_IsRefusedWithBothSchemas()
    {
        var housing = ((ITrainedPipeline)TrainedModels.Housing.Pipeline).ToPortable();

        var error = Assert.Throws<ModelFileException>(() => ModelScorers.For(TumorModel.Spec, housing, "housing.scorer.json"));

        Assert.Contains("pipeline HousingModel", error.Message, StringComparison.Ordinal);
        Assert.Contains("pipeline TumorModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHostileTree_IsRefusedOrWalked_NeverOverflowsTheStack()
    {
        var housing = ((ITrainedPipeline)TrainedModels.Housing.Pipeline).ToPortable();
        PortableModel With(PortableTree tree) => housing with { Outputs = [housing.Outputs[0] with { Trees = [tree] }] };

        // A chain of 200,000 splits, deeper than any stack could recurse: read, and scored to its last leaf.
        const int splits = 200_000;
        var chain = new PortableTree
        {
            Left = Enumerable.Range(0, splits).Select(i => ~i).ToArray(),
            Right = Enumerable.Range(0, splits).Select(i => i + 1 < splits ? i + 1 : ~splits).ToArray(),
            Feature = new int[splits],
            Threshold = Enumerable.Repeat(-1f, splits).ToArray(),
            Leaves = Enumerable.Range(0, splits + 1).Select(i => (double)i).ToArray(),
        };
        var scorer = ModelScorers.For(HousingModel.Spec, With(chain), "chain.scorer.json");
        var scores = new float[1];
        scorer.Score(new House { CrimesPerCapita = 1 }, scores);
        Assert.Equal(splits, scores[0]);

        // A node reached twice (here a cycle back to the root's child) is refused, naming the file.
        var cycle = new PortableTree { Left = [1, 0 + 1], Right = [~0, ~1], Feature = [0, 0], Threshold = [0f, 0f], Leaves = [1, 2] };
        var error = Assert.Throws<ModelFileException>(() => ModelScorers.For(HousingModel.Spec, With(cycle), "cycle.scorer.json"));
        Assert.Equal("cycle.scorer.json", error.FilePath);
        Assert.Contains("two parents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATextFeature_HasNoPortableForm_AndPredictsThroughMLNet()
    {
        var model = ToxicityModel.Train();

        Assert.False(model.Pipeline.UsesPortableScorer);
        var error = Assert.Throws<NotSupportedException>(() => ((ITrainedPipeline)model.Pipeline).ToPortable());
        Assert.Contains("[Text] property", error.Message, StringComparison.Ordinal);

        var result = ArtifactBuilder.Build(PipelineRegistry.For(typeof(ToxicityModel)), _temp.Path, new ArtifactOptions { Report = false });
        Assert.True(File.Exists(result.ModelPath));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "ToxicityModel.scorer.json")));
    }

    [Fact]
    public void TheCheck_CatchesAPortableModelOfAnotherModel()
    {
        var data = PipelineTrainer.LoadDeclared(HousingModel.Spec, null);
        var model = TrainedModels.Housing;
        var other = HousingModel.Train(File.ReadLines(HousingModel.Spec.ResolveDataPath()).Skip(1).Where((_, i) => i % 3 == 0).Select(House.Parse));

        var comparison = Assert.Single(PortableModelCheck.Compare(model.Pipeline.Model, ((ITrainedPipeline)other.Pipeline).ToPortable(), data.TestPart));

        Assert.False(comparison.Passed);
        Assert.True(comparison.LargestDifference > 0.01, $"difference {comparison.LargestDifference}");
    }

    [Theory]
    [InlineData(Trainer.FastTree, "ProbabilityNormalization")]
    [InlineData(Trainer.LightGbm, "ProbabilityNormalization")]
    public void OneVersusAll_InternalsAreWhereTheReaderLooks_PinnedToThisMLNet(Trainer trainer, string formula)
    {
        // The reader takes one-versus-all's per-class models and output formula from ML.NET internals (by reflection):
        // an ML.NET that moves them fails here, not in a user's build.
        var data = PipelineTrainer.LoadDeclared(IrisModel.Spec, null);
        var (_, model) = PipelineTrainer.Fit(IrisModel.Spec, global::Declarative.Tasks.TaskProfiles.Predictive(MLTask.MulticlassClassification), data.TrainPart!, trainer, null);
        var ova = ((IEnumerable<Microsoft.ML.ITransformer>)model).OfType<Microsoft.ML.IPredictionTransformer<Microsoft.ML.Trainers.OneVersusAllModelParameters>>().Single().Model;

        var (models, read) = PortableModelReader.OneVersusAll.Read(ova);

        Assert.Equal(3, models.Length);
        Assert.Equal(formula, read);
        Assert.Equal("5.0.1", ModelFile.MLNetVersion);
    }

    private static void AssertClose(IEnumerable<float> expected, IEnumerable<float> actual) =>
        Assert.All(expected.Zip(actual), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-5, $"{p.First} vs {p.Second}"));

    private static IEnumerable<Adult> Rows() =>
    [
        new() { Age = 52, Workclass = "Self-emp-inc", Education = "Doctorate", EducationYears = 16, MaritalStatus = "Married-civ-spouse", Occupation = "Exec-managerial", Relationship = "Husband", Sex = "Male", CapitalGain = 15_024, HoursPerWeek = 60 },
        new() { Age = 23, Workclass = "Private", Education = "HS-grad", EducationYears = 9, MaritalStatus = "Never-married", Occupation = "Handlers-cleaners", Relationship = "Own-child", Sex = "Female", HoursPerWeek = 30 },
        new() { Age = 41, Workclass = "Nowhere-seen", Education = "Bachelors", EducationYears = 13, MaritalStatus = "Married-civ-spouse", Occupation = "Prof-specialty", Relationship = "Wife", Sex = "Female", HoursPerWeek = 45 },
    ];


    public void Dispose() => _temp.Dispose();
}

/// <summary>Tests that set process-wide <see cref="AppContext"/> switches run alone, so no other test sees them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppContextSwitches
{
    public const string Name = "AppContext switches";
}
