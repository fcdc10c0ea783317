using System.Globalization;
using System.Reflection;
using Declarative.Artifacts;
using Declarative.Data;
using Declarative.Schema;
using Declarative.Tasks;
using Declarative.Tuning;

namespace Declarative.Build;

/// <summary>
/// The build-time training host's logic: trains every registered pipeline of a built assembly whose artifacts are
/// stale. It runs in its own process with the project's dependencies (see <c>build/Declarative.targets</c>) and
/// speaks to MSBuild in the canonical <c>file(line,col): error CODE: text</c> form, which MSBuild turns into build errors.
/// </summary>
internal static class BuildHost
{
    /// <summary>A data file the pipeline cannot train on.</summary>
    public const string DataErrorCode = "DCL1001";

    /// <summary>Any other failure of one pipeline.</summary>
    public const string PipelineErrorCode = "DCL1002";

    /// <summary>The host was called wrongly or the assembly could not be read.</summary>
    public const string HostErrorCode = "DCL1000";

    /// <summary>A pipeline tunes with a time budget, so its result depends on the machine.</summary>
    public const string TimeBudgetWarningCode = "DCL1003";

    /// <summary>Lists the pipelines and whether their models are current, training nothing (<c>dotnet declarative list</c>).</summary>
    public const string ListFlag = "--list";

    /// <summary>Trains only the pipelines named after it, separated by ';' (<c>--only=Name</c>).</summary>
    public const string OnlyFlag = "--only=";

    /// <summary>Predicts a file's rows with a trained model (<c>--predict &lt;pipeline&gt; &lt;input&gt; &lt;output&gt;</c>).</summary>
    public const string PredictFlag = "--predict";

    /// <summary>What starts each line <see cref="ListFlag"/> prints.</summary>
    public const string ListPrefix = "Declarative-list:";

    /// <summary>An ONNX export that differs from ML.NET (<c>DeclarativeExportOnnx</c>).</summary>
    public const string OnnxErrorCode = "DCL1004";

    /// <summary>A portable model (what Native AOT apps and the fast path score with) that differs from ML.NET.</summary>
    public const string PortableErrorCode = "DCL1005";

    /// <summary>The flag that re-tunes pipelines even when a lock file pins them.</summary>
    public const string RetuneFlag = "--retune";

    /// <summary>Runs tuning trials on a cluster (<c>--cluster=localhost</c>; the <c>DeclarativeTrialCluster</c> property).</summary>
    public const string ClusterFlag = "--cluster=";

    /// <summary>The package that provides trial clusters.</summary>
    internal const string ClusterPackage = "Declarative.Orleans";

    /// <summary>The flag that skips the reports (metrics still go to the manifest).</summary>
    public const string NoReportFlag = "--no-report";

    private const string Origin = "Declarative";

    /// <summary>How long a build waits for another build of the same project (DECLARATIVE_LOCK_TIMEOUT_SECONDS overrides).</summary>
    internal static TimeSpan LockTimeout =>
        int.TryParse(Environment.GetEnvironmentVariable("DECLARATIVE_LOCK_TIMEOUT_SECONDS"), out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(30);

    /// <summary>
    /// Runs the host: <c>&lt;assembly&gt; &lt;output directory&gt; [--retune] [--no-report]</c>, in the project directory
    /// (where tuning lock files live). Returns 0 when every pipeline is current or trained.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var retune = args.Contains(RetuneFlag);
        var report = !args.Contains(NoReportFlag);
        var list = args.Contains(ListFlag);
        string[]? predict = null;
        if (args.ToList().IndexOf(PredictFlag) is var at and >= 0)
        {
            if (at + 3 >= args.Count)
            {
                output.WriteLine($"{Origin} : error {HostErrorCode}: usage: {PredictFlag} <pipeline> <input file> <output file>");
                return 1;
            }

            predict = [args[at + 1], args[at + 2], args[at + 3]];
            args = args.Take(at).Concat(args.Skip(at + 4)).ToArray();
        }

        var only = args.FirstOrDefault(a => a.StartsWith(OnlyFlag, StringComparison.Ordinal))?[OnlyFlag.Length..];
        var cluster = args.FirstOrDefault(a => a.StartsWith(ClusterFlag, StringComparison.Ordinal))?[ClusterFlag.Length..];
        args = args.Where(a => a != RetuneFlag && a != NoReportFlag && a != ListFlag && !a.StartsWith(OnlyFlag, StringComparison.Ordinal) && !a.StartsWith(ClusterFlag, StringComparison.Ordinal)).ToArray();
        if (args.Count != 2)
        {
            output.WriteLine($"{Origin} : error {HostErrorCode}: usage: Declarative.Build.Host <assembly> <output directory> [{RetuneFlag}] [{NoReportFlag}]");
            return 1;
        }

        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(Path.GetFullPath(args[0]));
        }
        catch (Exception e) when (e is IOException or BadImageFormatException)
        {
            output.WriteLine($"{args[0]} : error {HostErrorCode}: the assembly could not be loaded: {e.Message}");
            return 1;
        }

