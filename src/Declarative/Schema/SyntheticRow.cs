using System.ComponentModel;
using System.Globalization;

namespace Declarative.Schema;

/// <summary>
/// One sampled row as the generated code reads it into the row type: by the column's position in the pipeline (the
/// label first, then the features). Numbers come back as <see cref="double"/> (NaN when missing), categories, class
/// labels and booleans as their text (null when missing).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SyntheticRow
{
    private readonly double[] _numbers;
    private readonly string?[] _texts;

    internal SyntheticRow(double[] numbers, string?[] texts) => (_numbers, _texts) = (numbers, texts);

    /// <summary>Whether the column's value is missing.</summary>
    public bool IsMissing(int column) => _texts[column] is null && double.IsNaN(_numbers[column]);

    /// <summary>A number column's value (NaN when missing).</summary>
    public double Number(int column) => _numbers[column];

    /// <summary>A category's text (null when missing).</summary>
    public string? Text(int column) => _texts[column];

    /// <summary>A boolean column's value (false when missing).</summary>
    public bool Boolean(int column) => string.Equals(_texts[column], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A run of number columns as one array (a <c>[Columns]</c> property): <paramref name="count"/> from <paramref name="first"/> on.</summary>
    public float[] Numbers(int first, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)_numbers[first + i];
        }

        return values;
    }

    /// <summary>A date or time column's value (a date seen in training; the clock time, without an offset).</summary>
    public DateTime Moment(int column) =>
        DateTime.Parse(_texts[column] ?? throw new InvalidOperationException($"Column {column} is missing."), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>A category that holds a whole number ([Categorical] int or long, an integer class label).</summary>
    public long Integer(int column) => long.Parse(_texts[column] ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);
}
