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
}
