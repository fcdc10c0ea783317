using System.Reflection;
using Declarative.Artifacts;

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

    /// <summary>With <see cref="PredictFlag"/>: input columns copied to the output as they are, by header name, separated by ';' (<c>--keep=id;name</c>).</summary>
    public const string KeepFlag = "--keep=";

    /// <summary>With <see cref="PredictFlag"/>: each row's explanation too, the base value and a contribution per property.</summary>
    public const string ExplainFlag = "--explain";

    /// <summary>Runs tuning trials on a cluster (<c>--cluster=localhost</c>; the <c>DeclarativeTrialCluster</c> property).</summary>
    public const string ClusterFlag = "--cluster=";

    /// <summary>The package that provides trial clusters.</summary>
    internal const string ClusterPackage = "Declarative.Orleans";

    /// <summary>The flag that skips the reports (metrics still go to the manifest).</summary>
    public const string NoReportFlag = "--no-report";

    /// <summary>The model cache's folder or URL (<c>DeclarativeModelCache</c>).</summary>
    public const string CacheFlag = "--cache=";

    /// <summary>How the build uses the model cache (<c>DeclarativeModelCacheMode</c>: ReadWrite, Read, Off).</summary>
    public const string CacheModeFlag = "--cache-mode=";

    /// <summary>The environment variable that holds an HTTP cache's Authorization header (<c>DeclarativeModelCacheAuthVariable</c>).</summary>
    public const string CacheAuthFlag = "--cache-auth=";

    /// <summary>What the model cache could not do: an unusable entry, an unreachable store. The build trains instead.</summary>
    public const string CacheWarningCode = "DCL1006";

    /// <summary>How long a build waits for another build of the same project (DECLARATIVE_LOCK_TIMEOUT_SECONDS overrides).</summary>
    internal static TimeSpan LockTimeout =>
        int.TryParse(Environment.GetEnvironmentVariable("DECLARATIVE_LOCK_TIMEOUT_SECONDS"), out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(30);

    /// <summary>
    /// Runs the host: <c>&lt;assembly&gt; &lt;output directory&gt; [--retune] [--no-report]</c>, in the project directory
    /// (where tuning lock files live), or one of its other operations (<see cref="ListFlag"/>, <see cref="PredictFlag"/>).
    /// Returns 0 when every pipeline is current or trained (listed, or predicted with).
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var reporter = new HostReporter(output);
        if (HostArguments.Parse(args, reporter) is not { } arguments)
        {
            return 1;
        }

        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(Path.GetFullPath(arguments.AssemblyPath));
        }
        catch (Exception e) when (e is IOException or BadImageFormatException)
        {
            reporter.Error(HostErrorCode, $"the assembly could not be loaded: {e.Message}", arguments.AssemblyPath);
            return 1;
        }

        // Another build of the same project trains into the same directory: wait for it, then find its work current.
        using var buildLock = BuildLock.Acquire(arguments.OutputDirectory, LockTimeout, reporter.Progress);
        if (buildLock is null)
        {
            reporter.Error(HostErrorCode, $"another build of this project has held {Path.Combine(arguments.OutputDirectory, BuildLock.FileName)} for {LockTimeout.TotalMinutes:F0} minutes; let it finish, or stop it, and build again.");
            return 1;
        }

        RemoveLeftovers(arguments.OutputDirectory);
        var pipelines = Discover(assembly.GetCustomAttributes<DeclaredPipelineAttribute>().Select(r => r.PipelineType), reporter, out var failed);

        if (arguments.List)
        {
            ListOperation.Run(pipelines, arguments.OutputDirectory, reporter);
            return failed ? 1 : 0;
        }

        if (arguments.Predict is var (pipeline, input, outputFile))
        {
            return PredictOperation.Run(pipelines, arguments.OutputDirectory, pipeline, input, outputFile, arguments.Keep, arguments.Explain, reporter) && !failed ? 0 : 1;
        }

        return TrainOperation.Run(pipelines, arguments, reporter) && !failed ? 0 : 1;
    }

    /// <summary>
    /// The pipelines of <paramref name="types"/> whose declarations can be read. One that cannot (its generated spec
    /// throws as the type initializes, say) is reported as its own error and left out, so it never takes the others'
    /// training down with it.
    /// </summary>
    internal static List<DeclaredPipeline> Discover(IEnumerable<Type> types, HostReporter reporter, out bool failed)
    {
        failed = false;
        var pipelines = new List<DeclaredPipeline>();
        foreach (var type in types)
        {
            try
            {
                var pipeline = PipelineRegistry.For(type);
                _ = pipeline.Spec; // runs the generated initializer here, where its failure is this pipeline's alone
                pipelines.Add(pipeline);
            }
            catch (ArgumentException e)
            {
                reporter.Error(HostErrorCode, e.Message);
                failed = true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var cause = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
                reporter.Error(PipelineErrorCode, $"pipeline {type.Name} ({type.FullName}) cannot be read, so it is not trained: {cause.GetType().Name}: {cause.Message}");
                failed = true;
            }
        }

        return pipelines;
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

    /// <summary>Written beside the artifacts while a pipeline reads a database; the targets then always run the host.</summary>
    public const string DatabaseMarkerFile = "databases.txt";
}
