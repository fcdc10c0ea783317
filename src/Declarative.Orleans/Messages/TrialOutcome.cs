using Declarative.Tuning;

namespace Declarative.Orleans.Messages;

/// <summary>What a worker found for one trial, or why it could not run it.</summary>
[GenerateSerializer, Immutable]
public sealed record TrialOutcome
{
    /// <summary>The trial's number.</summary>
    [Id(0)]
    public required int Number { get; init; }

    /// <summary>The validation metric, or null when the trial failed.</summary>
    [Id(1)]
    public double? Metric { get; init; }

    /// <summary>The metric's spread over folds.</summary>
    [Id(2)]
    public double? MetricStdDev { get; init; }

    /// <summary>The trial's cost in work units.</summary>
    [Id(3)]
    public double Cost { get; init; }

    /// <summary>Why the configuration failed (a trial result like any other).</summary>
    [Id(4)]
    public string? Error { get; init; }

    /// <summary>Why the worker could not run the trial at all (its assembly or data cannot be loaded there): tuning stops with it.</summary>
    [Id(5)]
    public string? WorkerError { get; init; }

    /// <summary>The silo that ran it, for logs.</summary>
    [Id(6)]
    public string? Silo { get; init; }

    /// <summary>Which attempt at the trial this is (above 1 when its worker, or the round's coordinator, was lost and it ran again).</summary>
    [Id(7)]
    public int Attempt { get; init; } = 1;

    /// <summary>The result of <paramref name="request"/>, keeping the request's own hyperparameters.</summary>
    internal TrialResult ToResult(TrialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TrialResult(request.Number, request.Trainer, request.Hyperparameters, Metric, MetricStdDev, Cost, Error);
    }
}
