using System.Globalization;
using Declarative.Data;
using Declarative.Schema;

namespace Declarative.Anomalies;

/// <summary>One series' points in time order: each point's row in the table, its time, its watched values and its label.</summary>
internal sealed record SeriesPoints(string Id, int[] Rows, long[] Times, float[][] Values, bool[]? Labels)
{
    public int Length => Rows.Length;

    /// <summary>The labelled windows: each run of points labelled true, from its first time to its last (none without a label).</summary>
    public AnomalyWindow[] Windows { get; } = FindWindows(Times, Labels);

    private static AnomalyWindow[] FindWindows(long[] times, bool[]? labels)
    {
        var windows = new List<AnomalyWindow>();
        for (var i = 0; labels is not null && i < labels.Length; i++)
        {
            if (labels[i] && (i == 0 || !labels[i - 1]))
            {
                var end = i;
                while (end + 1 < labels.Length && labels[end + 1])
                {
                    end++;
                }

                windows.Add(new AnomalyWindow(times[i], times[end]));
            }
        }

        return [.. windows];
    }

    /// <summary>
    /// Reads a table's rows into series: grouped by the [SeriesId] (one series without one), ordered by the [Time] (rows
    /// at one time keep their order), with every watched value. A missing time is an error naming the file and line; a
    /// missing value is kept (a detector scores it 0).
    /// </summary>
    public static IReadOnlyList<SeriesPoints> Read<TRow>(PipelineSpec<TRow> spec, DataTable table, string source)
    {
        var timeSpec = spec.Time ?? throw new ArgumentException($"Pipeline '{spec.Name}' has no [Time] column.", nameof(spec));
        var dates = timeSpec.Kind == ColumnKind.DateValue;
        var times = Column(table, timeSpec.PropertyName);
        var values = spec.Features.Select(f => Column(table, f.PropertyName).Singles
            ?? throw new ArgumentException($"Pipeline '{spec.Name}': the watched value '{f.PropertyName}' is not numeric.", nameof(spec))).ToArray();
        var ids = spec.SeriesId is { } idSpec ? Column(table, idSpec.PropertyName) : null;
        var labels = spec.Label is { } labelSpec ? Column(table, labelSpec.PropertyName).Booleans : null;
        var linesKnown = table.BadRows == 0 && table.MultilineFields == 0 && source.Length > 0 && !source.StartsWith('(');

        var bySeries = new Dictionary<string, List<(int Row, long Time)>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var row = 0; row < table.RowCount; row++)
        {
            var id = ids?.Text(row).ToString() ?? "";
            var text = times.Text(row).Span;
            if (text.IsEmpty)
            {
                throw new DataFileException(source, linesKnown ? row + 1 + spec.SkipLines + (spec.HasHeader ? 1 : 0) : null, null,
                    $"{(id.Length == 0 ? "In the series, " : $"In series '{id}', ")}the time ({timeSpec.PropertyName}) is missing.");
            }

            var time = dates
                ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).Ticks
                : long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
            if (!bySeries.TryGetValue(id, out var points))
            {
                bySeries[id] = points = [];
                order.Add(id);
            }

            points.Add((row, time));
        }

        return order.Select(id =>
        {
            var points = bySeries[id].OrderBy(p => p.Time).ToArray(); // a stable sort: rows at one time keep their order
            var rows = points.Select(p => p.Row).ToArray();
            return new SeriesPoints(id, rows, points.Select(p => p.Time).ToArray(),
                rows.Select(r => values.Select(v => v[r]).ToArray()).ToArray(),
                labels is null ? null : rows.Select(r => labels[r]).ToArray());
        }).ToArray();
    }

    private static TableColumn Column(DataTable table, string name) => table.Columns.First(c => c.Name == name);
}
