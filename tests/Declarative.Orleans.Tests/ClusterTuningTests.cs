using System.Collections.Concurrent;
using Declarative.Orleans.Messages;
using Declarative.Tuning;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Declarative.Orleans.Tests;

/// <summary>Tuning trials on a three-silo test cluster in this process, against the same tuning on one machine.</summary>
public sealed class ClusterTuningTests(ITestOutputHelper output)
{
    private static readonly Lazy<ClusterTunedTumorModel> Serial = new(() => ClusterTunedTumorModel.Train(null, new TrainOptions { ConcurrentTrials = 1 }));

    [Fact]
    public async Task TrialsOnACluster_AreTheTrialsAndWinnerOfASerialRun()
    {
        await using var cluster = await TestClusters.StartAsync(3);
        var silos = new ConcurrentBag<string>();
        var trials = new OrleansTrialCluster(cluster.Client) { Ran = outcome => silos.Add(outcome.Silo!) };

        var distributed = await Task.Run(() => ClusterTunedTumorModel.Train(null, new TrainOptions { Cluster = trials }));

        output.WriteLine($"silos used: {string.Join(", ", silos.Distinct())}");
        Assert.Equal(12, distributed.Trials.Count);
        Assert.Equal(Describe(Serial.Value.Trials), Describe(distributed.Trials));
        Assert.Equal(Serial.Value.Pipeline.Trainer, distributed.Pipeline.Trainer);
        Assert.Equal(Serial.Value.Pipeline.Hyperparameters, distributed.Pipeline.Hyperparameters);
        Assert.Equal(Serial.Value.TestMetrics.AreaUnderRocCurve, distributed.TestMetrics.AreaUnderRocCurve);
        Assert.True(silos.Distinct().Count() > 1, "every trial ran on one silo");
    }

    [Fact]
    public async Task AnEnsembleOfTrialsRunOnACluster_IsTheSerialRunsEnsemble()
    {
        var serial = ClusterEnsembledTumorModel.Train(null, new TrainOptions { ConcurrentTrials = 1 });
        await using var cluster = await TestClusters.StartAsync(2);
        var distributed = await Task.Run(() => ClusterEnsembledTumorModel.Train(null, new TrainOptions { Cluster = new OrleansTrialCluster(cluster.Client) }));

        Assert.True(serial.Ensemble.Count >= 2, "the serial run blends its trials");
        Assert.Equal(serial.Ensemble.Select(m => (m.Trial, m.Trainer, m.Weight)), distributed.Ensemble.Select(m => (m.Trial, m.Trainer, m.Weight)));
        Assert.Equal(serial.TestMetrics.LogLoss, distributed.TestMetrics.LogLoss);
    }

    [Fact]
    public async Task ASiloStoppedMidTuning_LosesNothing()
    {
        await using var cluster = await TestClusters.StartAsync(3);
        var outcomes = new ConcurrentBag<TrialOutcome>();
        var trials = new OrleansTrialCluster(cluster.Client) { Ran = outcomes.Add };
        var killed = new List<string>();

        // Every silo but the first holds the trials it is given, and is killed (no graceful shutdown) once it holds one:
        // those trials are lost with it and must run again elsewhere.
        var held = cluster.Silos.Skip(1).ToList();
        var holds = held.Select(s => s.ServiceProvider.GetRequiredService<TrialSlots>().Hold = new TaskCompletionSource()).ToList();

        using var stop = new CancellationTokenSource();
        var killer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && held.Count > 0)
            {
                foreach (var busy in held.Where(s => s.ServiceProvider.GetRequiredService<TrialSlots>().Running > 0).ToList())
                {
                    killed.Add(busy.SiloAddress.ToString());
                    held.Remove(busy);
                    await cluster.KillSiloAsync(busy);
                }

                await Task.Delay(20);
            }
        });

        var distributed = await Task.Run(() => ClusterTunedTumorModel.Train(null, new TrainOptions { Cluster = trials }));
        await stop.CancelAsync();
        await killer;
        holds.ForEach(h => h.TrySetCanceled()); // the trials held on killed silos end, so the cluster can shut down

        output.WriteLine($"killed {string.Join(", ", killed)}; attempts: {string.Join(", ", outcomes.OrderBy(o => o.Number).Select(o => $"{o.Number}@{o.Silo}#{o.Attempt}"))}");
        Assert.NotEmpty(killed);
        Assert.Contains(outcomes, o => o.Attempt > 1);
        Assert.Equal(Describe(Serial.Value.Trials), Describe(distributed.Trials));
        Assert.Equal(Serial.Value.Pipeline.Hyperparameters, distributed.Pipeline.Hyperparameters);
    }

    [Fact]
    public async Task AWorkerThatCannotLoadTheData_StopsTuningWithAClearError()
    {
        await using var cluster = await TestClusters.StartAsync(2);
        var copy = Path.Combine(Path.GetTempPath(), $"declarative-orleans-{Guid.NewGuid():N}.txt");
        File.Copy("datasets/breast-cancer/breast-cancer-withheader.txt", copy);

        // The build reads the file; by the time the workers look for it, it is gone (as on a machine it was never copied to).
        var trials = new VanishingData(copy, new OrleansTrialCluster(cluster.Client));
        var error = await Assert.ThrowsAsync<TrialWorkerException>(() => Task.Run(() => ClusterTunedTumorModel.Train(copy, new TrainOptions { Cluster = trials })));

        output.WriteLine(error.Message);
        Assert.Contains("cannot load the data of pipeline ClusterTunedTumorModel", error.Message, StringComparison.Ordinal);
        Assert.Contains(copy, error.Message, StringComparison.Ordinal);
        Assert.Contains("[silo ", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(IEnumerable<TrialResult> trials) =>
        string.Join("\n", trials.Select(t => $"{t.Number} {t.Trainer} {string.Join(",", t.Hyperparameters)} {t.Metric:R} {t.MetricStdDev:R} {t.Cost:R} {t.Error}"));

    private sealed class VanishingData(string path, ITrialCluster inner) : ITrialCluster
    {
        Task<IReadOnlyList<TrialResult>> ITrialCluster.RunAsync(TrialJob job, IReadOnlyList<TrialRequest> round, CancellationToken cancellationToken)
        {
            File.Delete(path);
            return inner.RunAsync(job, round, cancellationToken);
        }
    }
}
