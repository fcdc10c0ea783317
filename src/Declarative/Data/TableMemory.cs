using System.Globalization;
using Declarative.Schema;

namespace Declarative.Data;

/// <summary>
/// What a table of a pipeline's rows costs in memory, and the error when the rows do not fit: the rows are held in
/// memory for the split, the report and tuning, so a source larger than the process may use fails while loading,
/// with a message that says how far it got and what to do, instead of an <see cref="OutOfMemoryException"/> from
/// deep inside a load.
/// </summary>
internal static class TableMemory
{
    /// <summary>About how many bytes one row takes in the table (not counting the characters of free text).</summary>
    public static int BytesPerRow<TRow>(PipelineSpec<TRow> spec) => spec.Columns.Sum(c => c.Storage switch
    {
        ColumnStorage.Single => sizeof(float),
        ColumnStorage.Boolean => sizeof(bool),
        _ when c.Kind.IsCoded() => sizeof(int),
        _ => 16,
    });

    public static DataFileException TooLarge<TRow>(PipelineSpec<TRow> spec, string source, int rowsRead, int? line, OutOfMemoryException e)
    {
        var perRow = BytesPerRow(spec);
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return new DataFileException(source, line, null, string.Create(CultureInfo.InvariantCulture,
            $"The rows of pipeline {spec.Name} do not fit in memory: .NET could not allocate more after {rowsRead:N0} rows. " +
            $"The table holds about {perRow:N0} bytes a row (plus the characters of text), and training needs about as much again; " +
            $"this process may use {available / (1024.0 * 1024):N0} MiB. Train on a sample of the rows, or where more memory is available."), e);
    }
}
