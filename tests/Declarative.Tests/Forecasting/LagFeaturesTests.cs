using Declarative.Forecasting;

namespace Declarative.Tests.Forecasting;

/// <summary>The global trees' features: which calendar they read, and where.</summary>
public sealed class LagFeaturesTests
{
    private static readonly TimeStep Daily = new(TimeSpan.TicksPerDay, 0);

    [Fact]
    public void TheDaysOfTheYearAndMonth_AreReadFromTwoOfTheirCycles_AtStepsOfADayOrLess()
    {
        var (twoYears, twoMonths) = (LagFeatures.YearDayHistory, LagFeatures.MonthDayHistory);
        var plain = LagFeatures.For(7, Daily, dates: true);
        Assert.False(plain.YearDay || plain.MonthDay);

        var years = LagFeatures.For(7, Daily, dates: true, span: twoYears);
        Assert.True(years.YearDay && years.MonthDay);
        Assert.Equal(plain.Count + 2, years.Count);

        // Less than two cycles: each day would be seen once at most, a step counter rather than a place in a cycle.
        var months = LagFeatures.For(7, Daily, dates: true, span: twoYears - TimeSpan.TicksPerDay);
        Assert.True(!months.YearDay && months.MonthDay);
        Assert.Equal(plain.Count + 1, months.Count);
        Assert.False(LagFeatures.For(7, Daily, dates: true, span: twoMonths - TimeSpan.TicksPerDay).MonthDay);

        // A step longer than a day skips days: a weekly series' day of the month is which week it is, a monthly
        // one's the first; integer steps have no calendar.
        var weekly = LagFeatures.For(52, new TimeStep(7 * TimeSpan.TicksPerDay, 0), dates: true, span: 10 * twoYears);
        Assert.False(weekly.YearDay || weekly.MonthDay);
        var monthly = LagFeatures.For(12, new TimeStep(0, 1), dates: true, span: 10 * twoYears);
        Assert.False(monthly.YearDay || monthly.MonthDay);
        Assert.True(LagFeatures.For(24, new TimeStep(TimeSpan.TicksPerHour, 0), dates: true, span: twoYears).MonthDay);
        var steps = LagFeatures.For(7, new TimeStep(1, 0), dates: false, span: twoYears);
        Assert.False(steps.YearDay || steps.MonthDay);
    }

    [Fact]
    public void TheDayOfTheYear_IsTheSameDateEveryYear_LeapYearsIncluded()
    {
        var features = LagFeatures.For(7, Daily, dates: true, span: LagFeatures.YearDayHistory);
        float[] At(DateTime day)
        {
            var row = new float[features.Count];
            features.Fill(row, new double[features.Lags], day.Ticks);
            return row;
        }

        float YearDay(DateTime day) => At(day)[features.Lags + 5];

        // Christmas is day 359 of 2003 and day 360 of 2004 by DayOfYear; the feature gives both one value, after
        // December 24th's and before December 26th's. The day of the month follows it.
        Assert.Equal(YearDay(new DateTime(2003, 12, 25)), YearDay(new DateTime(2004, 12, 25)));
        Assert.Equal((11 * 31) + 25, YearDay(new DateTime(2004, 12, 25)));
        Assert.True(YearDay(new DateTime(2004, 12, 24)) < YearDay(new DateTime(2004, 12, 25)) && YearDay(new DateTime(2004, 12, 25)) < YearDay(new DateTime(2004, 12, 26)));
        Assert.True(YearDay(new DateTime(2004, 2, 29)) < YearDay(new DateTime(2004, 3, 1)));
        Assert.Equal(13, At(new DateTime(2003, 6, 13))[features.Lags + 6]);

        // Without two years of history the day of the month takes the day of the year's place.
        var months = LagFeatures.For(7, Daily, dates: true, span: LagFeatures.MonthDayHistory);
        var row = new float[months.Count];
        months.Fill(row, new double[months.Lags], new DateTime(2003, 6, 13).Ticks);
        Assert.Equal(13, row[months.Lags + 5]);
    }

    [Fact]
    public void AModelFileFromBeforeTheDaysOfTheYearAndMonth_ReadsWithout()
    {
        // Files written before these features existed have neither: their trees read the three calendar features they
        // were trained on.
        var features = LagFeatures.For(7, Daily, dates: true);
        var json = System.Text.Json.JsonSerializer.Serialize(features, ForecasterJsonContext.Default.LagFeatures);
        var before = json.Replace(",\"YearDay\":false,\"MonthDay\":false", "", StringComparison.Ordinal);
        Assert.NotEqual(json, before);
        Assert.Equal(features, System.Text.Json.JsonSerializer.Deserialize(before, ForecasterJsonContext.Default.LagFeatures));
    }

