using System.Diagnostics;
using System.Globalization;
using Declarative.Data;
using Declarative.Ensembles;
using Declarative.Schema;
using Declarative.Tests.Pipelines;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML;

namespace Declarative.Benchmarks;

/// <summary>
/// The tuned ensemble against the best trial alone, the untuned default, and scikit-learn's stacking given the
/// ensemble's wall time, on the tuner harness's eight datasets and 80/20 holdouts (and, when named, three more multiclass
/// sets: wine, optdigits and penguins). Tuning runs once per dataset (20
/// trials, out-of-fold scores kept even on a holdout); selection is then replayed with each check on unseen folds, and
/// each blend's members (refitted once per trial) are scored on the test part, so the columns differ only in selection.
/// </summary>
internal static class EnsembleBenchmark
{
    public static readonly string[] Columns = ["default", "auto", "unchecked", "per-fold", "pooled", "stacking"];

    /// <summary>DECLARATIVE_TUNER_DRAWS: another stream of the tuners' random numbers (0, the default, is every build's), the splits unchanged.</summary>
    private static readonly int Draws = int.TryParse(Environment.GetEnvironmentVariable("DECLARATIVE_TUNER_DRAWS"), out var draws) ? draws : 0;

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

        // Multiclass sets beyond the eight (whose means docs/tuning.md tracks): run only when named.
        if (filter.Length > 0)
        {
            Add("wine", EnsembledWineModel.Spec);
            Add("optdigits", DigitModel.Spec);
            Add("penguins", PenguinModel.Spec);
        }

        Console.WriteLine();
        Console.WriteLine($"Test metric (time) per dataset, seed {seed}, {trials} trials, the same 80/20 holdout for every column. auto: the best trial alone; unchecked, per-fold, pooled: the ensemble by selection with no check on unseen folds, the per-fold check, the pooled check (where no blend is kept, the best trial's figure); stacking: scikit-learn's over HistGradientBoosting + logistic/ridge for the pooled column's wall time. Holdout-validated sets (20,000 rows and more) blend on their holdout's rows, as by default while the validation scores fit in 100 MB.");
        Console.WriteLine();
        Console.WriteLine(BenchmarkRow.HeaderOf(Columns));
        foreach (var row in rows)
        {
            Console.WriteLine(row.Format());
        }

