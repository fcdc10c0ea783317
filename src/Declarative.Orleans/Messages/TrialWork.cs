using Declarative.Tuning;

namespace Declarative.Orleans.Messages;

/// <summary>A <see cref="TrialJob"/> as it crosses the cluster.</summary>
[GenerateSerializer, Immutable]
public sealed class TrialWork
{
    /// <summary>The pipeline's declaration hash (the coordinator's key).</summary>
    [Id(0)]
    public required string DeclarationHash { get; init; }

    /// <summary>The built assembly's path on the worker machine.</summary>
    [Id(1)]
    public required string AssemblyPath { get; init; }

    /// <summary>The pipeline class's full name.</summary>
    [Id(2)]
    public required string PipelineType { get; init; }

    /// <summary>The data file's path, or null for the declared database.</summary>
    [Id(3)]
    public string? DataPath { get; init; }

    /// <summary>The job this describes.</summary>
    internal TrialJob ToJob() => new(DeclarationHash, AssemblyPath, PipelineType, DataPath);

    /// <summary>The message for <paramref name="job"/>.</summary>
    internal static TrialWork From(TrialJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new TrialWork { DeclarationHash = job.DeclarationHash, AssemblyPath = job.AssemblyPath, PipelineType = job.PipelineType, DataPath = job.DataPath };
    }
}
