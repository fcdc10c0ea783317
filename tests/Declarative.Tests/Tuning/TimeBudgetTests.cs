using Declarative.Tests.Pipelines;
using Declarative.Tuning;
using Microsoft.ML;

namespace Declarative.Tests.Tuning;

/// <summary>
/// A time budget is a budget: it counts from the start of the work, and the trial running when it ends is cancelled
/// rather than waited for. (No timing is asserted: what these check holds on any machine.)
/// </summary>
public sealed class TimeBudgetTests
{
    [Fact]
    public void MLNetsCancellation_IsThere()
    {
        // Pins the non-public MLContext.CancelExecution of ML.NET 5.0.1 that cancelling a trial relies on.
        Assert.NotNull(TrialCancellation.CancelExecution);
    }

    [Fact]
    public void ACancelledFit_StopsWithAnException()
    {
        // 20,000 LightGbm iterations on the census would run for minutes; cancelled after a moment, the fit throws instead.
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile("datasets/adult/adult.txt",
            [new Microsoft.ML.Data.TextLoader.Column("Label", Microsoft.ML.Data.DataKind.Boolean, 14), new Microsoft.ML.Data.TextLoader.Column("Features", Microsoft.ML.Data.DataKind.Single, [new Microsoft.ML.Data.TextLoader.Range(0), new Microsoft.ML.Data.TextLoader.Range(2), new Microsoft.ML.Data.TextLoader.Range(4), new Microsoft.ML.Data.TextLoader.Range(10, 12)])],
            separatorChar: ',', hasHeader: true);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(numberOfIterations: 20_000, numberOfLeaves: 64);
        using var timer = new Timer(_ => TrialCancellation.Cancel(ml), null, TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);

        Assert.ThrowsAny<Exception>(() => trainer.Fit(data));
    }

    [Fact]
    public void TuningStopsAtTheBudget_AndStillGivesAModel()
    {
        var model = BudgetedAdultModel.Train();

        Assert.True(model.Trials.Count < 50, $"{model.Trials.Count} trials in a 2 s budget");
        // Only the last round's trials (those running side by side when the budget ended) can have been stopped.
        var lastRound = model.Trials.Count == 0 ? 0 : ((model.Trials[^1].Number - 1) / PipelineTuner.RoundSize * PipelineTuner.RoundSize) + 1;
        Assert.All(model.Trials.Where(t => t.Number < lastRound), t => Assert.NotEqual(PipelineTuner.BudgetEnded, t.Error));
        Assert.True(model.TestMetrics.AreaUnderRocCurve > 0.85, $"AUC {model.TestMetrics.AreaUnderRocCurve}");
        if (model.Trials.Count > 0 && model.Trials[^1].Error == PipelineTuner.BudgetEnded && model.Trials.All(t => !t.Succeeded))
        {
            // Not one trial ended in time: the candidate that costs least, with its defaults (FastTree's 100 trees of 20
            // leaves against LightGbm's 100 of 31).
            Assert.Equal(Trainer.FastTree, model.Pipeline.Trainer);
        }
    }

    [Fact]
    public void ABudgetSpentBeforeTheFirstTrial_FitsTheCheapestCandidateWithItsDefaults()
    {
        // Loading and featurizing count against the budget: here it has run out before tuning starts. Before, this
        // threw "none of 0 tuning trials succeeded"; and where a trial was stopped, the first candidate (LightGbm) was
        // fitted, as long as a trial of it or longer.
        var spec = OutlastedBudgetTumorModel.Spec;
        var data = Declarative.Training.PipelineTrainer.LoadDeclared(spec, null);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed <= TimeSpan.FromSeconds(spec.Tuning!.TimeBudgetSeconds))
        {
            Thread.Sleep(100);
        }

        var fit = ModelSelection.Fit(spec, Declarative.Tasks.TaskProfiles.Predictive(spec.Task), data.TrainPart!, null, started);

        Assert.Empty(fit.Trials);
        Assert.Equal(Trainer.SdcaLogisticRegression, fit.Trainer);
        Assert.Empty(fit.Hyperparameters);
    }

    [Theory]
    [InlineData(new[] { Trainer.LightGbm, Trainer.FastTree, Trainer.FastForest, Trainer.SdcaLogisticRegression, Trainer.LbfgsLogisticRegression }, Trainer.SdcaLogisticRegression)]
    [InlineData(new[] { Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaMaximumEntropy, Trainer.LbfgsMaximumEntropy }, Trainer.SdcaMaximumEntropy)]
    [InlineData(new[] { Trainer.LightGbm, Trainer.FastTree }, Trainer.FastTree)]
    [InlineData(new[] { Trainer.LbfgsLogisticRegression, Trainer.LightGbm }, Trainer.LbfgsLogisticRegression)]
    [InlineData(new[] { Trainer.LightGbm }, Trainer.LightGbm)]
    public void TheCheapestCandidate_IsByCostAtTheDefaults(Trainer[] candidates, Trainer cheapest) =>
        Assert.Equal(cheapest, PipelineTuner.Cheapest(candidates));
}
