using Declarative.Schema;

namespace Declarative.Data;

/// <summary>The rows of a table in the order of a time-ordered split (<c>[Split(OrderBy = ...)]</c>): stable, missing first.</summary>
internal static class TimeOrder
{
    public static int[] Of<TRow>(PipelineSpec<TRow> spec, DataTable table)
    {
        var key = Key(spec, table);
        return Enumerable.Range(0, table.RowCount).OrderBy(i => float.IsNaN((float)key[i]) ? double.NegativeInfinity : key[i]).ToArray();
    }

    /// <summary>A number that grows with time: a number feature as it is; a date from its parts (to the minute).</summary>
    private static double[] Key<TRow>(PipelineSpec<TRow> spec, DataTable table)
    {
        var name = spec.OrderBy!;
        float[] Part(string column) => table.Columns.First(c => c.Name == column).Singles!;
        if (spec.Features.Any(f => f.PropertyName == name && f.Kind == ColumnKind.Numeric))
        {
            return Part(name).Select(v => (double)v).ToArray();
        }

        var parts = spec.Features.Where(f => f.Date?.Property == name).ToDictionary(f => f.Date!.Part, f => Part(f.PropertyName));
        if (parts.Count == 0)
        {
            throw new InvalidOperationException($"Pipeline '{spec.Name}': [Split(OrderBy = \"{name}\")] names no date, time or number feature.");
        }

        double At(DatePart part, int row) => parts.TryGetValue(part, out var values) ? values[row] : 0;
        return Enumerable.Range(0, table.RowCount)
            .Select(i => (((((At(DatePart.Year, i) * 400) + At(DatePart.DayOfYear, i)) * 24) + At(DatePart.Hour, i)) * 60) + At(DatePart.Minute, i))
            .ToArray();
    }
}
