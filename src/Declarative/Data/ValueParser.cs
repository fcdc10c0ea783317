using System.Globalization;
using Declarative.Schema;

namespace Declarative.Data;

/// <summary>Turns the text of one field into the stored value of its column, or says why it cannot.</summary>
internal static class ValueParser
{
    private static readonly HashSet<string> MissingMarkers = new(["", "?", "NA", "N/A", "NaN", "null"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a field holds one of the usual markers of a missing value (checked for every field, so no allocation).</summary>
    public static bool IsMissing(string text) => MissingMarkers.Contains(text);

    public static bool TryParseSingle(string text, out float value) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.ToUpperInvariant())
        {
            case "TRUE" or "T" or "YES" or "Y" or "1":
                value = true;
                return true;
            case "FALSE" or "F" or "NO" or "N" or "0":
                value = false;
                return true;
        }

        // Labels written as 0.0 / 1.0 by other tools.
        value = false;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is 0 or 1)
        {
            value = number == 1;
            return true;
        }

        return false;
    }

    /// <summary>The category text as the row's property will give it back, so files and rows agree.</summary>
    public static bool TryNormalizeCategory(Type categoryType, string text, out string category)
    {
        var type = Nullable.GetUnderlyingType(categoryType) ?? categoryType;
        category = text;
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return EnumValues.TryParse(type, text, out category);
        }

        if (type == typeof(bool))
        {
            var ok = TryParseBoolean(text, out var b);
            category = b ? bool.TrueString : bool.FalseString;
            return ok;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            category = integer.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    public static string DescribeExpected<TRow>(ColumnSpec<TRow> column) => column.Kind switch
    {
        ColumnKind.Numeric or ColumnKind.NumericLabel => "a number",
        ColumnKind.DatePart => DateParsing.Describe(column.Date!.Kind, column.Date.Format),
        ColumnKind.DateValue => DateParsing.Describe(column.WholeDate!.Value.Kind, column.WholeDate.Value.Format),
        ColumnKind.BooleanLabel when column.Codec is not null => column.Codec.Expected,
        ColumnKind.Boolean or ColumnKind.BooleanLabel => "true/false, yes/no, t/f, y/n or 1/0 (in any case)",
        ColumnKind.Categorical when column.CategoryType is { IsEnum: true } e => $"one of {string.Join(", ", Enum.GetNames(e))}",
        ColumnKind.Categorical or ColumnKind.GroupId => $"a {column.CategoryType?.Name}",
        ColumnKind.ClassLabel => column.Codec!.Expected,
        _ => "text",
    };
}
