using System.Diagnostics;
using System.Globalization;

namespace Declarative.Benchmarks;

/// <summary>
/// What a build costs beyond training: for each pipeline, <c>Train()</c> alone, then the report (evaluation on the data
/// training loaded: test metrics, cross-validation, permutation importance, profile, HTML). Each measurement runs in a
/// child process of its own, so peak memory (the process's peak working set) is that run's alone.
/// </summary>
internal static class EvaluationBenchmark
{
    private static readonly Dictionary<string, Func<ITrainedPipeline>> Pipelines = new(StringComparer.Ordinal)
    {
        ["adult"] = () => PipelineRegistry.For(typeof(Tests.Pipelines.AdultIncomeModel)).Train(),
        ["taxi-fare-100k"] = () => PipelineRegistry.For(typeof(TaxiFareModel)).Train(),
        ["sentiment-yelp"] = () => PipelineRegistry.For(typeof(YelpSentimentModel)).Train(),
        ["sentiment-yelp-lightgbm"] = () => PipelineRegistry.For(typeof(YelpSentimentLightGbmModel)).Train(),
        ["sentiment-amazon"] = () => PipelineRegistry.For(typeof(AmazonSentimentModel)).Train(),
        ["sentiment-amazon-lbfgs"] = () => PipelineRegistry.For(typeof(AmazonSentimentLbfgsModel)).Train(),
        ["sentiment-yelp-lbfgs"] = () => PipelineRegistry.For(typeof(YelpSentimentLbfgsModel)).Train(),
        ["wikipedia-detox"] = () => PipelineRegistry.For(typeof(DefaultToxicityModel)).Train(),
    };

    /// <summary>Runs every pipeline matching <paramref name="filter"/> in child processes and prints a table.</summary>
    public static void Run(string filter, int repeats)
    {
        Console.WriteLine("| pipeline | train (s) | report (s) | report / train | peak MB, Train() | peak MB, Train() + report | memory ratio | test metric |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var name in Pipelines.Keys.Where(n => n.Contains(filter, StringComparison.Ordinal)))
        {
            // The median of the repeats: the machine is shared and noisy.
            var trainOnly = Enumerable.Range(0, repeats).Select(_ => Child(name, report: false)).OrderBy(r => r.Train).ToArray()[repeats / 2];
            var build = Enumerable.Range(0, repeats).Select(_ => Child(name, report: true)).OrderBy(r => r.Report).ToArray()[repeats / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {build.Train:F2} | {build.Report:F2} | {build.Report / build.Train:F2}x | {trainOnly.PeakMb:F0} | {build.PeakMb:F0} | {build.PeakMb / trainOnly.PeakMb:F2}x | {build.Metric} |"));
        }
    }

    /// <summary>In the child: trains (and reports), then prints one line of seconds, peak memory and the headline metric.</summary>
    public static void RunChild(string name, bool report)
    {
        var clock = Stopwatch.StartNew();
        var trained = Pipelines[name]();
        var train = clock.Elapsed.TotalSeconds;
        var reportSeconds = 0.0;
        if (report)
        {
            clock.Restart();
            var path = Path.Combine(Path.GetTempPath(), $"declarative-bench-{Environment.ProcessId}.html");
            trained.SaveReport(path);
            File.Delete(path);
            reportSeconds = clock.Elapsed.TotalSeconds;
        }

        var metric = trained.TestMetricValues.TryGetValue("AreaUnderRocCurve", out var auc) ? $"AUC {auc:F4}"
            : trained.TestMetricValues.TryGetValue("RSquared", out var r2) ? $"R² {r2:F4}" : "";
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {train:R} {reportSeconds:R} {process.PeakWorkingSet64 / 1048576.0:R} {(trained.TestMetricValues.TryGetValue("Accuracy", out var acc) ? $"{metric}, accuracy {acc:F4}" : metric)}"));
    }

    private static (double Train, double Report, double PeakMb, string Metric) Child(string name, bool report)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!Environment.ProcessPath!.EndsWith("Declarative.Benchmarks", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(EvaluationBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add("evaluation-child");
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(report ? "report" : "train");
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
