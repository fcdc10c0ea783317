using System.Diagnostics;
using System.Globalization;
using Declarative.Schema;
using Declarative.Tasks;
using Declarative.Tests.Pipelines;
using Declarative.Training;
using Declarative.Tuning;

namespace Declarative.Benchmarks;

/// <summary>Adult (26,048 training rows, so a holdout) with LightGbm and FastTree, 16 trials.</summary>
[BinaryClassification<Adult>(Data = "datasets/adult/adult.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree)]
[Tune(MaxTrials = 16)]
public partial class AdultConcurrencyModel;

/// <summary>Housing (5-fold cross-validation) with the regression candidates, 20 trials.</summary>
[Regression<House>(Data = "datasets/housing/housing.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.FastForest, Trainer.Sdca)]
[Tune(MaxTrials = 20)]
public partial class HousingConcurrencyModel;

/// <summary>Breast cancer (5-fold cross-validation) with three trainers, 40 trials: little to load, all tuning.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression)]
[Tune(MaxTrials = 40)]
public partial class TumorConcurrencyModel;

/// <summary>Breast cancer with the three tree ensembles, 40 trials: all tuning, and every trial near its trainer's default (Auto is cost-frugal for trees).</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.FastForest)]
[Tune(MaxTrials = 40)]
public partial class TumorTreesConcurrencyModel;

/// <summary>
/// Trial throughput of the tuning loop with one trial at a time against two side by side (each trial on one thread),
/// in this process, on the same loaded data; the trials must come out the same. Min / median of three runs each,
/// alternated (the machine is shared).
/// </summary>
internal static class ConcurrencyBenchmark
{
    public static void Run()
    {
        Console.WriteLine($"cores: {Environment.ProcessorCount}");
        Console.WriteLine("Seconds: min / median of 3 runs per side, 1 and 2 at a time alternating.");
        Console.WriteLine("| pipeline | trials | 1 at a time s | 2 at a time s | throughput ratio | same trials |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Measure("adult, LightGbm + FastTree, holdout", AdultConcurrencyModel.Spec);
        Measure("housing, 4 trainers, 5 folds", HousingConcurrencyModel.Spec);
        Measure("breast-cancer, 3 trainers, 5 folds", TumorConcurrencyModel.Spec);
        Measure("breast-cancer, 3 tree ensembles, 5 folds", TumorTreesConcurrencyModel.Spec);
    }

    private static void Measure<TRow>(string name, PipelineSpec<TRow> spec)
    {
        var task = TaskProfiles.Predictive(spec.Task);
        var data = PipelineTrainer.LoadDeclared(spec, null);
        (double Seconds, string Trials) Run(int concurrent)
        {
            var clock = Stopwatch.StartNew();
            var outcome = PipelineTuner.Tune(spec, task, spec.Tuning!, data.TrainPart!, new TrialExecution(concurrent), null);
            return (clock.Elapsed.TotalSeconds, string.Join("\n", outcome.Trials.Select(t => $"{t.Trainer} {string.Join(",", t.Hyperparameters)} {t.Metric:R}")));
        }

        var runs = Alternating.Run(3, () => Run(1), () => Run(2));
        var (one, two) = (Alternating.Of(runs[0], r => r.Seconds), Alternating.Of(runs[1], r => r.Seconds));
        var same = runs.SelectMany(r => r).Select(r => r.Trials).Distinct().Count() == 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {spec.Tuning!.MaxTrials} | {one.Format("F1")} | {two.Format("F1")} | {one.Ratio(two)} | {(same ? "yes" : "NO")} |"));
    }
}
