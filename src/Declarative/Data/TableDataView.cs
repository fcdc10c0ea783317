using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Data;

/// <summary>
/// An <see cref="IDataView"/> over a <see cref="DataTable"/>, or over some of its rows (a split's part, without a copy):
/// random access, so it can shuffle and split, with a known row count.
/// </summary>
internal sealed class TableDataView : IDataView
{
    private readonly DataTable _table;
    private readonly int[]? _rows;

    /// <param name="table">The table.</param>
    /// <param name="rows">The table's rows this view shows, in order; null for all.</param>
    public TableDataView(DataTable table, int[]? rows = null)
    {
        _table = table;
        _rows = rows;
        Schema = ViewSchema.Build(table.Columns.Select(c => (c.Name, c.Storage)));
    }

    private int RowCount => _rows?.Length ?? _table.RowCount;

    /// <summary>The rows this view shows, as a table of their own.</summary>
    internal DataTable ToTable() => _rows is null ? _table : _table.Rows(_rows);

    public DataViewSchema Schema { get; }

    public bool CanShuffle => true;

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded, rand);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly TableDataView _view;
        private readonly bool[] _active;
        private readonly int[]? _order;
        private long _position = -1;
        private int _row = -1;

        public Cursor(TableDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand)
        {
            _view = view;
            _active = new bool[view.Schema.Count];
            foreach (var column in columnsNeeded)
            {
                _active[column.Index] = true;
            }

            if (rand is not null)
            {
                _order = Enumerable.Range(0, view.RowCount).ToArray();
                rand.Shuffle(_order);
            }
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override bool MoveNext()
        {
            if (_position + 1 >= _view.RowCount)
            {
                _row = -1;
                return false;
            }

            _position++;
            var index = _order is null ? (int)_position : _order[_position];
            _row = _view._rows is { } rows ? rows[index] : index;
            return true;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested by the cursor.");
            }

            var data = _view._table.Columns[column.Index];
            Delegate getter = data switch
            {
                { Singles: { } s } => (ValueGetter<float>)((ref float v) => v = s[_row]),
                { Booleans: { } b } => (ValueGetter<bool>)((ref bool v) => v = b[_row]),
                { IsText: true } t => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = t.Text(_row)),
                _ => throw new InvalidOperationException($"Column '{column.Name}' holds no values."),
            };
            return ViewSchema.Cast<TValue>(getter, column);
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_row, 0);
    }
}
