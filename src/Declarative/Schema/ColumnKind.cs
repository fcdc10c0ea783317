namespace Declarative.Schema;

/// <summary>How a column is read from a file and what the pipeline makes of it.</summary>
public enum ColumnKind
{
    /// <summary>A numeric feature: missing values become NaN and are replaced by the column mean.</summary>
    Numeric,

    /// <summary>A boolean feature, used as 1 or 0.</summary>
    Boolean,

    /// <summary>A categorical feature, one-hot encoded.</summary>
    Categorical,

    /// <summary>A free-text feature, tokenized into word and character n-grams.</summary>
    Text,

    /// <summary>The <see cref="bool"/> label of binary classification.</summary>
    BooleanLabel,

    /// <summary>The numeric label of regression.</summary>
    NumericLabel,

    /// <summary>The class label of multiclass classification (string, enum or integer).</summary>
    ClassLabel,

    /// <summary>One part of a date or time (year, month, ..., minute) as a number: a date property becomes several.</summary>
    DatePart,

    /// <summary>The group (query) of a ranking row: not a feature; rows of a group are ranked against each other.</summary>
    GroupId,

    /// <summary>A whole date or time as one value (its round-trip text, which sorts as time does): what a synthesizer models.</summary>
    DateValue,
}

/// <summary>The in-memory representation of a column's values.</summary>
internal enum ColumnStorage
{
    Single,
    Boolean,
    Text,
}

internal static class ColumnKindExtensions
{
    public static ColumnStorage Storage(this ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric or ColumnKind.Boolean or ColumnKind.NumericLabel or ColumnKind.DatePart => ColumnStorage.Single,
        ColumnKind.BooleanLabel => ColumnStorage.Boolean,
        _ => ColumnStorage.Text,
    };

    /// <summary>Text stored as a code per row into the column's distinct values (few values, many rows), not a value per row.</summary>
    public static bool IsCoded(this ColumnKind kind) => kind is ColumnKind.Categorical or ColumnKind.ClassLabel or ColumnKind.GroupId or ColumnKind.DateValue;

    public static bool IsLabel(this ColumnKind kind) =>
        kind is ColumnKind.BooleanLabel or ColumnKind.NumericLabel or ColumnKind.ClassLabel;
}
