using System.Globalization;
using Declarative.Data;
using Declarative.Tests.Pipelines;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Tests;

/// <summary>
/// A [GroupId] on a classifier's row: the rows of a group (statsmodels' modechoice: a traveller's four ways to go) stay
/// together in the test split and in tuning's folds, so the model is scored on travellers it never saw. The group is not
/// a feature.
/// </summary>
public sealed class GroupSplitTests
{
    [Fact]
    public void EveryTravellersFourRows_AreOnOneSideOfTheSplit()
    {
        var data = PipelineTrainer.Load(TravelModeModel.Spec, TravelModeModel.Spec.ResolveDataPath());

        var train = Groups(data.TrainPart!);
        var test = Groups(data.TestPart);

        Assert.Equal(840, train.Length + test.Length);
        Assert.Empty(train.Intersect(test));
        Assert.All(train.Concat(test).CountBy(g => g), g => Assert.Equal(4, g.Value));
        Assert.InRange(test.Distinct().Count(), 21, 63); // about a fifth of the 210 travellers, as whole groups
    }

    [Fact]
    public void WithoutTheKey_ARowByRowSplit_PutsTravellersOnBothSides()
    {
        // What the split would be without [GroupId]: the same rows, split one by one.
        var data = PipelineTrainer.Load(TravelModeModel.Spec, TravelModeModel.Spec.ResolveDataPath());
        var split = new MLContext(1).Data.TrainTestSplit(new TableDataView(data.Table), 0.2, samplingKeyColumnName: null, seed: 1);

        var both = Groups(split.TestSet).Intersect(Groups(split.TrainSet)).Count();

        Assert.True(both > 100, $"{both} travellers have rows on both sides");
    }

    [Fact]
    public void TuningsFolds_KeepEachTravellerInOneFold()
    {
        // Tuning and the report's cross-validation split the training part on the same key.
        var spec = TunedTravelModeModel.Spec;
        var data = PipelineTrainer.Load(spec, spec.ResolveDataPath());
        var ml = new MLContext(spec.Seed);

        var folds = ml.Data.CrossValidationSplit(data.TrainPart!, 5, PipelineTrainer.SamplingKey(spec), spec.Seed);

        Assert.Equal(nameof(TravelMode.Traveller), PipelineTrainer.SamplingKey(spec));
        var validated = folds.Select(f => Groups(f.TestSet).ToHashSet()).ToArray();
        for (var i = 0; i < validated.Length; i++)
        {
            Assert.Empty(Groups(folds[i].TrainSet).Intersect(validated[i]));
        }

        Assert.Equal(Groups(data.TrainPart!).Length, validated.Sum(v => v.Count * 4));
    }

    [Fact]
    public void AGroupedClassifier_TrainsTunesAndPredicts_WithoutTheGroupAsAFeature()
    {
        var model = TunedTravelModeModel.Train();
        var report = model.Evaluate();
        var row = new TravelMode { Traveller = 1, Mode = 4, TerminalMinutes = 0, VehicleCost = 10, VehicleMinutes = 180, GeneralizedCost = 30, HouseholdIncome = 35, PartySize = 1 };

        Assert.All(model.Pipeline.Trials, t => Assert.True(t.Succeeded, t.Error));
        Assert.True(report.TestMetrics["AreaUnderRocCurve"] > 0.95, $"AUC {report.TestMetrics["AreaUnderRocCurve"]}");
        Assert.DoesNotContain(model.Pipeline.Spec.Features, f => f.PropertyName == nameof(TravelMode.Traveller));
        var prediction = model.Predict(row);
        Assert.InRange(prediction.Probability, 0f, 1f);
        Assert.Equal(prediction.Score, model.Predict(new TravelMode
        {
            Traveller = 999, Mode = 4, TerminalMinutes = 0, VehicleCost = 10, VehicleMinutes = 180, GeneralizedCost = 30, HouseholdIncome = 35, PartySize = 1,
        }).Score);
    }

