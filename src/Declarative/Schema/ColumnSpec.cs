using System.Globalization;

namespace Declarative.Schema;

/// <summary>
/// One column of a pipeline: which property of <typeparamref name="TRow"/> it reads, which column of a data file
/// it maps to and how it is featurized. Generated code builds these; the factory methods keep it one line a column.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class ColumnSpec<TRow>
{
    private ColumnSpec(string propertyName, string? columnName, int index, ColumnKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        PropertyName = propertyName;
        ColumnName = columnName ?? propertyName;
        HasExplicitName = columnName is not null;
        Index = index;
        Kind = kind;
    }

    /// <summary>The property of the row; also the column's name inside the ML.NET pipeline.</summary>
    public string PropertyName { get; }

    /// <summary>The header name in a data file (the property name unless <see cref="ColumnAttribute"/> renames it).</summary>
    public string ColumnName { get; }

    /// <summary>Whether <see cref="ColumnName"/> was given explicitly; an implicit name also matches a header loosely.</summary>
    public bool HasExplicitName { get; private init; }

    /// <summary>The zero-based position in a file without a header, or -1 for the property's own position.</summary>
    public int Index { get; }

    /// <summary>What the column is and how it is featurized.</summary>
    public ColumnKind Kind { get; }

    /// <summary>For categorical columns: the property's type, whose values name the categories.</summary>
    public Type? CategoryType { get; private init; }

    internal Func<TRow, float>? SingleGetter { get; private init; }

    internal Func<TRow, bool>? BooleanGetter { get; private init; }

    internal Func<TRow, string?>? TextGetter { get; private init; }

    internal ILabelCodec? Codec { get; private init; }

    /// <summary>For a binary label that is not a bool: the canonical text of the positive class.</summary>
    internal string? PositiveClass { get; private init; }

    /// <summary>For a part of a date: which part, of what kind of value, read with which format.</summary>
    internal DateColumn? Date { get; private init; }

    internal ColumnStorage Storage => Kind.Storage();

    /// <summary>A numeric feature (float, double, int, long and their nullable forms; null is a missing value).</summary>
    public static ColumnSpec<TRow> Numeric(string propertyName, string? columnName, Func<TRow, float> getter, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.Numeric) { SingleGetter = getter };

    /// <summary>A boolean feature.</summary>
    public static ColumnSpec<TRow> Boolean(string propertyName, string? columnName, Func<TRow, float> getter, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.Boolean) { SingleGetter = getter };

    /// <summary>A categorical feature whose categories are the values of <paramref name="categoryType"/>.</summary>
    public static ColumnSpec<TRow> Categorical(string propertyName, string? columnName, Func<TRow, string?> getter, Type categoryType, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.Categorical) { TextGetter = getter, CategoryType = categoryType };

    /// <summary>A free-text feature.</summary>
    public static ColumnSpec<TRow> Text(string propertyName, string? columnName, Func<TRow, string?> getter, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.Text) { TextGetter = getter };

    /// <summary>The label of binary classification.</summary>
    public static ColumnSpec<TRow> BooleanLabel(string propertyName, string? columnName, Func<TRow, bool> getter, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.BooleanLabel) { BooleanGetter = getter };

    /// <summary>A binary label of another type than bool: true where the value is <paramref name="positive"/>.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static ColumnSpec<TRow> PositiveLabel<TLabel>(string propertyName, string? columnName, Func<TRow, TLabel> getter, LabelCodec<TLabel> codec, string positive, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentNullException.ThrowIfNull(codec);
        var canonical = codec.TryParse(positive, out var value)
            ? codec.ToText(value)
            : throw new ArgumentException($"Positive = \"{positive}\" is not a valid {typeof(TLabel).Name}. {codec.Expected}", nameof(positive));
        return new(propertyName, columnName, index, ColumnKind.BooleanLabel)
        {
            BooleanGetter = row => codec.ToText(getter(row)) == canonical,
            TextGetter = row => codec.ToText(getter(row)),
            Codec = codec,
            PositiveClass = canonical,
        };
    }

    /// <summary>The label of regression.</summary>
    public static ColumnSpec<TRow> NumericLabel(string propertyName, string? columnName, Func<TRow, float> getter, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.NumericLabel) { SingleGetter = getter };

    /// <summary>The label of multiclass classification, read and written through <paramref name="codec"/>.</summary>
    public static ColumnSpec<TRow> ClassLabel<TLabel>(string propertyName, string? columnName, Func<TRow, TLabel> getter, LabelCodec<TLabel> codec, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentNullException.ThrowIfNull(codec);
        return new(propertyName, columnName, index, ColumnKind.ClassLabel) { TextGetter = row => codec.ToText(getter(row)), Codec = codec };
    }

    /// <summary>The canonical form of this column in the schema hash: what a trained model depends on.</summary>
    /// <summary>
    /// The numeric parts of a date or time property, one column each (<c>When.Year</c>, <c>When.Month</c>, ...), all
    /// read from the property's one file column: a DateTime or DateTimeOffset gives year, month, day, day of week, day of
    /// year, hour and minute; a DateOnly the first five; a TimeOnly hour and minute. Missing is missing in every part.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static IEnumerable<ColumnSpec<TRow>> DateParts(string propertyName, string? columnName, Func<TRow, DateTime?> getter, DateKind kind, string? format, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(getter);
        return DateColumn.PartsOf(kind).Select(part => new ColumnSpec<TRow>($"{propertyName}.{part}", columnName ?? propertyName, index, ColumnKind.DatePart)
        {
            HasExplicitName = columnName is not null,
            Date = new DateColumn(propertyName, part, kind, format),
            SingleGetter = row => getter(row) is { } value ? DateColumn.Value(value, part) : float.NaN,
        }).ToArray();
    }

    internal string SchemaSignature() =>
        string.Create(CultureInfo.InvariantCulture, $"{PropertyName}:{Kind}:{CategoryType?.FullName ?? Codec?.LabelTypeName}");
}
