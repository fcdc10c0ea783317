using System.Globalization;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Forecasting;

/// <summary>
/// The bundled US births (ten years of days): the calendar the trees read, a holiday covariate known ahead, rows after
/// the last value, and business days. A class of its own so that it runs beside the other forecasting tests.
/// </summary>
public sealed class BirthsForecastingTests
{
    // Trained once for the tests that only read them (each takes seconds; the suite runs on two cores).
    private static readonly Lazy<BirthsForecast> Births = new(() => BirthsForecast.Train());
    private static readonly Lazy<BirthsAloneForecast> BirthsAlone = new(() => BirthsAloneForecast.Train());

    [Fact]
    public void TheTrees_ReadTheDayOfTheYear_SoChristmasIsLowWithoutAHolidayColumn()
    {
        // Ten years of days: the trees read the day of the year and learn from the nine Christmases before the test
        // fortnight that December 25th is low, with no covariate to mark it. In 2003 it is a Thursday, as December 18th.
        var alone = BirthsAlone.Value;
        var sample = alone.Evaluate().Samples[0];
        Assert.True(sample.Forecast[7] < 0.8 * sample.Forecast[0], $"{sample.Forecast[7]} on Christmas Day, {sample.Forecast[0]} a week before");
        Assert.True(sample.Actual[7] < 0.8 * sample.Actual[0], $"{sample.Actual[7]} births on Christmas Day, {sample.Actual[0]} a week before");
    }

