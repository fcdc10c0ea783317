using System.Diagnostics;
using System.Globalization;
using Declarative.Tests.Pipelines;

namespace Declarative.Benchmarks;

/// <summary>
/// Ranking, clustering and anomaly detection against their trivial baselines on the bundled data (tests/bench/tasks.sh):
/// a random order of each query, one cluster, random scores. Each model is trained as the declaration says.
/// </summary>
internal static class TasksBenchmark
{
    public static void Run()
    {
        Console.WriteLine("| task | data | model | metric | model's | trivial baseline | train s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Ranking("LightGbm", SearchRankingModel.Train);
        Ranking("FastTree", SearchFastTreeRankingModel.Train);

        var (clusters, seconds) = Timed(() => IrisClusterModel.Train());
        var report = clusters.Evaluate();
        Row("clustering", "iris (species held back)", "k-means, k = 3", "NMI", clusters.TestMetrics.NormalizedMutualInformation, 0, seconds);
        Row("clustering", "iris (species held back)", "k-means, k = 3", "adjusted Rand index", report.Crosstab!.AdjustedRandIndex, 0, seconds);
        Row("clustering", "iris (species held back)", "k-means, k = 3", "Davies-Bouldin", clusters.TestMetrics.DaviesBouldinIndex, double.NaN, seconds);
        var (chosen, chosenSeconds) = Timed(() => IrisChosenClusterModel.Train());
        Row("clustering", "iris, no label", $"k-means, k chosen = {chosen.Pipeline.Hyperparameters["NumberOfClusters"]} of 2-10", "Davies-Bouldin", chosen.TestMetrics.DaviesBouldinIndex, double.NaN, chosenSeconds);

        var (train, test) = TumorAnomalyData.Split();
        var random = new Random(1);
        foreach (var (name, trainModel) in new (string, Func<AnomalyDetector<TumorForAnomaly>>)[]
        {
            ("k-means distance (k = 1)", () => TumorAnomalyModel.Train(train, test).Pipeline),
            ("randomized PCA (rank 3)", () => TumorPcaAnomalyModel.Train(train, test).Pipeline),
        })
        {
            var (detector, detectorSeconds) = Timed(trainModel);
            var data = "breast-cancer, malignant as anomaly (5% of training)";
            Row("anomaly detection", data, name, "AUC", detector.TestMetrics.AreaUnderRocCurve, 0.5, detectorSeconds);
            Row("anomaly detection", data, name, "detection rate at 10 false positives", detector.TestMetrics.DetectionRateAtFalsePositiveCount, RandomDetectionRate(test, random), detectorSeconds);
        }
    }

    private static void Ranking<TModel>(string trainer, Func<string?, TModel> train)
        where TModel : class, IDeclaredModel<TModel>
    {
        var (model, seconds) = Timed(() => train(null));
        var report = (Declarative.Evaluation.RankingReport)model.TrainedPipeline.Evaluate(null);
        foreach (var k in new[] { 1, 3, 5, 10 })
        {
            var point = report.ByCutOff[k - 1];
            Row("ranking", "yahoo-ltr (50 test queries)", trainer, $"NDCG@{k}", point.Ndcg, point.RandomNdcg, seconds);
        }
    }

    /// <summary>The detection rate of random scores at 10 false positives: the anomalies among rows above the tenth benign row, averaged over orders.</summary>
    private static double RandomDetectionRate(List<TumorForAnomaly> test, Random random)
    {
        var anomalies = test.Count(r => r.Malignant);
        double sum = 0;
        const int repeats = 200;
        for (var r = 0; r < repeats; r++)
        {
            var order = test.OrderBy(_ => random.Next()).ToArray();
            int falsePositives = 0, found = 0;
            foreach (var row in order)
            {
                if (row.Malignant)
                {
                    found++;
                }
                else if (++falsePositives == 10)
                {
                    break;
                }
            }

            sum += (double)found / anomalies;
        }

        return sum / repeats;
    }

    private static (T Result, double Seconds) Timed<T>(Func<T> work)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = work();
        return (result, stopwatch.Elapsed.TotalSeconds);
    }

    private static void Row(string task, string data, string model, string metric, double value, double baseline, double seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {task} | {data} | {model} | {metric} | {value:F4} | {(double.IsNaN(baseline) ? "-" : baseline.ToString("F4", CultureInfo.InvariantCulture))} | {seconds:F1} |"));
}