        // Another build of the same project trains into the same directory: wait for it, then find its work current.
        using var buildLock = BuildLock.Acquire(args[1], LockTimeout, line => output.WriteLine($"Declarative: {line}"));
        if (buildLock is null)
        {
            output.WriteLine($"{Origin} : error {HostErrorCode}: another build of this project has held {Path.Combine(args[1], BuildLock.FileName)} for {LockTimeout.TotalMinutes:F0} minutes; let it finish, or stop it, and build again.");
            return 1;
        }

        RemoveLeftovers(args[1]);
        var failed = false;
        var pipelines = new List<DeclaredPipeline>();
        foreach (var registration in assembly.GetCustomAttributes<DeclaredPipelineAttribute>())
        {
            try
            {
                pipelines.Add(PipelineRegistry.For(registration.PipelineType));
            }
            catch (ArgumentException e)
            {
                output.WriteLine($"{Origin} : error {HostErrorCode}: {e.Message}");
                failed = true;
            }
        }

        if (list)
        {
            List(pipelines, args[1], output);
            return failed ? 1 : 0;
        }

        if (predict is not null)
        {
            return Predict(pipelines, args[1], predict[0], predict[1], predict[2], output) && !failed ? 0 : 1;
        }

        if (!string.IsNullOrEmpty(only))
        {
            // One pipeline, by name (dotnet declarative train --pipeline): the others are left as they are.
            var names = only.Split(';', StringSplitOptions.RemoveEmptyEntries);
            foreach (var unknown in names.Where(n => !pipelines.Any(p => p.Spec.Name == n)))
            {
                output.WriteLine($"{Origin} : error {HostErrorCode}: the project declares no pipeline '{unknown}'; it declares {string.Join(", ", pipelines.Select(p => p.Spec.Name))}.");
                failed = true;
            }

            pipelines = pipelines.Where(p => names.Contains(p.Spec.Name)).ToList();
        }

        var specs = pipelines.Select(p => p.Spec).ToList();
        foreach (var clash in specs.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            output.WriteLine($"{Origin} : error {HostErrorCode}: pipelines {string.Join(" and ", clash.Select(s => s.DeclaringType.FullName))} would write the same files ({ModelArtifacts.ModelFileName(clash.Key)}); rename one.");
            return 1;
        }

        var options = new ArtifactOptions { LockDirectory = Directory.GetCurrentDirectory(), Retune = retune, Report = report };
        ITrialCluster? trials = null;
        if (!string.IsNullOrWhiteSpace(cluster) && pipelines.Any(p => p.Spec.Tuning is not null))
        {
            trials = Cluster(cluster, output);
            if (trials is null)
            {
                return 1;
            }

            options = options with { Cluster = trials };
        }