    [Fact]
    public void AHolidayCovariate_IsReadAtTheDaysForecast_AndLowersTheError()
    {
        var model = Births.Value;
        var alone = BirthsAlone.Value;

        // The test fortnight (December 18–31, 2003) holds Christmas: the trees that read the holiday err less there.
        var (with, without) = (model.Evaluate().TestMetrics["Mase"], alone.Evaluate().TestMetrics["Mase"]);
        Assert.True(with < 0.8 * without, $"MASE {with} with the holiday, {without} without");

        // The file ends with the last value: no holidays are known after it, so there is no forecast of the next days
        // from it, and the error says what to give.
        Assert.Equal("Holiday", model.Pipeline.Hyperparameters["Covariates"]);
        Assert.False(alone.Pipeline.Hyperparameters.ContainsKey("Covariates"));
        var error = Assert.Throws<InvalidOperationException>(() => model.Forecast());
        Assert.Contains("reads Holiday at the steps it forecasts", error.Message, StringComparison.Ordinal);

        // A history that ends with the next fortnight's holidays (and no births) is forecast from them: New Year's Day
        // 2004, a Thursday, below the next Thursday (by 19 % here).
        var history = BirthRows().TakeLast(120).ToList();
        var future = Enumerable.Range(1, 14).Select(d => new BirthDay { Day = new DateTime(2004, 1, d), Births = float.NaN, Holiday = d == 1 }).ToList();
        var next = model.Forecast(history.Concat(future));
        Assert.Equal(future.Select(f => f.Day), next.Select(p => p.Time));
        Assert.True(next[0].Value < 0.9 * next[7].Value, $"{next[0].Value} on New Year's Day, {next[7].Value} a week later");

        var short1 = Assert.Throws<DataFileException>(() => model.Forecast(history.Concat(future.Take(5))));
        Assert.Contains("end the history with the next 14 steps' rows, their Holiday given and no Births (NaN); it has 5", short1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAutoregression_ReadsTheHoliday_AsARegressionWithAutoregressiveErrors()
    {
        // The autoregression alone, declared on the row with the holiday, against the same declaration trained on rows
        // whose holiday is always false: knowing the holidays, it errs less on the origins and on the Christmas fortnight.
        var model = BirthsArForecast.Train();
        var blind = BirthsArForecast.Train(BirthRows().Select(r => new BirthDay { Day = r.Day, Births = r.Births }));
        var (with, without) = (model.Evaluate().Models[0], blind.Evaluate().Models[0]);
        Assert.Equal((Trainer.Autoregression, Trainer.Autoregression), (with.Model, without.Model));
        Assert.True(with.ValidationOwa < 0.95 * without.ValidationOwa, $"origins OWA {with.ValidationOwa} with the holiday, {without.ValidationOwa} without");
        Assert.True(with.Mase < 0.95 * without.Mase, $"MASE {with.Mase} with the holiday, {without.Mase} without");

        // It needs the holidays of the days it forecasts, as the trees do, and names them.
        Assert.Equal("Holiday", model.Pipeline.Hyperparameters["Covariates"]);
        var error = Assert.Throws<InvalidOperationException>(() => model.Forecast());
        Assert.Contains("reads Holiday at the steps it forecasts", error.Message, StringComparison.Ordinal);
        var history = BirthRows().TakeLast(400).ToList();
        List<BirthDay> Fortnight(bool newYear) => [.. Enumerable.Range(1, 14).Select(d => new BirthDay { Day = new DateTime(2004, 1, d), Births = float.NaN, Holiday = newYear && d == 1 })];
        Assert.Throws<DataFileException>(() => model.Forecast(history.Concat(Fortnight(true).Take(13))));

        // New Year's Day 2004 (a Thursday) is forecast below the same day not marked a holiday (by 19 % from this
        // year of history), and the dip is not carried a week on through the lags: the next Thursday is forecast within
        // 1 % either way.
        var holiday = model.Forecast(history.Concat(Fortnight(true)));
        var ordinary = model.Forecast(history.Concat(Fortnight(false)));
        Assert.True(holiday[0].Value < 0.9 * ordinary[0].Value, $"{holiday[0].Value} on New Year's Day, {ordinary[0].Value} unmarked");
        Assert.InRange(holiday[7].Value / ordinary[7].Value, 0.99, 1.01);
    }

    [Fact]
    public void RowsAfterTheLastValue_GiveTheCovariatesOfTheForecast()
    {
        // The file with the next fortnight's days after its last value, their births empty: they are the future.
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "births.csv");
        File.WriteAllLines(path, File.ReadLines(Repository.PathOf("datasets", "us-births", "births.csv"))
            .Concat(Enumerable.Range(1, 14).Select(d => string.Create(CultureInfo.InvariantCulture, $"2004-01-{d:00},,{(d == 1 ? "true" : "false")}"))));
        var withFuture = BirthsForecast.Train(path);
        var plain = Births.Value;

        // The future rows are not trained on: the same model as from the file without them, which forecasts the same
        // fortnight from the same rows given now.
        var future = Enumerable.Range(1, 14).Select(d => new BirthDay { Day = new DateTime(2004, 1, d), Births = float.NaN, Holiday = d == 1 });
        Assert.Equal(plain.Forecast(BirthRows().Concat(future)), withFuture.Forecast());
        Assert.Equal(new DateTime(2004, 1, 1), withFuture.Forecast()[0].Time);

        // Saved and loaded, it keeps the forecast; a value missing before the last one is still an error at its line.
        var saved = Path.Combine(dir.Path, "births.mlnet");
        withFuture.Save(saved);
        Assert.Equal(withFuture.Forecast(), BirthsForecast.Load(saved).Forecast());
        var lines = File.ReadAllLines(path);
        lines[101] = lines[101].Split(',')[0] + ",," + lines[101].Split(',')[2];
        File.WriteAllLines(path, lines);
        var error = Assert.Throws<DataFileException>(() => BirthsForecast.Train(path));
        Assert.Equal(102, error.Line);
        Assert.Contains("the value to forecast (Births) is missing at 1994-04-11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WeekdaysOnly_StepByBusinessDays_WithASeasonOfFive()
    {
        // The bundled births on weekdays alone (2,608 of 3,652 days), as prices and office figures come: Monday is one
        // step after Friday, the season is a week of five, nothing is filled, and the forecasts skip the weekends.
        var weekdays = BirthRows().Where(r => r.Day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(r => new BirthDayAlone { Day = r.Day, Births = r.Births }).ToList();

        var model = BirthsAloneForecast.Train(weekdays);
        var report = model.Evaluate();

        Assert.Equal(("1 business day", 5, 0, 2_608 - 14), (report.Step, report.Season, report.FilledPoints, report.TrainRows));
        var next = model.Forecast();
        Assert.Equal(14, next.Count);
        Assert.Equal([new DateTime(2004, 1, 1), new DateTime(2004, 1, 2), new DateTime(2004, 1, 5)], next.Take(3).Select(p => p.Time)); // 2003-12-31: a Wednesday
        Assert.Equal(new DateTime(2004, 1, 20), next[^1].Time);
        Assert.True(report.TestMetrics["Owa"] < 1, $"OWA {report.TestMetrics["Owa"]}");

        // The step is in the model file, and a history given now is read at it.
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "BirthsAloneForecast.mlnet");
        model.Save(file);
        Assert.Contains("\"StepBusinessDays\":true", File.ReadAllText(file), StringComparison.Ordinal);
        var loaded = BirthsAloneForecast.Load(file);
        Assert.Equal(next, loaded.Forecast());
        Assert.Equal(new DateTime(2003, 12, 22), loaded.Forecast(weekdays.Where(r => r.Day <= new DateTime(2003, 12, 19))).First().Time);

        // Two seasons are enough history: two weeks of weekdays hold one weekend.
        Assert.Equal(new DateTime(2003, 12, 22), loaded.Forecast(weekdays.Where(r => r.Day >= new DateTime(2003, 12, 8) && r.Day <= new DateTime(2003, 12, 19))).First().Time);
    }

    private static IEnumerable<BirthDay> BirthRows() =>
        File.ReadLines(Repository.PathOf("datasets", "us-births", "births.csv")).Skip(1).Select(line => line.Split(','))
            .Select(f => new BirthDay { Day = DateTime.Parse(f[0], CultureInfo.InvariantCulture), Births = float.Parse(f[1], CultureInfo.InvariantCulture), Holiday = f[2] == "true" });
}
