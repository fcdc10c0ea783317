using Declarative.Schema;

namespace Declarative.Data;

/// <summary>Parses the fields of one column into its storage, failing at the first value the column cannot take.</summary>
/// <param name="column">The column.</param>
/// <param name="name">The column's name as the file writes it, for messages.</param>
/// <param name="path">The file, for messages.</param>
internal sealed class ColumnBuilder<TRow>(ColumnSpec<TRow> column, string name, string path)
{
    private readonly ChunkedList<float> _singles = new();
    private readonly ChunkedList<bool> _booleans = new();
    private readonly ChunkedList<ReadOnlyMemory<char>> _texts = new();

    // Categories and class labels as a code per row into their distinct values: a category column of 10M rows holds a
    // few values, and a string (or a 16-byte reference) per row was most of the table's memory. The lookup is bounded,
    // so a near-unique column stops sharing values instead of growing a dictionary as large as the file.
    private readonly ChunkedList<int> _codes = new();
    private readonly List<ReadOnlyMemory<char>> _categories = [];
    private readonly Dictionary<string, int> _categoryCodes = new(StringComparer.Ordinal);
    private const int CategoryLookupLimit = 100_000;

    /// <summary>The column this builder reads.</summary>
    public ColumnSpec<TRow> Column => column;

    public void Add(Field field)
    {
        var text = field.Value;
        if (column.Embedding is { } embedding)
        {
            // A text to embed: its first element keeps the text, and the table encodes all of them at once when built.
            if (embedding.Offset == 0)
            {
                _texts.Add((embedding.IsImage ? ImagePath(field) : text).AsMemory());
            }

            return;
        }

        switch (column.Kind)
        {
            case ColumnKind.Numeric:
                _singles.Add(ValueParser.IsMissing(text) ? float.NaN
                    : !ValueParser.TryParseSingle(text, out var number) ? throw Bad(field)
                    : float.IsFinite(number) ? number : throw NotFinite(field));
                break;
            case ColumnKind.DatePart:
                var date = column.Date!;
                _singles.Add(ValueParser.IsMissing(text) ? float.NaN
                    : DateParsing.TryParse(text, date.Kind, date.Format, out var when) ? DateColumn.Value(when, date.Part) : throw Bad(field));
                break;
            case ColumnKind.Boolean:
                _singles.Add(ValueParser.IsMissing(text) ? float.NaN : ValueParser.TryParseBoolean(text, out var flag) ? (flag ? 1f : 0f) : throw Bad(field));
                break;
            case ColumnKind.Categorical:
                _codes.Add(ValueParser.IsMissing(text) ? -1
                    : ValueParser.TryNormalizeCategory(column.CategoryType!, text, out var category) ? Code(category) : throw Bad(field));
                break;
            case ColumnKind.Text:
                _texts.Add(text.AsMemory());
                break;
            case ColumnKind.DateValue:
                var (dateKind, dateFormat) = column.WholeDate!.Value;
                _codes.Add(ValueParser.IsMissing(text) ? -1
                    : DateParsing.TryParse(text, dateKind, dateFormat, out var moment) ? Code(ColumnSpec<TRow>.RoundTrip(moment)) : throw Bad(field));
                break;
            case ColumnKind.GroupId:
                _codes.Add(ValueParser.IsMissing(text)
                    ? throw new DataFileException(path, field.Line, field.Column, $"The group id '{name}' (property {typeof(TRow).Name}.{column.PropertyName}) is missing; with a [GroupId] every row belongs to a group (a ranking query, or the rows the split keeps together).")
                    : ValueParser.TryNormalizeCategory(column.CategoryType!, text, out var group) ? Code(group) : throw Bad(field));
                break;
            case ColumnKind.BooleanLabel when column.PositiveClass is { } positive:
                _booleans.Add(column.Codec!.TryNormalize(RequireLabel(field), out var binary) ? IsPositive(binary, positive, field) : throw Bad(field));
                break;
            case ColumnKind.BooleanLabel:
                _booleans.Add(ValueParser.TryParseBoolean(RequireLabel(field), out var label) ? Spelled(label, field.Value) : throw Bad(field));
                break;
            case ColumnKind.NumericLabel when column.MissingAllowed && ValueParser.IsMissing(text):
                _singles.Add(float.NaN);
                break;
            case ColumnKind.NumericLabel:
                _singles.Add(!ValueParser.TryParseSingle(RequireLabel(field), out var target) ? throw Bad(field)
                    : float.IsFinite(target) ? target : throw NotFinite(field));
                break;
            case ColumnKind.ClassLabel:
                _codes.Add(column.Codec!.TryNormalize(RequireLabel(field), out var @class) ? Code(@class) : throw Bad(field));
                break;
        }
    }

    private int Code(string value)
    {
        if (_categoryCodes.TryGetValue(value, out var code))
        {
            return code;
        }

        code = _categories.Count;
        _categories.Add(value.AsMemory());
        if (_categoryCodes.Count < CategoryLookupLimit)
        {
            _categoryCodes.Add(value, code);
        }

        return code;
    }

    private string? _negative;
    private int _negativeLine;
    private readonly string?[] _spelling = new string?[2];

    /// <summary>Keeps the first text the file wrote for false and for true (Yes/No, 1/0), so output can spell them back alike.</summary>
    private bool Spelled(bool value, string text)
    {
        _spelling[value ? 1 : 0] ??= text;
        return value;
    }

