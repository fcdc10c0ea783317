using System.Diagnostics;
using System.Globalization;
using Declarative.Data;
using Declarative.Schema;
using Declarative.Tests.Pipelines;
using Declarative.Training;
using Declarative.Tuning;

namespace Declarative.Benchmarks;

/// <summary>
/// Which trainers <c>[Tune]</c> should search for ranking (tests/bench/ranking.sh): on yahoo-ltr's training file (its
/// test file of 50 queries held out), 20 trials of LightGbm alone against 20 of LightGbm and FastTree (their best trial,
/// then the blend of the same trials that [Tune] makes by default), per seed, the sides alternating; the untuned LightGbm
/// and FastTree beside them. NDCG@10 on the test queries.
/// </summary>
internal static class RankingTuningBenchmark
{
    public static void Run(int trials, IReadOnlyList<int> seeds)
    {
        var declared = SearchRankingModel.Spec;
        var train = DataFiles.Load(declared, declared.ResolveDataPath());
        var test = DataFiles.Load(declared, declared.ResolveTestDataPath()!);
        const string metric = "NdcgAt10";
        Console.WriteLine($"| seed | LightGbm, untuned | FastTree, untuned | {trials} trials of LightGbm | {trials} trials of LightGbm and FastTree | their blend |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var seed in seeds)
        {
            TunerBenchmark.Seed = seed;
            string Cell(Trainer[] trainers, TuningSpec? tuning)
            {
                var spec = TunerBenchmark.With(declared, trainers, tuning);
                var task = Tasks.TaskProfiles.Predictive(spec.Task);
                var clock = Stopwatch.StartNew();
                var fit = ModelSelection.Fit(spec, task, new TableDataView(train), null);
                var value = PipelineTrainer.Metrics(fit.Context, spec, task, fit.Model.Transform(new TableDataView(test)))[metric];
                var time = clock.Elapsed;
                var chosen = fit.Ensemble.Count > 0
                    ? string.Join(" + ", fit.Ensemble.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Weight:F2} {m.Trainer}")))
                    : fit.Trainer.ToString();
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed} {string.Join("+", trainers)} {(tuning is null ? "untuned" : "tuned")}: {value:F4} in {time.TotalSeconds:F1} s, {chosen}"));
                return string.Create(CultureInfo.InvariantCulture, $"{value:F4} {(tuning is null ? "" : $"{chosen} ")}({time.TotalSeconds:F1} s)");
            }

            var lightGbm = Cell([Trainer.LightGbm], null);
            var fastTree = Cell([Trainer.FastTree], null);
            var alone = Cell([Trainer.LightGbm], new TuningSpec { MaxTrials = trials, Ensemble = false });
            var both = Cell([Trainer.LightGbm, Trainer.FastTree], new TuningSpec { MaxTrials = trials, Ensemble = false });
            var blend = Cell([Trainer.LightGbm, Trainer.FastTree], new TuningSpec { MaxTrials = trials });
            Console.WriteLine($"| {seed} | {lightGbm} | {fastTree} | {alone} | {both} | {blend} |");
        }
    }
}
