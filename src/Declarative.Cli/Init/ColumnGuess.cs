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
    /// <summary>A date column's format when it is not ISO 8601 (<c>[Column(Format = ...)]</c>).</summary>
    public string? Format { get; init; }

    /// <summary>A forecaster's covariate known only up to the last row (<c>[PastCovariate]</c>).</summary>
    public bool Past { get; init; }

    /// <summary>
    /// The entity a row belongs to (a patient, a traveller) when rows repeat it: <c>[GroupId]</c>, so the split keeps its
    /// rows together; not a feature.
    /// </summary>
    public bool Group { get; init; }

    /// <summary>A feature of the pipeline: neither the label, nor left out, nor the group.</summary>
    public bool IsFeature => !IsLabel && !Ignored && !Group;

    /// <summary>Left out by the task though its values could be used (a category in a forecaster's row).</summary>
    public bool Excluded { get; init; }

    /// <summary>Left out of the pipeline: constant, empty, an identifier, or of no use to the task.</summary>
    public bool Ignored => !IsLabel && (Excluded || Kind is ColumnKind.Identifier or ColumnKind.Constant or ColumnKind.Empty);
}
