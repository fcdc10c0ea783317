using System.Diagnostics;
using System.Globalization;
using Declarative;
using Declarative.Benchmarks;
using Declarative.Tests.Pipelines;
using Declarative.Tuning;

// Harnesses (run by hand, never in CI):
//   ranking [trials] [seeds...]: [Tune] for ranking over LightGbm alone and with FastTree (tests/bench/ranking.sh);
//   ensembles [trials] [filter] [seed]: the tuned ensemble against the best trial alone and scikit-learn's stacking (tests/bench/ensembles.sh);
//   clustering [splits]: k-means against scikit-learn's standardized k-means on the same splits (tests/bench/clustering.sh);
//   forecasting-backtest [windows] [series filter] [coverage|choice, both by default; blend: the choice with a weighted combination; theta: the choice with the optimised Theta model among the candidates; direct: the global trees recursive against direct, and the form chosen on the origins]: the forecaster's interval coverage and [Tune]'s choice over the last windows of each bundled series (tests/bench/forecasting-backtest.sh);
//   forecasting-ets [rounds] [long]: what fitting exponential smoothing's initial states costs, against the rule of thumb's, and a long season taken out first (tests/bench/forecasting-ets.sh);
//   forecasting-arima [rounds]: one ARIMA fit against one exponential smoothing fit of the same series (tests/bench/forecasting-arima.sh);
//   forecasting-threads [rounds]: one global-trees fit on one thread against LightGBM's default, alone and two at once (tests/bench/forecasting-threads.sh);
//   forecasting-var [rounds]: one autoregression fit with past covariates against the series alone (tests/bench/forecasting-var.sh);
//   forecasting-hours [windows]: opening hours as the step against the nights and weekends filled (tests/bench/forecasting-hours.sh);
//   forecasting-scale <Hourly-train.csv> [series] [tuned]: the default (or tuned) forecaster's training time on M4 Hourly series (tests/bench/forecasting-scale.sh);
//   small-files [sizes] [draws]: a few dozen training rows: the default trees against the task's linear trainer (tests/bench/small-files.sh);
//   groups [draws]: modechoice's test AUC on a fifth of the rows against a fifth of the travellers, the traveller a feature or a [GroupId] (tests/bench/groups.sh);
//   forecasting-short <Weekly-train.csv or Hourly-train.csv> [series] [lengths]: [Tune]'s choice on M4 series alone, cut short, against the lowest mean on the origins and each model (tests/bench/forecasting-short.sh);
//   forecasting-origins [rounds] [series filter]: the tuned forecaster with its rolling origins scored all at once against one after another (tests/bench/forecasting-origins.sh);
//   nab <NAB checkout> [detectors]: the NAB scorer on NAB's stored results against its published totals (tests/bench/nab.sh);
//   nab-detect <NAB checkout> [specs]: our series detectors on NAB, scored NAB's way, with points per second (tests/bench/nab.sh);
//   series-stream [rounds]: the default series detector alone against Detect(rows) and Detector().Observe(row) (tests/bench/nab.sh);
//   explanations: Explain against Predict on the same rows, one thread (tests/bench/explanations.sh);
//   synthesis: synthesizers and their baselines: fidelity, utility, privacy, speed (tests/bench/synthesis.sh);
//   embeddings: MiniLM's encoding throughput, and MiniLM against n-grams on the text sets (tests/bench/embeddings.sh);
//   tasks: ranking, clustering and anomaly detection against trivial baselines (tests/bench/tasks.sh);
//   evaluation [filter] [repeats]: what a build costs beyond training (tests/bench/evaluation.sh);
//   budget: whether TimeBudgetSeconds holds (tests/bench/budget.sh);
//   concurrency: trial throughput one at a time against two side by side (tests/bench/concurrency.sh);
//   prediction [model filter]: single rows, batches and threads against ML.NET on the same model (tests/bench/prediction.sh);
//   scale [size filter: 100k, 1m, 3m, 10m]: rows against time and peak memory, against ML.NET by hand (tests/bench/scale.sh);
//   [trials per tuner, default 20] [dataset filter] [seed, default 1]: tuners at equal trial budgets with scikit-learn as a peer.
if (args.Length > 0 && args[0] == "evaluation")
{
    EvaluationBenchmark.Run(args.Length > 1 ? args[1] : "", args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
    return;
}

if (args.Length > 0 && args[0] == "ensembles")
{
    EnsembleBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20, args.Length > 2 ? args[2] : "", args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1);
    return;
}

if (args.Length > 0 && args[0] == "ranking")
{
    RankingTuningBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20, args.Length > 2 ? [.. args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1, 2, 3]);
    return;
}

if (args.Length > 0 && args[0] == "forecasting-backtest")
{
    ForecastingBenchmark.Backtest(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20, args.Length > 2 ? args[2] : "", args.Length > 3 ? args[3] : "");
    return;
}

if (args.Length > 0 && args[0] == "clustering")
{
    ClusteringBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
    return;
}

if (args.Length > 0 && args[0] == "explanations")
{
    ExplanationBenchmark.Run();
    return;
}

if (args.Length > 1 && args[0] == "forecasting-scale")
{
    ForecastingScaleBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 400, args.Length > 3 && args[3] == "tuned");
    return;
}

if (args.Length > 0 && args[0] == "groups")
{
    GroupsBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
    return;
}

if (args.Length > 0 && args[0] == "small-files")
{
    SmallFilesBenchmark.Run(args.Length > 1 ? args[1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() : [30, 50, 80],
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
    return;
}

if (args.Length > 1 && args[0] == "forecasting-short")
{
    ForecastingShortBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100,
        args.Length > 3 ? args[3].Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray() : [40, 60, 100, 200]);
    return;
}

if (args.Length > 0 && args[0] == "series-stream")
{
    SeriesDetectionBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7);
    return;
}

