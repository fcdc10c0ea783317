using System.Globalization;
using Declarative.Data;
using Declarative.Schema;

namespace Declarative.Forecasting;

/// <summary>
/// Reads a table's rows into series: grouped by the [SeriesId] (one series without one), ordered by the [Time], each
/// checked for what forecasting cannot take: a missing target, two rows at one time, a step that breaks the series'
/// rhythm, a series too short to hold two seasons and the horizon. Each error names the file, the series and the time
/// (and the line, when the file's rows map to lines one to one). With covariates, the rows after a series' last value
/// that have no value are its future: they give the covariates of the steps to forecast. A past covariate is kept up to
/// the last value only.
/// </summary>
internal static class SeriesReader
{
    /// <summary>The longest run of missing steps filled in one place (a wider hole is an error: the series likely has another step).</summary>
    internal const int MaxFilledSteps = 10_000;

    /// <summary>
    /// The series of <paramref name="table"/>, at the step the first series' times keep, or at <paramref name="trained"/>
    /// when given (a forecaster's history read at the step it was trained on).
    /// </summary>
    public static (IReadOnlyList<TimeSeries> Series, TimeStep Step, int Filled) Read<TRow>(PipelineSpec<TRow> spec, DataTable table, string source, bool fillGaps = false, TimeStep? trained = null)
    {
        var timeSpec = spec.Time ?? throw new ArgumentException($"Pipeline '{spec.Name}' has no [Time] column.", nameof(spec));
        var labelSpec = spec.Label ?? throw new ArgumentException($"Pipeline '{spec.Name}' has no [Label] to forecast.", nameof(spec));
        var dates = timeSpec.Kind == ColumnKind.DateValue;
        var format = timeSpec.WholeDate?.Format;
        string Show(long time) => SeriesReader.Show(time, dates, format);
        var times = Column(table, timeSpec.PropertyName);
        var values = Column(table, labelSpec.PropertyName).Singles!;
        var ids = spec.SeriesId is { } idSpec ? Column(table, idSpec.PropertyName) : null;
        // Every covariate read alike, the ones known ahead first, then the past ones (kept up to the last value only).
        var knownAhead = Covariates(spec);
        var known = knownAhead.Count;
        var covariateNames = knownAhead.Concat(PastCovariates(spec)).ToArray();
        var covariates = covariateNames.Select(name => Column(table, name)).ToArray();

        // Lines are named only when row i is line i + 1 (+1 for a header, + the lines skipped above the table): no skipped
        // rows, no field spanning lines.
        var linesKnown = table.BadRows == 0 && table.MultilineFields == 0 && source.Length > 0 && !source.StartsWith('(');
        int? Line(int row) => linesKnown ? row + 1 + spec.SkipLines + (spec.HasHeader ? 1 : 0) : null;
        DataFileException Error(int row, string detail) => new(source, Line(row), null, detail);

        var bySeries = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        var parsed = new long[table.RowCount];
        for (var row = 0; row < table.RowCount; row++)
        {
            var id = ids?.Text(row).ToString() ?? "";
            var text = times.Text(row).Span;
            if (text.IsEmpty)
            {
                throw Error(row, $"{Where(id)}the time ({timeSpec.PropertyName}) is missing.");
            }

            parsed[row] = dates
                ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).Ticks
                : long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
            if (!bySeries.TryGetValue(id, out var rows))
            {
                bySeries[id] = rows = [];
                order.Add(id);
            }

            rows.Add(row);
        }

        if (order.Count == 0)
        {
            throw new DataFileException(source, null, null, $"Pipeline {spec.Name} has no rows to forecast from.");
        }

