using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Declarative.Benchmarks;

/// <summary>
/// Rows against time and peak memory: the taxi-fare train file repeated to 100k, 1M, 3M and 10M rows, trained by
/// Declarative (<c>Train(path)</c>: load, split, LightGbm, score the test part) and by the same pipeline written by hand
/// in ML.NET (TextLoader, the same split, missing-value replacement, one-hot, LightGbm), each in a child process of its
/// own so the peak working set is that run's alone. The two alternate child by child; each figure is min / median of
/// the repeats (3, or 1 from 3M rows, where a run takes minutes).
/// </summary>
internal static class ScaleBenchmark
{
    private static readonly Dictionary<string, int> Sizes = new(StringComparer.Ordinal)
    {
        ["100k"] = 100_000, ["1m"] = 1_000_000, ["3m"] = 3_000_000, ["10m"] = 10_000_000,
    };

    public static void Run(string filter)
    {
        var work = Directory.CreateTempSubdirectory("declarative-scale").FullName;
        try
        {
            Console.WriteLine("Each figure: min / median of the repeats, Declarative and ML.NET by hand alternating.");
            Console.WriteLine("| rows | CSV MB | repeats | Declarative s | ML.NET by hand s | time ratio | Declarative peak MB | ML.NET peak MB | memory ratio | R² (Declarative / by hand) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var (name, rows) in Sizes.Where(s => s.Key.Contains(filter, StringComparison.Ordinal)))
            {
                var path = Path.Combine(work, $"taxi-{name}.csv");
                Repeat("datasets/taxi-fare/taxi-fare-train.csv", path, rows);
                var repeats = rows >= 3_000_000 ? 1 : 3;
                var runs = Alternating.Run(repeats, () => Child("declarative", path), () => Child("mlnet", path));
                var (ours, theirs) = (runs[0], runs[1]);
                var (ourTime, theirTime) = (Alternating.Of(ours, r => r.Seconds), Alternating.Of(theirs, r => r.Seconds));
                var (ourPeak, theirPeak) = (Alternating.Of(ours, r => r.PeakMb), Alternating.Of(theirs, r => r.PeakMb));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {rows:N0} | {new FileInfo(path).Length / 1048576.0:F0} | {repeats} | {ourTime.Format("F1")} | {theirTime.Format("F1")} | {ourTime.Ratio(theirTime)} | {ourPeak.Format("F0")} | {theirPeak.Format("F0")} | {ourPeak.Ratio(theirPeak)} | {ours[0].R2:F4} / {theirs[0].R2:F4} |"));
                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>In the child: trains one way, prints seconds, peak working set and the test R².</summary>
    public static void RunChild(string how, string path)
    {
        var clock = Stopwatch.StartNew();
        var r2 = how == "declarative" ? Declarative(path) : ByHand(path);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {clock.Elapsed.TotalSeconds:R} {process.PeakWorkingSet64 / 1048576.0:R} {r2:R}"));
    }

    private static double Declarative(string path) =>
        PipelineRegistry.For(typeof(TaxiFareModel)).Train(path).TestMetricValues["RSquared"];

    /// <summary>The pipeline Declarative builds for the taxi row, written as an ML.NET user would.</summary>
    private static double ByHand(string path)
    {
        var ml = new MLContext(1);
        var loader = ml.Data.CreateTextLoader(
            [
                new TextLoader.Column("vendor_id", DataKind.String, 0),
                new TextLoader.Column("rate_code", DataKind.String, 1),
                new TextLoader.Column("passenger_count", DataKind.Single, 2),
                new TextLoader.Column("trip_time_in_secs", DataKind.Single, 3),
                new TextLoader.Column("trip_distance", DataKind.Single, 4),
                new TextLoader.Column("payment_type", DataKind.String, 5),
                new TextLoader.Column("Label", DataKind.Single, 6),
            ],
            separatorChar: ',', hasHeader: true);
        var data = loader.Load(path);
        var split = ml.Data.TrainTestSplit(data, 0.2, seed: 1);
        var pipeline = ml.Transforms.Concatenate("Numeric", "passenger_count", "trip_time_in_secs", "trip_distance")
            .Append(ml.Transforms.ReplaceMissingValues("Numeric", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))
            .Append(ml.Transforms.Categorical.OneHotEncoding([new("Vendor", "vendor_id"), new("Rate", "rate_code"), new("Payment", "payment_type")]))
            .Append(ml.Transforms.Concatenate("Features", "Numeric", "Vendor", "Rate", "Payment"))
            .AppendCacheCheckpoint(ml)
            .Append(ml.Regression.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmRegressionTrainer.Options { Seed = 1 }));
        var model = pipeline.Fit(split.TrainSet);
        return ml.Regression.Evaluate(model.Transform(split.TestSet)).RSquared;
    }

    internal static void Repeat(string source, string target, int rows)
    {
        var lines = File.ReadAllLines(source);
        using var writer = new StreamWriter(target);
        writer.WriteLine(lines[0]);
        for (var written = 0; written < rows;)
        {
            for (var i = 1; i < lines.Length && written < rows; i++, written++)
            {
                writer.WriteLine(lines[i]);
            }
        }
    }

    private static (double Seconds, double PeakMb, double R2) Child(string how, string path)
    {
        var parts = ChildLine("scale-child", how, path).Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>Runs a program and returns what follows "RESULT " in its output (or fails with what it printed).</summary>
    internal static string Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{program} printed no result:\n{output}\n{errors.Result}");
        return line["RESULT ".Length..].Trim();
    }

    /// <summary>Runs this program again as a child with <paramref name="mode"/> and returns what follows "RESULT " in its output.</summary>
    internal static string ChildLine(string mode, string how, string path) =>
        Environment.ProcessPath!.EndsWith("Declarative.Benchmarks", StringComparison.Ordinal)
            ? Run(Environment.ProcessPath, [mode, how, path])
            : Run(Environment.ProcessPath, [typeof(ScaleBenchmark).Assembly.Location, mode, how, path]);
}
