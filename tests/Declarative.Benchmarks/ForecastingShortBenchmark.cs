using System.Globalization;
using Declarative.Evaluation;

namespace Declarative.Benchmarks;

/// <summary>One point of one weekly series, its step number the time.</summary>
public sealed class BenchWeeklyPoint
{
    [Time]
    public int Week { get; set; }

    [Label]
    public float Value { get; set; }
}

/// <summary>A tuned forecaster of one series at a time, horizon 13 (M4's for weekly series).</summary>
[Forecasting<BenchWeeklyPoint>(Horizon = 13)]
[Tune]
public partial class BenchWeeklyTunedForecast;

/// <summary>
/// <c>[Tune]</c>'s choice on one series at a time: each of M4's weekly series (<c>Weekly-train.csv</c>, horizon 13) or
/// hourly series (<c>Hourly-train.csv</c>, horizon 48, season 24), given on the command line (not bundled: its
/// repository states no licence), cut to its last <c>L</c> points and forecast alone, for a few lengths. Per length,
/// the mean test sMAPE and MASE (and OWA against Naive2's means, M4's way) of the model <c>[Tune]</c> keeps, of the
/// lowest mean on the rolling origins, and of every model alone.
/// </summary>
internal static class ForecastingShortBenchmark
{
    public static void Run(string path, int count, int[] lengths)
    {
        var hourly = Path.GetFileName(path).StartsWith("Hourly", StringComparison.OrdinalIgnoreCase);
        Func<float[], ForecastingReport> train = hourly
            ? values => BenchHourlyTunedForecast.Train(values.Select((v, i) => new BenchHourlyPoint { Series = "one", Hour = i, Value = v }).ToList()).Evaluate()
            : values => BenchWeeklyTunedForecast.Train(values.Select((v, i) => new BenchWeeklyPoint { Week = i, Value = v }).ToList()).Evaluate();
        var series = File.ReadLines(path).Skip(1)
            .Select(line => line.Split(',').Skip(1).Select(f => f.Trim('"')).Where(f => f.Length > 0).Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        var every = Math.Max(1, series.Length / count);
        var which = every == 1 ? "all" : $"every {every}th";
        var chosen = series.Where((_, i) => i % every == 0).Take(count).ToArray();
        Console.WriteLine($"{chosen.Length} of {series.Length} {(hourly ? "hourly" : "weekly")} series ({which}), {(hourly ? "horizon 48, season 24" : "horizon 13")}, {Environment.ProcessorCount} cores");
        foreach (var length in lengths)
        {
            var results = new List<Outcome>();
            foreach (var values in chosen.Where(v => v.Length >= length))
            {
                var report = train(values[^length..]);
                var lowest = report.Models.MinBy(m => m.ValidationOwa)!.Model.ToString();
                results.Add(new Outcome(report.Trainer.ToString(), lowest, report.Models.ToDictionary(m => m.Model.ToString(), m => (m.SymmetricMape, m.Mase)), report.Origins));
            }

            Print(length, results);
        }
    }

    private static void Print(int length, List<Outcome> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        var naive = (Smape: results.Average(r => r.Test["Naive2"].Smape), Mase: results.Average(r => r.Test["Naive2"].Mase));
        string Row(string name, Func<Outcome, string> pick)
        {
            var (smape, mase) = (results.Average(r => r.Test[pick(r)].Smape), results.Average(r => r.Test[pick(r)].Mase));
            return FormattableString.Invariant($"| {name} | {smape:F2} | {mase:F3} | {0.5 * (smape / naive.Smape + mase / naive.Mase):F3} |");
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"Last {length} points: {results.Count} series, {results.Average(r => r.Origins):F1} origins in the mean; [Tune] kept {string.Join(", ", results.GroupBy(r => r.Kept).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}"));
        Console.WriteLine("| rule or model | sMAPE (test) | MASE (test) | OWA (test) |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Row("[Tune]'s choice", r => r.Kept));
        Console.WriteLine(Row("lowest mean OWA on the origins", r => r.Lowest));
        foreach (var model in results[0].Test.Keys)
        {
            Console.WriteLine(Row(model, _ => model));
        }
    }

    /// <summary>One series' result: the model [Tune] kept, the lowest mean on the origins, each model's test sMAPE and MASE, and the origins.</summary>
    private sealed record Outcome(string Kept, string Lowest, Dictionary<string, (double Smape, double Mase)> Test, int Origins);
}
