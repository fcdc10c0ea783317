using System.Globalization;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Forecasting;

/// <summary>Forecasting end to end on the bundled real series (NAB's NYC taxi, yearly sunspots), and its located errors.</summary>
public sealed class ForecastingTests
{
    private static readonly Lazy<TaxiDefaultForecast> Taxi = new(() => TaxiDefaultForecast.Train());

    [Fact]
    public void TheTaxiSeries_ForecastsTheNextDay_EveryHalfHour_WithAnInterval()
    {
        var model = Taxi.Value;
        Assert.Equal(Trainer.GlobalLightGbm, model.Pipeline.Trainer);
        Assert.Equal(48, model.Pipeline.Season);

        var next = model.Forecast();
        Assert.Equal(48, next.Count);
        Assert.Equal(new DateTime(2015, 2, 1, 0, 0, 0), next[0].Time);
        Assert.Equal(new DateTime(2015, 2, 1, 23, 30, 0), next[^1].Time);
        Assert.All(next, p => Assert.True(p.Lower <= p.Value && p.Value <= p.Upper && p.Upper > p.Lower, $"{p}"));

        // The day's pattern: night hours are far below the evening's.
        Assert.True(next[8].Value < next[38].Value, $"04:00 {next[8].Value} against 19:00 {next[38].Value}");
    }

    [Fact]
    public void TheReport_IsM4s_LastDayHeldOut_BeatsNaive2_AndCoversNearItsLevel()
    {
        var report = Taxi.Value.Evaluate();
        Assert.Equal(48, report.Horizon);
        Assert.Equal(1, report.Series);
        Assert.Equal(48, report.TestRows);
        Assert.Equal(10_320 - 48, report.TrainRows);
        Assert.Equal("Owa", report.HeadlineMetric);
        Assert.Equal([Trainer.GlobalLightGbm, Trainer.Naive2, Trainer.SeasonalNaive], report.Models.Select(m => m.Model));
        var naive2 = report.Models.Single(m => m.Model == Trainer.Naive2);
        Assert.Equal(1.0, naive2.Owa, 1e-12);
        Assert.True(report.TestMetrics["Owa"] < 1, $"OWA {report.TestMetrics["Owa"]}");
        Assert.InRange(report.Coverage, 0.6, 1.0);
        Assert.Equal(48, report.StepErrors.Count);
        Assert.Single(report.Samples);
        Assert.Equal(144, report.Samples[0].History.Count);
    }

