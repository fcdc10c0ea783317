using Declarative.Forecasting;

namespace Declarative.Tests.Forecasting;

/// <summary>The global trees' features: which calendar they read, and where.</summary>
public sealed class LagFeaturesTests
{
    private static readonly TimeStep Daily = new(TimeSpan.TicksPerDay, 0);

    [Fact]
    public void TheDayOfTheYear_IsReadFromTwoYearsOfHistory_AtStepsShorterThanAMonth()
    {
        var twoYears = LagFeatures.YearDayHistory;
        var daily = LagFeatures.For(7, Daily, dates: true, span: twoYears);
        Assert.True(daily.YearDay);
        Assert.Equal(LagFeatures.For(7, Daily, dates: true).Count + 1, daily.Count);

        // Less than two years: each day of the year would be seen once at most, a step counter rather than a cycle.
        Assert.False(LagFeatures.For(7, Daily, dates: true, span: twoYears - TimeSpan.TicksPerDay).YearDay);

        // A monthly step's day of the year is its month (read already); integer steps have no calendar.
        Assert.False(LagFeatures.For(12, new TimeStep(0, 1), dates: true, span: 10 * twoYears).YearDay);
        Assert.False(LagFeatures.For(7, new TimeStep(1, 0), dates: false, span: twoYears).YearDay);
    }

    [Fact]
    public void TheDayOfTheYear_IsTheSameDateEveryYear_LeapYearsIncluded()
    {
        var features = LagFeatures.For(7, Daily, dates: true, span: LagFeatures.YearDayHistory);
        float At(DateTime day)
        {
            var row = new float[features.Count];
            features.Fill(row, new double[features.Lags], day.Ticks);
            return row[features.Lags + 5];
        }

        // Christmas is day 359 of 2003 and day 360 of 2004 by DayOfYear; the feature gives both one value, after
        // December 24th's and before December 26th's.
        Assert.Equal(At(new DateTime(2003, 12, 25)), At(new DateTime(2004, 12, 25)));
        Assert.Equal((11 * 31) + 25, At(new DateTime(2004, 12, 25)));
        Assert.True(At(new DateTime(2004, 12, 24)) < At(new DateTime(2004, 12, 25)) && At(new DateTime(2004, 12, 25)) < At(new DateTime(2004, 12, 26)));
        Assert.True(At(new DateTime(2004, 2, 29)) < At(new DateTime(2004, 3, 1)));
    }

    [Fact]
    public void AModelFileFromBeforeTheDayOfTheYear_ReadsWithout()
    {
        // Files written before the feature existed have no YearDay: their trees read the three calendar features they
        // were trained on.
        var features = LagFeatures.For(7, Daily, dates: true);
        var json = System.Text.Json.JsonSerializer.Serialize(features, ForecasterJsonContext.Default.LagFeatures);
        var before = json.Replace(",\"YearDay\":false", "", StringComparison.Ordinal);
        Assert.NotEqual(json, before);
        Assert.Equal(features, System.Text.Json.JsonSerializer.Deserialize(before, ForecasterJsonContext.Default.LagFeatures));
    }
}
