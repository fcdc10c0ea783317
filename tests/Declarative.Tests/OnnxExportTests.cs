using Declarative.Build;
using Microsoft.ML.Data;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

/// <summary>
/// <c>SaveOnnx</c>: the exported model, run by ONNX Runtime on every held-out row, gives ML.NET's scores within 1e-5
/// (relative, for scores above 1: float sums of hundreds of trees differ in their last bits), for each task and the featurizers that export (missing-value replacement, one-hot, booleans, dates, column runs).
/// </summary>
public sealed class OnnxExportTests : IDisposable
{
    private const double Tolerance = global::Declarative.Scoring.ScoreComparison.Tolerance;
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Binary_LightGbm_OnTheCensus_MatchesMLNet() => AssertParity(TrainedModels.Adult.Pipeline, "Probability");

    [Fact]
    public void Multiclass_Sdca_OnIris_MatchesMLNet() => AssertParity(TrainedModels.Iris.Pipeline, "Score");

    [Fact]
    public void Multiclass_ColumnRun_OnTheDigits_MatchesMLNet() => AssertParity(TrainedModels.Digits.Pipeline, "Score");

    [Fact]
    public void Regression_FastTree_WithCategoriesAndBooleans_MatchesMLNet() => AssertParity(TrainedModels.Housing.Pipeline, "Score");

    [Fact]
    public void Regression_Dates_MatchesMLNet() => AssertParity(TaxiDemandModel.Train().Pipeline, "Score");

    [Fact]
    public void Ranking_LightGbm_MatchesMLNet() => AssertParity(TrainedModels.Search.Pipeline, "Score");

    [Fact]
    public void Ranking_FastTree_MatchesMLNet() => AssertParity(TrainedModels.SearchFastTree.Pipeline, "Score");

    [Fact]
    public void Ranking_ATextQuery_MatchesMLNet() => AssertParity(NamedQueryRankingModel.Train().Pipeline, "Score");

    [Fact]
    public void Ensemble_Ranking_MatchesMLNet()
    {
        var model = TrainedModels.EnsembledSearch;
        Assert.True(model.Ensemble.Count > 1, "the tuned blend has several members");
        AssertParity(model.Pipeline, "Score");
    }

    [Fact]
    public void Ensemble_Binary_TreesAndLinearModels_MatchesMLNet()
    {
        var model = TrainedModels.EnsembledTumor;
        Assert.True(model.Ensemble.Count > 1, "the tuned blend has several members");

        // Its members' graphs joined: the blend's log-odds (Score) and its sigmoid (Probability), as ML.NET computes them.
        AssertParity(model.Pipeline, "Score");
        AssertParity(model.Pipeline, "Probability");
    }

    [Fact]
    public void Ensemble_Regression_MatchesMLNet()
    {
        var model = TrainedModels.EnsembledHousing;
        Assert.True(model.Ensemble.Count > 1, "the tuned blend has several members");
        AssertParity(model.Pipeline, "Score");
    }

    [Fact]
    public void Ensemble_Multiclass_MatchesMLNet_ClassByClass_AndPredictsTheSameClass()
    {
        var model = TrainedModels.EnsembledWine;
        Assert.True(model.Ensemble.Count > 1, "the tuned blend has several members");
        AssertParity(model.Pipeline, "Score");

        // The predicted class: the blend's first highest probability, as the key ML.NET predicts, in the same type.
        var path = _temp.File("wine-classes.onnx");
        model.SaveOnnx(path);
        ITrainedPipeline pipeline = model.Pipeline;
        var test = pipeline.TrainedOn!.TestPart;
        var expected = pipeline.Model.Transform(new Declarative.Data.TableDataView(test)).GetColumn<uint>("PredictedLabel").ToArray();
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(path);
        using var results = session.Run(Declarative.Build.OnnxCheck.Inputs(session, test), ["PredictedLabel.output"]);
        var predicted = results[0].AsEnumerable<uint>().ToArray();
        Assert.Equal(test.RowCount, predicted.Length);
        Assert.Equal(expected, predicted);
    }

