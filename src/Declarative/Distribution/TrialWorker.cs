using System.Collections.Concurrent;
using System.Reflection;
using Declarative.Schema;
using Declarative.Tasks;
using Declarative.Training;
using Declarative.Tuning;

namespace Declarative.Distribution;

/// <summary>
/// Runs tuning trials in this process for a build elsewhere: what a trial worker on another machine calls. It loads
/// the pipeline's assembly and data once per job, as the build host does (the same split, folds and seeds), so a trial
/// scores the same here as in the build.
/// </summary>
internal static class TrialWorker
{
    private const int KeptJobs = 4;
    private static readonly ConcurrentDictionary<TrialJob, Lazy<Func<TrialRequest, TrialResult>>> Jobs = new();

    /// <summary>Runs <paramref name="request"/> for <paramref name="job"/>.</summary>
    /// <exception cref="TrialWorkerException">The assembly, the pipeline or the data cannot be loaded here.</exception>
    public static TrialResult Run(TrialJob job, TrialRequest request)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(request);
        if (!Jobs.ContainsKey(job) && Jobs.Count >= KeptJobs)
        {
            Jobs.Clear(); // a long-lived worker serves many builds: keep the data of a few, not of every one it saw
        }

        var open = Jobs.GetOrAdd(job, j => new Lazy<Func<TrialRequest, TrialResult>>(() => Open(j)));
        try
        {
            return open.Value(request);
        }
        catch (TrialWorkerException)
        {
            // Not kept: the file may be copied to this machine before the next attempt.
            Jobs.TryRemove(new KeyValuePair<TrialJob, Lazy<Func<TrialRequest, TrialResult>>>(job, open));
            throw;
        }
    }

    /// <summary>Forgets every loaded job (their data and caches).</summary>
    public static void Clear() => Jobs.Clear();

    private static Func<TrialRequest, TrialResult> Open(TrialJob job)
    {
        var where = $"trial worker on {Environment.MachineName}";
        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(job.AssemblyPath);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
        {
            throw new TrialWorkerException($"The {where} cannot load the assembly {job.AssemblyPath}: {e.Message} Copy the build's output directory to the same path on this machine.", e);
        }

        var type = assembly.GetType(job.PipelineType)
            ?? throw new TrialWorkerException($"The {where} finds no pipeline class {job.PipelineType} in {job.AssemblyPath}.");
        var spec = PipelineRegistry.For(type).Spec;
        if (spec.DeclarationHash != job.DeclarationHash)
        {
            throw new TrialWorkerException(
                $"The {where} has another version of {job.AssemblyPath}: pipeline {spec.Name} hashes to {spec.DeclarationHash} here and {job.DeclarationHash} in the build. Copy the build's output to this machine again.");
        }

        return spec.Accept(new Opener(job, where));
    }

    private sealed class Opener(TrialJob job, string where) : ISpecVisitor<Func<TrialRequest, TrialResult>>
    {
        public Func<TrialRequest, TrialResult> Visit<TRow>(PipelineSpec<TRow> spec)
        {
            var tuning = spec.Tuning ?? throw new TrialWorkerException($"Pipeline {spec.Name} declares no [Tune]: there are no trials to run.");
            TrainingData data;
            try
            {
                data = PipelineTrainer.LoadDeclared(spec, job.DataPath);
            }
            catch (DataFileException e)
            {
                throw new TrialWorkerException($"The {where} cannot load the data of pipeline {spec.Name}: {e.Message}", e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                throw new TrialWorkerException($"The {where} cannot load the data of pipeline {spec.Name} ({job.DataPath ?? "its declared database"}): {e.Message}", e);
            }

            var evaluator = new TrialEvaluator<TRow>(spec, TaskProfiles.Predictive(spec.Task), tuning, data.TrainPart!);
            return request => evaluator.Evaluate(request, Timeout.InfiniteTimeSpan);
        }
    }
}