        try
        {
            foreach (var pipeline in pipelines)
            {
                failed |= !BuildOne(pipeline, args[1], options, output);
            }
        }
        finally
        {
            if (trials is IAsyncDisposable disposable)
            {
                disposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        WriteInputs(specs, args[1]);
        return failed ? 1 : 0;
    }

    /// <summary>
    /// The trial cluster <paramref name="setting"/> names, through the provider the Declarative.Orleans package declares
    /// (the host cannot depend on it: the project brings it), joined when a round first needs it. Null, with the error
    /// written, when the project lacks the package.
    /// </summary>
    private static ITrialCluster? Cluster(string setting, TextWriter output)
    {
        Assembly package;
        try
        {
            package = Assembly.Load(new AssemblyName(ClusterPackage));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            output.WriteLine($"{Origin} : error {HostErrorCode}: DeclarativeTrialCluster is '{setting}', but the project does not reference the {ClusterPackage} package that runs trials on a cluster: add <PackageReference Include=\"{ClusterPackage}\" /> or remove the property.");
            return null;
        }

        if (package.GetCustomAttribute<TrialClusterProviderAttribute>()?.ProviderType is not { } type || Activator.CreateInstance(type) is not ITrialClusterProvider provider)
        {
            output.WriteLine($"{Origin} : error {HostErrorCode}: {ClusterPackage} declares no trial cluster provider; its version does not match this Declarative.");
            return null;
        }

        return new DeferredTrialCluster(provider, setting, line => output.WriteLine($"Declarative: {line}"));
    }

    private static bool BuildOne(DeclaredPipeline pipeline, string outputDirectory, ArtifactOptions options, TextWriter output)
    {
        var spec = pipeline.Spec;
        try
        {
            var result = ArtifactBuilder.Build(pipeline, outputDirectory, options with
            {
                Progress = Reporter(spec, output),
                Status = line => output.WriteLine($"Declarative: {spec.Name} {line}"),
            });
            foreach (var warning in result.Warnings)
            {
                var place = Place(warning.Line, warning.Column) is { Length: > 0 } at ? at : " ";
                var about = warning.Property.Length > 0 ? $"pipeline {spec.Name}, property {warning.Property}" : $"pipeline {spec.Name}";
                var origin = spec.Provider == DataProvider.File ? Path.GetFullPath(result.DataPath) : result.DataPath;
                output.WriteLine($"{origin}{place}: warning {warning.Code}: {warning.Message} [{about}]");
            }

            if (result.Status == ArtifactStatus.Trained && spec.Tuning is { TimeBudgetSeconds: > 0 } budgeted && result.Manifest.Tuning?.PinnedBy is null)
            {
                // Say what the budget left out: trials not run, trainers never tried, a trial stopped midway.
                var trials = result.Manifest.Tuning?.Trials ?? [];
                var untried = spec.Trainers.Distinct().Where(t => trials.All(r => r.Trainer != t)).ToArray();
                var stopped = trials.Any(t => t.Error == Tuning.PipelineTuner.BudgetEnded); // a round's trials stop together
                output.WriteLine($"{Origin} : warning {TimeBudgetWarningCode}: pipeline {spec.Name} tunes with TimeBudgetSeconds = {budgeted.TimeBudgetSeconds}: " +
                    "which trials run depends on the machine's speed, so this model is not reproducible. Use MaxTrials alone for a reproducible build. " +
                    $"This build ran {trials.Count} of {budgeted.MaxTrials} trials{(stopped ? " (the last round was stopped at the budget)" : "")}" +
                    $"{(untried.Length > 0 ? $"; never tried: {string.Join(", ", untried)}" : "")}.");
            }

            output.WriteLine(result.Status == ArtifactStatus.UpToDate
                ? $"Declarative: {spec.Name} is up to date ({result.ModelPath})"
                : string.Create(CultureInfo.InvariantCulture,
                    $"Declarative: trained {spec.Name} with {result.Manifest.Trainer} in {result.TrainingTime?.TotalSeconds:F1} s{Evaluated(result)}, {Headline(result.Manifest)} -> {result.ModelPath}"));
            return true;
        }
        catch (DataFileException e)
        {
            output.WriteLine(DataError(e, spec.Name));
            return false;
        }
        catch (OnnxExportException e)
        {
            output.WriteLine($"{Origin} : error {OnnxErrorCode}: {e.Message} [pipeline {spec.Name}]");
            return false;
        }
        catch (PortableModelException e)
        {
            output.WriteLine($"{Origin} : error {PortableErrorCode}: {e.Message} [pipeline {spec.Name}]");
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            output.WriteLine($"{Origin} : error {PipelineErrorCode}: pipeline {spec.Name} ({spec.DeclaringType.FullName}) failed to train: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Prints one tab-separated line per pipeline, after <see cref="ListPrefix"/>: name, task, trainer, headline metric
    /// and its value, and "up to date" or why not. Trains nothing.
    /// </summary>
    private static void List(IEnumerable<DeclaredPipeline> pipelines, string outputDirectory, TextWriter output)
    {
        foreach (var pipeline in pipelines)
        {
            var spec = pipeline.Spec;
            var (manifest, stale) = ArtifactBuilder.Status(spec, outputDirectory);
            var headline = TaskProfiles.For(spec.Task).HeadlineMetric;
            var metric = manifest?.TestMetrics.TryGetValue(headline, out var value) == true
                ? string.Create(CultureInfo.InvariantCulture, $"{headline} {value:F4}")
                : "";
            output.WriteLine(string.Join('\t', ListPrefix, spec.Name, spec.Task, manifest?.Trainer.ToString() ?? "", metric, stale ?? "up to date"));
        }
    }

    /// <summary>Predicts every row of <paramref name="input"/> with a pipeline's trained model into <paramref name="outputFile"/>.</summary>
    private static bool Predict(List<DeclaredPipeline> pipelines, string outputDirectory, string name, string input, string outputFile, TextWriter output)
    {
        var pipeline = pipelines.FirstOrDefault(p => p.Spec.Name == name);
        if (pipeline is null)
        {
            output.WriteLine($"{Origin} : error {HostErrorCode}: the project declares no pipeline '{name}'; it declares {string.Join(", ", pipelines.Select(p => p.Spec.Name))}.");
            return false;
        }

        var modelPath = Path.Combine(outputDirectory, ModelArtifacts.ModelFileName(name));
        try
        {
            var rows = pipeline.Spec.Accept(new PredictionWriter(modelPath, Path.GetFullPath(input), Path.GetFullPath(outputFile)));
            output.WriteLine($"Declarative: predicted {rows:N0} rows of {input} with {name} -> {outputFile}");
            return true;
        }
        catch (Exception e) when (e is TargetInvocationException { InnerException: { } inner })
        {
            return Failed(inner);
        }
        catch (Exception e) when (e is DataFileException or ModelFileException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Failed(e);
        }

        bool Failed(Exception e)
        {
            output.WriteLine(e is DataFileException data
                ? DataError(data, name)
                : $"{Origin} : error {PipelineErrorCode}: pipeline {name} could not predict {input}: {e.Message}");
            return false;
        }
    }

    /// <summary>Bad data as MSBuild shows an error: <c>file(line,column): error DCL1001: ...</c>.</summary>
    private static string DataError(DataFileException e, string pipeline) =>
        $"{e.FilePath}{Place(e.Line, e.Column)}: error {DataErrorCode}: {e.Detail} [pipeline {pipeline}]";

    /// <summary>A place in a file as MSBuild writes it: <c>(line,column)</c>, <c>(line)</c> or nothing.</summary>
    private static string Place(int? line, int? column) => (line, column) switch
    {
        ({ } l, { } c) => string.Create(CultureInfo.InvariantCulture, $"({l},{c})"),
        ({ } l, null) => string.Create(CultureInfo.InvariantCulture, $"({l})"),
        _ => "",
    };

    /// <summary>One line per tuning trial, so a long build shows where it is.</summary>
    private static Action<Tuning.TrialResult>? Reporter(IPipelineSpec spec, TextWriter output)
    {
        if (spec.Tuning is not { } tuning)
        {
            return null;
        }

        var task = TaskProfiles.For(spec.Task);
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
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Declarative: {spec.Name} trial {trial.Number}/{tuning.MaxTrials} {trial.Trainer} {result} (best {best:F4})"));
        };
    }

    /// <summary>Deletes temporary files a killed host left behind (one host runs per project at a time).</summary>
    private static void RemoveLeftovers(string outputDirectory)
    {
        if (Directory.Exists(outputDirectory))
        {
            foreach (var leftover in Directory.EnumerateFiles(outputDirectory, "*.tmp"))
            {
                File.Delete(leftover);
            }
        }
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
                paths.Add(Path.GetFullPath(spec.ResolveDataPath()));
                paths.UnionWith(Declarative.Data.DataFiles.CompanionsOf(spec.Format, spec.ResolveDataPath()).Select(Path.GetFullPath));
                if (spec.ResolveTestDataPath() is { } testData)
                {
                    paths.Add(Path.GetFullPath(testData));
                    paths.UnionWith(Declarative.Data.DataFiles.CompanionsOf(spec.Format, testData).Select(Path.GetFullPath));
                }

                if (spec.Tuning is not null && File.Exists(TuningLock.FileName(spec.Name)))
                {
                    paths.Add(Path.GetFullPath(TuningLock.FileName(spec.Name)));
                }
            }
            catch (Exception e) when (e is DataFileException or InvalidOperationException)
            {
                // Reported by BuildOne; a missing file cannot be an input.
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
        var marker = Path.Combine(outputDirectory, DatabaseMarkerFile);
        if (databases.Count > 0)
        {
            File.WriteAllLines(marker, databases);
        }
        else
        {
            File.Delete(marker);
        }
    }

    /// <summary>Written beside the artifacts while a pipeline reads a database; the targets then always run the host.</summary>
    public const string DatabaseMarkerFile = "databases.txt";

    private static string Evaluated(ArtifactResult result) =>
        result.EvaluationTime is { } time ? string.Create(CultureInfo.InvariantCulture, $" (report {time.TotalSeconds:F1} s)") : " (no report)";

    /// <summary>The metric a person looks at first, per task.</summary>
    internal static string Headline(ModelManifest manifest)
    {
        // The declared tuning metric when there is one: the metric the user asked to optimize.
        var name = manifest.Tuning?.Metric ?? TaskProfiles.For(manifest.Task).HeadlineMetric;
        return manifest.TestMetrics.TryGetValue(name, out var value)
            ? string.Create(CultureInfo.InvariantCulture, $"test {name} {value:F4}")
            : "no test metrics";
    }
}
