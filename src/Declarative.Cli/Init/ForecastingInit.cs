using System.Globalization;
using Declarative.Data;
using Declarative.Forecasting;
using Declarative.Schema;

namespace Declarative.Cli.Init;

/// <summary>
/// <c>init readings.csv --label load --task forecasting</c>: the first column of dates (ISO 8601, a common other
/// spelling such as M/d/yyyy or yyyy-MM, or yyyyMMdd digits)
/// is the <c>[Time]</c>, else a column of whole numbers at a regular step (years, step numbers); when times
/// repeat (a panel in long form: firms by year), the category column that tells the series apart is the <c>[SeriesId]</c>; the other numbers and booleans are
/// covariates: known ahead when rows after the last value give their future, else the booleans (flags such as holidays,
/// known ahead) and past covariates for the numbers (a wide file's other series, known up to the last row); anything
/// else is ignored. The horizon is M4's for the step (48 half-hours or hours, 14 days,
/// 13 weeks, 18 months, 8 quarters, 6 years) unless <c>--horizon</c> says.
/// </summary>
internal static class ForecastingInit
{
    /// <summary>The forecaster's declaration and what <c>init</c> says of it.</summary>
    public static InitResult Write(InitOptions options, DataSample sample, IReadOnlyList<ColumnGuess> inferred, LabelGuess label, InitTarget target, string pipelineName, string rowName, string dataPath)
    {
        var shape = Shape(sample, inferred, label.Index, options.Horizon);
        var columns = Roles(inferred, shape);
        var source = DeclarationWriter.Write(sample, columns, label, pipelineName, rowName, target.Namespace, dataPath, System.IO.Path.GetFileName(options.DataPath), tune: !options.NoTune, shape);
        var covariates = columns.Count(c => !c.Ignored && !c.IsLabel && !c.Past && c.Index != shape.Time && c.Index != shape.Series);
        var past = columns.Count(c => c.Past);
        var value = columns[label.Index].Header ?? columns[label.Index].Property;
        var summary = $"forecasting '{value}' {shape.Horizon} steps of {shape.Step} ahead, {(shape.Series is { } s ? $"series by '{columns[s].Header ?? columns[s].Property}'" : "one series")}, {covariates} covariate(s), {(past > 0 ? $"{past} past covariate(s) (read up to the last row), " : "")}{sample.Rows.Count:N0} rows" +
            (shape.Skipped is { } skipped ? $"; the times skip {skipped.Describe()}: FillGaps = true interpolates them" : "") +
            (shape.FutureRows > 0 ? $"; the last {shape.FutureRows} rows have no value: the covariates of the steps to forecast" : "") +
            (shape.Calendar.Count > 0 ? $"; {string.Join(", ", shape.Calendar.Select(p => $"'{columns[p.Index].Header ?? columns[p.Index].Property}'"))} {(shape.Calendar.Count == 1 ? "is a part" : "are parts")} of the time, left out" : "") +
            MonthsAsColumns(sample, columns, shape) + sample.SkippedNote;
        var tuning = options.NoTune ? "Untuned (--no-tune): the build trains the global trees alone." : "Tuned: every model competes on rolling origins at build time; --no-tune writes no [Tune].";
        return new InitResult(target.OutputPath, pipelineName, columns, label, summary, tuning, source);
    }

    /// <summary>
    /// A year a row with its twelve months as columns (NOAA's El Niño table: YEAR, JAN, …, DEC) forecasts one month's
    /// column over the years, the other months read as past covariates: what was asked, and likely not what was meant,
    /// so the summary says how to write the monthly series.
    /// </summary>
    private static string MonthsAsColumns(DataSample sample, IReadOnlyList<ColumnGuess> columns, ForecastShape shape)
    {
        var months = CultureInfo.InvariantCulture.DateTimeFormat;
        bool IsMonth(string? name, int m) => name is not null
            && (string.Equals(name, months.GetAbbreviatedMonthName(m), StringComparison.OrdinalIgnoreCase) || string.Equals(name, months.GetMonthName(m), StringComparison.OrdinalIgnoreCase));
        var january = columns.FirstOrDefault(c => IsMonth(c.Header, 1));
        return shape.TimeType is not null && shape.Step == "a year" && january is not null && Enumerable.Range(2, 11).All(m => columns.Any(c => IsMonth(c.Header, m)))
            ? $"; its columns are the twelve months of each year: to forecast the months as one monthly series, write a row a month ({sample.Rows[0][shape.Time]}-01,{sample.Rows[0][january.Index]}) and run init on that file"
            : "";
    }

