using System.Globalization;

namespace Declarative.Forecasting;

/// <summary>
/// The regular step between a series' times: a fixed number of ticks (or of steps, for an integer time), or a number of
/// calendar months (monthly, quarterly and yearly data, whose steps in days differ), kept on the months' last days when
/// <paramref name="MonthEnd"/> (Jan 31, Feb 28, Mar 31: how pandas' month-end frequency and many exports write months),
/// or a business day when <paramref name="BusinessDays"/> (a day, Friday to Monday: prices, trading volumes, office
/// figures). A step shorter than a day may keep to opening hours: <paramref name="Slots"/> times a day from
/// <paramref name="Open"/> (ticks after midnight), every day or, with <paramref name="BusinessDays"/>, Monday to Friday
/// (a market's trading hours, an office's or a shop's): the step after a day's last slot is the next open day's first.
/// The hours may run past midnight (a bar's 18:00–02:00, a night shift's): a time belongs to the day its opening began.
/// They may close once a day (a midday break): after the first <paramref name="BreakAt"/> slots the next is
/// <paramref name="Pause"/> ticks later than a step.
/// </summary>
internal readonly record struct TimeStep(long Ticks, int Months, bool MonthEnd = false, bool BusinessDays = false, long Open = 0, int Slots = 0, int BreakAt = 0, long Pause = 0)
{
    /// <summary>Whether the time is a date (ticks of a clock time) rather than a step number.</summary>
    public bool IsCalendar => Months > 0;

    /// <summary>Whether the step keeps to opening hours (<see cref="Slots"/> a day from <see cref="Open"/>).</summary>
    public bool InHours => Slots > 0;

    /// <summary>The time <paramref name="steps"/> steps after <paramref name="time"/>.</summary>
    public long After(long time, int steps)
    {
        if (InHours)
        {
            return AfterInHours(new DateTime(time), steps);
        }

        if (BusinessDays)
        {
            return AfterBusinessDays(new DateTime(time), steps).Ticks;
        }

        if (Months == 0)
        {
            return checked(time + Ticks * steps);
        }

        var from = new DateTime(time);
        var to = from.AddMonths(Months * steps);
        return MonthEnd ? new DateTime(to.Year, to.Month, DateTime.DaysInMonth(to.Year, to.Month)).Add(from.TimeOfDay).Ticks : to.Ticks;
    }

    /// <summary>The step between two consecutive times, when they are one step apart.</summary>
    public bool Fits(long previous, long next) => After(previous, 1) == next;

    /// <summary>How many steps lead from <paramref name="from"/> to <paramref name="to"/>, or -1 when no whole number up to <paramref name="max"/> does.</summary>
    public int StepsBetween(long from, long to, int max)
    {
        if (!IsCalendar && !BusinessDays && !InHours)
        {
            var gap = to - from;
            return gap > 0 && gap % Ticks == 0 && gap / Ticks <= max ? (int)(gap / Ticks) : -1;
        }

        for (var k = 1; k <= max; k++)
        {
            var next = After(from, k);
            if (next >= to)
            {
                return next == to ? k : -1;
            }
        }

        return -1;
    }

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
            return new TimeStep(0, months, OnMonthEnds(times));
        }

        if (dates && OnBusinessDays(times))
        {
            return new TimeStep(TimeSpan.TicksPerDay, 0, BusinessDays: true);
        }

        var gaps = new Dictionary<long, int>();
        for (var i = 1; i < times.Count; i++)
        {
            var gap = times[i] - times[i - 1];
            gaps[gap] = gaps.GetValueOrDefault(gap) + 1;
        }

        var usual = new TimeStep(gaps.MaxBy(g => (g.Value, -g.Key)).Key, 0);
        return dates && InOpeningHours(times, usual.Ticks) is { } hours ? hours : usual;
    }

    /// <summary>
    /// The opening hours a series' times keep at <paramref name="ticks"/> (a step shorter than a day), or null: the day
    /// opens after the longest stretch of it with no time (the night, which may hold midnight) and runs to the latest time
    /// before that stretch, each time of day a step after the one before but for one longer gap at most (a break); at
    /// least one night (or weekend) passed from a day's last slot to the next open day's first; and nine gaps in ten a
    /// step, the break or such a night. Monday to Friday when no opening began on a weekend and some Friday's is followed
    /// by a Monday's.
    /// </summary>
    private static TimeStep? InOpeningHours(IReadOnlyList<long> times, long ticks)
    {
        if (ticks <= 0 || ticks >= TimeSpan.TicksPerDay || TimeSpan.TicksPerDay % ticks != 0)
        {
            return null;
        }

        var seen = times.Select(t => new DateTime(t).TimeOfDay.Ticks).Distinct().Order().ToArray();

        // The times of day on a circle: the night is the longest gap between two of them (the one over midnight on a tie).
        var (first, night) = (0, seen[0] + TimeSpan.TicksPerDay - seen[^1]);
        for (var i = 1; i < seen.Length; i++)
        {
            if (seen[i] - seen[i - 1] > night)
            {
                (first, night) = (i, seen[i] - seen[i - 1]);
            }
        }

        // From the opening, every time a step after the one before, but for one longer gap at most: the break.
        var open = seen[first];
        var offsets = Enumerable.Range(0, seen.Length).Select(i => (seen[(first + i) % seen.Length] - open + TimeSpan.TicksPerDay) % TimeSpan.TicksPerDay).ToArray();
        var (breakAt, pause) = (0, 0L);
        for (var i = 1; i < offsets.Length; i++)
        {
            var gap = offsets[i] - offsets[i - 1];
            if (gap == ticks)
            {
                continue;
            }

            if (gap < ticks || breakAt > 0)
            {
                return null;
            }

            (breakAt, pause) = (i, gap - ticks);
        }

        if (night <= ticks)
        {
            return null;
        }

        var slots = offsets.Length;
        var days = times.Select(t => OpeningDay(t, open)).ToArray();
        var weekdaysOnly = days.All(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) && Enumerable.Range(1, days.Length - 1).Any(i =>
            days[i - 1].DayOfWeek == DayOfWeek.Friday && days[i].DayOfWeek == DayOfWeek.Monday && days[i] - days[i - 1] < TimeSpan.FromDays(4));
        var hours = new TimeStep(ticks, 0, BusinessDays: weekdaysOnly, Open: open, Slots: slots, BreakAt: breakAt, Pause: pause);
        var (fits, nights) = (0, 0);
        for (var i = 1; i < times.Count; i++)
        {
            if (hours.Fits(times[i - 1], times[i]))
            {
                fits++;
                nights += days[i] != days[i - 1] ? 1 : 0;
            }
        }

        return nights >= 1 && fits >= 0.9 * (times.Count - 1) ? hours : null;
    }

    /// <summary>The date on which the opening that holds <paramref name="time"/> began (the day before, past midnight).</summary>
    private static DateTime OpeningDay(long time, long open) => new DateTime(Math.Max(time - open, 0)).Date;

    /// <summary>The slot <paramref name="steps"/> after <paramref name="from"/>, a day's last slot followed by the next open day's first.</summary>
    private long AfterInHours(DateTime from, int steps)
    {
        var opened = OpeningDay(from.Ticks, Open);
        var (days, rest) = Math.DivRem(SlotAt(from.Ticks - Open - opened.Ticks) + steps, Slots);
        var day = BusinessDays ? AfterBusinessDays(opened, (int)days) : opened.AddDays(days);
        return day.Ticks + Open + Offset((int)rest);
    }

    /// <summary>How long after the opening <paramref name="slot"/> is: whole steps, and the break's pause once past it.</summary>
    public long Offset(int slot) => (slot * Ticks) + (Pause > 0 && slot >= BreakAt ? Pause : 0);

    /// <summary>The slot at <paramref name="offset"/> ticks after the opening (in the break, the last slot before it).</summary>
    private long SlotAt(long offset)
    {
        var slot = Pause > 0 && offset >= BreakAt * Ticks ? Math.Max((offset - Pause) / Ticks, BreakAt - 1) : offset / Ticks;
        return Math.Clamp(slot, 0, Slots - 1);
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

    /// <summary>
    /// Whether the times are business days: each a Monday to Friday at one time of day, mostly a day apart, and some
    /// Friday followed by the Monday after it (a daily series that lacks a weekend now and then has weekend days).
    /// </summary>
    private static bool OnBusinessDays(IReadOnlyList<long> times)
    {
        var first = new DateTime(times[0]);
        var (days, weekends) = (0, 0);
        for (var i = 0; i < times.Count; i++)
        {
            var t = new DateTime(times[i]);
            if (t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || t.TimeOfDay != first.TimeOfDay)
            {
                return false;
            }

            if (i > 0)
            {
                var gap = times[i] - times[i - 1];
                days += gap == TimeSpan.TicksPerDay ? 1 : 0;
                weekends += gap == 3 * TimeSpan.TicksPerDay && t.DayOfWeek == DayOfWeek.Monday ? 1 : 0;
            }
        }

        return weekends >= 1 && days > times.Count / 2;
    }

    /// <summary>The business day <paramref name="steps"/> after <paramref name="from"/> (a weekend day counts from the Friday before it).</summary>
    private static DateTime AfterBusinessDays(DateTime from, int steps)
    {
        var weekday = ((int)from.DayOfWeek + 6) % 7; // Monday 0 … Sunday 6
        if (weekday > 4)
        {
            from = from.AddDays(4 - weekday);
            weekday = 4;
        }

        var (weeks, rest) = (steps / 5, steps % 5);
        return from.AddDays((7 * weeks) + rest + (weekday + rest > 4 ? 2 : 0));
    }

    /// <summary>
    /// Whether the times are months' last days that differ (Jan 31, Feb 28): such a series steps from month end to month
    /// end. (Times all on one day, say the 31st of December, step the same either way.)
    /// </summary>
    private static bool OnMonthEnds(IReadOnlyList<long> times)
    {
        static bool IsLastDay(DateTime t) => t.Day == DateTime.DaysInMonth(t.Year, t.Month);
        var sample = times.Take(50).Select(t => new DateTime(t)).ToArray();
        return sample.All(IsLastDay) && sample.Select(t => t.Day).Distinct().Skip(1).Any();
    }

    private static bool SameMonthEnd(long previous, long next, int months)
    {
        var a = new DateTime(previous);
        var b = new DateTime(next);
        return a.Day == DateTime.DaysInMonth(a.Year, a.Month) && b.Day == DateTime.DaysInMonth(b.Year, b.Month) && a.AddMonths(months).Month == b.Month;
    }

    /// <summary>
    /// The season a step implies, as the M4 competition and common practice use it: a day of half-hours (48) or hours
    /// (24), a week of days (7) or of business days (5), a year of weeks (52), months (12) or quarters (4); none for years and plain steps.
    /// </summary>
    public int DefaultSeason()
    {
        if (Months > 0)
        {
            return Months switch { 1 => 12, 3 => 4, _ => 1 };
        }

        if (InHours)
        {
            return Slots;
        }

        if (BusinessDays)
        {
            return 5;
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

    /// <summary>The step in words ("30 minutes", "7 days", "1 month", "1 month (on the months' last days)", "1 step", "30 minutes (09:30–16:00, Monday to Friday)").</summary>
    public string Describe(bool dates)
    {
        static string Count(long n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
        if (Months > 0)
        {
            return MonthEnd ? $"{Count(Months, "month")} (on the months' last days)" : Count(Months, "month");
        }

        if (!dates)
        {
            return Count(Ticks, "step");
        }

        if (BusinessDays && !InHours)
        {
            return "1 business day";
        }

        var t = TimeSpan.FromTicks(Ticks);
        static string At(long ticks) => TimeSpan.FromTicks(ticks % TimeSpan.TicksPerDay).ToString("hh\\:mm", CultureInfo.InvariantCulture);
        var days = BusinessDays ? "Monday to Friday" : "every day";
        var hours = !InHours ? ""
            : Pause > 0 ? $" ({At(Open)}–{At(Open + Offset(BreakAt - 1))}, {At(Open + Offset(BreakAt))}–{At(Open + Offset(Slots - 1))}, {days})"
            : $" ({At(Open)}–{At(Open + Offset(Slots - 1))}, {days})";
        return (t.Ticks % TimeSpan.TicksPerDay == 0 ? Count(t.Ticks / TimeSpan.TicksPerDay, "day")
            : t.Ticks % TimeSpan.TicksPerHour == 0 ? Count(t.Ticks / TimeSpan.TicksPerHour, "hour")
            : t.Ticks % TimeSpan.TicksPerMinute == 0 ? Count(t.Ticks / TimeSpan.TicksPerMinute, "minute")
            : t.ToString("c", CultureInfo.InvariantCulture)) + hours;
    }
}
