using Declarative.Tasks;
using Declarative.Tests.Pipelines;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Tests;

/// <summary>
/// LightGBM fits with different thread settings must never run at once: side by side they crash the process (a tuning
/// trial on one core beside a refit on all, or two collections of these tests). The gate lets fits of one setting run
/// together and keeps the others out. These tests hold the process-wide gate themselves, so they run alone: a fit of
/// another test arriving between their two entries would wait for them while they wait behind it (a hung CI run did).
/// </summary>
[Collection(LightGbmGate.Name)]
public sealed class LightGbmThreadsTests
{
    [Fact]
    public void FitsWithMixedThreadSettings_RunSideBySide_WithoutCrashingTheProcess()
    {
        // The product's path to LightGbm on adult (one-hot categoricals, LightGBM's sparse bins), four fits at a time,
        // every other one at one thread: without the gate this kills the test host within seconds.
        var spec = AdultIncomeModel.Spec;
        var task = TaskProfiles.Predictive(spec.Task);
        var data = PipelineTrainer.LoadDeclared(spec, null);
        var ml = new Microsoft.ML.MLContext(spec.Seed);
        var featurized = ml.Data.Cache(PipelineTrainer.Featurizer(ml, spec, task, Trainer.LightGbm).Fit(data.TrainPart!).Transform(data.TrainPart!));
        var fitted = 0;
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var hyperparameters = new Dictionary<string, string> { ["NumberOfIterations"] = "20", ["NumberOfLeaves"] = (4 + (i % 60)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (i % 2 == 0)
            {
                hyperparameters["NumberOfThreads"] = "1";
            }

            var context = new Microsoft.ML.MLContext(i);
            Assert.NotNull(task.CreateTrainer(context, Trainer.LightGbm, PipelineTrainer.Inputs(spec, task), hyperparameters).Fit(featurized));
            Interlocked.Increment(ref fitted);
        });

        Assert.Equal(64, fitted);
    }

    [Fact]
    public async Task FitsOfOneSetting_RunTogether_AndAnotherSettingWaits()
    {
        // Entered off the test's thread with a generous bound, so a gate that wrongly waits fails the test, not the run.
        using var first = await Task.Run(() => LightGbmThreads.Enter("1")).WaitAsync(TimeSpan.FromMinutes(1));
        using var second = await Task.Run(() => LightGbmThreads.Enter("1")).WaitAsync(TimeSpan.FromMinutes(1)); // the same setting: no wait

        // Another setting waits while fits of setting 1 run.
        var other = Task.Run(() =>
        {
            using (LightGbmThreads.Enter("default"))
            {
                return true;
            }
        });
        Assert.NotSame(other, await Task.WhenAny(other, Task.Delay(300)));

        // A fit of the running setting that comes after it waits too, so the other setting is not starved.
        var late = Task.Run(() =>
        {
            using (LightGbmThreads.Enter("1"))
            {
                return true;
            }
        });
        Assert.NotSame(late, await Task.WhenAny(late, Task.Delay(300)));

        second.Dispose();
        first.Dispose();
        Assert.True(await other.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.True(await late.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void TreesWithoutASplit_AreAnErrorThatSaysWhy_NotMLNetsArgumentNullException()
    {
        // Housing's measurements priced at zero: LightGBM's gradients are all zero, its trees have no split,
        // and ML.NET's conversion of them threw ArgumentNullException (items) out of Fit.
        var houses = File.ReadLines("datasets/housing/housing.txt").Skip(1).Select(House.Parse).Select(h => new FlatHouse { Price = 0, Features = [h.CrimesPerCapita, h.RoomsPerDwelling, h.TaxRate] });
        var ml = new Microsoft.ML.MLContext(1);
        var data = ml.Data.LoadFromEnumerable(houses);
        var trainer = LightGbmThreads.Gated(ml.Regression.Trainers.LightGbm(nameof(FlatHouse.Price), nameof(FlatHouse.Features)), null);

        var error = Assert.Throws<InvalidOperationException>(() => trainer.Fit(data));
        Assert.StartsWith("LightGbm grew trees without a split: nothing in these rows tells their labels apart", error.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentNullException>(error.InnerException);
    }

    private sealed class FlatHouse
    {
        public float Price { get; set; }

        [Microsoft.ML.Data.VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}

/// <summary>Tests that hold <see cref="LightGbmThreads"/>' process-wide gate run alone, so no other test's fit queues at it meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LightGbmGate
{
    public const string Name = "LightGbm gate";
}
