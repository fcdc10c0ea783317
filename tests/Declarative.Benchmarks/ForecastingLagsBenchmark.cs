using System.Diagnostics;
using System.Globalization;
using Declarative.Forecasting;

namespace Declarative.Benchmarks;

/// <summary>A NAB series (timestamp, value: the taxi file's columns), its gaps filled, forecast 12 steps ahead as `init` declares a five-minute series.</summary>
[Forecasting<BenchTaxiReading>(Horizon = 12, FillGaps = true)]
public partial class BenchNabForecast;

/// <summary>
/// The global trees on series with a long season (NAB's five-minute series: 288 steps a day), every lag of two seasons
/// (at most 400) against the nearest 48 and the three around each whole season; NYC taxi (48) beside them, which reads
/// every lag either way. Alternating, min / median of the rounds, the test part's errors and the origins' OWA.
/// </summary>
internal static class ForecastingLagsBenchmark
{
    private static readonly string[] Files =
    [
        "realAWSCloudwatch/ec2_cpu_utilization_5f5533.csv",
        "realAWSCloudwatch/rds_cpu_utilization_cc0c53.csv",
        "realKnownCause/cpu_utilization_asg_misconfiguration.csv",
        "realTweets/Twitter_volume_AAPL.csv",
    ];

    public static void Run(string nabRoot, int rounds)
    {
        Console.WriteLine($"The global trees alone, every lag against sparse lags, alternating, {rounds} rounds (time min / median; the errors are the first round's, marked where another round's differ):");
        Console.WriteLine("| series | points | season | lags | sMAPE (test) | MASE (test) | OWA (test) | OWA (origins) | time s (min / median) | ratio (min / median) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var sets = Files.Select(f => (Name: Path.GetFileNameWithoutExtension(f), Read: (Func<(IReadOnlyList<TimeSeries>, ForecastSettings, bool)>)(() => ForecastingBenchmark.Read(BenchNabForecast.Spec, Path.Combine(nabRoot, "data", f)))))
            .Append(("nyc_taxi (horizon 48)", () => ForecastingBenchmark.Read(BenchTaxiForecast.Spec)));
        foreach (var (name, read) in sets)
        {
            var (series, settings, dates) = read();
            ForecastOutcome Train(bool consecutive) => ForecastTraining.Train(series, settings with { ConsecutiveLags = consecutive }, [Trainer.GlobalLightGbm], null, dates, seed: 1);
            (ForecastOutcome Outcome, double Seconds) Timed(bool consecutive)
            {
                var stopwatch = Stopwatch.StartNew();
                var outcome = Train(consecutive);
                return (outcome, stopwatch.Elapsed.TotalSeconds);
            }

            var results = Alternating.Run(rounds, () => Timed(true), () => Timed(false));
            var every = Alternating.Of(results[0], r => r.Seconds);
            foreach (var (side, label) in new[] { (0, "every"), (1, "sparse") })
            {
                var outcome = results[side][0].Outcome;
                var test = outcome.Test.Single(t => t.Method == Trainer.GlobalLightGbm);
                var origins = outcome.Validation.Single(t => t.Method == Trainer.GlobalLightGbm);
                var time = Alternating.Of(results[side], r => r.Seconds);
                var features = outcome.Global!.Features;
                var same = results[side].All(r => r.Outcome.Test.Single(t => t.Method == Trainer.GlobalLightGbm) == test);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {series.Sum(s => s.Length):N0} | {settings.Season} | {label}: {features.LagCount} | {test.SymmetricMape:F2} | {test.Mase:F3} | {test.Owa:F3}{(same ? "" : " (rounds differ)")} | {origins.Owa:F3} | {time.Min:F1} / {time.Median:F1} | {time.Min / every.Min:F2}x / {time.Median / every.Median:F2}x |"));
            }
        }
    }
}
