using System.Globalization;
using Declarative.Schema;
using Declarative.Tests.Pipelines;
using Declarative.Tuning;

namespace Declarative.Benchmarks;

/// <summary>
/// The tuned ensemble against the best trial alone (the same trials: <c>Ensemble = false</c>), the untuned default, and
/// scikit-learn's stacking given the ensemble's wall time, on the tuner harness's eight datasets and 80/20 holdouts.
/// </summary>
internal static class EnsembleBenchmark
{
    public static readonly string[] Columns = ["default", "auto", "ensemble", "unchecked", "stacking"];

    public static void Run(int trials, string filter, int seed)
    {
        TunerBenchmark.Seed = seed;
        var work = Directory.CreateTempSubdirectory("declarative-ensembles").FullName;
        var rows = new List<BenchmarkRow>();
        void Add<TRow>(string name, PipelineSpec<TRow> spec)
        {
            if (name.Contains(filter, StringComparison.Ordinal))
            {
                rows.Add(Dataset(name, spec, trials, work));
            }
        }

        Add("adult", AdultIncomeModel.Spec);
        Add("breast-cancer", TumorModel.Spec);
        Add("iris", IrisModel.Spec);
        Add("housing", HousingModel.Spec);
        Add("wikipedia-detox", ToxicityModel.Spec);
        Add("amazon-sentences", AmazonSentimentModel.Spec);
        Add("yelp-sentences", YelpSentimentModel.Spec);
        Add("taxi-fare", TaxiFareModel.Spec);

        Console.WriteLine();
        Console.WriteLine($"Test metric (time) per dataset, seed {seed}, {trials} trials, the same 80/20 holdout for every column; auto is the best trial alone (Ensemble = false), ensemble the default, unchecked its selection without the check on unseen folds; stacking is scikit-learn's over HistGradientBoosting + logistic/ridge for the ensemble's wall time.");
        Console.WriteLine();
        Console.WriteLine(BenchmarkRow.HeaderOf(Columns));
        foreach (var row in rows)
        {
            Console.WriteLine(row.Format());
        }

        Directory.Delete(work, recursive: true);
    }

    private static string Describe(IReadOnlyList<EnsembleMember> members) =>
        members.Count == 0 ? "the best trial alone" : string.Join(", ", members.Select(m => string.Create(CultureInfo.InvariantCulture, $"#{m.Trial} {m.Trainer} {m.Weight:F2}")));

    private static BenchmarkRow Dataset<TRow>(string name, PipelineSpec<TRow> declared, int trials, string work)
    {
        var table = Data.DelimitedFileLoader.Load(declared, declared.ResolveDataPath());
        var (train, test) = TunerBenchmark.Split(table, 0.2, TunerBenchmark.Seed);
        var metric = Tasks.TaskProfiles.Predictive(declared.Task).HeadlineMetric;
        var candidates = TunerBenchmark.Candidates(declared.Task);
        var cells = new List<(string, double, TimeSpan)>();

        cells.Add(("default", TunerBenchmark.Measure(TunerBenchmark.With(declared, [Trainer.LightGbm], null), train, test, metric, out var time), time));
        Console.WriteLine($"{name}: default {cells[^1].Item2:F4}");
        cells.Add(("auto", TunerBenchmark.Measure(TunerBenchmark.With(declared, candidates, new TuningSpec { MaxTrials = trials, Ensemble = false }), train, test, metric, out time), time));
        Console.WriteLine($"{name}: auto {cells[^1].Item2:F4} in {time.TotalSeconds:F1} s");
        // DECLARATIVE_ENSEMBLE=1 asks for the ensemble where the default rules would not build one (a holdout).
        var forced = Environment.GetEnvironmentVariable("DECLARATIVE_ENSEMBLE") == "1" ? true : (bool?)null;
        cells.Add(("ensemble", TunerBenchmark.Measure(TunerBenchmark.With(declared, candidates, new TuningSpec { MaxTrials = trials, Ensemble = forced }), train, test, metric, out time, out var members), time));
        Console.WriteLine($"{name}: ensemble {cells[^1].Item2:F4} in {time.TotalSeconds:F1} s ({Describe(members)})");
        var ensembleTime = time;

        // The selection on the same trials without the check on unseen folds (DECLARATIVE_VARIANTS=0 leaves it out).
        if (Environment.GetEnvironmentVariable("DECLARATIVE_VARIANTS") != "0")
        {
            Variant("unchecked", () => Ensembles.EnsembleSelection.CheckOnUnseenFolds = false);
        }

        if (Environment.GetEnvironmentVariable("DECLARATIVE_SKLEARN") != "0" && TunerBenchmark.Python("stacking_peer.py", name, declared, train, test, ensembleTime, work) is { } peer)
        {
            cells.Add(("stacking", peer.Value, peer.Time));
            Console.WriteLine($"{name}: stacking {peer.Value:F4} in {peer.Time.TotalSeconds:F1} s");
        }

        return new BenchmarkRow(name, metric, cells) { Columns = Columns };

        void Variant(string column, Action set)
        {
            set();
            try
            {
                cells.Add((column, TunerBenchmark.Measure(TunerBenchmark.With(declared, candidates, new TuningSpec { MaxTrials = trials, Ensemble = forced }), train, test, metric, out var variantTime, out var variantMembers), variantTime));
                Console.WriteLine($"{name}: {column} {cells[^1].Item2:F4} in {variantTime.TotalSeconds:F1} s ({Describe(variantMembers)})");
            }
            finally
            {
                Ensembles.EnsembleSelection.CheckOnUnseenFolds = true;
            }
        }
    }
}
