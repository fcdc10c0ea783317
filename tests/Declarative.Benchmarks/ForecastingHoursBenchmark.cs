using System.Globalization;
using Declarative.Data;
using Declarative.Forecasting;

namespace Declarative.Benchmarks;

/// <summary>
/// Opening hours as the step against the way such a series was read before: the bundled taxi's half-hours within some
/// hours alone, forecast for the next open day either on its own step (a day's slots its season) or with the closed
/// slots filled by linear interpolation (what FillGaps does) at a plain half-hourly step with its season of 48, the open
/// slots then picked out of that forecast. Every statistical model and the global trees (one fit per layout and window),
/// on the same windows. Three layouts: weekdays from 07:00 to 19:30; the same with a break at noon (12:00 and 12:30
/// closed); and every evening from 18:00 to 01:30, past midnight.
/// </summary>
internal static class ForecastingHoursBenchmark
{
    private static readonly TimeStep HalfHour = new(TimeSpan.TicksPerHour / 2, 0);

    public static void Run(int windows)
    {
        var (all, _, _) = ForecastingBenchmark.Read(BenchTaxiForecast.Spec);
        var taxi = all[0];
        static bool Weekday(DateTime t) => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        static bool Office(DateTime t) => t.TimeOfDay >= TimeSpan.FromHours(7) && t.TimeOfDay <= TimeSpan.FromHours(19.5);
        Layout(taxi, windows, "weekday half-hours from 07:00 to 19:30", t => Weekday(t) && Office(t));
        Layout(taxi, windows, "weekday half-hours from 07:00 to 19:30 but 12:00 and 12:30", t => Weekday(t) && Office(t) && t.Hour != 12);
        Layout(taxi, windows, "half-hours from 18:00 to 01:30 every day", t => t.TimeOfDay >= TimeSpan.FromHours(18) || t.TimeOfDay <= TimeSpan.FromHours(1.5));
    }

    private static void Layout(TimeSeries taxi, int windows, string name, Func<DateTime, bool> isOpen)
    {
        var open = Enumerable.Range(0, taxi.Length).Where(i => isOpen(new DateTime(taxi.Times[i]))).ToArray();
        var (times, values) = (open.Select(i => taxi.Times[i]).ToArray(), open.Select(i => taxi.Values[i]).ToArray());
        var hoursStep = TimeStep.Infer(times, dates: true);
        var slots = hoursStep.Slots;

        // The same rows read as before these hours were a step: half-hourly, FillGaps interpolating the closed slots (the
        // reader's own filling).
        var rows = open.Select(i => new BenchTaxiReading { At = new DateTime(taxi.Times[i]), Passengers = (float)taxi.Values[i] });
        var table = RowTable.From(BenchTaxiForecast.Spec, rows, "(hours)");
        var filled = SeriesReader.Read(BenchTaxiForecast.Spec, table, "(hours)", fillGaps: true, trained: HalfHour).Series[0];

        // The origins: a day's last slot (a night follows it, not a step or the break) whose next open day ends within 48
        // half-hours (Monday to Thursday evenings on weekdays), so a plain step's day ahead reaches it; the latest
        // `windows` of them.
        var night = TimeSpan.TicksPerDay - hoursStep.Offset(slots - 1);
        var origins = Enumerable.Range(0, times.Length - slots)
            .Where(i => hoursStep.After(times[i], 1) - times[i] >= night && times[i + slots] - times[i] <= 48 * HalfHour.Ticks)
            .TakeLast(windows).ToArray();
        Trainer[] models = [Trainer.SeasonalNaive, Trainer.Naive2, Trainer.ExponentialSmoothing, Trainer.Theta, Trainer.Autoregression, Trainer.Arima];
        var errors = models.Append(Trainer.GlobalLightGbm).ToDictionary(m => m, _ => new double[4]);
        var hoursSeries = new TimeSeries("", times, values);
        var span = times[^1] - times[0];
        var (hoursFeatures, filledFeatures) = (LagFeatures.For(slots, hoursStep, dates: true, span: span), LagFeatures.For(48, HalfHour, dates: true, span: span));
        foreach (var origin in origins)
        {
            var history = values[..(origin + 1)];
            var actual = values.AsSpan(origin + 1, slots);
            var scale = ForecastAccuracy.Scale(history, slots);
            var onHours = ForecastMethods.ForecastEach(models, history, slots, slots);
            var at = Array.IndexOf(filled.Times, times[origin]);
            var onFilled = ForecastMethods.ForecastEach(models, filled.Values[..(at + 1)], 48, 48);
            // The global trees (the default model), each layout fitted up to the origin.
            var treesOnHours = GlobalTrees.Fit([hoursSeries], [origin + 1], hoursFeatures, slots, seed: 1).Forecast(hoursSeries, origin + 1, slots, hoursStep);
            var treesOnFilled = GlobalTrees.Fit([filled], [at + 1], filledFeatures, 48, seed: 1).Forecast(filled, at + 1, 48, HalfHour);
            onHours[Trainer.GlobalLightGbm] = new MethodForecast(treesOnHours, "");
            onFilled[Trainer.GlobalLightGbm] = new MethodForecast(treesOnFilled, "");

            // The open slots' places in the filled forecast: half-hours after the origin.
            var places = Enumerable.Range(1, slots).Select(k => (int)((times[origin + k] - times[origin]) / HalfHour.Ticks) - 1).ToArray();
            foreach (var model in errors.Keys)
            {
                var picked = places.Select(p => onFilled[model].Values[p]).ToArray();
                errors[model][0] += ForecastAccuracy.Smape(actual, onHours[model].Values) / origins.Length;
                errors[model][1] += ForecastAccuracy.Mase(actual, onHours[model].Values, scale) / origins.Length;
                errors[model][2] += ForecastAccuracy.Smape(actual, picked) / origins.Length;
                errors[model][3] += ForecastAccuracy.Mase(actual, picked, scale) / origins.Length;
            }
        }

        Console.WriteLine($"The taxi's {name} ({hoursStep.Describe(dates: true)}; {values.Length:N0} points; filled, {filled.Values.Length:N0}, {filled.Values.Length - values.Length:N0} of them interpolated), the next open day from the last {origins.Length} days' last slots ({new DateTime(times[origins[0]]):yyyy-MM-dd} to {new DateTime(times[origins[^1]]):yyyy-MM-dd}); mean sMAPE / MASE (scaled by the open slots' seasonal naive):");
        Console.WriteLine($"| model | opening hours (season {slots}) | closed slots filled (season 48) |");
        Console.WriteLine("|---|---|---|");
        foreach (var model in errors.Keys)
        {
            var e = errors[model];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {model} | {e[0]:F2} / {e[1]:F3} | {e[2]:F2} / {e[3]:F3} |"));
        }

        Console.WriteLine();
    }
}
