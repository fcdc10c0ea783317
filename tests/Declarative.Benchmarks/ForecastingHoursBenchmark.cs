using System.Globalization;
using Declarative.Data;
using Declarative.Forecasting;

namespace Declarative.Benchmarks;

/// <summary>
/// Opening hours as the step against the way such a series was read before: the bundled taxi's weekday half-hours from
/// 07:00 to 19:30 alone, forecast for the next open day either on its own step (26 slots a day, a season of 26) or with
/// the nights and weekends filled by linear interpolation (what FillGaps does) at a plain half-hourly step with its
/// season of 48, the open slots then picked out of that forecast. Every statistical model and the global trees (one fit
/// per layout and window), on the same windows.
/// </summary>
internal static class ForecastingHoursBenchmark
{
    private const int Slots = 26;

    public static void Run(int windows)
    {
        var (all, _, _) = ForecastingBenchmark.Read(BenchTaxiForecast.Spec);
        var taxi = all[0];
        var open = Enumerable.Range(0, taxi.Length).Where(i => new DateTime(taxi.Times[i]) is var t && t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && t.TimeOfDay >= TimeSpan.FromHours(7) && t.TimeOfDay <= TimeSpan.FromHours(19.5)).ToArray();
        var (times, values) = (open.Select(i => taxi.Times[i]).ToArray(), open.Select(i => taxi.Values[i]).ToArray());

        // The same rows read as before opening hours were a step: half-hourly, FillGaps interpolating the closed slots
        // (the reader's own filling).
        var rows = open.Select(i => new BenchTaxiReading { At = new DateTime(taxi.Times[i]), Passengers = (float)taxi.Values[i] });
        var table = RowTable.From(BenchTaxiForecast.Spec, rows, "(hours)");
        var halfHour = new TimeStep(TimeSpan.TicksPerHour / 2, 0);
        var filled = SeriesReader.Read(BenchTaxiForecast.Spec, table, "(hours)", fillGaps: true, trained: halfHour).Series[0];

        // The origins: the last slots (19:30) of Monday to Thursday, so the next open day is the next day and a plain step
        // reaches it within 48 half-hours; the latest `windows` of them.
        var origins = Enumerable.Range(0, times.Length - Slots).Where(i => new DateTime(times[i]) is var t && t.TimeOfDay == TimeSpan.FromHours(19.5) && t.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
            .TakeLast(windows).ToArray();
        Trainer[] models = [Trainer.SeasonalNaive, Trainer.Naive2, Trainer.ExponentialSmoothing, Trainer.Theta, Trainer.Autoregression, Trainer.Arima];
        var errors = models.Append(Trainer.GlobalLightGbm).ToDictionary(m => m, _ => new double[4]);
        var hoursStep = TimeStep.Infer(times, dates: true);
        var hoursSeries = new TimeSeries("", times, values);
        var span = times[^1] - times[0];
        var (hoursFeatures, filledFeatures) = (LagFeatures.For(Slots, hoursStep, dates: true, span: span), LagFeatures.For(48, halfHour, dates: true, span: span));
        foreach (var origin in origins)
        {
            var history = values[..(origin + 1)];
            var actual = values.AsSpan(origin + 1, Slots);
            var scale = ForecastAccuracy.Scale(history, Slots);
            var onHours = ForecastMethods.ForecastEach(models, history, Slots, Slots);
            var at = Array.IndexOf(filled.Times, times[origin]);
            var onFilled = ForecastMethods.ForecastEach(models, filled.Values[..(at + 1)], 48, 48);
            // The global trees (the default model), each layout fitted up to the origin.
            var treesOnHours = GlobalTrees.Fit([hoursSeries], [origin + 1], hoursFeatures, Slots, seed: 1).Forecast(hoursSeries, origin + 1, Slots, hoursStep);
            var treesOnFilled = GlobalTrees.Fit([filled], [at + 1], filledFeatures, 48, seed: 1).Forecast(filled, at + 1, 48, halfHour);
            onHours[Trainer.GlobalLightGbm] = new MethodForecast(treesOnHours, "");
            onFilled[Trainer.GlobalLightGbm] = new MethodForecast(treesOnFilled, "");
            foreach (var model in errors.Keys)
            {
                // 19:30 to the next 07:00 is 23 half-hours: the open day is the filled forecast's steps 23 to 48.
                var picked = onFilled[model].Values.AsSpan(22, Slots);
                errors[model][0] += ForecastAccuracy.Smape(actual, onHours[model].Values) / origins.Length;
                errors[model][1] += ForecastAccuracy.Mase(actual, onHours[model].Values, scale) / origins.Length;
                errors[model][2] += ForecastAccuracy.Smape(actual, picked) / origins.Length;
                errors[model][3] += ForecastAccuracy.Mase(actual, picked, scale) / origins.Length;
            }
        }

        Console.WriteLine($"The taxi's weekday half-hours from 07:00 to 19:30 ({values.Length:N0} points; filled, {filled.Values.Length:N0}, {filled.Values.Length - values.Length:N0} of them interpolated), the next open day from the last {origins.Length} Monday-to-Thursday evenings ({new DateTime(times[origins[0]]):yyyy-MM-dd} to {new DateTime(times[origins[^1]]):yyyy-MM-dd}); mean sMAPE / MASE (scaled by the open slots' seasonal naive):");
        Console.WriteLine("| model | opening hours (season 26) | nights and weekends filled (season 48) |");
        Console.WriteLine("|---|---|---|");
        foreach (var model in errors.Keys)
        {
            var e = errors[model];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {model} | {e[0]:F2} / {e[1]:F3} | {e[2]:F2} / {e[3]:F3} |"));
        }
    }
}
