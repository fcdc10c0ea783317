using System.Diagnostics;
using System.Globalization;
using Declarative.Anomalies;

namespace Declarative.Benchmarks;

public sealed class BenchTaxiCount
{
    [Time, Column("timestamp")]
    public DateTime At { get; set; }

    [Column("value")]
    public float Passengers { get; set; }
}

[SeriesAnomalyDetection<BenchTaxiCount>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv")]
public partial class BenchTaxiAnomalies;

/// <summary>
/// The default series detector's throughput on NYC taxi (10,320 points), one thread: the detector alone on the values,
/// against the typed API on rows, all at once (<c>Detect</c>) and one at a time (<c>Detector().Observe</c>), alternating.
/// </summary>
internal static class SeriesDetectionBenchmark
{
    public static void Run(int rounds)
    {
        var model = BenchTaxiAnomalies.Train();
        var rows = File.ReadLines("datasets/nab-nyc-taxi/nyc_taxi.csv").Skip(1).Select(l => l.Split(','))
            .Select(f => new BenchTaxiCount { At = DateTime.Parse(f[0], CultureInfo.InvariantCulture), Passengers = float.Parse(f[1], CultureInfo.InvariantCulture) })
            .ToArray();
        var values = rows.Select(r => (double)r.Passengers).ToArray();
        var (min, max) = (values.Min(), values.Max());
        const int Repeats = 10;

        double PointsPerSecond(Action pass)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Repeats; i++)
            {
                pass();
            }

            return Repeats * rows.Length / clock.Elapsed.TotalSeconds;
        }

        var results = Alternating.Run(rounds,
            () => PointsPerSecond(() =>
            {
                var detector = new SequenceNoveltyDetector(min, max);
                foreach (var v in values)
                {
                    detector.Observe(v);
                }
            }),
            () => PointsPerSecond(() => model.Detect(rows)),
            () => PointsPerSecond(() =>
            {
                var stream = model.Detector();
                foreach (var row in rows)
                {
                    stream.Observe(row);
                }
            }));
        var names = new[] { "detector on the values", "Detect(rows)", "Detector().Observe(row)" };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sequence novelty on NYC taxi ({rows.Length:N0} points x {Repeats}), one thread, {rounds} rounds ABC:"));
        Console.WriteLine("| side | points/s min | points/s median | median / the detector's |");
        Console.WriteLine("|---|---|---|---|");
        var baseline = Alternating.Of(results[0], r => r).Median;
        for (var side = 0; side < names.Length; side++)
        {
            var spread = Alternating.Of(results[side], r => r);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {names[side]} | {spread.Min:N0} | {spread.Median:N0} | {spread.Median / baseline:F2} |"));
        }
    }
}
