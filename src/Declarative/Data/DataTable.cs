using Declarative.Schema;

namespace Declarative.Data;

/// <summary>An in-memory column of a <see cref="DataTable"/>: exactly one of the arrays is set, by storage.</summary>
internal sealed class TableColumn
{
    public TableColumn(string name, float[] values) => (Name, Storage, Singles) = (name, ColumnStorage.Single, values);

    public TableColumn(string name, bool[] values) => (Name, Storage, Booleans) = (name, ColumnStorage.Boolean, values);

    public TableColumn(string name, ReadOnlyMemory<char>[] values) => (Name, Storage, Texts) = (name, ColumnStorage.Text, values);

    public string Name { get; }

    public ColumnStorage Storage { get; }

    public float[]? Singles { get; }

    public bool[]? Booleans { get; }

    public ReadOnlyMemory<char>[]? Texts { get; }

    public int Length => Singles?.Length ?? Booleans?.Length ?? Texts!.Length;

    /// <summary>For a binary label with a positive class: the other class's canonical text, as the data had it.</summary>
    public string? NegativeClass { get; init; }
}

/// <summary>Rows loaded into columns of the three storage types a pipeline uses: single, boolean and text.</summary>
internal sealed class DataTable(IReadOnlyList<TableColumn> columns, int rowCount)
{
    public IReadOnlyList<TableColumn> Columns { get; } = columns;

    /// <summary>
    /// The rows at <paramref name="order"/>, in that order; with <paramref name="only"/>, just the columns it names are
    /// reordered and the others kept as they are (a shuffle of one column, for permutation importance).
    /// </summary>
    public DataTable Rows(IReadOnlyList<int> order, Func<string, bool>? only = null) =>
        new(Columns.Select(c => only?.Invoke(c.Name) == false ? c : c switch
        {
            { Singles: { } s } => new TableColumn(c.Name, order.Select(i => s[i]).ToArray()),
            { Booleans: { } b } => new TableColumn(c.Name, order.Select(i => b[i]).ToArray()) { NegativeClass = c.NegativeClass },
            _ => new TableColumn(c.Name, order.Select(i => c.Texts![i]).ToArray()),
        }).ToArray(), order.Count);

    public int RowCount { get; } = rowCount;

    /// <summary>Quoted fields of the file that spanned more than one line (legal, so only counted).</summary>
    public int MultilineFields { get; init; }

    /// <summary>The line where the first of them opens, or 0.</summary>
    public int FirstMultilineFieldLine { get; init; }

    /// <summary>Rows skipped as bad (with <c>SkipBadRows</c>).</summary>
    public int BadRows { get; init; }

    /// <summary>The first of them, with where they were and why.</summary>
    public IReadOnlyList<BadRow> BadRowSamples { get; init; } = [];
}