    [Fact]
    public void RowsInMemory_SplitByGroupAsTheFileIs()
    {
        var rows = System.IO.File.ReadAllLines(Repository.PathOf("datasets", "modechoice", "modechoice.csv")).Skip(1).Select(TravelMode.Parse).ToList();

        var fromRows = TravelModeModel.Train(rows).Evaluate();
        var fromFile = TravelModeModel.Train().Evaluate();

        Assert.Equal(fromFile.TestRows, fromRows.TestRows);
        Assert.Equal(fromFile.TestMetrics["AreaUnderRocCurve"], fromRows.TestMetrics["AreaUnderRocCurve"], 1e-9);
    }

    [Fact]
    public void TheReport_CountsTheTestTravellers_AndItsIntervalsResampleWholeOnes()
    {
        var model = TravelModeModel.Train();
        var report = model.Evaluate();
        ITrainedPipeline pipeline = model.Pipeline;

        Assert.Equal(Groups(pipeline.TrainedOn!.TestPart).Distinct().Count(), report.TestGroups);
        Assert.Contains(report.TestIntervals, i => i.Metric == "AreaUnderRocCurve" && i.Low <= report.TestMetrics["AreaUnderRocCurve"] && i.High >= i.Low);
        var page = Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.Predictive(MLTask.BinaryClassification));
        Assert.Contains($"bootstrap resamples of the test part's {report.TestGroups} groups (whole groups drawn with replacement", page, StringComparison.Ordinal);
        Assert.Contains($"{report.TestRows} test rows in {report.TestGroups} groups the training rows do not share", page, StringComparison.Ordinal);

        // A row split has no groups to count; a ranker's test file has its queries, and its intervals draw whole ones.
        Assert.Null(TrainedModels.Tumor.Evaluate().TestGroups);
        var ranking = TrainedModels.Search.Evaluate();
        Assert.Equal(50, ranking.TestGroups);
        Assert.Contains(ranking.TestIntervals, i => i.Metric == "NdcgAt10" && i.StdDev > 0 && i.Low <= ranking.TestMetrics["NdcgAt10"] && ranking.TestMetrics["NdcgAt10"] <= i.High);
    }

    [Fact]
    public void AGroupResample_DrawsWholeGroups_AsManyAsThereAre()
    {
        int[][] groups = [[0, 1], [2, 3, 4], [5], [6, 7]];

        var drawn = Declarative.Evaluation.Evaluator.GroupResample(groups, seed: 3);

        Assert.Equal(groups.Length, drawn.Length);
        Assert.All(drawn, d => Assert.Contains(d, groups));
        Assert.Contains(Enumerable.Range(1, 20), seed => Declarative.Evaluation.Evaluator.GroupResample(groups, seed).Distinct().Count() < groups.Length); // with replacement
        Assert.Equal(drawn, Declarative.Evaluation.Evaluator.GroupResample(groups, seed: 3));
    }

    [Fact]
    public void TheTasksThatTakeAGroup_AreThoseThatSplitRowsAtRandom()
    {
        Assert.Equal(
            [MLTask.BinaryClassification, MLTask.MulticlassClassification, MLTask.Regression, MLTask.Ranking],
            Schema.TaskDefinitions.All.Where(d => d.AcceptsGroup).Select(d => d.Task));
        Assert.All(Schema.TaskDefinitions.All.Where(d => d.RequiresGroup), d => Assert.True(d.AcceptsGroup, d.Title));
    }

    private static string[] Groups(DataTable table)
    {
        var column = table.Columns.Single(c => c.Name == nameof(TravelMode.Traveller));
        return [.. Enumerable.Range(0, table.RowCount).Select(r => column.Singles is { } s ? s[r].ToString("R", CultureInfo.InvariantCulture) : column.Text(r).ToString())];
    }

    private static string[] Groups(IDataView view) =>
        [.. view.GetColumn<ReadOnlyMemory<char>>(nameof(TravelMode.Traveller)).Select(v => v.ToString())];
}
