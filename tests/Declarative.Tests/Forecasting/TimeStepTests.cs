using Declarative.Forecasting;

namespace Declarative.Tests.Forecasting;

/// <summary>The step a series' times keep, where months differ in length.</summary>
public sealed class TimeStepTests
{
    private static long[] Ticks(params DateOnly[] days) => [.. days.Select(d => d.ToDateTime(TimeOnly.MinValue).Ticks)];

    [Fact]
    public void QuarterEnds_StepByThreeMonths_OnTheMonthsLastDays()
    {
        var step = TimeStep.Infer(Ticks(new(2019, 12, 31), new(2020, 3, 31), new(2020, 6, 30), new(2020, 9, 30), new(2020, 12, 31)), dates: true);

        Assert.Equal(new TimeStep(0, 3, MonthEnd: true), step);
        Assert.Equal(new DateTime(2021, 3, 31), new DateTime(step.After(new DateTime(2020, 12, 31).Ticks, 1)));
        Assert.Equal(new DateTime(2021, 6, 30), new DateTime(step.After(new DateTime(2020, 12, 31).Ticks, 2)));
        Assert.Equal(3, step.StepsBetween(new DateTime(2020, 3, 31).Ticks, new DateTime(2020, 12, 31).Ticks, 10));
        Assert.Equal(-1, step.StepsBetween(new DateTime(2020, 3, 31).Ticks, new DateTime(2020, 12, 30).Ticks, 10));
    }

    [Fact]
    public void MonthEnds_KeepTheirTimeOfDay_AndLeapFebruaries()
    {
        var end = new DateTime(2024, 1, 31, 23, 0, 0);
        var step = new TimeStep(0, 1, MonthEnd: true);

        Assert.Equal(new DateTime(2024, 2, 29, 23, 0, 0), new DateTime(step.After(end.Ticks, 1)));
        Assert.Equal(new DateTime(2024, 4, 30, 23, 0, 0), new DateTime(step.After(end.Ticks, 3)));
        Assert.True(step.Fits(new DateTime(2023, 2, 28, 23, 0, 0).Ticks, new DateTime(2023, 3, 31, 23, 0, 0).Ticks));
    }

    [Fact]
    public void TheTwentyEighth_IsNotAMonthEnd_EvenInFebruary()
    {
        // A series on the 28th of every month passes through February's last day and stays on the 28th.
        var days = Enumerable.Range(0, 14).Select(m => new DateOnly(2023, 1, 28).AddMonths(m)).ToArray();
        var step = TimeStep.Infer(Ticks(days), dates: true);

        Assert.Equal(new TimeStep(0, 1), step);
        Assert.True(step.Fits(new DateTime(2023, 2, 28).Ticks, new DateTime(2023, 3, 28).Ticks));
    }

    [Fact]
    public void TheSameLastDayEveryYear_StepsAsEither()
    {
        // Every 31st of December: no shorter month end among the times, so the plain calendar step, which gives the same dates.
        var step = TimeStep.Infer(Ticks(new(2020, 12, 31), new(2021, 12, 31), new(2022, 12, 31)), dates: true);

        Assert.Equal(new TimeStep(0, 12), step);
        Assert.Equal(new DateTime(2023, 12, 31), new DateTime(step.After(new DateTime(2022, 12, 31).Ticks, 1)));
    }

    [Fact]
    public void Weekdays_StepByBusinessDays_AcrossWeekendsAndHolidays()
    {
        // Three weeks of weekdays at 09:30, one Wednesday (a holiday) left out.
        var days = Enumerable.Range(0, 21).Select(d => new DateTime(2024, 3, 4, 9, 30, 0).AddDays(d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d.Day != 13).Select(d => d.Ticks).ToArray();
        var step = TimeStep.Infer(days, dates: true);

        Assert.Equal(new TimeStep(TimeSpan.TicksPerDay, 0, BusinessDays: true), step);
        Assert.Equal(("1 business day", 5), (step.Describe(true), step.DefaultSeason()));
        var friday = new DateTime(2024, 3, 8, 9, 30, 0).Ticks;
        Assert.Equal(new DateTime(2024, 3, 11, 9, 30, 0), new DateTime(step.After(friday, 1)));
        Assert.Equal(new DateTime(2024, 3, 15, 9, 30, 0), new DateTime(step.After(friday, 5)));
        Assert.Equal(new DateTime(2024, 3, 19, 9, 30, 0), new DateTime(step.After(friday, 7)));
        Assert.Equal(new DateTime(2024, 3, 11, 9, 30, 0), new DateTime(step.After(new DateTime(2024, 3, 9, 9, 30, 0).Ticks, 1)));
        Assert.True(step.Fits(friday, new DateTime(2024, 3, 11, 9, 30, 0).Ticks));
        Assert.Equal(2, step.StepsBetween(new DateTime(2024, 3, 12, 9, 30, 0).Ticks, new DateTime(2024, 3, 14, 9, 30, 0).Ticks, 10));
        Assert.Equal(-1, step.StepsBetween(friday, new DateTime(2024, 3, 9, 9, 30, 0).Ticks, 10));
    }

    [Fact]
    public void ADailySeriesMissingAWeekend_IsStillDaily()
    {
        // Every day for five weeks but one weekend: a gap to fill, not a business-day series.
        var days = Enumerable.Range(0, 35).Select(d => new DateTime(2024, 3, 4).AddDays(d)).Where(d => d.Day is not (9 or 10)).Select(d => d.Ticks).ToArray();

        Assert.Equal(new TimeStep(TimeSpan.TicksPerDay, 0), TimeStep.Infer(days, dates: true));
    }
}