    [Fact]
    public void APastCovariate_IsReadAtTheOrigin_OverItsOwnLevel_WithHowOldItIs()
    {
        var features = LagFeatures.For(4, new TimeStep(1, 0), dates: false, direct: true, past: 1);
        var plain = LagFeatures.For(4, new TimeStep(1, 0), dates: false, direct: true);
        Assert.Equal(plain.Count + 3, features.Count);

        // Observed 1, 2, …, 20 up to the origin (index 19); what lies after it is never read.
        double[] observed = [.. Enumerable.Range(1, 20).Select(v => (double)v), 1e6, -1e6];
        float[] Row(double[] values, int stale)
        {
            var row = new float[features.Count];
            features.Fill(row, new double[features.Lags], 20, ahead: 3, observed: [values], origin: 19, stale: stale);
            return row;
        }

        var row = Row(observed, 3);
        Assert.Equal(row, Row([.. observed[..20], 0, 0], 3));

        // The latest value and the last season's mean (17 to 20), over the mean of the last 16 (5 to 20: 12.5); then
        // the steps since the origin, after the direct form's steps ahead.
        var start = plain.Count;
        Assert.Equal((float)(20 / 12.5), row[start]);
        Assert.Equal((float)(18.5 / 12.5), row[start + 1]);
        Assert.Equal(3, row[^1]);
        Assert.Equal(3, row[plain.Count - 1]);
        Assert.Equal(7, Row(observed, 7)[^1]);
    }

    [Fact]
    public void AModelFileWithoutPastCovariates_KeepsItsBytes()
    {
        // The count is written only when there are some, so a forecaster trained before them writes what it wrote.
        var json = System.Text.Json.JsonSerializer.Serialize(LagFeatures.For(7, Daily, dates: true), ForecasterJsonContext.Default.LagFeatures);
        Assert.DoesNotContain("PastCovariates", json, StringComparison.Ordinal);
        Assert.Contains("\"PastCovariates\":2", System.Text.Json.JsonSerializer.Serialize(LagFeatures.For(7, Daily, dates: true, past: 2), ForecasterJsonContext.Default.LagFeatures), StringComparison.Ordinal);
    }

    [Fact]
    public void ALongSeason_ReadsTheNearestLags_AndTheThreeAroundTheSeason()
    {
        // Five-minute steps, a day of 288: the last 48 and 287, 288 and 289 steps back, not all of the last 400.
        var fiveMinutes = new TimeStep(TimeSpan.TicksPerMinute * 5, 0);
        var features = LagFeatures.For(288, fiveMinutes, dates: true);
        Assert.Equal((400, 48, 51), (features.Lags, features.Near, features.LagCount));
        Assert.Equal(LagFeatures.For(288, fiveMinutes, dates: true, consecutive: true).Count - 349, features.Count);

        var past = Enumerable.Range(0, 1000).Select(v => (double)v).ToArray();
        var row = new float[features.Count];
        features.Fill(row, past, new DateTime(2014, 3, 7, 12, 0, 0).Ticks);
        Assert.Equal([999, 998], row[..2]);
        Assert.Equal(952, row[47]);
        Assert.Equal([1000 - 287, 1000 - 288, 1000 - 289], row[48..51]);

        // The means still read every lag: the last season's and the last 400's; then the calendar.
        Assert.Equal((float)(999 - (287 / 2.0)), row[51]);
        Assert.Equal((float)(999 - (399 / 2.0)), row[52]);
        Assert.Equal(12, row[53]);

        // Seasons of 100 or less read every lag (half-hours' 96, hours' 48), and a model file without sparse lags keeps its bytes.
        var halfHours = LagFeatures.For(48, new TimeStep(TimeSpan.TicksPerMinute * 30, 0), dates: true);
        Assert.Equal((0, 96), (halfHours.Near, halfHours.LagCount));
        Assert.DoesNotContain("Near", System.Text.Json.JsonSerializer.Serialize(halfHours, ForecasterJsonContext.Default.LagFeatures), StringComparison.Ordinal);
    }

    [Fact]
    public void AForecasterOfALongSeason_SavesItsSparseLags_AndForecastsTheSameLoaded()
    {
        using var dir = new TempDirectory();
        var model = Declarative.Tests.Pipelines.AmbientWeeklyForecast.Train();
        var next = model.Forecast();
        Assert.Equal(24, next.Count);

        var path = Path.Combine(dir.Path, "ambient.mlnet");
        model.Save(path);
        Assert.Equal(next, Declarative.Tests.Pipelines.AmbientWeeklyForecast.Load(path).Forecast());
        var file = File.ReadAllText(path);
        Assert.Contains("\"Near\":48", file, StringComparison.Ordinal);
        Assert.Contains("trees over 51 of the last 336 lags", file, StringComparison.Ordinal);
    }
}
