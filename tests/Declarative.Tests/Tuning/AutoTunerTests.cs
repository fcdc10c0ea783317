using System.Globalization;
using Declarative.Tests.Pipelines;
using Declarative.Tuning;

namespace Declarative.Tests.Tuning;

/// <summary>The default tuner chooses per trainer: local search from tree ensembles' defaults, random search for linear trainers.</summary>
public sealed class AutoTunerTests
{
    [Theory]
    [InlineData(Trainer.LightGbm, TunerKind.CostFrugal)]
    [InlineData(Trainer.FastTree, TunerKind.CostFrugal)]
    [InlineData(Trainer.FastForest, TunerKind.CostFrugal)]
    [InlineData(Trainer.FastTreeTweedie, TunerKind.CostFrugal)]
    [InlineData(Trainer.KMeans, TunerKind.CostFrugal)]
    [InlineData(Trainer.SdcaLogisticRegression, TunerKind.Random)]
    [InlineData(Trainer.LbfgsLogisticRegression, TunerKind.Random)]
    [InlineData(Trainer.LbfgsMaximumEntropy, TunerKind.Random)]
    [InlineData(Trainer.Sdca, TunerKind.Random)]
    [InlineData(Trainer.LinearSvm, TunerKind.Random)]
    public void Auto_ResolvesPerTrainer(Trainer trainer, TunerKind expected)
    {
        Assert.Equal(expected, Tuners.Resolve(TunerKind.Auto, trainer));
        Assert.Equal(TunerKind.Bayesian, Tuners.Resolve(TunerKind.Bayesian, trainer));
    }

    [Fact]
    public void Auto_CannotBeCreatedWithoutATrainer()
    {
        var error = Assert.Throws<ArgumentException>(() => Tuners.Create(TunerKind.Auto, [0.5], 1, 10));
        Assert.Contains("Resolve", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Replays each trainer's tuner over the trials of a real tuning run (LightGbm, FastTree and SDCA on breast-cancer):
    /// every trial is where the resolved tuner, told the results of the rounds before, pointed.
    /// </summary>
    [Fact]
    public void AutoTuning_RunsEachTrainersResolvedTuner()
    {
        var spec = TunedTumorModel.Spec;
        Assert.Equal(TunerKind.Auto, spec.Tuning!.Tuner);
        var trials = TunedTumorModel.Train(null, new TrainOptions { ConcurrentTrials = 1 }).Trials;
        var trainers = spec.Trainers.Distinct().ToList();
        var tuners = trainers.Select((t, i) => Tuners.Create(Tuners.Resolve(TunerKind.Auto, t), SearchSpace.For(t).DefaultPoint, spec.Seed + i, spec.Tuning.MaxTrials)).ToList();

        Assert.Contains(trials, t => t.Trainer == Trainer.SdcaLogisticRegression && t.Number > 4);
        foreach (var round in trials.Chunk(PipelineTuner.RoundSize))
        {
            var proposed = round.Select(t => (Trial: t, Point: tuners[trainers.IndexOf(t.Trainer)].Propose())).ToList();
            foreach (var (trial, point) in proposed)
            {
                Assert.Equal(SearchSpace.For(trial.Trainer).Decode(point), trial.Hyperparameters);
                tuners[trainers.IndexOf(trial.Trainer)].Report(point, trial.Metric is { } auc ? -auc : double.PositiveInfinity);
            }
        }

        // Random search leaves SDCA's default behind at once; cost-frugal's first LightGbm steps stay near its default.
        var sdca = trials.Where(t => t.Trainer == Trainer.SdcaLogisticRegression).Skip(1).Select(t => Distance(Trainer.SdcaLogisticRegression, t.Hyperparameters)).ToList();
        var lightGbm = trials.Where(t => t.Trainer == Trainer.LightGbm).Skip(1).Take(2).Select(t => Distance(Trainer.LightGbm, t.Hyperparameters)).ToList();
        Assert.True(sdca.Max() > 0.5, $"SDCA's trials are within {sdca.Max():F2} of its default");
        Assert.All(lightGbm, d => Assert.True(d < 0.5, string.Create(CultureInfo.InvariantCulture, $"a first LightGbm step {d:F2} from its default")));
    }

    /// <summary>How far a configuration is from the trainer's default, in the unit cube.</summary>
    private static double Distance(Trainer trainer, IReadOnlyDictionary<string, string> configuration)
    {
        var space = SearchSpace.For(trainer);
        return Math.Sqrt(space.Encode(configuration).Zip(space.DefaultPoint, (a, b) => (a - b) * (a - b)).Sum());
    }
}
