using Declarative.Schema;

namespace Declarative.Data;

/// <summary>
/// An in-memory column of a <see cref="DataTable"/>: exactly one of the arrays is set, by storage. Text is held either
/// as one value per row (free text) or as a code per row into the column's distinct values (categories and class
/// labels: four bytes a row instead of sixteen).
/// </summary>
internal sealed class TableColumn
{
    private readonly ReadOnlyMemory<char>[]? _texts;
    private readonly int[]? _codes;
    private readonly ReadOnlyMemory<char>[]? _categories;

    public TableColumn(string name, float[] values) => (Name, Storage, Singles) = (name, ColumnStorage.Single, values);

    public TableColumn(string name, bool[] values) => (Name, Storage, Booleans) = (name, ColumnStorage.Boolean, values);

    public TableColumn(string name, ReadOnlyMemory<char>[] values) => (Name, Storage, _texts) = (name, ColumnStorage.Text, values);

    /// <summary>Text by code: row <c>i</c> holds <c>categories[codes[i]]</c>, or empty (missing) where the code is -1.</summary>
    public TableColumn(string name, int[] codes, ReadOnlyMemory<char>[] categories) =>
        (Name, Storage, _codes, _categories) = (name, ColumnStorage.Text, codes, categories);

    public string Name { get; }

    public ColumnStorage Storage { get; }

    public float[]? Singles { get; }

    public bool[]? Booleans { get; }

    public bool IsText => Storage == ColumnStorage.Text;

    public int Length => Singles?.Length ?? Booleans?.Length ?? _texts?.Length ?? _codes!.Length;

    /// <summary>The text of one row (empty when missing).</summary>
    public ReadOnlyMemory<char> Text(int row) =>
        _texts is not null ? _texts[row] : _codes![row] is var code and >= 0 ? _categories![code] : ReadOnlyMemory<char>.Empty;

    /// <summary>The text of every row, in order.</summary>
    public IEnumerable<ReadOnlyMemory<char>> Texts => Enumerable.Range(0, Length).Select(Text);

    /// <summary>
    /// The text rows as a key per row that equal values share (-1 where the value is missing or empty) and the distinct
    /// values by key: what counting needs, without a string per row (a profile of 10M rows would hold them all).
    /// </summary>
    public (int[] Keys, ReadOnlyMemory<char>[] Values) Keyed()
    {
        var keys = new int[Length];
        var values = new List<ReadOnlyMemory<char>>();
        var lookup = new Dictionary<ReadOnlyMemory<char>, int>(TextComparer.Instance);
        // A coded column already shares its values; past its lookup's limit a value may have several codes, merged here.
        var byCode = _categories is null ? null : new int[_categories.Length];
        if (byCode is not null)
        {
            for (var code = 0; code < byCode.Length; code++)
            {
                byCode[code] = KeyOf(_categories![code]);
            }
        }

        for (var row = 0; row < keys.Length; row++)
        {
            keys[row] = byCode is not null ? (_codes![row] is var code and >= 0 ? byCode[code] : -1) : KeyOf(_texts![row]);
        }

        return (keys, values.ToArray());

        int KeyOf(ReadOnlyMemory<char> text)
        {
            if (text.IsEmpty)
            {
                return -1;
            }

            if (!lookup.TryGetValue(text, out var key))
            {
                key = values.Count;
                values.Add(text);
                lookup.Add(text, key);
            }

            return key;
        }
    }

    /// <summary>The same column with its rows at <paramref name="order"/>.</summary>
    public TableColumn Reorder(IReadOnlyList<int> order) => this switch
    {
        { Singles: { } s } => new TableColumn(Name, order.Select(i => s[i]).ToArray()),
        { Booleans: { } b } => new TableColumn(Name, order.Select(i => b[i]).ToArray()) { NegativeClass = NegativeClass, Spelling = Spelling },
        { _codes: { } c } => new TableColumn(Name, order.Select(i => c[i]).ToArray(), _categories!),
        _ => new TableColumn(Name, order.Select(i => _texts![i]).ToArray()),
    };

    /// <summary>For a binary label with a positive class: the other class's canonical text, as the data had it.</summary>
    public string? NegativeClass { get; init; }

    /// <summary>For a bool label read from text: how the file spelled false and true (say <c>No</c>, <c>Yes</c>).</summary>
    public IReadOnlyList<string>? Spelling { get; init; }
}

/// <summary>Compares texts by their characters.</summary>
internal sealed class TextComparer : IEqualityComparer<ReadOnlyMemory<char>>
{
    public static readonly TextComparer Instance = new();

    public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceEqual(y.Span);

    public int GetHashCode(ReadOnlyMemory<char> text) => string.GetHashCode(text.Span, StringComparison.Ordinal);
}

/// <summary>Rows loaded into columns of the three storage types a pipeline uses: single, boolean and text.</summary>
internal sealed class DataTable(IReadOnlyList<TableColumn> columns, int rowCount)
{
    /// <summary>A table of embedded columns, with the texts kept beside them.</summary>
    public DataTable(ExpandedColumns columns, int rowCount)
        : this(columns.Columns, rowCount) => Sources = columns.Sources;

    public IReadOnlyList<TableColumn> Columns { get; } = columns;

    /// <summary>
    /// Texts kept beside the columns, not given to the pipeline: each [Image] property's file paths, named by the
    /// property (the report shows test images). They follow the rows through <see cref="Rows"/>.
    /// </summary>
    public IReadOnlyList<TableColumn> Sources { get; private init; } = [];

    /// <summary>
    /// The rows at <paramref name="order"/>, in that order; with <paramref name="only"/>, just the columns it names are
    /// reordered and the others kept as they are (a shuffle of one column, for permutation importance).
    /// </summary>
    public DataTable Rows(IReadOnlyList<int> order, Func<string, bool>? only = null) =>
        new(Columns.Select(c => only?.Invoke(c.Name) == false ? c : c.Reorder(order)).ToArray(), order.Count)
        {
            Sources = only is null ? Sources.Select(c => c.Reorder(order)).ToArray() : Sources,
        };

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
