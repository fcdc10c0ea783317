namespace Declarative;

/// <summary>Marks the property that a supervised pipeline learns to predict. A row has exactly one.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class LabelAttribute : Attribute
{
    /// <summary>
    /// For binary classification with a label that is not a <c>bool</c> (a <c>string</c>, an enum or an integer): the
    /// value that means the positive class (<c>[Label(Positive = "spam")]</c>). The other value in the data is the
    /// negative class; a third is a data error at its line. Predictions come back in the label's own type.
    /// </summary>
    public string? Positive { get; set; }
}

/// <summary>
/// Marks a feature as categorical: each distinct value becomes its own indicator (one-hot). <c>string</c>
/// properties are categorical by default; use this on enums, integers or booleans that name categories.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CategoricalAttribute : Attribute;

/// <summary>
/// Marks a <c>string</c> feature as free text: by default it is tokenized into word and character n-grams; with
/// <see cref="Encoder"/> = <see cref="TextEncoder.MiniLM"/> it is embedded by a pre-trained sentence encoder instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class TextAttribute : Attribute
{
    /// <summary>How the text becomes numbers; <see cref="TextEncoder.NGrams"/> by default.</summary>
    public TextEncoder Encoder { get; set; }
}

/// <summary>
/// Marks a <c>string</c> feature as an image file: a path, relative to the data file's folder when read from a file
/// (as given, relative to the working directory, when a row is predicted or trained from memory). JPEG and PNG are read
/// (EXIF orientation applied); the image is encoded by a pre-trained network (<see cref="Encoder"/>) into numbers that
/// the pipeline's trainers learn from. Each distinct file is encoded once per process.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ImageAttribute : Attribute
{
    /// <summary>The network that encodes the image; <see cref="ImageEncoder.ResNet18"/> (package <c>Declarative.Vision</c>) by default.</summary>
    public ImageEncoder Encoder { get; set; }
}

/// <summary>Leaves the property out of the pipeline: it is neither loaded nor used as a feature.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class IgnoreAttribute : Attribute;

/// <summary>Maps the property to a column of the data file whose header name differs from the property name.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ColumnAttribute : Attribute
{
    /// <summary>Maps the property by position (see <see cref="Index"/>) or, in a file with a header, by its own name.</summary>
    public ColumnAttribute()
    {
    }

    /// <summary>Maps the property to the column with this header name (compared ignoring case).</summary>
    public ColumnAttribute(string name) => Name = name;

    /// <summary>The header name of the column, or <see langword="null"/> to use the property name.</summary>
    public string? Name { get; }

    /// <summary>
    /// The zero-based position of the column in a file without a header (<c>HasHeader = false</c>);
    /// -1 (the default) takes the property's position among the row's loaded properties.
    /// </summary>
    public int Index { get; set; } = -1;

    /// <summary>
    /// For a DateTime, DateTimeOffset, DateOnly or TimeOnly property: the format of its values in the file, as .NET's
    /// custom date and time format strings write it (<c>"dd/MM/yyyy"</c>, <c>"M/d/yyyy h:mm tt"</c>). Without one,
    /// values are ISO 8601 (<c>2020-12-31</c>, <c>2020-12-31T23:59:00</c>, with or without an offset). .NET's formats
    /// have no quarter, so a <c>q</c> outside quotes is one (1 to 4), read as the quarter's first day:
    /// <c>"yyyy'Q'q"</c> reads <c>1974Q3</c> as 1974-07-01.
    /// </summary>
    public string? Format { get; set; }
}

/// <summary>
/// Reads a <c>float[]</c> property from a run of adjacent columns, as one numeric feature of fixed width: in a file
/// with a header, <c>[Columns("p0", "p63")]</c> takes the columns from <c>p0</c> through <c>p63</c> inclusive (the width
/// follows from the numbers the names end in, or is given with <see cref="Count"/>); without a header,
/// <c>[Columns(StartIndex = 0, Count = 64)]</c>. The width is checked when the data loads and when a row is predicted.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ColumnsAttribute : Attribute
{
    /// <summary>A run by position, for a file without a header: set <see cref="Count"/> (and <see cref="StartIndex"/>).</summary>
    public ColumnsAttribute()
    {
    }

    /// <summary>A run by header names, from <paramref name="first"/> through <paramref name="last"/> inclusive.</summary>
    public ColumnsAttribute(string first, string last) => (First, Last) = (first, last);

    /// <summary>The header name of the run's first column, or <see langword="null"/> for a run by position.</summary>
    public string? First { get; }

    /// <summary>The header name of the run's last column, or <see langword="null"/> for a run by position.</summary>
    public string? Last { get; }

    /// <summary>
    /// The zero-based position of the run's first column in a file without a header; -1 (the default) takes the
    /// property's position among the row's loaded properties.
    /// </summary>
    public int StartIndex { get; set; } = -1;

    /// <summary>
    /// How many columns the run has: required for a run by position and for names that do not end in numbers;
    /// 0 (the default) infers it from the names (<c>p0</c> to <c>p63</c> is 64).
    /// </summary>
    public int Count { get; set; }
}

/// <summary>
/// Marks the property that names a row's group in a ranking pipeline (the query a result answers): an
/// <see cref="int"/>, <see cref="long"/> or <see cref="string"/>. Rows of a group are ranked against each other, the
/// split keeps each group whole, and a group's rows should be adjacent in the data, as ranking data is written.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class GroupIdAttribute : Attribute;

/// <summary>
/// Marks the property that names the series a forecasting row belongs to (a sensor, a store): an <see cref="int"/>,
/// <see cref="long"/> or <see cref="string"/>. Without one, every row is a point of one series.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SeriesIdAttribute : Attribute;

/// <summary>
/// Marks the property that places a forecasting row in time: a <see cref="DateTime"/>, <see cref="DateTimeOffset"/>
/// (its clock time) or <see cref="DateOnly"/>, or an <see cref="int"/> or <see cref="long"/> step. A series' times
/// keep one step (minutes, hours, days, weeks, or whole months); a gap is an error that names where.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class TimeAttribute : Attribute;

/// <summary>
/// Marks a number or <see cref="bool"/> of a forecasting row that is known only up to the series' last value: another
/// series measured alongside (a wide file's other columns), a reading that no one knows ahead. The global trees read
/// its latest values before the steps they forecast, never its values at them, so no evaluation reads a future it would
/// not have, and a forecast needs no rows after the last value. The autoregression reads it when its past tells the
/// series more than the series' own past (a vector autoregression); the other models do not read it. Without this
/// attribute a forecasting row's number is a covariate known ahead (a holiday, a planned price), read at every step
/// forecast.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class PastCovariateAttribute : Attribute;