if (args.Length > 1 && args[0] == "nab-detect")
{
    Declarative.Benchmarks.Nab.NabDetectorBenchmark.Run(args[1], args.Length > 2 ? args[2] : "sequence;gaussian;residual;spectral");
    return;
}

if (args.Length > 1 && args[0] == "nab")
{
    Declarative.Benchmarks.Nab.NabBenchmark.Run(args[1], args.Length > 2 ? args[2] : "null,windowedGaussian,randomCutForest,contextOSE");
    return;
}

if (args.Length > 1 && args[0] == "forecasting-lags")
{
    ForecastingLagsBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2);
    return;
}

if (args.Length > 0 && args[0] == "forecasting-ets")
{
    ForecastingBenchmark.EtsStates(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5, longSeasonsOnly: args.Length > 2 && args[2] == "long");
    return;
}

if (args.Length > 0 && args[0] == "forecasting-threads")
{
    ForecastingBenchmark.ThreadsCost(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
    return;
}

if (args.Length > 0 && args[0] == "forecasting-arima")
{
    ForecastingBenchmark.ArimaCost(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
    return;
}

if (args.Length > 0 && args[0] == "forecasting-hours")
{
    ForecastingHoursBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length > 0 && args[0] == "forecasting-var")
{
    ForecastingBenchmark.VarCost(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
    return;
}

if (args.Length > 0 && args[0] == "forecasting-origins")
{
    ForecastingBenchmark.Origins(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3, args.Length > 2 ? args[2] : "");
    return;
}

if (args.Length > 0 && args[0] == "forecasting")
{
    ForecastingBenchmark.Run(args.Length > 1 ? args[1] : "");
    return;
}

if (args.Length > 0 && args[0] == "synthesis")
{
    SynthesisBenchmark.Run();
    return;
}

if (args.Length > 0 && args[0] == "embeddings")
{
    EmbeddingsBenchmark.Run(args.Length > 1 ? args[1] : "");
    return;
}

if (args.Length > 0 && args[0] == "images")
{
    ImagesBenchmark.Run();
    return;
}

if (args.Length > 0 && args[0] == "tasks")
{
    TasksBenchmark.Run();
    return;
}

if (args.Length > 0 && args[0] == "concurrency")
{
    ConcurrencyBenchmark.Run();
    return;
}

if (args.Length > 0 && args[0] == "budget")
{
    BudgetBenchmark.Run();
    return;
}

if (args.Length > 0 && args[0] == "prediction")
{
    PredictionBenchmark.Run(args.Length > 1 ? args[1] : "");
    if (args.Length == 1 || "adult".Contains(args[1], StringComparison.Ordinal) || args[1] == "cold")
    {
        PredictionBenchmark.ColdStart(15);
    }

    return;
}

if (args.Length > 0 && args[0] == "cold-child")
{
    PredictionBenchmark.ColdChild(args[1], args[2]);
    return;
}

if (args.Length > 0 && args[0] == "scale")
{
    ScaleBenchmark.Run(args.Length > 1 ? args[1] : "");
    return;
}

if (args.Length > 0 && args[0] == "scale-child")
{
    ScaleBenchmark.RunChild(args[1], args[2]);
    return;
}

if (args.Length > 0 && args[0] == "evaluation-child")
{
    EvaluationBenchmark.RunChild(args[1], args[2] == "report", args.Length > 3 ? args[3] : null);
    return;
}

var trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var filter = args.Length > 1 ? args[1] : "";
TunerBenchmark.Seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var results = new List<BenchmarkRow>();
var work = Directory.CreateTempSubdirectory("declarative-bench").FullName;

if ("adult".Contains(filter, StringComparison.Ordinal)) results.Add(TunerBenchmark.Run("adult", AdultIncomeModel.Spec, trials, work));
if ("breast-cancer".Contains(filter, StringComparison.Ordinal)) results.Add(TunerBenchmark.Run("breast-cancer", TumorModel.Spec, trials, work));
if ("iris".Contains(filter, StringComparison.Ordinal)) results.Add(TunerBenchmark.Run("iris", IrisModel.Spec, trials, work));
if ("housing".Contains(filter, StringComparison.Ordinal)) results.Add(TunerBenchmark.Run("housing", HousingModel.Spec, trials, work));
if ("wikipedia-detox".Contains(filter, StringComparison.Ordinal)) results.Add(TunerBenchmark.Run("wikipedia-detox", ToxicityModel.Spec, trials, work));
if ("amazon-sentences".Contains(filter, StringComparison.Ordinal)) results.Add(TunerBenchmark.Run("amazon-sentences", AmazonSentimentModel.Spec, trials, work));
if ("yelp-sentences".Contains(filter, StringComparison.Ordinal)) results.Add(TunerBenchmark.Run("yelp-sentences", YelpSentimentModel.Spec, trials, work));
if ("taxi-fare".Contains(filter, StringComparison.Ordinal)) results.Add(TunerBenchmark.Run("taxi-fare", Declarative.Benchmarks.TaxiFareModel.Spec, trials, work));

Console.WriteLine();
Console.WriteLine($"Test metric (time) per dataset, seed {TunerBenchmark.Seed}, {trials} trials per tuner, the same 80/20 holdout for every column; scikit-learn runs HistGradientBoosting + RandomizedSearchCV for the wall time of our default tuner.");
Console.WriteLine();
Console.WriteLine(BenchmarkRow.HeaderOf(BenchmarkRow.TunerColumns));
foreach (var row in results)
{
    Console.WriteLine(row.Format());
}

Directory.Delete(work, recursive: true);
