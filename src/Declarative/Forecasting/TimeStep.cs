using System.Globalization;

namespace Declarative.Forecasting;

/// <summary>
/// The regular step between a series' times: a fixed number of ticks (or of steps, for an integer time), or a number of
/// calendar months (monthly, quarterly and yearly data, whose steps in days differ).
/// </summary>
internal readonly record struct TimeStep(long Ticks, int Months)
{
    /// <summary>Whether the time is a date (ticks of a clock time) rather than a step number.</summary>
    public bool IsCalendar => Months > 0;

    /// <summary>The time <paramref name="steps"/> steps after <paramref name="time"/>.</summary>
    public long After(long time, int steps) =>
        Months > 0 ? new DateTime(time).AddMonths(Months * steps).Ticks : checked(time + Ticks * steps);

    /// <summary>The step between two consecutive times, when they are one step apart.</summary>
    public bool Fits(long previous, long next) => After(previous, 1) == next;

    /// <summary>
    /// The step a series' times keep: the most common gap, or whole months when every gap is 28 to 92 days on the same
    /// day of the month (or the last day).
    /// </summary>
    public static TimeStep Infer(IReadOnlyList<long> times, bool dates)
    {
        if (times.Count < 2)
        {
            return new TimeStep(dates ? TimeSpan.TicksPerDay : 1, 0);
        }

        if (dates && MonthsApart(times) is { } months)
        {
            return new TimeStep(0, months);
        }

        var gaps = new Dictionary<long, int>();
        for (var i = 1; i < times.Count; i++)
        {
            var gap = times[i] - times[i - 1];
            gaps[gap] = gaps.GetValueOrDefault(gap) + 1;
        }

        return new TimeStep(gaps.MaxBy(g => (g.Value, -g.Key)).Key, 0);
    }

    private static int? MonthsApart(IReadOnlyList<long> times)
    {
        var first = new DateTime(times[0]);
        var second = new DateTime(times[1]);
        var months = (second.Year - first.Year) * 12 + second.Month - first.Month;
        if (months is < 1 or > 12 || (second - first).TotalDays < 27)
        {
            return null;
        }

        var step = new TimeStep(0, months);
        var hits = 0;
        for (var i = 1; i < times.Count && i < 50; i++)
        {
            hits += step.Fits(times[i - 1], times[i]) || SameMonthEnd(times[i - 1], times[i], months) ? 1 : 0;
        }

        return hits >= Math.Min(times.Count - 1, 49) * 0.9 ? months : null;
    }

    private static bool SameMonthEnd(long previous, long next, int months)
    {
        var a = new DateTime(previous);
        var b = new DateTime(next);
        return a.Day == DateTime.DaysInMonth(a.Year, a.Month) && b.Day == DateTime.DaysInMonth(b.Year, b.Month) && a.AddMonths(months).Month == b.Month;
    }

    /// <summary>
    /// The season a step implies, as the M4 competition and common practice use it: a day of half-hours (48) or hours
    /// (24), a week of days (7), a year of weeks (52), months (12) or quarters (4); none for years and plain steps.
    /// </summary>
    public int DefaultSeason()
    {
        if (Months > 0)
        {
            return Months switch { 1 => 12, 3 => 4, _ => 1 };
        }

        var t = TimeSpan.FromTicks(Ticks);
        return t == TimeSpan.FromMinutes(30) ? 48
            : t == TimeSpan.FromHours(1) ? 24
            : t == TimeSpan.FromMinutes(15) ? 96
            : t == TimeSpan.FromMinutes(10) ? 144
            : t == TimeSpan.FromMinutes(5) ? 288
            : t == TimeSpan.FromDays(1) ? 7
            : t == TimeSpan.FromDays(7) ? 52
            : 1;
    }

    /// <summary>The step in words ("30 minutes", "7 days", "1 month", "1 step").</summary>
    public string Describe(bool dates)
    {
        static string Count(long n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
        if (Months > 0)
        {
            return Count(Months, "month");
        }

        if (!dates)
        {
            return Count(Ticks, "step");
        }

        var t = TimeSpan.FromTicks(Ticks);
        return t.Ticks % TimeSpan.TicksPerDay == 0 ? Count(t.Ticks / TimeSpan.TicksPerDay, "day")
            : t.Ticks % TimeSpan.TicksPerHour == 0 ? Count(t.Ticks / TimeSpan.TicksPerHour, "hour")
            : t.Ticks % TimeSpan.TicksPerMinute == 0 ? Count(t.Ticks / TimeSpan.TicksPerMinute, "minute")
            : t.ToString("c", CultureInfo.InvariantCulture);
    }
}