    [Fact]
    public void ASavedForecaster_LoadsToTheSameForecasts_AndItsReportDrawsTheFan()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "taxi.mlnet");
        Taxi.Value.Save(path);
        var loaded = TaxiDefaultForecast.Load(path);
        Assert.Equal(Taxi.Value.Forecast(), loaded.Forecast());

        var html = Path.Combine(dir.Path, "report.html");
        Taxi.Value.SaveReport(html);
        var page = File.ReadAllText(html);
        Assert.Contains("data-chart=\"fan-chart\"", page, StringComparison.Ordinal);
        Assert.Contains("Naive2", page, StringComparison.Ordinal);

        // A damaged file is a ModelFileException naming it, not a wrong forecast.
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"Horizon\":48", "\"Horizon\":47", StringComparison.Ordinal));
        var error = Assert.Throws<ModelFileException>(() => TaxiDefaultForecast.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHistoryGivenNow_IsForecastFromItsEnd_AndTheWholeSeriesGivesTheTrainedForecast()
    {
        var rows = TaxiRows();
        Assert.Equal(Taxi.Value.Forecast(), Taxi.Value.Forecast(rows));

        var twoWeeks = rows.Take(5_000).TakeLast(14 * 48).ToArray();
        var next = Taxi.Value.Forecast(twoWeeks);
        Assert.Equal(48, next.Count);
        Assert.Equal(twoWeeks[^1].At.AddMinutes(30), next[0].Time);
    }

    [Fact]
    public void Sunspots_AnIntegerYear_ForecastsTheNextTenYears()
    {
        var model = SunspotForecast.Train();
        var next = model.Forecast();
        Assert.Equal(Enumerable.Range(2009, 10), next.Select(p => p.Time));
        var report = model.Evaluate();
        Assert.Equal(8, report.Models.Count);
        Assert.Equal(model.Pipeline.Trainer, report.Models[0].Model);
        Assert.All(report.Models, m => Assert.True(double.IsFinite(m.SymmetricMape) && double.IsFinite(m.Mase) && double.IsFinite(m.ValidationOwa)));

        // The combination (the autoregression, the trees and ARIMA) has the lowest OWA on the fifteen origins, ahead of
        // the declared trees by more than one standard error of their differences origin by origin, so [Tune] chooses
        // it and the report says why; on the test years it is below statsmodels' best, ARIMA(3,1,2)'s 38.60 sMAPE
        // (tests/bench/forecasting.sh).
        Assert.Equal(Trainer.ForecastCombination, report.Models.MinBy(m => m.ValidationOwa)!.Model);
        Assert.Equal(Trainer.ForecastCombination, model.Pipeline.Trainer);
        Assert.StartsWith("the best on the rolling origins: OWA 0.439 against the declared GlobalLightGbm's 0.463, ahead by more than one standard error", report.Choice, StringComparison.Ordinal);
        Assert.Contains("The model, ForecastCombination, is the best on the rolling origins: ", Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.For(MLTask.Forecasting)), StringComparison.Ordinal);
        Assert.True(report.TestMetrics["SymmetricMape"] < 38.60, $"sMAPE {report.TestMetrics["SymmetricMape"]}");
    }

    [Fact]
    public void Arima_Declared_IsTheModel_AndForecastsFromAHistoryGivenNow()
    {
        var model = SunspotArimaForecast.Train();
        Assert.Equal(Trainer.Arima, model.Pipeline.Trainer);
        var next = model.Forecast();
        Assert.Equal(Enumerable.Range(2009, 10), next.Select(p => p.Time));
        Assert.All(next, p => Assert.True(p.Lower <= p.Value && p.Value <= p.Upper));
        var report = model.Evaluate();
        Assert.Equal([Trainer.Arima, Trainer.Naive2, Trainer.SeasonalNaive], report.Models.Select(m => m.Model));
        Assert.True(report.Models[0].Owa < 1, "ARIMA follows the cycle Naive2 cannot");

        // Saved and loaded, it fits a history given now as the trained model does.
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "arima.mlnet");
        model.Save(path);
        var history = File.ReadLines(Repository.PathOf("datasets", "sunspots", "sunspots.csv")).Skip(1).Take(200).Select(line => line.Split(','))
            .Select(f => new SunspotYear { Year = int.Parse(f[0], CultureInfo.InvariantCulture), Activity = double.Parse(f[1], CultureInfo.InvariantCulture) })
            .ToArray();
        Assert.Equal(model.Forecast(history), SunspotArimaForecast.Load(path).Forecast(history));
    }

    [Fact]
    public void ADateTimeOffsetTime_IsReadAsItsClockTime_AndForecastsAsADateTimeDoes()
    {
        var model = TaxiMomentForecast.Train();
        var expected = Taxi.Value.Forecast();
        var next = model.Forecast();
        Assert.Equal(expected.Select(p => new DateTimeOffset(p.Time, TimeSpan.Zero)), next.Select(p => p.Time));
        Assert.Equal(expected.Select(p => (p.Value, p.Lower, p.Upper)), next.Select(p => (p.Value, p.Lower, p.Upper)));

        // A history given with an offset is read by its clock times: the same forecast, the times at offset zero.
        var history = TaxiRows().Take(5_000).TakeLast(14 * 48).ToArray();
        var shifted = model.Forecast(history.Select(r => new TaxiMoment { At = new DateTimeOffset(r.At, TimeSpan.FromHours(-5)), Passengers = r.Passengers }));
        Assert.Equal(Taxi.Value.Forecast(history).Select(p => (new DateTimeOffset(p.Time, TimeSpan.Zero), p.Value)), shifted.Select(p => (p.Time, p.Value)));
    }

    [Fact]
    public void ALongStep_ForecastsAsAnIntStepDoes()
    {
        var trees = SunspotTreesForecast.Train().Forecast();
        var next = SunspotLongTreesForecast.Train().Forecast();
        Assert.Equal(Enumerable.Range(2009, 10).Select(y => (long)y), next.Select(p => p.Time));
        Assert.Equal(trees.Select(p => (p.Value, p.Lower, p.Upper)), next.Select(p => (p.Value, p.Lower, p.Upper)));
    }

    [Fact]
    public void TheGlobalTrees_AreReproducible_AndKeptInTheModelFile()
    {
        var first = SunspotTreesForecast.Train();
        var second = SunspotTreesForecast.Train();
        Assert.Equal(first.Forecast(), second.Forecast());

        // Loaded, the trees forecast a history given now as the trained ones do: no refit, no ML.NET.
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sunspots.mlnet");
        first.Save(path);
        var loaded = SunspotTreesForecast.Load(path);
        var history = File.ReadLines(Repository.PathOf("datasets", "sunspots", "sunspots.csv")).Skip(1).Take(200).Select(line => line.Split(','))
            .Select(f => new SunspotYear { Year = int.Parse(f[0], CultureInfo.InvariantCulture), Activity = double.Parse(f[1], CultureInfo.InvariantCulture) })
            .ToArray();
        Assert.Equal(first.Forecast(history), loaded.Forecast(history));
        Assert.Equal(Enumerable.Range(1900, 10), loaded.Forecast(history).Select(p => p.Time));
    }

    [Fact]
    public void DirectTrees_ForecastEachStepFromTheSameHistory_SayItAndKeepItInTheModelFile()
    {
        var direct = SunspotDirectTreesForecast.Train();
        var recursive = SunspotTreesForecast.Train();
        Assert.Equal("true", direct.Pipeline.Hyperparameters["DirectTrees"]);
        Assert.False(recursive.Pipeline.Hyperparameters.ContainsKey("DirectTrees"));
        Assert.Equal(recursive.Forecast().Select(p => p.Time), direct.Forecast().Select(p => p.Time));
        Assert.NotEqual(recursive.Forecast().Select(p => p.Value), direct.Forecast().Select(p => p.Value));

        // The step ahead is a feature of the trees in the file: loaded, they forecast a history given now as trained.
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "direct.mlnet");
        direct.Save(path);
        var loaded = SunspotDirectTreesForecast.Load(path);
        Assert.Equal("true", loaded.Pipeline.Hyperparameters["DirectTrees"]);
        var history = File.ReadLines(Repository.PathOf("datasets", "sunspots", "sunspots.csv")).Skip(1).Take(200).Select(line => line.Split(','))
            .Select(f => new SunspotYear { Year = int.Parse(f[0], CultureInfo.InvariantCulture), Activity = double.Parse(f[1], CultureInfo.InvariantCulture) })
            .ToArray();
        Assert.Equal(direct.Forecast(history), loaded.Forecast(history));
        Assert.NotEqual(recursive.Forecast(history).Select(p => p.Value), loaded.Forecast(history).Select(p => p.Value));
    }

    [Fact]
    public void TheCombination_IsTheMedianOfTheBestThreeOnTheOrigins_NamedAndKeptInTheModelFile()
    {
        var model = SunspotCombinedForecast.Train();
        var report = model.Evaluate();

        // Declared alone, every other model is scored to choose its members: the three with the lowest OWA on the origins.
        Assert.Equal(Trainer.ForecastCombination, model.Pipeline.Trainer);
        Assert.Equal(8, report.Models.Count);
        var best = report.Models.Where(m => m.Model != Trainer.ForecastCombination).OrderBy(m => m.ValidationOwa).Take(3).Select(m => m.Model.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(best, model.Pipeline.Hyperparameters["Combined"].Split(", ").Order(StringComparer.Ordinal));

        // Saved and loaded, it names the same members and forecasts a history as the trained one does (the global trees
        // among its members are kept in the file when they are one).
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "combined.mlnet");
        model.Save(path);
        var loaded = SunspotCombinedForecast.Load(path);
        Assert.Equal(model.Pipeline.Hyperparameters["Combined"], loaded.Pipeline.Hyperparameters["Combined"]);
        var history = File.ReadLines(Repository.PathOf("datasets", "sunspots", "sunspots.csv")).Skip(1).Take(200).Select(line => line.Split(','))
            .Select(f => new SunspotYear { Year = int.Parse(f[0], CultureInfo.InvariantCulture), Activity = double.Parse(f[1], CultureInfo.InvariantCulture) })
            .ToArray();
        Assert.Equal(model.Forecast(history), loaded.Forecast(history));
        Assert.Equal(model.Forecast(), loaded.Forecast());

        // A file whose combination names no members is refused at load, not forecast with other models.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("Combined");
        File.WriteAllText(path, json.ToJsonString());
        var error = Assert.Throws<ModelFileException>(() => SunspotCombinedForecast.Load(path));
        Assert.Contains("does not name the models its combination takes the median of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTrees_ReadTheDayOfTheYear_SoChristmasIsLowWithoutAHolidayColumn()
    {
        // Ten years of days: the trees read the day of the year and learn from the nine Christmases before the test
        // fortnight that December 25th is low, with no covariate to mark it. In 2003 it is a Thursday, as December 18th.
        var alone = BirthsAloneForecast.Train();
        var sample = alone.Evaluate().Samples[0];
        Assert.True(sample.Forecast[7] < 0.8 * sample.Forecast[0], $"{sample.Forecast[7]} on Christmas Day, {sample.Forecast[0]} a week before");
        Assert.True(sample.Actual[7] < 0.8 * sample.Actual[0], $"{sample.Actual[7]} births on Christmas Day, {sample.Actual[0]} a week before");
    }

    [Fact]
    public void AHolidayCovariate_IsReadAtTheDaysForecast_AndLowersTheError()
    {
        var model = BirthsForecast.Train();
        var alone = BirthsAloneForecast.Train();

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
        var plain = BirthsForecast.Train();

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
    public void TheBuild_WritesTheForecastersArtifacts_AndAnEditedModelIsRefused()
    {
        using var dir = new TempDirectory();
        var built = Declarative.Build.ArtifactBuilder.Build(PipelineRegistry.For(typeof(SunspotTreesForecast)), dir.Path);
        Assert.Equal(Declarative.Build.ArtifactStatus.Trained, built.Status);
        Assert.Equal(Artifacts.ArtifactHash.OfFile(built.ModelPath), built.Manifest.ModelHash);
        Assert.True(File.Exists(Path.Combine(dir.Path, "SunspotTreesForecast.report.html")));
        Assert.Equal(10, SunspotTreesForecast.Load(built.ModelPath).Forecast().Count);

        File.WriteAllText(built.ModelPath, File.ReadAllText(built.ModelPath).Replace("\"Values\":[", "\"Values\":[1", StringComparison.Ordinal));
        var error = Assert.Throws<ModelFileException>(() => SunspotTreesForecast.Load(built.ModelPath));
        Assert.Equal(built.ModelPath, error.FilePath);
        Assert.Contains("is not the one its manifest describes", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void OpeningHours_StepFromTheEveningToTheNextOpenMorning()
    {
        // The bundled taxi's weekday half-hours from 07:00 to 19:30 alone (26 a day), as an office's or a market's figures
        // come: the step after Friday 19:30 is Monday 07:00, the season is a day's 26 slots, and nothing is filled (with a
        // plain half-hourly step, FillGaps would have invented the nights and weekends: 6,246 of 10,250 steps).
        var hours = TaxiRows().Where(r => r.At.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && r.At.TimeOfDay >= TimeSpan.FromHours(7) && r.At.TimeOfDay <= TimeSpan.FromHours(19.5)).ToList();

        var model = TaxiDefaultForecast.Train(hours);
        var report = model.Evaluate();

        Assert.Equal(("30 minutes (07:00–19:30, Monday to Friday)", 26, 0, hours.Count - 48), (report.Step, report.Season, report.FilledPoints, report.TrainRows));
        var next = model.Forecast();
        Assert.Equal(48, next.Count);
        Assert.Equal([new DateTime(2015, 2, 2, 7, 0, 0), new DateTime(2015, 2, 2, 7, 30, 0)], next.Take(2).Select(p => p.Time)); // 2015-01-30: a Friday
        Assert.Equal((new DateTime(2015, 2, 2, 19, 30, 0), new DateTime(2015, 2, 3, 7, 0, 0)), (next[25].Time, next[26].Time));
        Assert.Equal(new DateTime(2015, 2, 3, 17, 30, 0), next[^1].Time);
        Assert.True(report.TestMetrics["Owa"] < 1, $"OWA {report.TestMetrics["Owa"]}");

        // The hours are in the model file, and a history given now is read at them.
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "TaxiDefaultForecast.mlnet");
        model.Save(file);
        Assert.Contains("\"StepSlots\":26", File.ReadAllText(file), StringComparison.Ordinal);
        var loaded = TaxiDefaultForecast.Load(file);
        Assert.Equal(next, loaded.Forecast());
        Assert.Equal(new DateTime(2015, 1, 26, 7, 0, 0), loaded.Forecast(hours.Where(r => r.At < new DateTime(2015, 1, 24))).First().Time);

        // A history of three open days (Tuesday to Thursday) shows no weekend, and still keeps the trained hours.
        Assert.Equal(new DateTime(2015, 1, 23, 7, 0, 0), loaded.Forecast(hours.Where(r => r.At >= new DateTime(2015, 1, 20) && r.At < new DateTime(2015, 1, 23))).First().Time);

        // Hours that run past midnight are a damaged file, not a wrong forecast later.
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"StepSlots\":26", "\"StepSlots\":60", StringComparison.Ordinal));
        Assert.Contains("is damaged", Assert.ThrowsAny<Exception>(() => TaxiDefaultForecast.Load(file)).Message, StringComparison.Ordinal);
    }

    private static IEnumerable<BirthDay> BirthRows() =>
        File.ReadLines(Repository.PathOf("datasets", "us-births", "births.csv")).Skip(1).Select(line => line.Split(','))
            .Select(f => new BirthDay { Day = DateTime.Parse(f[0], CultureInfo.InvariantCulture), Births = float.Parse(f[1], CultureInfo.InvariantCulture), Holiday = f[2] == "true" });

    [Fact]
    public void ASeriesThatBreaks_IsALocatedError()
    {
        var rows = TaxiRows().Take(500).ToList();

        var duplicate = rows.Take(300).Append(new TaxiReading { At = rows[10].At, Passengers = 1 }).ToList();
        Assert.Contains("two rows are at 2014-07-01 05:00:00", Assert.Throws<DataFileException>(() => TaxiDefaultForecast.Train(duplicate)).Message, StringComparison.Ordinal);

        var gap = rows.Take(100).Concat(rows.Skip(101).Take(300)).ToList();
        Assert.Contains("jumps from 2014-07-03 01:30:00 to 2014-07-03 02:30:00, where the series' step is 30 minutes", Assert.Throws<DataFileException>(() => TaxiDefaultForecast.Train(gap)).Message, StringComparison.Ordinal);

        var missing = rows.Take(300).ToList();
        missing[42] = new TaxiReading { At = missing[42].At, Passengers = float.NaN };
        Assert.Contains("the value to forecast (Passengers) is missing at 2014-07-01 21:00:00; fill it, or set FillGaps = true", Assert.Throws<DataFileException>(() => TaxiDefaultForecast.Train(missing)).Message, StringComparison.Ordinal);

        var shortSeries = rows.Take(100).ToList();
        Assert.Contains("there are 100 points, fewer than the 144 that two seasons and the horizon need (Season 48, Horizon 48): give a longer history", Assert.Throws<DataFileException>(() => TaxiDefaultForecast.Train(shortSeries)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGapInTheFile_NamesItsLine()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Repository.PathOf("datasets", "nab-nyc-taxi", "nyc_taxi.csv")).Take(400).ToList();
        lines.RemoveAt(201); // data row 201: the line after it is line 202 of the new file
        var path = Path.Combine(dir.Path, "gap.csv");
        File.WriteAllLines(path, lines);
        var error = Assert.Throws<DataFileException>(() => TaxiDefaultForecast.Train(path));
        Assert.Equal(path, error.FilePath);
        Assert.Equal(202, error.Line);
        Assert.Contains("the time jumps from 2014-07-05 03:30:00 to 2014-07-05 04:30:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingValueInTheFile_NamesItsLine()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Repository.PathOf("datasets", "nab-nyc-taxi", "nyc_taxi.csv")).Take(400).ToList();
        lines[50] = lines[50].Split(',')[0] + ",";
        var path = Path.Combine(dir.Path, "missing.csv");
        File.WriteAllLines(path, lines);
        var error = Assert.Throws<DataFileException>(() => TaxiDefaultForecast.Train(path));
        Assert.Equal(51, error.Line);
        Assert.Contains("the value to forecast (Passengers) is missing at 2014-07-02 00:30:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Co2_EightDigitDates_AndEmptyWeeks_AreFilledOnlyWhenAsked()
    {
        var unfilled = Assert.Throws<DataFileException>(() => Co2UnfilledForecast.Train());
        Assert.Equal(8, unfilled.Line);
        Assert.Contains("the value to forecast (Ppm) is missing at 19580510; fill it, or set FillGaps = true", unfilled.Message, StringComparison.Ordinal);

        var model = Co2Forecast.Train();
        var report = model.Evaluate();
        Assert.Equal(59, report.FilledPoints);
        Assert.Equal(52, report.Season);
        Assert.Equal("7 days", report.Step);
        var next = model.Forecast();
        Assert.Equal(Enumerable.Range(1, 13).Select(w => new DateOnly(2001, 12, 29).AddDays(7 * w)), next.Select(p => p.Time));
        Assert.True(report.TestMetrics["Owa"] < 1, $"OWA {report.TestMetrics["Owa"]}");

        // Exponential smoothing estimates its initial states: from the rule of thumb's (the first four years' season)
        // its rolling origins' MASE was 0.909; with fitted ones it is level with Naive2 (0.53).
        var ets = report.Models.Single(m => m.Model == Trainer.ExponentialSmoothing);
        Assert.True(ets.ValidationMase < 0.6, $"ETS MASE on the origins {ets.ValidationMase}");
        Assert.Contains("filled by linear interpolation", Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.For(MLTask.Forecasting)), StringComparison.Ordinal);
    }

    [Fact]
    public void AMonthlySeries_StepsByCalendarMonths_WithAYearlySeason()
    {
        var model = ElecEquipForecast.Train();
        var report = model.Evaluate();
        Assert.Equal(12, report.Season);
        Assert.Equal(18, report.Horizon);
        var next = model.Forecast();
        Assert.Equal(Enumerable.Range(1, 18).Select(m => new DateOnly(2016, 5, 1).AddMonths(m)), next.Select(p => p.Time));
        Assert.All(next, p => Assert.True(p.Lower <= p.Value && p.Value <= p.Upper));

        // Exponential smoothing beats the declared trees on the six rolling origins by more than one standard error,
        // and its test OWA is below M4's Theta level. Its multiplicative-error form, its states fitted under its own
        // likelihood, is ahead of statsmodels' ETSModel of the same form (3.78 sMAPE: tests/bench/forecasting.sh).
        Assert.Equal(Trainer.ExponentialSmoothing, model.Pipeline.Trainer);
        Assert.True(report.TestMetrics["Owa"] < 0.9, $"OWA {report.TestMetrics["Owa"]}");
        Assert.True(report.TestMetrics["SymmetricMape"] < 3.78, $"sMAPE {report.TestMetrics["SymmetricMape"]}");
    }

    [Fact]
    public void AMonthlySeriesOnMonthEnds_StepsFromMonthEndToMonthEnd()
    {
        // Eurostat's months respelled on their last days, as pandas' month-end frequency and many exports write months
        // (Jan-31-1995, Feb-28-1995, ...): one step is a month kept on the months' last days, so February's 28th (29th
        // in a leap year) follows January's 31st, and the forecasts are the month-start file's, a month end apart.
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Repository.PathOf("datasets", "elec-equip", "elec_equip.csv"));
        var path = Path.Combine(dir.Path, "month-ends.csv");
        static DateOnly MonthEnd(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
        File.WriteAllLines(path, lines.Take(1).Concat(lines.Skip(1).Select(line =>
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var first = DateOnly.ParseExact(line[..comma], "MMM-d-yyyy", CultureInfo.InvariantCulture);
            return MonthEnd(first).ToString("MMM-d-yyyy", CultureInfo.InvariantCulture) + line[comma..];
        })));

        var model = ElecEquipForecast.Train(path);

        var next = model.Forecast();
        Assert.Equal(Enumerable.Range(1, 18).Select(m => MonthEnd(new DateOnly(2016, 5, 1).AddMonths(m))), next.Select(p => p.Time));
        Assert.Contains(new DateOnly(2016, 6, 30), next.Select(p => p.Time));
        Assert.Equal(ElecEquipForecast.Train().Forecast().Select(p => (p.Value, p.Lower, p.Upper)), next.Select(p => (p.Value, p.Lower, p.Upper)));

        // The step is in the model file: loaded, it forecasts the same month ends, and a history given now on month
        // ends (through February 2016, a leap year) is read at the trained step.
        var file = Path.Combine(dir.Path, "ElecEquipForecast.mlnet");
        model.Save(file);
        Assert.Contains("\"StepMonthEnd\":true", File.ReadAllText(file), StringComparison.Ordinal);
        var loaded = ElecEquipForecast.Load(file);
        Assert.Equal(next, loaded.Forecast());
        var history = File.ReadLines(path).Skip(1).Select(line => line.Split(','))
            .Select(f => new ElecEquipMonth { Month = DateOnly.ParseExact(f[0], "MMM-d-yyyy", CultureInfo.InvariantCulture), Turnover = float.Parse(f[1], CultureInfo.InvariantCulture) })
            .Where(r => r.Month <= new DateOnly(2016, 2, 29)).ToList();
        Assert.Equal([new DateOnly(2016, 3, 31), new DateOnly(2016, 4, 30)], loaded.Forecast(history).Take(2).Select(p => p.Time));
        Assert.Equal("1 month (on the months' last days)", model.Evaluate().Step);

        // Months on their first days are another step: the error says which.
        var firsts = history.Select(r => new ElecEquipMonth { Month = new DateOnly(r.Month.Year, r.Month.Month, 1), Turnover = r.Turnover });
        Assert.EndsWith("The history's step is 1 month, not the trained 1 month (on the months' last days).", Assert.Throws<DataFileException>(() => loaded.Forecast(firsts)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuarterlySeries_WrittenAsQuarters_StepByThreeMonths_AndForecastEachSeries()
    {
        // Five US real aggregates, 203 quarters each, the time written 1959Q1 ([Column(Format = "yyyy'Q'q")]).
        var model = MacroQuarterForecast.Train();
        var report = model.Evaluate();

        Assert.Equal(["realgdp", "realcons", "realinv", "realgovt", "realdpi"], model.Pipeline.SeriesIds);
        Assert.Equal(4, report.Season);
        Assert.Equal("3 months", report.Step);
        var gdp = model.Forecast("realgdp");
        Assert.Equal(Enumerable.Range(1, 8).Select(q => new DateOnly(2009, 7, 1).AddMonths(3 * q)), gdp.Select(p => p.Time));
        Assert.All(gdp, p => Assert.True(p.Lower <= p.Value && p.Value <= p.Upper));

        // The first quarter ahead is near GDP's last (12,990 in 2009Q3): the trees read each series at its own level. The
        // test part (2007Q4–2009Q3) is the recession, where every trend model, ours and statsmodels', errs more than
        // Naive2 (docs/forecasting.md), so no accuracy bound is asserted here.
        Assert.InRange(gdp[0].Value, 0.95 * 12_990.341, 1.05 * 12_990.341);
        Assert.Equal(5 * 195, report.TrainRows);
    }

    [Fact]
    public void AGapInAQuarterlyFile_IsNamedAsTheFileWritesIt()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Repository.PathOf("datasets", "us-macro", "quarterly.csv")).ToList();
        Assert.Equal("1971Q3,realgdp,4433.943", lines[51]);
        lines.RemoveAt(51);
        var path = Path.Combine(dir.Path, "quarterly.csv");
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<DataFileException>(() => MacroQuarterForecast.Train(path));
        Assert.Equal(52, error.Line);
        Assert.Contains("In series 'realgdp', the time jumps from 1971Q2 to 1971Q4, where the series' step is 3 months", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FillGaps_InterpolatesMissingSteps_AndValues()
    {
        var rows = TaxiRows().Take(400).ToList();
        rows.RemoveAt(200);
        rows[100] = new TaxiReading { At = rows[100].At, Passengers = float.NaN };
        var spec = TaxiDefaultForecast.Spec;
        var filledSpec = new Schema.PipelineSpec<TaxiReading>
        {
            Name = spec.Name, Task = spec.Task, DeclaringType = spec.DeclaringType, Label = spec.Label, Time = spec.Time, Features = spec.Features,
            Trainers = [Trainer.SeasonalNaive], Options = new Schema.ForecastingOptions { Horizon = 48, FillGaps = true },
        };
        var report = Forecaster<TaxiReading>.Train(filledSpec, rows).Evaluate();
        Assert.Equal(2, report.FilledPoints);
        Assert.Equal(400 - 48, report.TrainRows);
    }

    [Fact]
    public void AFlatSeries_IsForecastFlat_ByTheTrees_AndSurvivesTheModelFile()
    {
        // A meter that read zero all along (its times the taxi file's first two weeks): every target the trees would
        // learn is the same, which LightGbm cannot split and ML.NET cannot convert, so the trees are that value.
        var rows = TaxiRows().Take(14 * 48).Select(r => new StretchReading { Stretch = "off", At = r.At, Passengers = 0 }).ToList();
        var model = StretchForecast.Train(rows);
        Assert.Equal(Trainer.GlobalLightGbm, model.Pipeline.Trainer);
        var next = model.Forecast("off");
        Assert.Equal(48, next.Count);
        Assert.All(next, p => Assert.Equal((0.0, 0.0, 0.0), (p.Value, p.Lower, p.Upper)));
        Assert.Equal(0, model.Evaluate().TestMetrics["SymmetricMape"]);

        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "flat.mlnet");
        model.Save(path);
        Assert.Equal(next, StretchForecast.Load(path).Forecast("off"));
    }

    [Fact]
    public void ManySeries_AreForecastEachByItsId_FromOneGlobalModel()
    {
        // Three stretches of the taxi year as three series of different lengths and spans, rows interleaved.
        var taxi = TaxiRows();
        var stretches = new[] { ("summer", 0, 3_000), ("autumn", 4_000, 2_500), ("winter", 7_000, 3_320) };
        var rows = stretches.SelectMany(s => taxi.Skip(s.Item2).Take(s.Item3).Select((r, i) => (Order: i, Row: new StretchReading { Stretch = s.Item1, At = r.At, Passengers = r.Passengers })))
            .OrderBy(p => p.Order).Select(p => p.Row).ToList();

        var model = StretchForecast.Train(rows);
        Assert.Equal(["summer", "autumn", "winter"], model.Pipeline.SeriesIds);
        var report = model.Evaluate();
        Assert.Equal(3, report.Series);
        Assert.Equal(3 * 48, report.TestRows);
        Assert.Equal(3, report.Samples.Count);
        Assert.True(report.TestMetrics["Owa"] < 1, $"OWA {report.TestMetrics["Owa"]}");

        foreach (var (id, start, count) in stretches)
        {
            var next = model.Forecast(id);
            Assert.Equal(taxi[start + count - 1].At.AddMinutes(30), next[0].Time);
        }

        Assert.Contains("has no series 'spring'", Assert.Throws<ArgumentException>(() => model.Forecast("spring")).Message, StringComparison.Ordinal);
        Assert.Contains("forecasts 3 series: name one", Assert.Throws<InvalidOperationException>(() => model.Forecast()).Message, StringComparison.Ordinal);
        Assert.Contains("forecasts one series at a time", Assert.Throws<ArgumentException>(() => model.Forecast(rows)).Message, StringComparison.Ordinal);
    }

    private static List<TaxiReading> TaxiRows() =>
        File.ReadLines(Repository.PathOf("datasets", "nab-nyc-taxi", "nyc_taxi.csv")).Skip(1).Select(line => line.Split(','))
            .Select(f => new TaxiReading { At = DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Passengers = float.Parse(f[1], CultureInfo.InvariantCulture) })
            .ToList();
}