    /// <summary>The positive class, or the one other class the data holds: the first seen becomes it, a third value is an error.</summary>
    private bool IsPositive(string value, string positive, Field field)
    {
        if (value == positive)
        {
            return true;
        }

        if (_negative is null)
        {
            (_negative, _negativeLine) = (value, field.Line);
        }
        else if (value != _negative)
        {
            throw new DataFileException(path, field.Line, field.Column,
                $"'{Shown(field.Value)}' in column '{name}' (property {typeof(TRow).Name}.{column.PropertyName}) is neither the positive class '{positive}' nor '{_negative}', the other class (first at line {_negativeLine}): a binary label has two values.");
        }

        return false;
    }

    /// <summary>An [Image] field's file, relative to the data file's folder: it must exist, so a missing one is named at its line.</summary>
    private string ImagePath(Field field)
    {
        if (string.IsNullOrWhiteSpace(field.Value))
        {
            throw new DataFileException(path, field.Line, field.Column, $"The image path '{name}' (property {typeof(TRow).Name}.{column.PropertyName}) is empty; every row names its image file.");
        }

        // A database's rows (no file behind them) name files relative to the working directory.
        var folder = File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : Directory.Exists(path) ? Path.GetFullPath(path) : Directory.GetCurrentDirectory();
        return ImageFileEncoder.Resolve(field.Value, folder)
            ?? throw new DataFileException(path, field.Line, field.Column, $"The image file '{field.Value}' (property {typeof(TRow).Name}.{column.PropertyName}) was not found; paths are relative to the data file's folder.");
    }

    /// <summary>
    /// Adds one row to every column, or to none: when a value fails, the values this row already added are taken back
    /// before the error goes on, so a skipped row (<c>SkipBadRows</c>) leaves the columns the same length.
    /// </summary>
    public static void AddRow(ColumnBuilder<TRow>[] builders, Func<int, Field> fieldOf)
    {
        var added = 0;
        try
        {
            for (; added < builders.Length; added++)
            {
                builders[added].Add(fieldOf(added));
            }
        }
        catch (DataFileException)
        {
            for (var i = 0; i < added; i++)
            {
                builders[i].RemoveLast();
            }

            throw;
        }
    }

    /// <summary>Takes back the value last added, when a later column of the same row fails.</summary>
    private void RemoveLast()
    {
        if (column.Embedding is { } embedding)
        {
            if (embedding.Offset == 0)
            {
                _texts.RemoveLast();
            }

            return;
        }

        switch (column.Storage)
        {
            case ColumnStorage.Single:
                _singles.RemoveLast();
                break;
            case ColumnStorage.Boolean:
                _booleans.RemoveLast();
                break;
            case ColumnStorage.Text when IsCoded:
                _codes.RemoveLast();
                break;
            default:
                _texts.RemoveLast();
                break;
        }
    }

    private bool IsCoded => column.Kind.IsCoded();

    /// <summary>Every column of a table, with each embedded text encoded (in batches) into its vector's columns.</summary>
    public static ExpandedColumns BuildAll(ColumnBuilder<TRow>[] builders, CancellationToken cancellationToken = default) =>
        TableEmbeddings.Expand(builders.Select(b => (b.Column, b.Column.Embedding is { Offset: > 0 } ? null : b.Build())).ToArray(), cancellationToken);

    public TableColumn Build() => column.Embedding is not null
        ? new TableColumn(column.PropertyName, _texts.ToArray())
        : column.Storage switch
    {
        ColumnStorage.Single => new TableColumn(column.PropertyName, _singles.ToArray()),
        ColumnStorage.Boolean => new TableColumn(column.PropertyName, _booleans.ToArray())
        {
            NegativeClass = _negative,
            Spelling = _spelling is [{ } no, { } yes] ? [no, yes] : null,
        },
        _ when IsCoded => new TableColumn(column.PropertyName, _codes.ToArray(), [.. _categories]),
        _ => new TableColumn(column.PropertyName, _texts.ToArray()),
    };

    private string RequireLabel(Field field) => ValueParser.IsMissing(field.Value)
        ? throw new DataFileException(path, field.Line, field.Column,
            $"The label '{name}' (property {typeof(TRow).Name}.{column.PropertyName}) is missing; every training row needs one.")
        : field.Value;

    private DataFileException Bad(Field field) => new(path, field.Line, field.Column,
        $"'{Shown(field.Value)}' in column '{name}' (property {typeof(TRow).Name}.{column.Date?.Property ?? column.PropertyName}) is not {ValueParser.DescribeExpected(column)}.");

    // Infinity or a number beyond float's range would train linear models on nonsense without a word.
    private DataFileException NotFinite(Field field) => new(path, field.Line, field.Column,
        $"'{Shown(field.Value)}' in column '{name}' (property {typeof(TRow).Name}.{column.PropertyName}) is not a finite number within ±3.4e38; write a missing value (empty, NA, ?) if it is unknown.");

    /// <summary>A value as a message shows it: at most 100 characters, so a 10 MB field does not become a 10 MB message.</summary>
    private static string Shown(string value) => value.Length <= 100 ? value : string.Concat(value.AsSpan(0, 100), $"... ({value.Length:N0} characters)");
}