        Directory.Delete(work, recursive: true);
    }

    private static BenchmarkRow Dataset<TRow>(string name, PipelineSpec<TRow> declared, int trials, string work)
    {
        var table = DelimitedFileLoader.Load(declared, declared.ResolveDataPath());
        var (train, test) = TunerBenchmark.Split(table, 0.2, TunerBenchmark.Seed);
        var metric = Tasks.TaskProfiles.Predictive(declared.Task).HeadlineMetric;
        var cells = new List<(string, double, TimeSpan)>();

        cells.Add(("default", TunerBenchmark.Measure(TunerBenchmark.With(declared, [Trainer.LightGbm], null), train, test, metric, out var time), time));
        Console.WriteLine($"{name}: default {cells[^1].Item2:F4}");

        // DECLARATIVE_ENSEMBLE_TRAINERS=default tunes the task's untuned default alone (LightGbm, or the linear trainer for
        // text): what [Tune] without [Trainers] searched before it searched the task's candidates.
        var definition = Schema.TaskDefinitions.For(declared.Task);
        Trainer[] alone = [Enum.Parse<Trainer>(declared.Features.Any(f => f.Kind == ColumnKind.Text) ? definition.TextTrainer : definition.DefaultTrainer)];
        var trainers = Environment.GetEnvironmentVariable("DECLARATIVE_ENSEMBLE_TRAINERS") == "default" ? alone : TunerBenchmark.Candidates(declared.Task);
        var spec = TunerBenchmark.With(declared, trainers, new TuningSpec { MaxTrials = trials, Ensemble = true });
        var task = Tasks.TaskProfiles.Predictive(spec.Task);
        var trainView = new TableDataView(train);
        var clock = Stopwatch.StartNew();
        var outcome = PipelineTuner.Tune(spec, task, spec.Tuning!, trainView, new TrialExecution(Environment.ProcessorCount), null, draws: Draws);
        var tuning = clock.Elapsed;
        var best = outcome.Best!;
        if (Environment.GetEnvironmentVariable("DECLARATIVE_DUMP_TRIALS") == "1")
        {
            // Every trial as the tuner saw it, to read where a search space spends its trials (docs/tuning.md).
            foreach (var t in outcome.Trials)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: trial {t.Number} {t.Trainer} {t.Metric:F4} {string.Join(" ", t.Hyperparameters.Select(h => $"{h.Key}={h.Value}"))}"));
            }
        }

        // Each trial's model refitted on the whole training part once, timed, and shared by the columns.
        var fitted = new Dictionary<int, (ITransformer Model, TimeSpan Time)>();
        (ITransformer Model, TimeSpan Time) Fit(int number)
        {
            if (!fitted.TryGetValue(number, out var fit))
            {
                var trial = outcome.Trials.First(t => t.Number == number);
                var watch = Stopwatch.StartNew();
                fit = (PipelineTrainer.Fit(spec, task, trainView, trial.Trainer, trial.Hyperparameters).Model, TimeSpan.Zero);
                fitted[number] = fit = (fit.Model, watch.Elapsed);
            }

            return fit;
        }

        double Score(ITransformer model) => PipelineTrainer.Metrics(new MLContext(spec.Seed), spec, task, model.Transform(new TableDataView(test)))[metric];

        var single = Fit(best.Number);
        cells.Add(("auto", Score(single.Model), tuning + single.Time));
        Console.WriteLine($"{name}: auto {cells[^1].Item2:F4} in {cells[^1].Item3.TotalSeconds:F1} s (trial {best.Number} {best.Trainer})");

        var pooledTime = tuning + single.Time;
        foreach (var (column, check) in new[] { ("unchecked", EnsembleCheck.None), ("per-fold", EnsembleCheck.PerFold), ("pooled", EnsembleCheck.Pooled) })
        {
            if (outcome.Selection?.Select(check) is not { } choice)
            {
                cells.Add((column, cells[1].Item2, cells[1].Item3));
                var held = outcome.Selection is { } s ? EnsembleSelection.HeldOut(s.Candidates, s.Labels, s.Metric, s.Folds) : default;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {column} {cells[^1].Item2:F4} (the best trial alone; held-out blends {held.Pooled:F4} pooled against {held.Single:F4}, fold gains {held.FoldGains:+0.0000;-0.0000})"));
                continue;
            }

            var members = choice.Picks.Select(p => (Fit(p.Trial), Weight: p.Picks / (double)choice.Total)).ToList();
            var blend = EnsembleComposer.Compose(new MLContext(spec.Seed), spec.Task, [.. members.Select(m => (m.Item1.Model, m.Weight))], trainView);
            var columnTime = tuning + members.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.Item1.Time);
            pooledTime = check == EnsembleCheck.Pooled ? columnTime : pooledTime;
            cells.Add((column, Score(blend), columnTime));
            var described = string.Join(", ", choice.Picks.Select(p => string.Create(CultureInfo.InvariantCulture, $"#{p.Trial} {outcome.Trials.First(t => t.Number == p.Trial).Trainer} {p.Picks / (double)choice.Total:F2}")));
            Console.WriteLine($"{name}: {column} {cells[^1].Item2:F4} ({described}; out-of-fold {choice.Metric:F4} against {choice.SingleMetric:F4})");
        }

        if (Environment.GetEnvironmentVariable("DECLARATIVE_SKLEARN") != "0" && TunerBenchmark.Python("stacking_peer.py", name, declared, train, test, pooledTime, work) is { } peer)
        {
            cells.Add(("stacking", peer.Value, peer.Time));
            Console.WriteLine($"{name}: stacking {peer.Value:F4} in {peer.Time.TotalSeconds:F1} s");
        }

        return new BenchmarkRow(name, metric, cells) { Columns = Columns };
    }
}
