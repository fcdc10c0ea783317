using System.Collections.Concurrent;
using Declarative.Tests.Pipelines;
using Declarative.Tuning;

namespace Declarative.Tests.Evaluation;

/// <summary>The report is measured on the data training loaded; another file is scored whole; the result never depends on threads.</summary>
public sealed class EvaluationReuseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Evaluate_WithoutPath_ScoresTheHeldOutPartThatTrainingScored()
    {
        var trained = TumorModel.Train();

        var report = trained.Evaluate();

        Assert.Equal(683, report.Profile.Rows);
        Assert.Equal(report.Profile.Rows, report.TrainRows + report.TestRows);
        Assert.InRange(report.TestRows, 100, 180);
        Assert.Equal(trained.Pipeline.TestMetricValues, report.TestMetrics);
        Assert.Same(report, trained.Evaluate(trained.Pipeline.DataPath));
    }

    [Fact]
    public void Evaluate_AnotherFile_ScoresEveryRowOfIt()
    {
        var trained = TrainedModels.Tumor;
        var copy = _temp.File("tumors.txt");
        File.Copy(trained.Pipeline.DataPath!, copy);

        var report = trained.Evaluate(copy);

        Assert.Equal(683, report.TestRows);
        Assert.Equal(0, report.TrainRows);
        Assert.Empty(report.CrossValidation);
        Assert.Equal("tumors.txt", report.DataFile);
        Assert.True(report.TestMetrics["AreaUnderRocCurve"] > 0.97);
        var page = Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.Predictive(MLTask.BinaryClassification));
        Assert.Contains("every one of its 683 rows scored as a test set", page, StringComparison.Ordinal);
        Assert.Contains("No cross-validation", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_IsTheSame_WhateverRanConcurrently()
    {
        var first = AdultIncomeModel.Train().Evaluate().ToJson();
        var second = AdultIncomeModel.Train().Evaluate().ToJson();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Report_OfAnUntunedModel_RefitsNothing_AndAboveFiveThousandTestRowsDrawsNoInterval()
    {
        var report = TrainedModels.Adult.Evaluate();

        Assert.True(report.TestRows > Declarative.Evaluation.Evaluator.BootstrapRowLimit, $"{report.TestRows} test rows");
        Assert.Empty(report.CrossValidation);
        Assert.Empty(report.TestIntervals);
        var page = Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.Predictive(MLTask.BinaryClassification));
        Assert.Contains("No cross-validation: the model was not tuned", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 0, 500, 0)]
    [InlineData(true, 0, 19_999, 5)]
    [InlineData(true, 0, 20_000, 0)]
    [InlineData(true, 1, 500, 0)]
    [InlineData(true, 3, 500, 3)]
    [InlineData(true, 4, 1_000_000, 4)]
    public void CrossValidationFolds_FollowTheTuningRule_ForATunedModelOnly(bool tuned, int declaredFolds, int trainRows, int expected)
    {
        var tuning = tuned ? new Declarative.Schema.TuningSpec { Folds = declaredFolds } : null;

        Assert.Equal(expected, Declarative.Evaluation.Evaluator.CrossValidationFolds(tuning, trainRows));
    }

    [Fact]
    public void LongPhases_PrintALineEach()
    {
        var lines = new ConcurrentQueue<string>();
        var trained = PipelineRegistry.For(typeof(TunedTumorModel)).Train(null, new TrainOptions { Status = lines.Enqueue });

        var report = trained.Evaluate();

        Assert.Equal(5, report.CrossValidation[0].Folds.Count);
        Assert.Contains("cross-validation fold 5/5", lines);
        Assert.All(TunedTumorModel.Spec.Features, f => Assert.Contains($"importance of {f.PropertyName}", lines));
    }

    public void Dispose() => _temp.Dispose();
}