        var series = new List<TimeSeries>(order.Count);
        var step = trained;
        var filled = 0;
        foreach (var id in order)
        {
            var rows = bySeries[id];
            rows.Sort((a, b) => parsed[a].CompareTo(parsed[b]) is var c && c != 0 ? c : a.CompareTo(b));
            var t = rows.Select(r => parsed[r]).ToArray();
            for (var i = 1; i < t.Length; i++)
            {
                if (t[i] == t[i - 1])
                {
                    throw Error(rows[i], $"{Where(id)}two rows are at {Show(t[i])} (the other is {(Line(rows[i - 1]) is { } other ? $"line {other}" : $"row {rows[i - 1] + 1}")}); a series has one value per time.");
                }
            }

            // With covariates, the rows after the last value that have none are the future: their covariates are known.
            var lastValue = rows.FindLastIndex(r => !float.IsNaN(values[r])) + 1;
            var history = known > 0 && lastValue > 0 ? lastValue : rows.Count;
            for (var i = 0; i < history && !fillGaps; i++)
            {
                if (float.IsNaN(values[rows[i]]))
                {
                    throw Error(rows[i], $"{Where(id)}the value to forecast ({labelSpec.PropertyName}) is missing at {Show(t[i])}; fill it, or set FillGaps = true to interpolate it.");
                }
            }

            for (var c = 0; c < covariates.Length && !fillGaps; c++)
            {
                // A past covariate is known where the value is: the rows after the last value need not give it.
                var ahead = c < known;
                if (covariates[c].Singles is { } numbers && rows.FindIndex(0, ahead ? rows.Count : history, r => float.IsNaN(numbers[r])) is var at and >= 0)
                {
                    throw Error(rows[at], $"{Where(id)}the {(ahead ? "covariate" : "past covariate")} {covariateNames[c]} is missing at {Show(t[at])}; " +
                        $"a forecaster reads it {(ahead ? "at every step, the steps it forecasts too" : "up to the last value")}. Fill it, or set FillGaps = true to interpolate it.");
                }
            }

            // One step for all series: the first series' rhythm, which every series must keep.
            step ??= TimeStep.Infer(t, dates);
            var filledTimes = new List<long>(t.Length) { t[0] };
            var points = new List<double>(t.Length) { values[rows[0]] };
            var covariateSteps = covariates.Select(c => new List<double>(t.Length) { Covariate(c, rows[0]) }).ToArray();
            var historySteps = 1;
            for (var i = 1; i < t.Length; i++)
            {
                var missing = fillGaps ? step.Value.StepsBetween(t[i - 1], t[i], MaxFilledSteps) - 1 : 0;
                if (missing < 0 || (!fillGaps && !step.Value.Fits(t[i - 1], t[i])))
                {
                    throw Error(rows[i], $"{Where(id)}the time jumps from {Show(t[i - 1])} to {Show(t[i])}, where the series' step is {step.Value.Describe(dates)}; {(fillGaps ? "that is not a whole number of steps" : "fill the missing steps, or set FillGaps = true to interpolate them")}.");
                }

                for (var k = 1; k <= missing; k++)
                {
                    filledTimes.Add(step.Value.After(t[i - 1], k));
                    points.Add(double.NaN);
                    Array.ForEach(covariateSteps, c => c.Add(double.NaN));
                }

                filledTimes.Add(t[i]);
                points.Add(values[rows[i]]);
                for (var c = 0; c < covariates.Length; c++)
                {
                    covariateSteps[c].Add(Covariate(covariates[c], rows[i]));
                }

                historySteps = i < history ? points.Count : historySteps;
            }

            var y = points.Take(historySteps).ToArray();
            filled += Interpolate(y) ? y.Length - history + rows.Take(history).Count(r => float.IsNaN(values[r])) : throw new DataFileException(source, null, null, $"{Where(id)}every value is missing; there is nothing to forecast from.");
            double[][] covariateValues = [.. covariateSteps.Select((c, i) => i < known ? c.ToArray() : c.Take(historySteps).ToArray())];
            Array.ForEach(covariateValues, c => Interpolate(c));
            series.Add(new TimeSeries(id, [.. filledTimes.Take(historySteps)], y, covariateValues[..known]) { Past = covariateValues[known..] });
        }

        return (series, step!.Value, filled);
    }

    /// <summary>Fills NaNs linearly between their neighbours (the nearest value at the ends); false when all are missing.</summary>
    private static bool Interpolate(double[] y)
    {
        var last = -1;
        for (var i = 0; i < y.Length; i++)
        {
            if (double.IsNaN(y[i]))
            {
                continue;
            }

            for (var j = last + 1; j < i; j++)
            {
                y[j] = last < 0 ? y[i] : y[last] + (y[i] - y[last]) * (j - last) / (i - last);
            }

            last = i;
        }

        if (last < 0)
        {
            return false;
        }

        for (var j = last + 1; j < y.Length; j++)
        {
            y[j] = y[last];
        }

        return true;
    }

    /// <summary>Refuses a series shorter than <paramref name="needed"/> points, naming it.</summary>
    /// <param name="series">The series read.</param>
    /// <param name="source">The file or rows they came from.</param>
    /// <param name="needed">The fewest points a series may have.</param>
    /// <param name="why">What needs them, completing "fewer than the 144 that …".</param>
    public static void RequireLength(IReadOnlyList<TimeSeries> series, string source, int needed, string why)
    {
        if (series.FirstOrDefault(s => s.Length < needed) is { } shortest)
        {
            throw new DataFileException(source, null, null, string.Create(CultureInfo.InvariantCulture,
                $"{Where(shortest.Id)}there are {shortest.Length} points, fewer than the {needed} that {why}."));
        }
    }

    /// <summary>
    /// A forecaster's covariates: the row's numeric and boolean properties besides its time, value and series id (not
    /// a run of columns: the generator's DCL0042 says those are not used).
    /// </summary>
    public static IReadOnlyList<string> Covariates<TRow>(PipelineSpec<TRow> spec) =>
        [.. spec.Features.Where(f => f.Kind is ColumnKind.Numeric or ColumnKind.Boolean && f.Run is null && !f.PastOnly).Select(f => f.PropertyName)];

    /// <summary>A forecaster's past covariates (<c>[PastCovariate]</c>): known up to the last value, read by the global trees and the autoregression before the steps they forecast.</summary>
    public static IReadOnlyList<string> PastCovariates<TRow>(PipelineSpec<TRow> spec) =>
        [.. spec.Features.Where(f => f.PastOnly).Select(f => f.PropertyName)];

    private static double Covariate(TableColumn column, int row) => column.Singles is { } numbers ? numbers[row] : column.Booleans![row] ? 1 : 0;

    private static TableColumn Column(DataTable table, string name) => table.Columns.First(c => c.Name == name);

    private static string Where(string id) => id.Length == 0 ? "In the series, " : $"In series '{id}', ";

    /// <summary>A time as the file writes it (ISO form without a format, as for rows in memory), or a step number.</summary>
    internal static string Show(long time, bool dates, string? format = null) => dates ? DateParsing.Show(new DateTime(time), format) : time.ToString(CultureInfo.InvariantCulture);
}
