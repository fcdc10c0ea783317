using System.Globalization;
using Declarative.Artifacts;
using Declarative.Build;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

/// <summary>Data as users have it: a separate test file, and rows already in memory.</summary>
public sealed class DataSourcesTests : IDisposable
{
    private const string TaxiTest = "datasets/taxi-fare/taxi-fare-test.csv";
    private static readonly Lazy<TaxiFareModel> Taxi = new(() => TaxiFareModel.Train());
    private readonly TempDirectory _temp = new();

    [Fact]
    public void TestData_TrainsOnAllOfData_AndScoresAllOfTheTestFile()
    {
        var report = Taxi.Value.Evaluate();

        Assert.Equal(File.ReadLines("datasets/taxi-fare/taxi-fare-train.csv").Count() - 1, report.TrainRows);
        Assert.Equal(File.ReadLines(TaxiTest).Count() - 1, report.TestRows);
        Assert.Equal("taxi-fare-train.csv (test: taxi-fare-test.csv)", report.DataFile);
        // The test file is other trips than the train file (0.73 with FastTree here, against 0.97 on a random fifth).
        Assert.True(report.TestMetrics["RSquared"] > 0.7, $"R² {report.TestMetrics["RSquared"]}");
        Assert.Equal(report.TestMetrics, Taxi.Value.Pipeline.TestMetricValues);
    }

    [Fact]
    public void TestData_IsPartOfWhatTheBuildHashes()
    {
        var output = _temp.Path;
        var pipeline = PipelineRegistry.For(typeof(TaxiFareModel));
        var first = ArtifactBuilder.Build(pipeline, output, new ArtifactOptions { Report = false });
        var again = ArtifactBuilder.Build(pipeline, output, new ArtifactOptions { Report = false });

        Assert.Equal(ArtifactStatus.Trained, first.Status);
        Assert.Equal(ArtifactStatus.UpToDate, again.Status);
        Assert.Equal("taxi-fare-test.csv", first.Manifest.TestDataFile);
        Assert.Contains(":", first.Manifest.DataHash, StringComparison.Ordinal);

        // A test file newer than the manifest makes the model stale, as a newer data file does.
        File.SetLastWriteTimeUtc(first.ManifestPath, File.GetLastWriteTimeUtc(pipeline.Spec.ResolveTestDataPath()!).AddMinutes(-1));
        Assert.Equal(ArtifactStatus.Trained, ArtifactBuilder.Build(pipeline, output, new ArtifactOptions { Report = false }).Status);
    }

    [Fact]
    public void RowsInMemory_TrainTheSameModelAsTheFileTheyCameFrom()
    {
        var fromFile = TumorModel.Train();
        var rows = ReadTumors(fromFile.Pipeline.DataPath!);

        var fromRows = TumorModel.Train(rows);

        Assert.Equal(fromFile.Pipeline.TestMetricValues, fromRows.Pipeline.TestMetricValues);
        Assert.Equal(fromFile.Predict(rows).Select(p => p.Probability), fromRows.Predict(rows).Select(p => p.Probability));
        Assert.Equal("(rows in memory)", fromRows.Pipeline.DataPath);
    }

    [Fact]
    public void RowsInMemory_WithTestRows_DoNotSplit()
    {
        var rows = ReadTumors(TumorModel.Spec.ResolveDataPath());

        var model = TumorModel.Train(rows.Take(500), rows.Skip(500));
        var report = model.Evaluate();

        Assert.Equal((500, rows.Count - 500), (report.TrainRows, report.TestRows));
        Assert.True(report.TestMetrics["AreaUnderRocCurve"] > 0.95);
    }

    [Fact]
    public void Evaluate_RowsInMemory_ScoresEveryRow()
    {
        var rows = ReadTumors(TumorModel.Spec.ResolveDataPath());

        var report = TrainedModels.Tumor.Evaluate(rows.Take(100));

        Assert.Equal((0, 100), (report.TrainRows, report.TestRows));
        Assert.Empty(report.CrossValidation);
    }

    [Fact]
    public void RowsInMemory_BadValues_NameTheRowAndProperty()
    {
        var rows = ReadTumors(TumorModel.Spec.ResolveDataPath());
        rows[6] = rows[6] with { Thickness = float.PositiveInfinity };

        var error = Assert.Throws<ArgumentException>(() => TumorModel.Train(rows));

        Assert.Contains("row 7, property Tumor.Thickness is Infinity", error.Message, StringComparison.Ordinal);
        Assert.Contains("there are no rows", Assert.Throws<ArgumentException>(() => TumorModel.Train([])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prediction_RefusesInfinity_AsTrainingDoes()
    {
        // The same rule on both sides: training names the row and property; prediction names the feature.
        var row = ReadTumors(TumorModel.Spec.ResolveDataPath())[6] with { Thickness = float.NegativeInfinity };
        Assert.True(TrainedModels.Tumor.Pipeline.UsesPortableScorer);

        var error = Assert.Throws<ArgumentException>(() => TrainedModels.Tumor.Predict(row));

        Assert.Contains("The feature 'Thickness' is -Infinity", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TrainedModels.Tumor.Predict([row]).ToList());
        Assert.False(float.IsNaN(TrainedModels.Tumor.Predict(row with { Thickness = float.NaN }).Probability), "NaN is missing, and stays allowed");
    }

    /// <summary>The breast-cancer file read into rows by hand, in file order.</summary>
    private static List<Tumor> ReadTumors(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).ToList();
        var header = lines[0].Split('\t');
        int At(string name) => Array.IndexOf(header, name);
        float Number(string[] f, string name) => float.Parse(f[At(name)], CultureInfo.InvariantCulture);
        return lines.Skip(1).Select(l => l.Split('\t')).Select(f => new Tumor
        {
            Malignant = f[At("label")] == "1",
            Thickness = Number(f, "thickness"),
            UniformSize = Number(f, "uniform_size"),
            UniformShape = Number(f, "uniform_shape"),
            Adhesion = Number(f, "adhesion"),
            EpithelialSize = Number(f, "epit_size"),
            BareNuclei = f[At("bare_nuclei")] == "?" ? null : Number(f, "bare_nuclei"),
            BlandChromatin = Number(f, "bland_chromatin"),
            NormalNucleoli = Number(f, "normal_nucleoli"),
            Mitoses = (int)Number(f, "mitoses"),
        }).ToList();
    }

    public void Dispose() => _temp.Dispose();
}
