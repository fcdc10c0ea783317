namespace Declarative.Evaluation;

/// <summary>The data a pipeline read: per-column statistics, the label's balance, and warnings worth a look.</summary>
public sealed record DataProfile(int Rows, IReadOnlyList<ColumnProfile> Columns, IReadOnlyList<CategoryCount> LabelBalance, IReadOnlyList<DataWarning> Warnings);

/// <summary>Statistics of one column; numeric ones have Min, Max and Mean, categorical ones their most frequent values.</summary>
public sealed record ColumnProfile(
    string Property,
    string Column,
    string Kind,
    bool IsLabel,
    double MissingShare,
    int Distinct,
    double? Min,
    double? Max,
    double? Mean,
    IReadOnlyList<CategoryCount> Top);

/// <summary>A value and how many rows hold it.</summary>
public sealed record CategoryCount(string Value, int Count);

/// <summary>Something in the data that may make the model wrong; <see cref="Code"/> is stable (DCL2001...).</summary>
/// <param name="Code">The warning's code.</param>
/// <param name="Property">The property it concerns, or empty for the whole file.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Line">The line of the data file it points at, when it points at one.</param>
/// <param name="Column">The column on that line, when known.</param>
public sealed record DataWarning(string Code, string Property, string Message, int? Line = null, int? Column = null);

/// <summary>The warning codes of the data profile.</summary>
public static class DataWarningCodes
{
    /// <summary>A column holds one value only: it cannot help.</summary>
    public const string ConstantColumn = "DCL2001";

    /// <summary>A column has no values at all.</summary>
    public const string AllMissing = "DCL2002";

    /// <summary>The label has one class: there is nothing to learn.</summary>
    public const string SingleClassLabel = "DCL2003";

    /// <summary>A class of the label is under 5% of the rows.</summary>
    public const string SevereImbalance = "DCL2004";

    /// <summary>One feature alone predicts the label almost perfectly: likely a leak of the answer.</summary>
    public const string LikelyLeak = "DCL2005";

    /// <summary>Quoted fields span lines: legal, but a quote opened by mistake reads like this too.</summary>
    public const string MultilineFields = "DCL2006";

    /// <summary>A row was skipped as bad (<c>SkipBadRows</c>); the first ten are listed with their line and column.</summary>
    public const string SkippedBadRow = "DCL2007";

    /// <summary>
    /// Too few training rows for the trees to split: LightGbm's leaves hold 20 rows, so under 40 its binary classifier
    /// or regression is one constant.
    /// </summary>
    public const string TreesCannotSplit = "DCL2008";
}
