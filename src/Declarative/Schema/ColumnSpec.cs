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

    /// <summary>For a whole date value (<see cref="ColumnKind.DateValue"/>): the kind of value and the file's format.</summary>
    internal (DateKind Kind, string? Format)? WholeDate { get; private init; }

    /// <summary>For one element of an array property read from a run of columns: which element of which run.</summary>
    internal ColumnRun? Run { get; private init; }

    /// <summary>For one element of a text property's embedding: which element, by which encoder.</summary>
    internal TextEmbedding? Embedding { get; private init; }

    /// <summary>A label that may be missing when read (a series' value, which the forecaster fills or refuses with the time named).</summary>
    internal bool MissingAllowed { get; private init; }

    /// <summary>A forecaster's covariate known only up to the series' last value (<c>[PastCovariate]</c>), not at the steps forecast.</summary>
    internal bool PastOnly { get; private init; }

    /// <summary>The row property the column comes from: a date's parts, a run's elements and an embedding's share one.</summary>
    internal string SourceProperty => Date?.Property ?? Run?.Property ?? Embedding?.Property ?? PropertyName;

    internal ColumnStorage Storage => Kind.Storage();

    /// <summary>A numeric feature (float, double, int, long and their nullable forms; null is a missing value).</summary>
    public static ColumnSpec<TRow> Numeric(string propertyName, string? columnName, Func<TRow, float> getter, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.Numeric) { SingleGetter = getter };

    /// <summary>A boolean feature.</summary>
    public static ColumnSpec<TRow> Boolean(string propertyName, string? columnName, Func<TRow, float> getter, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.Boolean) { SingleGetter = getter };

    /// <summary>
    /// A forecaster's covariate known only up to the series' last value (<c>[PastCovariate]</c>): a number, or a boolean
    /// read as 1 and 0 when <paramref name="boolean"/>.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static ColumnSpec<TRow> PastCovariate(string propertyName, string? columnName, Func<TRow, float> getter, bool boolean = false, int index = -1) =>
        new(propertyName, columnName, index, boolean ? ColumnKind.Boolean : ColumnKind.Numeric) { SingleGetter = getter, PastOnly = true };

    /// <summary>A categorical feature whose categories are the values of <paramref name="categoryType"/>.</summary>
    public static ColumnSpec<TRow> Categorical(string propertyName, string? columnName, Func<TRow, string?> getter, Type categoryType, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.Categorical) { TextGetter = getter, CategoryType = categoryType };

    /// <summary>The group of a ranking row (int, long or string), whose values are the property's as text.</summary>
    public static ColumnSpec<TRow> GroupId(string propertyName, string? columnName, Func<TRow, string?> getter, Type groupType, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.GroupId) { TextGetter = getter, CategoryType = groupType };

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

    /// <summary>
    /// The value a forecaster forecasts: a number, read as a label that may be missing (NaN), since a series' gaps are
    /// the forecaster's to fill or to refuse with the series and time named.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static ColumnSpec<TRow> SeriesValue(string propertyName, string? columnName, Func<TRow, float> getter, int index = -1) =>
        new(propertyName, columnName, index, ColumnKind.NumericLabel) { SingleGetter = getter, MissingAllowed = true };

    /// <summary>The label of multiclass classification, read and written through <paramref name="codec"/>.</summary>
    public static ColumnSpec<TRow> ClassLabel<TLabel>(string propertyName, string? columnName, Func<TRow, TLabel> getter, LabelCodec<TLabel> codec, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentNullException.ThrowIfNull(codec);
        return new(propertyName, columnName, index, ColumnKind.ClassLabel) { TextGetter = row => codec.ToText(getter(row)), Codec = codec };
    }

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

    /// <summary>
    /// A date or time property as one value, its round-trip text (<c>2020-12-31T23:59:00.0000000</c>), which sorts as
    /// time does: how a synthesizer models a date, so a sampled date is a date seen in training, whole. Read from the
    /// file as <see cref="DateParts"/> is (ISO 8601, or <paramref name="format"/>).
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static ColumnSpec<TRow> DateValue(string propertyName, string? columnName, Func<TRow, DateTime?> getter, DateKind kind, string? format, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(getter);
        return new(propertyName, columnName, index, ColumnKind.DateValue)
        {
            WholeDate = (kind, format),
            TextGetter = row => getter(row) is { } value ? RoundTrip(value) : null,
        };
    }

    /// <summary>A date's round-trip text, without a kind (a file's clock time), so texts sort as their times do.</summary>
    internal static string RoundTrip(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Unspecified).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// A <c>float[]</c> property read from a run of <paramref name="count"/> adjacent columns: in a file with a header,
    /// from the column named <paramref name="first"/> through the one named <paramref name="last"/>; without one, from
    /// position <paramref name="startIndex"/> on. Each element is a numeric column (<c>Pixels[0]</c>, ...), featurized
    /// together with the other numbers. An array of another length is an error at training and at prediction; a null
    /// array is all missing.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static IEnumerable<ColumnSpec<TRow>> Columns(string propertyName, string? first, string? last, int count, Func<TRow, float[]?> getter, int startIndex = -1)
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if ((first is null) != (last is null))
        {
            throw new ArgumentException("A run names both its first and its last column, or neither.", nameof(first));
        }

        return Enumerable.Range(0, count).Select(offset =>
        {
            var run = new ColumnRun(propertyName, first, last, offset, count);
            return new ColumnSpec<TRow>(ColumnRun.ElementName(propertyName, offset), first, startIndex < 0 ? -1 : startIndex + offset, ColumnKind.Numeric)
            {
                HasExplicitName = first is not null,
                Run = run,
                SingleGetter = row => Element(getter(row), run, startIndex),
            };
        }).ToArray();
    }

    /// <summary>
    /// A [Text] property embedded by a pre-trained sentence encoder: <see cref="ISentenceEncoder.Dimension"/> numeric
    /// columns (<c>Review[0]</c>, ...), all read from the property's one file column, featurized with the other numbers.
    /// Files are encoded in batches when they load; a row being predicted is encoded once for all its elements.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static IEnumerable<ColumnSpec<TRow>> EncodedText(string propertyName, string? columnName, Func<TRow, string?> getter, ISentenceEncoder encoder, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentNullException.ThrowIfNull(encoder);
        return Enumerable.Range(0, encoder.Dimension).Select(offset => new ColumnSpec<TRow>(TextEmbedding.ElementName(propertyName, offset), columnName ?? propertyName, index, ColumnKind.Numeric)
        {
            HasExplicitName = columnName is not null,
            Embedding = new TextEmbedding(propertyName, encoder, offset),
            TextGetter = getter,
            SingleGetter = row => TextEmbedding.VectorOf(encoder, getter(row))[offset],
        }).ToArray();
    }

    /// <summary>
    /// An [Image] property encoded by a pre-trained image encoder: <see cref="IImageEncoder.Dimension"/> numeric columns
    /// (<c>Photo[0]</c>, ...), all read from the property's one file column, which holds image paths relative to the
    /// data file's folder. A row being predicted names its file relative to the working directory (or in full).
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static IEnumerable<ColumnSpec<TRow>> EncodedImage(string propertyName, string? columnName, Func<TRow, string?> getter, IImageEncoder encoder, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentNullException.ThrowIfNull(encoder);
        return EncodedText(propertyName, columnName, row => ImageFileEncoder.FullPath(getter(row)), new ImageFileEncoder(encoder), index);
    }

    /// <summary>
    /// An [Image] property that holds the encoded image itself (the bytes of a JPEG or PNG file), for rows in memory; a
    /// file or a folder fills it by path as for a string property.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static IEnumerable<ColumnSpec<TRow>> EncodedImageBytes(string propertyName, string? columnName, Func<TRow, byte[]?> getter, IImageEncoder encoder, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentNullException.ThrowIfNull(encoder);
        return EncodedText(propertyName, columnName, row => ImageFileEncoder.Inline(getter(row)), new ImageFileEncoder(encoder), index);
    }

    private static float Element(float[]? values, ColumnRun run, int startIndex) =>
        values is null ? float.NaN
        : values.Length == run.Count ? values[run.Offset]
        : throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{typeof(TRow).Name}.{run.Property} has {values.Length} values, but the pipeline reads {run.Count} ({run.Describe(startIndex)}); pass exactly {run.Count}, or null when all are missing."));

    /// <summary>The canonical form of this column in the schema hash: what a trained model depends on.</summary>
    internal string SchemaSignature() =>
        string.Create(CultureInfo.InvariantCulture, $"{PropertyName}:{Kind}:{CategoryType?.FullName ?? Codec?.LabelTypeName ?? Embedding?.Encoder.Name}{(PastOnly ? ":past" : "")}");
}
