namespace Declarative.Orleans.Messages;

/// <summary>Where a round stands on its coordinator.</summary>
[GenerateSerializer, Immutable]
public sealed class RoundProgress
{
    /// <summary>Whether the coordinator knows the round (a new activation after its silo was lost does not).</summary>
    [Id(0)]
    public bool Known { get; init; }

    /// <summary>The outcomes in the round's order once every trial is done; null while it runs.</summary>
    [Id(1)]
    public TrialOutcome[]? Outcomes { get; init; }
}
