namespace Declarative.Cli.Init;

/// <summary>What a column is, as far as its values tell.</summary>
internal enum ColumnKind
{
    Numeric,
    Boolean,
    Date,
    Categorical,
    Text,
    Identifier,
    Constant,
    Empty,
}

/// <summary>
/// One column as <c>init</c> declares it: where it is, the property it becomes (name, C# type, attributes) and why.
/// </summary>
internal sealed record ColumnGuess(
    int Index, string? Header, string Property, string Type, ColumnKind Kind, bool IsLabel, int Missing, int Distinct, string Note)
{
    /// <summary>Left out of the pipeline: constant, empty or an identifier.</summary>
    public bool Ignored => !IsLabel && Kind is ColumnKind.Identifier or ColumnKind.Constant or ColumnKind.Empty;
}
