using Declarative.Tests.Pipelines;
using Declarative.Tuning;
using Xunit.Abstractions;

namespace Declarative.Tests.Tuning;

/// <summary>Tuning through the generated API on real data.</summary>
public sealed class TuningTests(ITestOutputHelper output)
{
    private static readonly Lazy<TunedTumorModel> Tuned = new(() => TunedTumorModel.Train());

    [Fact]
    public void Tune_TriesEveryTrainer_RefitsTheWinner_AndRanksTheLeaderboard()
    {
        var model = Tuned.Value;
        foreach (var trial in model.Trials)
        {
            output.WriteLine($"{trial.Number,2} {trial.Trainer,-22} AUC {trial.Metric:F4} ± {trial.MetricStdDev:F4} cost {trial.Cost:F2} {string.Join(" ", trial.Hyperparameters.Select(h => $"{h.Key}={h.Value}"))}");
        }

        Assert.Equal(12, model.Trials.Count);
        Assert.Equal([Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression], model.Trials.Take(3).Select(t => t.Trainer));
        Assert.All(model.Trials, t => Assert.True(t.Succeeded, t.Error));
        Assert.Equal(Enumerable.Range(1, 12), model.Trials.Select(t => t.Number));

        var leaderboard = model.Leaderboard;
        Assert.Equal(leaderboard.Select(t => t.Metric).OrderDescending(), leaderboard.Select(t => t.Metric));
        Assert.Equal(leaderboard[0].Trainer, model.Pipeline.Trainer);
        Assert.Equal(leaderboard[0].Hyperparameters, model.Pipeline.Hyperparameters);
        Assert.True(model.TestMetrics.AreaUnderRocCurve > 0.97, $"AUC {model.TestMetrics.AreaUnderRocCurve}");
        Assert.True(model.Predict(new Tumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10, BlandChromatin = 9 }).PredictedLabel);
    }

    [Fact]
    public void SameSeed_SameTrialsAndWinner()
    {
        var again = TunedTumorModel.Train();

        Assert.Equal(Describe(Tuned.Value.Trials), Describe(again.Trials));
        Assert.Equal(Tuned.Value.Pipeline.Hyperparameters, again.Pipeline.Hyperparameters);
    }

    [Fact]
    public void FailedTrials_AreRecordedAndSkipped()
    {
        var model = HalfBrokenTumorModel.Train();

        var failed = model.Trials.Where(t => !t.Succeeded).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, t => Assert.Equal(Trainer.LightGbm, t.Trainer));
        Assert.All(failed, t => Assert.False(string.IsNullOrEmpty(t.Error)));
        Assert.Equal(Trainer.FastTree, model.Pipeline.Trainer);
        Assert.DoesNotContain(model.Leaderboard, t => !t.Succeeded);
    }

    [Fact]
    public void NoTrialSucceeds_IsAnErrorThatSaysWhy()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BrokenTumorModel.Train());

        Assert.Contains("none of 3 tuning trials succeeded", error.Message);
        Assert.Contains("LightGbm:", error.Message);
    }

    [Fact]
    public void LowerIsBetterMetric_RanksAscending()
    {
        var model = TunedHousingModel.Train();

        Assert.Equal(8, model.Trials.Count);
        Assert.Equal(model.Leaderboard.Select(t => t.Metric).Order(), model.Leaderboard.Select(t => t.Metric));
        Assert.True(model.TestMetrics.RSquared > 0.7, $"R2 {model.TestMetrics.RSquared}");
    }

    [Fact]
    public void Cost_GrowsWithWork()
    {
        var small = PipelineTunerCost(Trainer.LightGbm, "10", "4");
        var large = PipelineTunerCost(Trainer.LightGbm, "1000", "256");
        Assert.True(large > 100 * small);
    }

    private static double PipelineTunerCost(Trainer trainer, string iterations, string leaves) =>
        PipelineTuner.Cost(trainer, new Dictionary<string, string> { ["NumberOfIterations"] = iterations, ["NumberOfLeaves"] = leaves }, 1000, 5);

    internal static string Describe(IEnumerable<TrialResult> trials) =>
        string.Join("\n", trials.Select(t => $"{t.Trainer} {string.Join(",", t.Hyperparameters)} {t.Metric:R}"));
}
