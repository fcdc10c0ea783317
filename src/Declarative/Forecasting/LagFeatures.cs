using System.Text.Json.Serialization;

namespace Declarative.Forecasting;

/// <summary>
/// The features a global tree model reads to forecast one step of a series: the last <see cref="Lags"/> values, the
/// means of the last season and of all the lags, and where the step falls in the calendar (for dates the time of day,
/// the day of the week and the month, then, at a step of a day or less, the day of the year and the day of the month
/// where the history holds each of their cycles twice; the position in the season for steps). Values are divided by
/// the series' scale (its mean absolute value over the last lags), so one model serves series of any level. Then the
/// <see cref="Covariates"/> at the step forecast, as they are (known ahead, so the model reads the ones of the step it
/// forecasts). Then the <see cref="PastCovariates"/> as they were at the origin, the last step known (each its latest
/// value and its last season's mean, over its own scale), and how many steps the step forecast lies after it.
/// </summary>
internal sealed record LagFeatures(int Lags, int Season, bool Dates, long StepTicks, bool Direct = false, int Covariates = 0, bool YearDay = false, bool MonthDay = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int PastCovariates = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Near = 0)
{
    /// <summary>
    /// A season longer than this reads its lags sparsely (<see cref="Near"/>): five minutes' 288 steps would be 400
    /// lags, most of them neighbours that say the same, and the trees' cost grows with every feature.
    /// </summary>
    public const int LongSeason = 100;

    /// <summary>The lags a long season reads one by one before the season's own (the last four hours of five-minute steps).</summary>
    public const int NearLags = 48;

    /// <summary>The most covariates a model reads (a hostile model file cannot ask for more).</summary>
    public const int MaxCovariates = 1_000;

    /// <summary>The history the day of the year needs: two years, so that each day is seen at least twice.</summary>
    public static readonly long YearDayHistory = TimeSpan.FromDays(2 * 365).Ticks;

    /// <summary>The history the day of the month needs: two months.</summary>
    public static readonly long MonthDayHistory = TimeSpan.FromDays(2 * 31).Ticks;

    /// <summary>
    /// The features for <paramref name="season"/> and <paramref name="step"/>. With dates at a step of a day or less, the
    /// day of the year and the day of the month are among them when the longest series spans (<paramref name="span"/>,
    /// in ticks) two of their cycles: seen once, a day would be a step counter rather than a place in a cycle. A longer
    /// step skips days (a weekly series' day of the month is which week it is; its season's lags hold the year).
    /// </summary>
    public static LagFeatures For(int season, TimeStep step, bool dates, bool direct = false, int covariates = 0, long span = 0, int past = 0, bool consecutive = false)
    {
        var daily = dates && step.Months == 0 && step.Ticks <= TimeSpan.TicksPerDay;
        return new(Math.Clamp(2 * season, 16, 400), season, dates, Math.Max(step.Ticks, 1), direct, covariates,
            YearDay: daily && span >= YearDayHistory, MonthDay: daily && span >= MonthDayHistory, PastCovariates: past,
            Near: season > LongSeason && !consecutive ? NearLags : 0);
    }

    /// <summary>
    /// The lag features: every one of the <see cref="Lags"/>, or with <see cref="Near"/> the nearest that many and the
    /// three around each whole season the lags reach (287, 288 and 289 steps back for a season of 288).
    /// </summary>
    public int LagCount => Near == 0 ? Lags : Near + (3 * Math.Max((Lags - 1) / Math.Max(Season, 1), 0));

    /// <summary>
    /// The features: the lags, the two means, the calendar, the covariates, for a direct model the steps ahead, and two
    /// for each past covariate with the steps since the origin.
    /// </summary>
    public int Count => PastStart + (PastCovariates > 0 ? (2 * PastCovariates) + 1 : 0);

    private int PastStart => LagCount + 2 + Calendar + Covariates + (Direct ? 1 : 0);

