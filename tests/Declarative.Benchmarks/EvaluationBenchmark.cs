using System.Diagnostics;
using System.Globalization;

namespace Declarative.Benchmarks;

/// <summary>
/// What a build costs beyond training: for each pipeline, <c>Train()</c> alone, then the report (evaluation on the data
/// training loaded: test metrics, their spread, permutation importance, profile, HTML). Each measurement runs in a child
/// process of its own, so peak memory (the process's peak working set) is that run's alone; the two kinds of child
/// alternate (train, train + report, train, ...) and each figure is the minimum / median of the repeats.
/// </summary>
internal static class EvaluationBenchmark
{
    private static readonly Dictionary<string, Func<string?, ITrainedPipeline>> Pipelines = new(StringComparer.Ordinal)
    {
        ["adult"] = path => PipelineRegistry.For(typeof(Tests.Pipelines.AdultIncomeModel)).Train(path),
        ["taxi-fare-100k"] = path => PipelineRegistry.For(typeof(TaxiFareModel)).Train(path),
        ["taxi-fare-1m"] = path => PipelineRegistry.For(typeof(TaxiFareModel)).Train(path),
        ["sentiment-yelp"] = path => PipelineRegistry.For(typeof(YelpSentimentModel)).Train(path),
        ["sentiment-yelp-lightgbm"] = path => PipelineRegistry.For(typeof(YelpSentimentLightGbmModel)).Train(path),
        ["sentiment-amazon"] = path => PipelineRegistry.For(typeof(AmazonSentimentModel)).Train(path),
        ["sentiment-amazon-lbfgs"] = path => PipelineRegistry.For(typeof(AmazonSentimentLbfgsModel)).Train(path),
        ["sentiment-yelp-lbfgs"] = path => PipelineRegistry.For(typeof(YelpSentimentLbfgsModel)).Train(path),
        ["wikipedia-detox"] = path => PipelineRegistry.For(typeof(DefaultToxicityModel)).Train(path),
    };

    /// <summary>Pipelines trained on a file the harness writes first: the taxi-fare train file repeated to a size.</summary>
    private static readonly Dictionary<string, int> Repeated = new(StringComparer.Ordinal) { ["taxi-fare-1m"] = 1_000_000 };

    /// <summary>Runs every pipeline matching <paramref name="filter"/> in child processes and prints a table.</summary>
    public static void Run(string filter, int repeats)
    {
        Console.WriteLine($"Each figure: min / median of {repeats} child processes, the two kinds alternating.");
        Console.WriteLine("| pipeline | train (s) | report (s) | report / train | peak MB, Train() | peak MB, Train() + report | memory ratio | test metric |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var work = Directory.CreateTempSubdirectory("declarative-evaluation").FullName;
        try
        {
            foreach (var name in Pipelines.Keys.Where(n => n.Contains(filter, StringComparison.Ordinal)))
            {
                string? path = null;
                if (Repeated.TryGetValue(name, out var rows))
                {
                    path = Path.Combine(work, $"{name}.csv");
                    ScaleBenchmark.Repeat("datasets/taxi-fare/taxi-fare-train.csv", path, rows);
                }

                var sides = Alternating.Run(repeats, () => Child(name, report: false, path), () => Child(name, report: true, path));
                var (trainOnly, build) = (sides[0], sides[1]);
                var train = Alternating.Of(build, r => r.Train);
                var report = Alternating.Of(build, r => r.Report);
                var trainPeak = Alternating.Of(trainOnly, r => r.PeakMb);
                var buildPeak = Alternating.Of(build, r => r.PeakMb);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {train.Format("F2")} | {report.Format("F2")} | {report.Ratio(train)} | {trainPeak.Format("F0")} | {buildPeak.Format("F0")} | {buildPeak.Ratio(trainPeak)} | {build[0].Metric} |"));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>In the child: trains (and reports), then prints one line of seconds, peak memory and the headline metric.</summary>
    public static void RunChild(string name, bool report, string? path)
    {
        var clock = Stopwatch.StartNew();
        var trained = Pipelines[name](path);
        var train = clock.Elapsed.TotalSeconds;
        var reportSeconds = 0.0;
        if (report)
        {
            clock.Restart();
            var page = Path.Combine(Path.GetTempPath(), $"declarative-bench-{Environment.ProcessId}.html");
            trained.SaveReport(page);
            File.Delete(page);
            reportSeconds = clock.Elapsed.TotalSeconds;
        }

        var metric = trained.TestMetricValues.TryGetValue("AreaUnderRocCurve", out var auc) ? $"AUC {auc:F4}"
            : trained.TestMetricValues.TryGetValue("RSquared", out var r2) ? $"R² {r2:F4}" : "";
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {train:R} {reportSeconds:R} {process.PeakWorkingSet64 / 1048576.0:R} {(trained.TestMetricValues.TryGetValue("Accuracy", out var acc) ? $"{metric}, accuracy {acc:F4}" : metric)}"));
    }

    private static (double Train, double Report, double PeakMb, string Metric) Child(string name, bool report, string? path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!Environment.ProcessPath!.EndsWith("Declarative.Benchmarks", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(EvaluationBenchmark).Assembly.Location);
        }

        // As the build host runs (build/Declarative.targets): tiered PGO off.
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.ArgumentList.Add("evaluation-child");
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(report ? "report" : "train");
        if (path is not null)
        {
            start.ArgumentList.Add(path);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The child for {name} printed no result:\n{output}");
        var parts = line.Split(' ', 5);
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture), parts[4].Trim());
    }
}
