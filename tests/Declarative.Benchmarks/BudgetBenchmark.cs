using System.Diagnostics;
using System.Globalization;
using Declarative.Tests.Pipelines;

namespace Declarative.Benchmarks;

/// <summary>Adult with LightGbm and FastTree tuned for 20 s of TimeBudgetSeconds.</summary>
[BinaryClassification<Adult>(Data = "datasets/adult/adult.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree)]
[Tune(MaxTrials = 200, TimeBudgetSeconds = 20)]
public partial class AdultBudget20Model;

/// <summary>Housing with FastTree and Sdca tuned for 15 s of TimeBudgetSeconds.</summary>
[Regression<House>(Data = "datasets/housing/housing.txt")]
[Trainers(Trainer.FastTree, Trainer.Sdca)]
[Tune(MaxTrials = 200, TimeBudgetSeconds = 15)]
public partial class HousingBudget15Model;

/// <summary>
/// Whether a time budget holds: <c>Train()</c> (load, tuning, refit, test scoring; no report) of pipelines whose trial
/// budget is far beyond their time budget, with the wall time, the trials run, the trainers tried and how the last ended.
/// </summary>
internal static class BudgetBenchmark
{
    public static void Run()
    {
        Console.WriteLine("| pipeline | budget s | Train() s | trials | trainers tried | last trial |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Measure("adult, LightGbm + FastTree", 20, () => AdultBudget20Model.Train().Trials);
        Measure("housing, FastTree + Sdca", 15, () => HousingBudget15Model.Train().Trials);
    }

    private static void Measure(string name, int budget, Func<IReadOnlyList<Tuning.TrialResult>> train)
    {
        var clock = Stopwatch.StartNew();
        var trials = train();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {budget} | {clock.Elapsed.TotalSeconds:F1} | {trials.Count} | {string.Join(", ", trials.Select(t => t.Trainer).Distinct())} | {trials[^1].Error ?? "succeeded"} |"));
    }
}