    private int Calendar => Dates ? 3 + (YearDay ? 1 : 0) + (MonthDay ? 1 : 0) : 1;

    /// <summary>The series' scale: the mean absolute value of its last <see cref="Lags"/> points (1 for a flat zero series).</summary>
    public double Scale(ReadOnlySpan<double> history)
    {
        var tail = history[Math.Max(0, history.Length - Lags)..];
        var sum = 0.0;
        foreach (var v in tail)
        {
            sum += Math.Abs(v);
        }

        var scale = tail.Length == 0 ? 0 : sum / tail.Length;
        return scale > 0 ? scale : 1;
    }

    /// <summary>
    /// The features of the step at <paramref name="time"/>, <paramref name="ahead"/> steps after the last of the scaled
    /// values <paramref name="past"/> (the latest last; missing lags are the earliest value), whose covariates are at
    /// index <paramref name="index"/> of <paramref name="covariates"/>; the past covariates (<paramref name="observed"/>)
    /// are read at index <paramref name="origin"/> and before, <paramref name="stale"/> steps before the step forecast.
    /// </summary>
    public void Fill(Span<float> features, ReadOnlySpan<double> past, long time, int ahead = 1, double[][]? covariates = null, int index = 0,
        double[][]? observed = null, int origin = 0, int stale = 1)
    {
        for (var c = 0; c < Covariates; c++)
        {
            features[LagCount + 2 + Calendar + c] = (float)covariates![c][index];
        }

        if (Direct)
        {
            features[LagCount + 2 + Calendar + Covariates] = ahead;
        }

        for (var c = 0; c < PastCovariates; c++)
        {
            var values = observed![c].AsSpan(0, origin + 1);
            var scale = Scale(values);
            var seasonal = values[Math.Max(0, values.Length - Math.Max(Season, 1))..];
            var sum = 0.0;
            foreach (var v in seasonal)
            {
                sum += v;
            }

            features[PastStart + (2 * c)] = (float)(values[^1] / scale);
            features[PastStart + (2 * c) + 1] = (float)(sum / seasonal.Length / scale);
        }

        if (PastCovariates > 0)
        {
            features[Count - 1] = stale;
        }

        var n = past.Length;
        double seasonSum = 0, lagSum = 0;
        var seasonCount = Math.Max(Season, 1);
        var near = Near == 0 ? Lags : Near;
        for (var k = 1; k <= Lags; k++)
        {
            var v = past[Math.Max(n - k, 0)];
            if (k <= near)
            {
                features[k - 1] = (float)v;
            }

            lagSum += v;
            if (k <= seasonCount)
            {
                seasonSum += v;
            }
        }

        // A long season's own lags: the three around each whole season back (LagCount counts the same ones).
        var at = near;
        for (var s = seasonCount; Near > 0 && s + 1 <= Lags; s += seasonCount)
        {
            for (var d = -1; d <= 1; d++)
            {
                features[at++] = (float)past[Math.Max(n - (s + d), 0)];
            }
        }

        var b = LagCount;
        features[b] = (float)(seasonSum / seasonCount);
        features[b + 1] = (float)(lagSum / Lags);
        if (Dates)
        {
            var when = new DateTime(time);
            features[b + 2] = (float)when.TimeOfDay.TotalHours;
            features[b + 3] = (float)when.DayOfWeek;
            features[b + 4] = when.Month;
            if (YearDay)
            {
                // Month and day rather than DayOfYear, so a date has the same value in leap years.
                features[b + 5] = ((when.Month - 1) * 31) + when.Day;
            }

            if (MonthDay)
            {
                features[b + 5 + (YearDay ? 1 : 0)] = when.Day;
            }
        }
        else
        {
            // The step's place in the season by its own number, so a history given later lines up as training did.
            features[b + 2] = Season > 1 ? (float)(((time / StepTicks) % Season + Season) % Season) : 0f;
        }
    }
}
