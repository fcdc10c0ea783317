using Declarative.Tuning;

namespace Declarative.Orleans.Messages;

/// <summary>A <see cref="TrialRequest"/> as it crosses the cluster.</summary>
[GenerateSerializer, Immutable]
public sealed class TrialAsk
{
    /// <summary>The trial's number in the search.</summary>
    [Id(0)]
    public required int Number { get; init; }

    /// <summary>The trainer.</summary>
    [Id(1)]
    public required Trainer Trainer { get; init; }

    /// <summary>Its hyperparameters, in the order the tuner gave them.</summary>
    [Id(2)]
    public required KeyValuePair<string, string>[] Hyperparameters { get; init; }

    /// <summary>The request this describes.</summary>
    internal TrialRequest ToRequest() => new(Number, Trainer, Hyperparameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    /// <summary>The message for <paramref name="request"/>.</summary>
    internal static TrialAsk From(TrialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TrialAsk { Number = request.Number, Trainer = request.Trainer, Hyperparameters = [.. request.Hyperparameters] };
    }
}
