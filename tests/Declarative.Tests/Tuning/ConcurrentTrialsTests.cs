using Declarative.Tests.Pipelines;
using Declarative.Tuning;

namespace Declarative.Tests.Tuning;

/// <summary>Trials side by side find what trials one at a time find: rounds are proposed from the state before them.</summary>
public sealed class ConcurrentTrialsTests
{
    [Fact]
    public void OneAndFourConcurrentTrials_GiveTheSameTrialsAndModel()
    {
        var serial = TunedTumorModel.Train(null, new TrainOptions { ConcurrentTrials = 1 });
        var concurrent = TunedTumorModel.Train(null, new TrainOptions { ConcurrentTrials = 4 });

        Assert.Equal(12, serial.Trials.Count);
        Assert.Equal(TuningTests.Describe(serial.Trials), TuningTests.Describe(concurrent.Trials));
        Assert.Equal(serial.Pipeline.Trainer, concurrent.Pipeline.Trainer);
        Assert.Equal(serial.Pipeline.Hyperparameters, concurrent.Pipeline.Hyperparameters);
        Assert.Equal(serial.TestMetrics.AreaUnderRocCurve, concurrent.TestMetrics.AreaUnderRocCurve);
    }

    [Fact]
    public void ConcurrentTrials_IsNotPartOfTheDeclarationHash()
    {
        var declared = TunedTumorModel.Spec;
        var other = new Schema.TuningSpec { MaxTrials = declared.Tuning!.MaxTrials, Metric = declared.Tuning.Metric, ConcurrentTrials = 3 };

        Assert.Equal(declared.Tuning.Signature(), other.Signature());
        Assert.Equal(2, ConcurrentlyTunedTumorModel.Spec.Tuning!.ConcurrentTrials);
        Assert.Equal(0, declared.Tuning.ConcurrentTrials);
    }

    [Fact]
    public void TrialsOnRowsInMemory_CannotGoToACluster()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new Tumor { Malignant = i % 2 == 0, Thickness = i % 10, UniformSize = (i * 7) % 10, BareNuclei = i % 3 }).ToList();
        var options = new TrainOptions { Cluster = new NoCluster() };
        var error = Assert.Throws<NotSupportedException>(() =>
            ModelSelection.Train(TunedTumorModel.Spec, Declarative.Tasks.TaskProfiles.Predictive(MLTask.BinaryClassification), () => Training.PipelineTrainer.FromRows(TunedTumorModel.Spec, rows, null), options));

        Assert.Contains("rows in memory", error.Message, StringComparison.Ordinal);
    }

    private sealed class NoCluster : ITrialCluster
    {
        public Task<IReadOnlyList<TrialResult>> RunAsync(TrialJob job, IReadOnlyList<TrialRequest> round, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not reached");
    }
}
