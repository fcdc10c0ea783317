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

/// <summary>The yelp sentences with every binary candidate and a budget about one round of trials on text takes.</summary>
[BinaryClassification<ReviewSentence>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
[Tune(MaxTrials = 200, TimeBudgetSeconds = 2)]
public partial class YelpBudget2Model;

/// <summary>
/// Whether a time budget holds: <c>Train()</c> (load, tuning, refit, test scoring; no report) of pipelines whose trial
/// budget is far beyond their time budget, with the wall time, the trials run, the trainers tried and how the last ended.
/// </summary>
internal static class BudgetBenchmark
{
    public static void Run()
    {
        Console.WriteLine("| pipeline | budget s | Train() s | trials (finished) | trainers tried | last trial | model |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Measure("adult, LightGbm + FastTree", 20, () => AdultBudget20Model.Train().Pipeline);
        Measure("housing, FastTree + Sdca", 15, () => HousingBudget15Model.Train().Pipeline);
        Measure("yelp (text), the five binary candidates", 2, () => YelpBudget2Model.Train().Pipeline);
    }

    private static void Measure(string name, int budget, Func<ITrainedPipeline> train)
    {
        var clock = Stopwatch.StartNew();
        var pipeline = train();
        var trials = pipeline.Trials;
        var tried = string.Join(", ", trials.Select(t => t.Trainer).Distinct());
        var last = trials.Count == 0 ? "none ran" : trials[^1].Error ?? "succeeded";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {budget} | {clock.Elapsed.TotalSeconds:F1} | {trials.Count} ({trials.Count(t => t.Succeeded)}) | {(tried.Length > 0 ? tried : "none")} | {last} | {pipeline.Trainer} |"));
    }
}