    [Theory]
    [InlineData("adult", "IsOver50K", null, 14, "PredictedLabel,Score,Probability")]
    [InlineData("iris", "Label", null, 4, "PredictedLabel,Score")]
    [InlineData("housing", "MedianHomeValue", null, 13, "Score")]
    [InlineData("search", "Relevance", "Query", 300, "Score")]
    [InlineData("ensembled-tumor", "Malignant", null, 9, "Score,PredictedLabel,Probability")]
    [InlineData("ensembled-wine", "Cultivar", null, 13, "Score,PredictedLabel")]
    [InlineData("travel-mode", "Chosen", "Traveller", 7, "PredictedLabel,Score,Probability")]
    public void TheExport_ReadsTheFeaturesAlone_AndWritesThePredictionAlone(string model, string label, string? group, int features, string outputs)
    {
        ITrainedPipeline pipeline = model switch
        {
            "adult" => TrainedModels.Adult.Pipeline,
            "iris" => TrainedModels.Iris.Pipeline,
            "housing" => TrainedModels.Housing.Pipeline,
            "search" => TrainedModels.Search.Pipeline,
            "ensembled-tumor" => TrainedModels.EnsembledTumor.Pipeline,
            "travel-mode" => TravelModeModel.Train().Pipeline,
            _ => TrainedModels.EnsembledWine.Pipeline,
        };
        var path = _temp.File(model + "-io.onnx");
        pipeline.SaveOnnx(path);

        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(path);

        // Neither the label nor a group (a ranker's query, a classifier's split key) is asked for: ML.NET's converter made every column of the data an input.
        Assert.DoesNotContain(label, session.InputMetadata.Keys);
        if (group is not null)
        {
            Assert.DoesNotContain(group, session.InputMetadata.Keys);
        }

        var columns = pipeline.TrainedOn!.TestPart.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(features, session.InputMetadata.Count);
        Assert.All(session.InputMetadata.Keys, input => Assert.Contains(input, columns));

        // The prediction's columns, not every featurizer's column copied out as the converter writes them.
        Assert.Equal(outputs.Split(',').Select(o => o + ".output").Order(StringComparer.Ordinal), session.OutputMetadata.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AText_Feature_HasNoOnnxForm_AndSaysWhich()
    {
        var model = TrainedModels.Toxicity;
        var path = _temp.File("toxicity.onnx");

        var error = Assert.Throws<NotSupportedException>(() => model.SaveOnnx(path));

        Assert.Contains("cannot be exported to ONNX: the text featurizer of", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void TheCheck_CatchesAnExportOfAnotherModel()
    {
        // The same pipeline trained on other rows: a file that is an export, but not of this model.
        var model = TrainedModels.Housing;
        var other = HousingModel.Train(ReadHouses().Where((_, i) => i % 2 == 0));
        var path = _temp.File("other.onnx");
        other.SaveOnnx(path);

        var comparison = Assert.Single(OnnxCheck.Compare(model.Pipeline, path));

        Assert.False(comparison.Passed);
        Assert.True(comparison.LargestDifference > 0.01, $"difference {comparison.LargestDifference}");
    }

    private static IEnumerable<House> ReadHouses() =>
        File.ReadLines("datasets/housing/housing.txt").Skip(1).Select(l => l.Split('\t').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .Select(v => new House
            {
                MedianHomeValue = v[0], CrimesPerCapita = v[1], PercentResidental = v[2], PercentNonRetail = v[3], CharlesRiver = v[4] != 0,
                NitricOxides = v[5], RoomsPerDwelling = v[6], PercentPre40s = v[7], EmploymentDistance = v[8], HighwayDistance = (int)v[9],
                TaxRate = v[10], TeacherRatio = v[11], BlackIndex = v[12], PercentLowIncome = v[13],
            });

    private void AssertParity(ITrainedPipeline pipeline, string output)
    {
        var path = _temp.File(pipeline.Name + ".onnx");
        pipeline.SaveOnnx(path);

        var comparison = Assert.Single(OnnxCheck.Compare(pipeline, path), c => c.Output == output);

        Assert.Equal(pipeline.TrainedOn!.TestPart.RowCount, comparison.Rows);
        Assert.True(comparison.LargestDifference <= Tolerance,
            $"{pipeline.Name}: {output} differs by up to {comparison.LargestDifference} (held-out row {comparison.WorstRow + 1} of {comparison.Rows})");
    }

    public void Dispose() => _temp.Dispose();
}
