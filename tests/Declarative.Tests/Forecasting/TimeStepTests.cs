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

    [Fact]
    public void TradingHours_StepFromTheDaysLastSlotToTheNextOpenDaysFirst()
    {
        // Half-hours from 09:30 to 16:00, Monday to Friday, as a market's prices come: two weeks, a Tuesday missing.
        var times = HalfHours(new DateTime(2024, 3, 4), 14, new TimeSpan(9, 30, 0), 14).Where(t => t.Date != new DateTime(2024, 3, 12)).Select(t => t.Ticks).ToArray();
        var step = TimeStep.Infer(times, dates: true);

        Assert.Equal(new TimeStep(TimeSpan.TicksPerHour / 2, 0, BusinessDays: true, Open: new TimeSpan(9, 30, 0).Ticks, Slots: 14), step);
        Assert.Equal(14, step.DefaultSeason());
        Assert.Equal("30 minutes (09:30–16:00, Monday to Friday)", step.Describe(dates: true));
        var friday = new DateTime(2024, 3, 8, 16, 0, 0);
        Assert.Equal(new DateTime(2024, 3, 11, 9, 30, 0), new DateTime(step.After(friday.Ticks, 1)));
        Assert.Equal(new DateTime(2024, 3, 11, 10, 0, 0), new DateTime(step.After(friday.Ticks, 2)));
        Assert.Equal(new DateTime(2024, 3, 18, 9, 30, 0), new DateTime(step.After(friday.Ticks, 1 + (14 * 5))));
        Assert.Equal(new DateTime(2024, 3, 8, 15, 30, 0), new DateTime(step.After(new DateTime(2024, 3, 8, 9, 30, 0).Ticks, 12)));
        Assert.True(step.Fits(friday.Ticks, new DateTime(2024, 3, 11, 9, 30, 0).Ticks));
        Assert.False(step.Fits(friday.Ticks, new DateTime(2024, 3, 8, 16, 30, 0).Ticks));

        // The missing Tuesday is a gap of a day's fourteen slots to fill; a time off the hours is not a whole number of steps.
        Assert.Equal(15, step.StepsBetween(new DateTime(2024, 3, 11, 16, 0, 0).Ticks, new DateTime(2024, 3, 13, 9, 30, 0).Ticks, 100));
        Assert.Equal(-1, step.StepsBetween(new DateTime(2024, 3, 11, 16, 0, 0).Ticks, new DateTime(2024, 3, 11, 17, 0, 0).Ticks, 100));
    }

    [Fact]
    public void OpeningHoursEveryDay_AndRoundTheClock_AreToldApart()
    {
        // A shop's hours, 08:00 to 20:00 every day: the weekend is open, so a Saturday follows a Friday.
        var shop = Enumerable.Range(0, 10).SelectMany(d => Enumerable.Range(0, 13).Select(h => new DateTime(2024, 3, 1).AddDays(d).AddHours(8 + h).Ticks)).ToArray();
        var step = TimeStep.Infer(shop, dates: true);
        Assert.Equal(new TimeStep(TimeSpan.TicksPerHour, 0, Open: 8 * TimeSpan.TicksPerHour, Slots: 13), step);
        Assert.Equal(new DateTime(2024, 3, 2, 8, 0, 0), new DateTime(step.After(new DateTime(2024, 3, 1, 20, 0, 0).Ticks, 1)));
        Assert.Equal("1 hour (08:00–20:00, every day)", step.Describe(dates: true));

        // Round the clock with a night missing is hourly, not opening hours (a gap to fill).
        var clock = Enumerable.Range(0, 24 * 10).Where(h => h is < 50 or > 60).Select(h => new DateTime(2024, 3, 1).AddHours(h).Ticks).ToArray();
        Assert.Equal(new TimeStep(TimeSpan.TicksPerHour, 0), TimeStep.Infer(clock, dates: true));

        // Within one day no night is seen: the plain step.
        Assert.Equal(new TimeStep(TimeSpan.TicksPerHour, 0), TimeStep.Infer(shop[..13], dates: true));
    }

    [Fact]
    public void HoursPastMidnight_BelongToTheDayTheirOpeningBegan()
    {
        // A bar's hours, 18:00 to 02:00 every day: the night is the day's longest stretch with no time, so the day opens
        // at 18:00, and the step after 02:00 is 18:00 the same date (that evening's opening).
        var bar = Enumerable.Range(0, 10).SelectMany(d => Enumerable.Range(0, 9).Select(h => new DateTime(2024, 3, 1).AddDays(d).AddHours(18 + h).Ticks)).ToArray();
        var step = TimeStep.Infer(bar, dates: true);
        Assert.Equal(new TimeStep(TimeSpan.TicksPerHour, 0, Open: 18 * TimeSpan.TicksPerHour, Slots: 9), step);
        Assert.Equal(("1 hour (18:00–02:00, every day)", 9), (step.Describe(dates: true), step.DefaultSeason()));
        Assert.Equal(new DateTime(2024, 3, 3, 0, 0, 0), new DateTime(step.After(new DateTime(2024, 3, 2, 23, 0, 0).Ticks, 1)));
        Assert.Equal(new DateTime(2024, 3, 3, 18, 0, 0), new DateTime(step.After(new DateTime(2024, 3, 3, 2, 0, 0).Ticks, 1)));
        Assert.Equal(new DateTime(2024, 3, 4, 1, 0, 0), new DateTime(step.After(new DateTime(2024, 3, 3, 1, 0, 0).Ticks, 9)));
        Assert.Equal(10, step.StepsBetween(new DateTime(2024, 3, 3, 1, 0, 0).Ticks, new DateTime(2024, 3, 4, 2, 0, 0).Ticks, 100));

        // A night shift's hours, 22:00 to 06:00 on the nights that begin Monday to Friday: Friday's night ends on
        // Saturday morning, and the step after it is Monday at 22:00.
        var shift = Enumerable.Range(0, 14).Select(d => new DateTime(2024, 3, 4).AddDays(d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .SelectMany(d => Enumerable.Range(0, 9).Select(h => d.AddHours(22 + h).Ticks)).ToArray();
        var nights = TimeStep.Infer(shift, dates: true);
        Assert.Equal(new TimeStep(TimeSpan.TicksPerHour, 0, BusinessDays: true, Open: 22 * TimeSpan.TicksPerHour, Slots: 9), nights);
        Assert.Equal("1 hour (22:00–06:00, Monday to Friday)", nights.Describe(dates: true));
        Assert.Equal(new DateTime(2024, 3, 11, 22, 0, 0), new DateTime(nights.After(new DateTime(2024, 3, 9, 6, 0, 0).Ticks, 1)));
        Assert.Equal(new DateTime(2024, 3, 9, 0, 0, 0), new DateTime(nights.After(new DateTime(2024, 3, 8, 23, 0, 0).Ticks, 1)));
    }

    [Fact]
    public void AMiddayBreak_IsSteppedOver_AndOneBreakADayAtMost()
    {
        // Tokyo's trading half-hours, 09:00 to 11:00 and 12:30 to 15:00, Monday to Friday: two weeks, a Wednesday missing.
        var times = HalfHours(new DateTime(2024, 3, 4), 14, new TimeSpan(9, 0, 0), 12).Where(t => t.TimeOfDay != new TimeSpan(11, 30, 0))
            .Select(t => t.TimeOfDay > new TimeSpan(11, 30, 0) ? t.AddMinutes(30) : t).Where(t => t.Date != new DateTime(2024, 3, 13)).Select(t => t.Ticks).ToArray();
        var step = TimeStep.Infer(times, dates: true);

        Assert.Equal(new TimeStep(TimeSpan.TicksPerHour / 2, 0, BusinessDays: true, Open: 9 * TimeSpan.TicksPerHour, Slots: 11, BreakAt: 5, Pause: TimeSpan.TicksPerHour), step);
        Assert.Equal(("30 minutes (09:00–11:00, 12:30–15:00, Monday to Friday)", 11), (step.Describe(dates: true), step.DefaultSeason()));
        var monday = new DateTime(2024, 3, 11);
        Assert.Equal(monday.AddHours(12.5), new DateTime(step.After(monday.AddHours(11).Ticks, 1)));
        Assert.Equal(monday.AddHours(13), new DateTime(step.After(monday.AddHours(10.5).Ticks, 3)));
        Assert.Equal(monday.AddHours(9), new DateTime(step.After(new DateTime(2024, 3, 8, 15, 0, 0).Ticks, 1)));
        Assert.Equal(monday.AddDays(1).AddHours(12.5), new DateTime(step.After(monday.AddHours(12.5).Ticks, 11)));
        Assert.Equal(2, step.StepsBetween(monday.AddHours(11).Ticks, monday.AddHours(13).Ticks, 100));
        Assert.Equal(-1, step.StepsBetween(monday.AddHours(11).Ticks, monday.AddHours(11.5).Ticks, 100));

        // Two breaks a day are not opening hours: the plain step, with gaps.
        var twice = Enumerable.Range(0, 10).SelectMany(d => new[] { 9, 10, 12, 14, 15 }.Select(h => new DateTime(2024, 3, 1).AddDays(d).AddHours(h).Ticks)).ToArray();
        Assert.Equal(new TimeStep(TimeSpan.TicksPerHour, 0), TimeStep.Infer(twice, dates: true));
    }

    private static IEnumerable<DateTime> HalfHours(DateTime monday, int days, TimeSpan open, int slots) =>
        Enumerable.Range(0, days).Select(d => monday.AddDays(d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .SelectMany(d => Enumerable.Range(0, slots).Select(k => d + open + TimeSpan.FromMinutes(30 * k)));
}
