namespace Declarative.Tuning;

/// <summary>
/// Runs rounds of tuning trials in other processes or on other machines (the Declarative.Orleans package implements it
/// on an Orleans cluster). The tuner still runs where the build does: it proposes a round, the cluster runs it, and
/// the results are applied in trial order, so a cluster gives the same trials and winner as one machine. Apps pass one
/// (<see cref="TrainOptions.Cluster"/>) without calling it: its member and the trial contracts are internal, so only
/// Declarative's own packages implement it.
/// </summary>
public interface ITrialCluster
{
    /// <summary>
    /// Runs every trial of <paramref name="round"/> for the pipeline <paramref name="job"/> names and returns their
    /// results in the order of <paramref name="round"/>. A trial whose configuration fails is a result with an
    /// <see cref="TrialResult.Error"/>; a trial that cannot be run at all (a worker cannot load the assembly or the
    /// data) throws, naming what it could not load and where.
    /// </summary>
    internal Task<IReadOnlyList<TrialResult>> RunAsync(TrialJob job, IReadOnlyList<TrialRequest> round, CancellationToken cancellationToken = default);
}

/// <summary>What a trial worker needs to run a pipeline's trials away from the build.</summary>
/// <param name="DeclarationHash">The pipeline's declaration hash: the worker checks that its copy of the assembly declares the same pipeline.</param>
/// <param name="AssemblyPath">The full path of the built assembly that declares the pipeline, as the worker sees it.</param>
/// <param name="PipelineType">The pipeline class's full name in that assembly.</param>
/// <param name="DataPath">The full path of the data file, or <see langword="null"/> for a pipeline that reads its declared database.</param>
internal sealed record TrialJob(string DeclarationHash, string AssemblyPath, string PipelineType, string? DataPath)
{
    /// <summary>The job for a pipeline trained from <paramref name="dataPath"/> (a file), or from its declared database when it is null.</summary>
    public static TrialJob For(Schema.IPipelineSpec spec, string? dataPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var file = dataPath is null && spec.Provider != DataProvider.File ? null : Path.GetFullPath(spec.ResolveDataPath(dataPath));
        return new TrialJob(spec.DeclarationHash, spec.DeclaringType.Assembly.Location, spec.DeclaringType.FullName!, file);
    }
}
