using System.Diagnostics;
using System.Globalization;

namespace Declarative.Benchmarks;

/// <summary>One point of many hourly series, read from the M4 competition's wide file (a series per line).</summary>
public sealed class BenchHourlyPoint
{
    [SeriesId]
    public string Series { get; set; } = "";

    [Time]
    public int Hour { get; set; }

    [Label]
    public float Value { get; set; }
}

/// <summary>The default forecaster (the global trees) over hourly series, horizon 48, a daily season.</summary>
[Forecasting<BenchHourlyPoint>(Horizon = 48, Season = 24)]
public partial class BenchHourlyForecast;

/// <summary>The same with every model competing on the rolling origins (what a user who adds <c>[Tune]</c> pays).</summary>
[Forecasting<BenchHourlyPoint>(Horizon = 48, Season = 24)]
[Tune]
public partial class BenchHourlyTunedForecast;

/// <summary>
/// How long the default forecaster takes on 400 hourly series of 700–960 points (the shape of M4 Hourly): the file is
/// M4's <c>Hourly-train.csv</c>, given on the command line (it is not bundled: its repository states no licence).
/// Training is timed whole (read rows to report), three times, min and median; <c>tuned</c> times the tuned forecaster
/// instead (each of its models scored on every series at every origin).
/// </summary>
internal static class ForecastingScaleBenchmark
{
    public static void Run(string path, int count, bool tuned)
    {
        var rows = new List<BenchHourlyPoint>();
        var lengths = new List<int>();
        foreach (var line in File.ReadLines(path).Skip(1).Take(count))
        {
            var fields = line.Split(',');
            var id = fields[0].Trim('"');
            var values = fields.Skip(1).Select(f => f.Trim('"')).Where(f => f.Length > 0).ToArray();
            lengths.Add(values.Length);
            rows.AddRange(values.Select((v, i) => new BenchHourlyPoint { Series = id, Hour = i, Value = float.Parse(v, CultureInfo.InvariantCulture) }));
        }

        Console.WriteLine($"{lengths.Count} series of {lengths.Min()} to {lengths.Max()} points ({rows.Count:N0} rows), horizon 48, season 24, {Environment.ProcessorCount} cores{(tuned ? ", tuned" : "")}");
        var times = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var report = tuned ? BenchHourlyTunedForecast.Train(rows).Evaluate() : BenchHourlyForecast.Train(rows).Evaluate();
            times.Add(stopwatch.Elapsed.TotalSeconds);
            Console.WriteLine(FormattableString.Invariant($"run {run + 1}: {stopwatch.Elapsed.TotalSeconds:F1} s; {report.Trainer}; test sMAPE {report.TestMetrics["SymmetricMape"]:F2}, MASE {report.TestMetrics["Mase"]:F3}, OWA {report.TestMetrics["Owa"]:F3}; {report.Interval:P0} interval covered {report.Coverage:P1}"));
            if (run == 0)
            {
                Console.WriteLine($"  {report.Origins} origins; {report.Choice}");
                if (tuned)
                {
                    ForecastingBenchmark.PrintModels(report);
                }
            }
        }

        times.Sort();
        Console.WriteLine(FormattableString.Invariant($"train: min {times[0]:F1} s, median {times[times.Count / 2]:F1} s"));
    }
}