    /// <summary>The forecaster's shape, from the sample, or an <see cref="InitException"/> saying what the file lacks.</summary>
    private static ForecastShape Shape(DataSample sample, IReadOnlyList<ColumnGuess> columns, int labelIndex, int? horizon)
    {
        // Dates first (ISO 8601 or a format init recognised); else yyyyMMdd digits (NOAA's co2 file), which read as whole numbers.
        const string Digits = "yyyyMMdd";
        var times = columns.Where(c => c.Kind == ColumnKind.Date && !c.IsLabel).ToArray();
        var format = (string?)null;
        if (times.Length == 0)
        {
            // Whole numbers, one per row: read as an identifier or as numbers.
            times = [.. columns.Where(c => !c.IsLabel && c.Kind is ColumnKind.Numeric or ColumnKind.Identifier && c.Missing == 0
                && sample.Rows.All(r => r[c.Index].Length == 8 && DateParsing.TryParse(r[c.Index], DateKind.Date, Digits, out _)))];
            format = times.Length > 0 ? Digits : null;
        }

        // The columns that may tell series apart, found once (each whole-number column is read through).
        var candidates = new Lazy<ColumnGuess[]>(() => SeriesCandidates(sample, columns));
        if (times.Length == 0 && StepNumbers(sample, columns, candidates) is var (numbered, start, every, end, panel))
        {
            // Whole numbers at a regular step (a few skipped): one series over step numbers, or, when they repeat, one
            // per value of the column that tells them apart (a panel: firms by year). Years from 1000 to 2999 by one.
            var yearly = every == 1 && IsYear(start) && IsYear(end);
            var (missingBefore, future) = Missing(sample, labelIndex);
            var numbers = sample.Rows.Select(r => (long?)long.Parse(r[numbered.Index], NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
            return new ForecastShape(numbered.Index, panel, horizon ?? (yearly ? 6 : 12), yearly ? "a year" : $"{every} (step numbers)", missingBefore, future)
            {
                TimeType = start >= int.MinValue && end <= int.MaxValue ? "int" : "long",
                Skipped = Skipped(sample, numbers, panel, new TimeStep(every, 0), dates: false, format: null),
            };
        }

        if (times.Length == 0)
        {
            throw new InitException($"A forecaster needs a column of dates or times for [Time], and no column of {System.IO.Path.GetFileName(sample.Path)} reads as one " +
                $"(its columns: {string.Join(", ", columns.Select(c => $"'{c.Header ?? c.Property}'"))}), nor as whole numbers at a regular step.{SplitTime(sample, columns)}{YearsAsColumns(sample, columns)}");
        }

        var time = times[0];
        var stamps = sample.Rows.Select(r => DateParsing.TryParse(r[time.Index], DateKind.DateTime, format ?? time.Format, out var t) ? (DateTime?)t : null).ToArray();
        int? series = null;
        if (Repeated(stamps) is var (again, firstRow, secondRow))
        {
            // Times repeat: the series are told apart by a category (or whole numbers: store 1, 2, …) whose
            // (value, time) pairs do not.
            series = SeriesColumn(sample, candidates, [.. stamps.Select(t => t?.Ticks)])
                ?? throw new InitException($"The times in '{time.Header ?? time.Property}' repeat ({DateParsing.Show(again, format ?? time.Format)} on lines {sample.Lines[firstRow]:N0} and {sample.Lines[secondRow]:N0}), " +
                    "and no column of categories or whole numbers tells the series apart (one series per value, each time once): " +
                    "declare the series column by hand with [SeriesId], or give one series per file (a clock set back an hour repeats its times: write them in UTC).");
        }

        var first = series is { } s ? sample.Rows[0][s] : null;
        var ordered = stamps.Where((t, i) => t is not null && (first is null || sample.Rows[i][series!.Value] == first)).Select(t => t!.Value).Order().ToArray();
        // The step as the build's reader infers it (from the first series), for the words and the gaps alike.
        var inferred = TimeStep.Infer([.. ordered.Select(t => t.Ticks)], dates: true);
        var (step, defaultHorizon) = Step(ordered, inferred);
        var (gaps, trailing) = Missing(sample, labelIndex);
        var ticks = stamps.Select(t => t?.Ticks).ToArray();
        return new ForecastShape(time.Index, series, horizon ?? defaultHorizon, step, gaps, trailing, format)
        {
            Skipped = Skipped(sample, ticks, series, inferred, dates: true, format ?? time.Format),
            Calendar = Calendar(sample, columns, labelIndex, time.Index, stamps),
        };
    }

    /// <summary>The parts of a date a number column may be, each by how it is computed, the first that fits named.</summary>
    private static readonly (string Part, Func<DateTime, int> Of)[] CalendarParts =
    [
        ("year", t => t.Year),
        ("quarter", t => (t.Month + 2) / 3),
        ("month", t => t.Month),
        ("day of the month", t => t.Day),
        ("day of the year", t => t.DayOfYear),
        ("day of the week", t => (int)t.DayOfWeek),
        ("day of the week", t => ((int)t.DayOfWeek + 6) % 7),
        ("day of the week", t => t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek),
        ("day of the week", t => (int)t.DayOfWeek + 1),
        ("week of the year", ISOWeek.GetWeekOfYear),
        ("hour", t => t.Hour),
        ("hour on a 12-hour clock", t => t.Hour % 12 == 0 ? 12 : t.Hour % 12),
        ("minute", t => t.Minute),
    ];

    /// <summary>
    /// The number columns that are a part of the time on every row (an hour, a weekday, a month written beside the
    /// time): the global trees read the calendar from the time itself, and read as a covariate such a column would be
    /// asked for ahead (or read only up to the last row), so init leaves it out.
    /// </summary>
    private static IReadOnlyList<(int Index, string Part)> Calendar(DataSample sample, IReadOnlyList<ColumnGuess> columns, int labelIndex, int timeIndex, DateTime?[] stamps) =>
        [.. columns
            .Where(c => c.Index != labelIndex && c.Index != timeIndex && c.Kind is ColumnKind.Numeric or ColumnKind.Boolean && c.Missing == 0 && c.Distinct > 1 && stamps.All(t => t is not null))
            .Select(c => (c.Index, Part: (c.Kind == ColumnKind.Boolean ? CalendarFlags : CalendarParts).FirstOrDefault(part => sample.Rows.Select((r, i) => (r, i)).All(x =>
                Number(x.r[c.Index]) is { } v && v == part.Of(stamps[x.i]!.Value))).Part
                ?? (c.Kind == ColumnKind.Boolean && WeeklyFlag(sample, c.Index, stamps) ? "flag of the weekday and time of day" : null)))
            .Where(c => c.Part is not null)
            .Select(c => (c.Index, c.Part!))];

    /// <summary>Flags that are a part of the time, read as 1 or 0: true on Saturdays and Sundays (<c>is_weekend</c>), or from noon (<c>pm</c>).</summary>
    private static readonly (string Part, Func<DateTime, int> Of)[] CalendarFlags =
    [
        ("weekend flag", t => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0),
        ("afternoon flag", t => t.Hour >= 12 ? 1 : 0),
    ];

    /// <summary>
    /// Whether a flag is set by the week's clock alone (office hours, a night shift, workdays): the rows at one weekday
    /// and time of day all have the same value, and each such slot is on three rows or more, so the pattern is the
    /// data's and not chance. A holiday flag is not (a holiday falls on a weekday that is a workday in other weeks).
    /// </summary>
    private static bool WeeklyFlag(DataSample sample, int column, DateTime?[] stamps)
    {
        var slots = new Dictionary<(DayOfWeek, TimeSpan), (double Value, int Rows)>();
        for (var i = 0; i < stamps.Length; i++)
        {
            var key = (stamps[i]!.Value.DayOfWeek, stamps[i]!.Value.TimeOfDay);
            if (Number(sample.Rows[i][column]) is not { } value || (slots.TryGetValue(key, out var seen) && seen.Value != value))
            {
                return false;
            }

            slots[key] = (value, seen.Rows + 1);
        }

        return slots.Values.All(s => s.Rows >= 3);
    }

    /// <summary>A field as a number: a boolean's true and false as 1 and 0; null when it is neither.</summary>
    private static double? Number(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : bool.TryParse(field, out var b) ? (b ? 1 : 0) : null;

    /// <summary>The first time seen twice and the rows it is on, or null when every time is once.</summary>
    private static (DateTime Time, int First, int Second)? Repeated(DateTime?[] stamps)
    {
        var seen = new Dictionary<DateTime, int>();
        for (var i = 0; i < stamps.Length; i++)
        {
            if (stamps[i] is { } t && !seen.TryAdd(t, i))
            {
                return (t, seen[t], i);
            }
        }

        return null;
    }

    /// <summary>
    /// The steps the series' times skip at <paramref name="step"/>, as the build's reader finds them (rows grouped by
    /// series, each ordered by time), or null when none is skipped. A time off the step's grid, or a hole wider than
    /// the reader fills, is an <see cref="InitException"/> naming its line: no FillGaps makes such a series regular.
    /// </summary>
    private static SkippedSteps? Skipped(DataSample sample, long?[] times, int? series, TimeStep step, bool dates, string? format)
    {
        var groups = Enumerable.Range(0, times.Length)
            .Where(i => times[i] is not null)
            .GroupBy(i => series is { } s ? sample.Rows[i][s] : "", StringComparer.Ordinal)
            .Select(g => g.OrderBy(i => times[i]!.Value).ThenBy(i => i).ToArray());
        var (missing, holes, steps) = (0L, 0, 0L);
        string? first = null;
        foreach (var rows in groups)
        {
            var t = rows.Select(i => times[i]!.Value).ToArray();
            steps += t.Length;
            for (var j = 1; j < t.Length; j++)
            {
                if (step.Fits(t[j - 1], t[j]))
                {
                    continue;
                }

                var between = step.StepsBetween(t[j - 1], t[j], SeriesReader.MaxFilledSteps);
                var line = sample.Lines[rows[j]];
                var jump = $"the time jumps from {SeriesReader.Show(t[j - 1], dates, format)} to {SeriesReader.Show(t[j], dates, format)}";
                if (between < 0)
                {
                    var wide = step.StepsBetween(t[j - 1], t[j], int.MaxValue);
                    var why = wide > 0
                        ? $"{wide:N0} steps of {step.Describe(dates)}, more than the {SeriesReader.MaxFilledSteps:N0} FillGaps fills in one place"
                        : $"not a whole number of steps of {step.Describe(dates)} (the series' usual step)";
                    throw new InitException($"Line {line:N0} of {System.IO.Path.GetFileName(sample.Path)}: {jump}, {why}. " +
                        "A forecaster needs one regular step: fix that time, or give the parts before and after it files of their own.");
                }

                missing += between - 1;
                steps += between - 1;
                holes++;
                first ??= $"{jump}, line {line:N0}";
            }
        }

        return holes == 0 ? null : new SkippedSteps(missing, holes, steps, first!);
    }

    /// <summary>
    /// A hint when the time is written in two columns, a year and its quarter or month (statsmodels' macrodata: 1959, 1):
    /// whole numbers from 1000 to 2999 and from 1 to 4 (or 12) whose pairs each come once. Empty otherwise.
    /// </summary>
    private static string SplitTime(DataSample sample, IReadOnlyList<ColumnGuess> columns)
    {
        long[]? Whole(ColumnGuess c)
        {
            var values = new long[sample.Rows.Count];
            return c.Missing == 0 && sample.Rows.Select((r, i) => long.TryParse(r[c.Index], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i])).All(ok => ok) ? values : null;
        }

        var whole = columns.Where(c => !c.IsLabel).Select(c => (Column: c, Values: Whole(c))).Where(c => c.Values is { Length: > 0 }).Select(c => (c.Column, Values: c.Values!)).ToArray();
        foreach (var (year, years) in whole.Where(c => Years(c.Values)))
        {
            foreach (var (part, parts) in whole.Where(c => c.Column != year))
            {
                var (max, unit, example, format) = parts.Max() <= 4 ? (4, "quarter", "1959Q1", "yyyy'Q'q") : (12, "month", "1959-01", "yyyy-MM");
                if (parts.All(v => v >= 1 && v <= max) && years.Zip(parts).Distinct().Count() == years.Length)
                {
                    return $" '{year.Header ?? year.Property}' and '{part.Header ?? part.Property}' read as a year and its {unit} in two columns: " +
                        $"write them as one column ({example}), which reads as dates with [Column(Format = \"{format}\")].";
                }
            }
        }

        return "";
    }

    /// <summary>
    /// Years written as columns (the World Bank's tables: a row a country, a column a year): each row is a series over the
    /// years, which init reads from a file written long, a row a series and year.
    /// </summary>
    private static string YearsAsColumns(DataSample sample, IReadOnlyList<ColumnGuess> columns)
    {
        var years = columns.Where(c => long.TryParse(c.Header, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && IsYear(y)).ToArray();
        var name = columns.FirstOrDefault(c => c.Kind is ColumnKind.Identifier or ColumnKind.Categorical && c.Header is not null);
        if (years.Length < 3 || name is null)
        {
            return "";
        }

        var row = sample.Rows[0];
        var value = years.Select(y => row[y.Index]).FirstOrDefault(v => !ValueParser.IsMissing(v)) ?? "";
        var year = years.First(y => row[y.Index] == value).Header;
        return $" Its columns '{years[0].Header}' to '{years[^1].Header}' are years, a series a row: to forecast each '{name.Header}' over the years, write a row " +
            $"a {name.Header} and year ({name.Header},Year,Value: {row[name.Index]},{year},{value}) and run init on that file.";
    }

    /// <summary>Whether a whole number reads as a year: 1000 to 2999.</summary>
    private static bool IsYear(long value) => value is >= 1000 and <= 2999;

    private static bool Years(long[] values) => values.All(IsYear);

    private static long[] Whole(DataSample sample, int column) =>
        [.. sample.Rows.Select(r => long.Parse(r[column], NumberStyles.Integer, CultureInfo.InvariantCulture))];

    private static bool WholeNumbers(DataSample sample, ColumnGuess column) =>
        sample.Rows.All(r => long.TryParse(r[column.Index], NumberStyles.Integer, CultureInfo.InvariantCulture, out _));

    /// <summary>Whether values are missing before the last one (FillGaps), and how many rows at the end have none (the future's covariates).</summary>
    private static (bool Gaps, int Trailing) Missing(DataSample sample, int labelIndex)
    {
        var missing = sample.Rows.Select(r => ValueParser.IsMissing(r[labelIndex])).ToArray();
        var trailing = missing.Reverse().TakeWhile(m => m).Count();
        return (missing.Take(missing.Length - trailing).Any(m => m), trailing);
    }

    /// <summary>
    /// The first column of whole numbers at one regular step when sorted (a few skipped: at least nine gaps in ten are
    /// the step, every gap a multiple of it), years before any other (statsmodels' longley numbers its rows 1–16 before
    /// its YEAR): its first value, step and last value. Each number once is one series;
    /// numbers that repeat are one series per value of the column that tells them apart (<see cref="SeriesColumn"/>),
    /// each at that step.
    /// </summary>
    private static (ColumnGuess Column, long First, long Step, long Last, int? Series)? StepNumbers(DataSample sample, IReadOnlyList<ColumnGuess> columns, Lazy<ColumnGuess[]> candidates)
    {
        // Each column of whole numbers read once, years first.
        if (sample.Rows.Count < 3)
        {
            return null;
        }

        var numbered = columns.Where(c => !c.IsLabel && c.Kind is ColumnKind.Numeric or ColumnKind.Identifier && c.Missing == 0)
            .Select(c => (Column: c, Values: new long[sample.Rows.Count]))
            .Where(c => sample.Rows.Select((r, i) => long.TryParse(r[c.Column.Index], NumberStyles.Integer, CultureInfo.InvariantCulture, out c.Values[i])).All(ok => ok))
            .OrderBy(c => Years(c.Values) ? 0 : 1)
            .ToList();
        foreach (var (column, values) in numbered)
        {
            // Repeated numbers are a panel's times only if their distinct values keep a step (checked first: it is cheap,
            // and most number columns fail it) and a column tells the series apart.
            var distinct = values.Distinct().Order().ToArray();
            var series = (int?)null;
            if (distinct.Length < values.Length)
            {
                var gaps = distinct.Zip(distinct.Skip(1), (a, b) => b - a).ToArray();
                var least = gaps.Length > 0 ? gaps.Min() : 0;
                series = least > 0 && gaps.All(g => g % least == 0) ? SeriesColumn(sample, candidates, [.. values.Select(v => (long?)v)]) : null;
                if (series is null)
                {
                    continue;
                }
            }

            // Two whole-number columns can each tell the other's rows apart (firm 1–11 by year, year by firm): the years
            // are the time, and without years init does not guess which is which. Numbers from 1 to 12 beside years are
            // as likely a year's quarter or month written apart (macrodata's), which SplitTime's hint is for.
            if (series is { } other && columns[other].Kind is not ColumnKind.Categorical
                && !(Years(values) && Whole(sample, other) is var ids && !Years(ids) && !ids.All(v => v is >= 1 and <= 12)))
            {
                continue;
            }

            // The gaps within each series (all of them, for one), so a panel's years step as each firm's do.
            var groups = Enumerable.Range(0, values.Length).GroupBy(i => series is { } s ? sample.Rows[i][s] : "", StringComparer.Ordinal)
                .Select(g => g.Select(i => values[i]).Order().ToArray()).ToArray();
            var differences = groups.SelectMany(g => g.Zip(g.Skip(1), (a, b) => b - a)).ToArray();
            if (differences.Length == 0)
            {
                continue;
            }

            var step = differences.GroupBy(d => d).MaxBy(g => (g.Count(), -g.Key))!.Key;
            if (step > 0 && differences.All(d => d > 0 && d % step == 0) && differences.Count(d => d != step) * 10 <= differences.Length)
            {
                return (column, values.Min(), step, values.Max(), series);
            }
        }

        return null;
    }

    /// <summary>
    /// The column that tells series apart when their times repeat: the category (or whole numbers: store 1, 2, …) of
    /// fewest values whose (value, time) pairs do not repeat, or null.
    /// </summary>
    private static int? SeriesColumn(DataSample sample, Lazy<ColumnGuess[]> candidates, long?[] times) =>
        candidates.Value
            .Where(c => PairsOnce(sample, c.Index, times))
            .OrderBy(c => c.Distinct)
            .Select(c => (int?)c.Index)
            .FirstOrDefault();

    /// <summary>The columns that may tell series apart: categories, and numbers that are all whole.</summary>
    private static ColumnGuess[] SeriesCandidates(DataSample sample, IReadOnlyList<ColumnGuess> columns) =>
        [.. columns.Where(c => !c.IsLabel && c.Missing == 0 && (c.Kind is ColumnKind.Categorical || (c.Kind is ColumnKind.Numeric && WholeNumbers(sample, c))))];

    /// <summary>Whether no (value, time) pair repeats; stops at the first that does, as most columns do within a few rows.</summary>
    private static bool PairsOnce(DataSample sample, int column, long?[] times)
    {
        var seen = new HashSet<(string, long?)>();
        for (var i = 0; i < sample.Rows.Count; i++)
        {
            if (!seen.Add((sample.Rows[i][column], times[i])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The step between a series' times in words, and M4's horizon for it (a business day's: the daily one).</summary>
    private static (string Step, int Horizon) Step(DateTime[] times, TimeStep inferred)
    {
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Where(d => d > TimeSpan.Zero).ToArray();
        if (gaps.Length == 0)
        {
            return ("unknown", 12);
        }

        if (inferred.InHours)
        {
            // Opening hours: a step of the day's slots, and a day of them ahead.
            return (inferred.Describe(dates: true), inferred.Slots);
        }

        if (inferred.BusinessDays)
        {
            return ("a business day", 14);
        }

        var usual = gaps.GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return usual.TotalDays switch
        {
            >= 365 and <= 366 => ("a year", 6),
            >= 89 and <= 92 => ("a quarter", 8),
            >= 28 and <= 31 => ("a month", 18),
            7 => ("a week", 13),
            1 => ("a day", 14),
            _ when usual == TimeSpan.FromHours(1) => ("an hour", 48),
            _ when usual == TimeSpan.FromMinutes(30) => ("half an hour", 48),
            _ => (usual.ToString("c", CultureInfo.InvariantCulture), 12),
        };
    }

    /// <summary>What each column becomes in a forecaster: the time, the series, the value, a covariate or ignored.</summary>
    private static IReadOnlyList<ColumnGuess> Roles(IReadOnlyList<ColumnGuess> columns, ForecastShape shape) =>
        [.. columns.Select(c =>
            c.Index == shape.Time && shape.TimeType is { } type ? c with { Type = type, Kind = ColumnKind.Numeric, Note = $"[Time]: whole numbers, a step of {shape.Step}" }
            : c.Index == shape.Time && c.Kind == ColumnKind.Date ? c with { Type = c.Type.TrimEnd('?'), Note = $"[Time]: {c.Note}, a step of {shape.Step}" }
            : c.Index == shape.Time ? c with { Type = "System.DateOnly", Kind = ColumnKind.Date, Format = shape.TimeFormat, Note = $"[Time]: dates as {shape.TimeFormat} digits, a step of {shape.Step}" }
            : c.Index == shape.Series ? c with { Type = c.Kind == ColumnKind.Numeric ? "long" : c.Type, Kind = ColumnKind.Categorical, Note = $"[SeriesId]: {c.Distinct:N0} series" }
            : c.IsLabel || c.Ignored ? c
            : shape.Calendar.FirstOrDefault(p => p.Index == c.Index).Part is { } part ? c with { Excluded = true, Note = $"the time's {part}: the trees read it from the time" }
            : c.Kind is ColumnKind.Boolean || (c.Kind is ColumnKind.Numeric && shape.FutureRows > 0) ? c with { Note = $"covariate, needed ahead: {c.Note}" }
            // No rows after the last value give a number's future: a series measured alongside, read up to the last row.
            : c.Kind is ColumnKind.Numeric ? c with { Past = true, Note = $"past covariate: {c.Note}" }
            : c with { Excluded = true, Note = $"not a number: ignored by a forecaster ({c.Note})" })];
}

/// <summary>
/// A forecaster as <c>init</c> declares it: the time and series columns, the horizon, the step in words, whether values
/// are missing before the last one (FillGaps), how many rows at the end have no value (the future's covariates), and
/// the time's format when it is read from whole numbers (yyyyMMdd).
/// </summary>
internal sealed record ForecastShape(int Time, int? Series, int Horizon, string Step, bool Gaps, int FutureRows, string? TimeFormat = null)
{
    /// <summary>The time's C# type when it is a step number (<c>int</c> or <c>long</c>), null for dates.</summary>
    public string? TimeType { get; init; }

    /// <summary>The steps the times skip (FillGaps interpolates them), or null when the times keep their step.</summary>
    public SkippedSteps? Skipped { get; init; }

    /// <summary>The number columns that are a part of the time on every row, and which part (left out of the declaration).</summary>
    public IReadOnlyList<(int Index, string Part)> Calendar { get; init; } = [];

    /// <summary>Whether the declaration needs FillGaps: values missing before the last one, or steps the times skip.</summary>
    public bool FillsGaps => Gaps || Skipped is not null;
}

/// <summary>Steps a series file's times skip: how many in all, in how many places, of how many steps (the rows and them), and the first place.</summary>
internal sealed record SkippedSteps(long Missing, int Holes, long Steps, string First)
{
    /// <summary>"12 steps in 5 places (0.2 % of 7,279; the first: the time jumps from … to …, line 580)".</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Missing:N0} step{(Missing == 1 ? "" : "s")} in {Holes:N0} place{(Holes == 1 ? "" : "s")} ({100.0 * Missing / Steps:0.##} % of {Steps:N0}; the first: {First})");
}
