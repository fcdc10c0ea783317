using Declarative.Schema;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Data;

/// <summary>ML.NET getters that read a pipeline's columns from whichever row object is current.</summary>
internal static class RowValueGetters
{
    public static Delegate Create<TRow>(ColumnSpec<TRow> column, Func<TRow> current) => column.Storage switch
    {
        ColumnStorage.Single when column.Kind.IsLabel() => (ValueGetter<float>)((ref float v) => v = column.SingleGetter!(current())),
        ColumnStorage.Single => (ValueGetter<float>)((ref float v) => v = FiniteFeatures.Checked(column.SingleGetter!(current()), column.PropertyName)),
        ColumnStorage.Boolean => (ValueGetter<bool>)((ref bool v) => v = column.BooleanGetter!(current())),
        _ => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = (column.TextGetter!(current()) ?? "").AsMemory()),
    };
}

/// <summary>
/// A one-row input whose row object is swapped before each prediction. Its position moves with every swap so
/// that ML.NET transforms that cache per row see a new row.
/// </summary>
internal sealed class MutableInputRow<TRow> : DataViewRow
{
    private readonly Delegate[] _getters;
    private TRow _current = default!;
    private long _position = -1;

    public MutableInputRow(PipelineSpec<TRow> spec, DataViewSchema schema)
    {
        Schema = schema;
        _getters = spec.Columns.Select(c => RowValueGetters.Create(c, () => _current)).ToArray();
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _position;

    public override long Batch => 0;

    public void Set(TRow row)
    {
        _current = row;
        _position++;
    }

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        ViewSchema.Cast<TValue>(_getters[column.Index], column);

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);
}
