using System.IO.Compression;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

public sealed class ModelFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void SaveAndLoad_GiveTheSamePredictions()
    {
        var trained = TrainedModels.Iris;
        var path = _temp.File("iris.mlnet");
        trained.Save(path);

        var loaded = IrisModel.Load(path);

        var rows = ReadIrisRows().ToArray();
        var before = trained.Predict(rows).ToArray();
        var after = loaded.Predict(rows).ToArray();
        Assert.Equal(before.Select(p => p.PredictedLabel), after.Select(p => p.PredictedLabel));
        Assert.Equal(before.SelectMany(p => p.Scores), after.SelectMany(p => p.Scores));
        Assert.Equal(trained.Classes, loaded.Classes);
        Assert.Equal(Trainer.SdcaMaximumEntropy, loaded.Pipeline.Trainer);
    }

    [Fact]
    public void SaveTwice_GivesIdenticalBytes()
    {
        var model = TrainedModels.Tumor;
        model.Save(_temp.File("a.mlnet"));
        model.Save(_temp.File("b.mlnet"));

        Assert.Equal(File.ReadAllBytes(_temp.File("a.mlnet")), File.ReadAllBytes(_temp.File("b.mlnet")));
        Assert.DoesNotContain(Directory.GetFiles(_temp.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadedModel_HasNoTestMetrics()
    {
        using var stream = new MemoryStream();
        TrainedModels.Housing.Save(stream);
        stream.Position = 0;

        var loaded = HousingModel.Load(stream);

        var error = Assert.Throws<InvalidOperationException>(() => loaded.TestMetrics);
        Assert.Contains("HousingModel", error.Message);
        Assert.InRange(loaded.Predict(new House { RoomsPerDwelling = 6, PercentLowIncome = 10, TaxRate = 300, TeacherRatio = 18 }).Score, 5f, 50f);
    }

    [Fact]
    public void ModelOfAnotherSchema_IsRejectedWithTheDifference()
    {
        var path = _temp.File("iris.mlnet");
        IrisStringModel.Train().Save(path);

        var error = Assert.Throws<ModelFileException>(() => IrisModel.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("another row schema", error.Message);
        Assert.Contains("Species:ClassLabel:System.String", error.Message);
        Assert.Contains("Label:ClassLabel:Declarative.Tests.Pipelines.IrisSpecies", error.Message);
    }

    [Fact]
    public void ModelOfAnotherTask_IsRejected()
    {
        var path = _temp.File("tumor.mlnet");
        TrainedModels.Tumor.Save(path);

        var error = Assert.Throws<ModelFileException>(() => HousingModel.Load(path));

        Assert.Contains("trained for BinaryClassification", error.Message);
    }

    [Fact]
    public void PlainMLNetZip_IsNotADeclarativeModel()
    {
        var path = _temp.File("plain.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("Model/Model.key");
        }

        var error = Assert.Throws<ModelFileException>(() => TumorModel.Load(path));
        Assert.Contains("not a Declarative model", error.Message);
    }

    [Fact]
    public void MissingModelFile_NamesThePath()
    {
        var error = Assert.Throws<ModelFileException>(() => TumorModel.Load(_temp.File("missing.mlnet")));
        Assert.Contains("missing.mlnet", error.Message);
        Assert.Contains("not found", error.Message);
    }

    internal static IEnumerable<Iris> ReadIrisRows() =>
        File.ReadLines("datasets/iris/iris.txt").Skip(1).Select(line => line.Split('\t')).Select(f => new Iris
        {
            SepalLength = float.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
            SepalWidth = float.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
            PetalLength = float.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture),
            PetalWidth = float.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture),
        });

    public void Dispose() => _temp.Dispose();
}
