using System.Globalization;
using Declarative.Data;
using Declarative.Schema;

namespace Declarative.Cli.Init;

/// <summary>
/// <c>init readings.csv --label load --task forecasting</c>: the first column of dates (ISO 8601, a common other
/// spelling such as M/d/yyyy or yyyy-MM, or yyyyMMdd digits)
/// is the <c>[Time]</c>, else a column of whole numbers at a regular step (years, step numbers); when times
/// repeat, the category column that tells the series apart is the <c>[SeriesId]</c>; the other numbers and booleans are
/// covariates (known ahead); anything else is ignored. The horizon is M4's for the step (48 half-hours or hours, 14 days,
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
        var covariates = columns.Count(c => !c.Ignored && !c.IsLabel && c.Index != shape.Time && c.Index != shape.Series);
        var value = columns[label.Index].Header ?? columns[label.Index].Property;
        var summary = $"forecasting '{value}' {shape.Horizon} steps of {shape.Step} ahead, {(shape.Series is { } s ? $"series by '{columns[s].Header ?? columns[s].Property}'" : "one series")}, {covariates} covariate(s), {sample.Rows.Count:N0} rows" +
            (shape.FutureRows > 0 ? $"; the last {shape.FutureRows} rows have no value: the covariates of the steps to forecast" : "");
        var tuning = options.NoTune ? "Untuned (--no-tune): the build trains the global trees alone." : "Tuned: every model competes on rolling origins at build time; --no-tune writes no [Tune].";
        return new InitResult(target.OutputPath, pipelineName, columns, label, summary, tuning, source);
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

        if (times.Length == 0 && StepNumbers(sample, columns) is var (numbered, start, every, end))
        {
            // Whole numbers at a regular step, each once: one series over step numbers (years from 1000 to 2999 by one).
            var yearly = every == 1 && start >= 1000 && end <= 2999;
            var (missingBefore, future) = Missing(sample, labelIndex);
            return new ForecastShape(numbered.Index, null, horizon ?? (yearly ? 6 : 12), yearly ? "a year" : $"{every} (step numbers)", missingBefore, future)
            {
                TimeType = start >= int.MinValue && end <= int.MaxValue ? "int" : "long",
            };
        }

        if (times.Length == 0)
        {
            throw new InitException($"A forecaster needs a column of dates or times for [Time], and no column of {System.IO.Path.GetFileName(sample.Path)} reads as one " +
                $"(its columns: {string.Join(", ", columns.Select(c => $"'{c.Header ?? c.Property}'"))}), nor as whole numbers at a regular step.{SplitTime(sample, columns)}");
        }

        var time = times[0];
        var stamps = sample.Rows.Select(r => DateParsing.TryParse(r[time.Index], DateKind.DateTime, format ?? time.Format, out var t) ? (DateTime?)t : null).ToArray();
        int? series = null;
        if (stamps.Where(t => t is not null).Distinct().Count() < stamps.Count(t => t is not null))
        {
            // Times repeat: the series are told apart by a category (or whole numbers: store 1, 2, …) whose
            // (value, time) pairs do not.
            series = columns
                .Where(c => !c.IsLabel && c.Missing == 0 && (c.Kind is ColumnKind.Categorical || (c.Kind is ColumnKind.Numeric && WholeNumbers(sample, c))))
                .Where(c => sample.Rows.Select((r, i) => (r[c.Index], stamps[i])).Distinct().Count() == sample.Rows.Count)
                .OrderBy(c => c.Distinct)
                .Select(c => (int?)c.Index)
                .FirstOrDefault()
                ?? throw new InitException($"The times in '{time.Header ?? time.Property}' repeat, and no column of categories or whole numbers tells the series apart (one series per value, each time once): " +
                    "declare the series column by hand with [SeriesId], or give one series per file.");
        }

        var first = series is { } s ? sample.Rows[0][s] : null;
        var ordered = stamps.Where((t, i) => t is not null && (first is null || sample.Rows[i][series!.Value] == first)).Select(t => t!.Value).Order().ToArray();
        var (step, defaultHorizon) = Step(ordered);
        var (gaps, trailing) = Missing(sample, labelIndex);
        return new ForecastShape(time.Index, series, horizon ?? defaultHorizon, step, gaps, trailing, format);
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
        foreach (var (year, years) in whole.Where(c => c.Values.All(v => v is >= 1000 and <= 2999)))
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

    private static bool WholeNumbers(DataSample sample, ColumnGuess column) =>
        sample.Rows.All(r => long.TryParse(r[column.Index], NumberStyles.Integer, CultureInfo.InvariantCulture, out _));

    /// <summary>Whether values are missing before the last one (FillGaps), and how many rows at the end have none (the future's covariates).</summary>
    private static (bool Gaps, int Trailing) Missing(DataSample sample, int labelIndex)
    {
        var missing = sample.Rows.Select(r => ValueParser.IsMissing(r[labelIndex])).ToArray();
        var trailing = missing.Reverse().TakeWhile(m => m).Count();
        return (missing.Take(missing.Length - trailing).Any(m => m), trailing);
    }

    /// <summary>The first column of whole numbers, each once, at one regular step when sorted: its first value, step and last value.</summary>
    private static (ColumnGuess Column, long First, long Step, long Last)? StepNumbers(DataSample sample, IReadOnlyList<ColumnGuess> columns)
    {
        foreach (var column in columns.Where(c => !c.IsLabel && c.Kind is ColumnKind.Numeric or ColumnKind.Identifier && c.Missing == 0))
        {
            var values = new long[sample.Rows.Count];
            if (values.Length < 3 || !sample.Rows.Select((r, i) => long.TryParse(r[column.Index], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
            {
                continue;
            }

            Array.Sort(values);
            var step = values[1] - values[0];
            if (step > 0 && values.Zip(values.Skip(1), (a, b) => b - a).All(d => d == step))
            {
                return (column, values[0], step, values[^1]);
            }
        }

        return null;
    }

    /// <summary>The step between a series' times in words, and M4's horizon for it.</summary>
    private static (string Step, int Horizon) Step(DateTime[] times)
    {
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Where(d => d > TimeSpan.Zero).ToArray();
        if (gaps.Length == 0)
        {
            return ("unknown", 12);
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
            : c.Kind is ColumnKind.Numeric or ColumnKind.Boolean ? c with { Note = $"covariate, needed ahead: {c.Note}" }
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
}
