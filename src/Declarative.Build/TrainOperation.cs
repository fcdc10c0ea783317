using System.Globalization;
using System.Reflection;
using Declarative.Artifacts;
using Declarative.Caching;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;

namespace Declarative.Build;

/// <summary>
/// The build's operation: trains every pipeline (or those <c>--only</c> names) whose artifacts are stale, tuning on a
/// trial cluster when one is set, reports each pipeline's outcome, and lists the files the next build must watch.
/// </summary>
internal static class TrainOperation
{
    /// <summary>Whether every pipeline is current or trained.</summary>
    public static bool Run(IReadOnlyList<DeclaredPipeline> declared, HostArguments arguments, HostReporter reporter)
    {
        var failed = false;
        var pipelines = declared.ToList();
        if (!string.IsNullOrEmpty(arguments.Only))
        {
            // One pipeline, by name (dotnet declarative train --pipeline): the others are left as they are.
            var names = arguments.Only.Split(';', StringSplitOptions.RemoveEmptyEntries);
            foreach (var unknown in names.Where(n => !pipelines.Any(p => p.Spec.Name == n)))
            {
                reporter.Error(BuildHost.HostErrorCode, $"the project declares no pipeline '{unknown}'; it declares {string.Join(", ", pipelines.Select(p => p.Spec.Name))}.");
                failed = true;
            }

            pipelines = pipelines.Where(p => names.Contains(p.Spec.Name)).ToList();
        }

        var specs = pipelines.Select(p => p.Spec).ToList();
        foreach (var clash in specs.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            reporter.Error(BuildHost.HostErrorCode, $"pipelines {string.Join(" and ", clash.Select(s => s.DeclaringType.FullName))} would write the same files ({ModelArtifacts.ModelFileName(clash.Key)}); rename one.");
            return false;
        }

        using var cache = arguments.Cache is { } location && arguments.CacheMode != ModelCacheMode.Off
            ? ModelCache.Create(location, arguments.CacheMode, arguments.CacheAuthVariable, Directory.GetCurrentDirectory(),
                message => reporter.Warning(BuildHost.CacheWarningCode, message))
            : null;
        var options = new ArtifactOptions
        {
            LockDirectory = Directory.GetCurrentDirectory(),
            Retune = arguments.Retune,
            Report = arguments.Report,
            Cache = cache,
        };
        ITrialCluster? trials = null;
        if (!string.IsNullOrWhiteSpace(arguments.Cluster) && pipelines.Any(p => p.Spec.Tuning is not null))
        {
            trials = Cluster(arguments.Cluster, reporter);
            if (trials is null)
            {
                return false;
            }

            options = options with { Cluster = trials };
        }

        try
        {
            foreach (var pipeline in pipelines)
            {
                failed |= !Build(pipeline, arguments.OutputDirectory, options, reporter);
            }
        }
        finally
        {
            if (trials is IAsyncDisposable disposable)
            {
                disposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        WriteInputs(specs, arguments.OutputDirectory);
        return !failed;
    }

    /// <summary>The metric a person looks at first, per task.</summary>
    internal static string Headline(ModelManifest manifest)
    {
        // The declared tuning metric when there is one: the metric the user asked to optimize.
        var name = manifest.Tuning?.Metric ?? TaskDefinitions.For(manifest.Task).HeadlineMetric;
        return manifest.TestMetrics.TryGetValue(name, out var value)
            ? string.Create(CultureInfo.InvariantCulture, $"test {name} {value:F4}")
            : "no test metrics";
    }

    /// <summary>
    /// The trial cluster <paramref name="setting"/> names, through the provider the Declarative.Orleans package declares
    /// (the host cannot depend on it: the project brings it), joined when a round first needs it. Null, with the error
    /// written, when the project lacks the package.
    /// </summary>
    private static ITrialCluster? Cluster(string setting, HostReporter reporter)
    {
        Assembly package;
        try
        {
            package = Assembly.Load(new AssemblyName(BuildHost.ClusterPackage));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            reporter.Error(BuildHost.HostErrorCode, $"DeclarativeTrialCluster is '{setting}', but the project does not reference the {BuildHost.ClusterPackage} package that runs trials on a cluster: add <PackageReference Include=\"{BuildHost.ClusterPackage}\" /> or remove the property.");
            return null;
        }

        if (package.GetCustomAttribute<TrialClusterProviderAttribute>()?.ProviderType is not { } type || Activator.CreateInstance(type) is not ITrialClusterProvider provider)
        {
            reporter.Error(BuildHost.HostErrorCode, $"{BuildHost.ClusterPackage} declares no trial cluster provider; its version does not match this Declarative.");
            return null;
        }

        return new DeferredTrialCluster(provider, setting, reporter.Progress);
    }

    private static bool Build(DeclaredPipeline pipeline, string outputDirectory, ArtifactOptions options, HostReporter reporter)
    {
        var spec = pipeline.Spec;
        if (!spec.DeclaresData)
        {
            // A declaration without Data is trained in the app, on rows in memory or a path given then: nothing for the
            // build to train, and no reason to fail it. Load() finds no model, and says so.
            reporter.Progress($"{spec.Name} declares no Data, so the build does not train it: Train(rows) or Train(path) trains it in the app");
            return true;
        }

        try
        {
            var result = ArtifactBuilder.Build(pipeline, outputDirectory, options with
            {
                Progress = Trials(spec, reporter),
                Status = line => reporter.Progress($"{spec.Name} {line}"),
            });
            foreach (var warning in result.Warnings)
            {
                var about = warning.Property.Length > 0 ? $"pipeline {spec.Name}, property {warning.Property}" : $"pipeline {spec.Name}";
                var origin = spec.Provider == DataProvider.File ? Path.GetFullPath(result.DataPath) : result.DataPath;
                reporter.Warning(warning.Code, $"{warning.Message} [{about}]", origin, warning.Line, warning.Column);
            }

            if (result.Status == ArtifactStatus.Trained && spec.Tuning is { TimeBudgetSeconds: > 0 } budgeted && result.Manifest.Tuning?.PinnedBy is null)
            {
                // Say what the budget left out: trials not run, trainers never tried, a trial stopped midway.
                var trials = result.Manifest.Tuning?.Trials ?? [];
                var untried = spec.Trainers.Distinct().Where(t => trials.All(r => r.Trainer != t)).ToArray();
                var stopped = trials.Any(t => t.Error == Tuning.PipelineTuner.BudgetEnded); // a round's trials stop together
                var untuned = trials.All(t => !t.Succeeded)
                    ? $" No trial finished within the budget, so the model is {result.Manifest.Trainer} with its defaults, the candidate that costs least."
                    : "";
                reporter.Warning(BuildHost.TimeBudgetWarningCode, $"pipeline {spec.Name} tunes with TimeBudgetSeconds = {budgeted.TimeBudgetSeconds}: " +
                    "which trials run depends on the machine's speed, so this model is not reproducible. Use MaxTrials alone for a reproducible build. " +
                    $"This build ran {trials.Count} of {budgeted.MaxTrials} trials{(stopped ? " (the last round was stopped at the budget)" : "")}" +
                    $"{(untried.Length > 0 ? $"; never tried: {string.Join(", ", untried)}" : "")}.{untuned}");
            }

            if (result.Status == ArtifactStatus.Trained && TreesOverText(spec, result.Manifest.Tuning) is { } hint)
            {
                reporter.Progress(hint);
            }

            reporter.Progress(result.Status switch
            {
                ArtifactStatus.UpToDate => $"{spec.Name} is up to date ({result.ModelPath})",
                ArtifactStatus.Restored => $"restored {spec.Name} from the model cache (key {result.CacheKey!.Short})",
                _ => string.Create(CultureInfo.InvariantCulture,
                    $"trained {spec.Name} with {result.Manifest.Trainer} in {result.TrainingTime?.TotalSeconds:F1} s{Evaluated(result)}, {Headline(result.Manifest)} -> {result.ModelPath}"),
            });
            return true;
        }
        catch (DataFileException e)
        {
            reporter.DataError(e, spec.Name);
            return false;
        }
        catch (OnnxExportException e)
        {
            reporter.Error(BuildHost.OnnxErrorCode, $"{e.Message} [pipeline {spec.Name}]");
            return false;
        }
        catch (PortableModelException e)
        {
            reporter.Error(BuildHost.PortableErrorCode, $"{e.Message} [pipeline {spec.Name}]");
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reporter.Error(BuildHost.PipelineErrorCode, $"pipeline {spec.Name} ({spec.DeclaringType.FullName}) failed to train: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// What a build that tuned tree ensembles over text n-grams beside the task's linear trainer could save: the
    /// candidates' trees take 20–50 times the linear trainer's time on text for thousandths of the metric (docs/tuning.md).
    /// Null when tuning ran no such trial, or the linear trainer is not a candidate (trees alone were asked for).
    /// </summary>
    internal static string? TreesOverText(IPipelineSpec spec, TuningRecord? tuning)
    {
        if (spec.NGramTextProperty is not { } text || tuning is not { PinnedBy: null, Trials: { Count: > 0 } trials }
            || !Enum.TryParse<Trainer>(TaskDefinitions.For(spec.Task).TextTrainer, out var linear) || !TrainerFactory.IsLinear(linear) || !spec.Trainers.Contains(linear))
        {
            return null;
        }

        var trees = trials.Count(t => !TrainerFactory.IsLinear(t.Trainer));
        return trees == 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"{spec.Name} tuned {trees} of its {trials.Count} trials as tree ensembles over the n-grams of its [Text] property {text}, which take 20-50 times as long as {linear} on text for a few thousandths of the metric (docs/tuning.md); [Trainers(Trainer.{linear})] tunes the linear trainer alone");
    }

    /// <summary>One line per tuning trial, so a long build shows where it is.</summary>
    private static Action<TrialResult>? Trials(IPipelineSpec spec, HostReporter reporter)
    {
        if (spec.Tuning is not { } tuning)
        {
            return null;
        }

        var task = TaskDefinitions.For(spec.Task);
        var metric = tuning.MetricFor(task.HeadlineMetric);
        var lower = task.LowerIsBetter(metric);
        double? best = null;
        return trial =>
        {
            if (trial.Metric is { } value && (best is null || (lower ? value < best : value > best)))
            {
                best = value;
            }

            var result = trial.Succeeded
                ? string.Create(CultureInfo.InvariantCulture, $"{metric} {trial.Metric:F4}")
                : $"failed: {trial.Error}";
            reporter.Progress(string.Create(CultureInfo.InvariantCulture,
                $"{spec.Name} trial {trial.Number}/{tuning.MaxTrials} {trial.Trainer} {result} (best {best:F4})"));
        };
    }

    /// <summary>
    /// Lists the data files the pipelines read in <c>inputs.txt</c>, which the build reads as the inputs of the next
    /// run: an edited data file reruns the host even when the assembly did not change.
    /// </summary>
    private static void WriteInputs(IEnumerable<IPipelineSpec> specs, string outputDirectory)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var databases = new List<string>();
        foreach (var spec in specs)
        {
            if (spec.Provider != DataProvider.File)
            {
                databases.Add(spec.Name);
                continue;
            }

            try
            {
                paths.UnionWith(Declarative.Data.DataFiles.InputsOf(spec, spec.ResolveDataPath()).All.Select(Path.GetFullPath));
                if (spec.ResolveTestDataPath() is { } testData)
                {
                    paths.UnionWith(Declarative.Data.DataFiles.InputsOf(spec, testData).All.Select(Path.GetFullPath));
                }

                if (spec.Tuning is not null && File.Exists(TuningLock.FileName(spec.Name)))
                {
                    paths.Add(Path.GetFullPath(TuningLock.FileName(spec.Name)));
                }
            }
            catch (Exception e) when (e is DataFileException or InvalidOperationException)
            {
                // Reported by Build; a missing file cannot be an input.
            }
        }

        AtomicFile.Write(Path.Combine(outputDirectory, "inputs.txt"), stream =>
        {
            using var writer = new StreamWriter(stream);
            foreach (var path in paths)
            {
                writer.WriteLine(path);
            }
        });

        // MSBuild cannot see a database change: while a pipeline reads one, every build runs the host, which hashes
        // the query's result and retrains only when it changed.
        var marker = Path.Combine(outputDirectory, BuildHost.DatabaseMarkerFile);
        if (databases.Count > 0)
        {
            File.WriteAllLines(marker, databases);
        }
        else
        {
            File.Delete(marker);
        }
    }

    private static string Evaluated(ArtifactResult result) =>
        result.EvaluationTime is { } time ? string.Create(CultureInfo.InvariantCulture, $" (report {time.TotalSeconds:F1} s)") : " (no report)";
}
