using System.Globalization;
using System.Reflection;
using Declarative.Schema;

namespace Declarative.Artifacts;

/// <summary>
/// The build-time training host's logic: trains every registered pipeline of a built assembly whose artifacts are
/// stale. It runs in its own process with the project's dependencies (see <c>build/Declarative.targets</c>) and
/// speaks to MSBuild in the canonical <c>file(line,col): error CODE: text</c> form, which MSBuild turns into build errors.
/// </summary>
public static class BuildHost
{
    /// <summary>A data file the pipeline cannot train on.</summary>
    public const string DataErrorCode = "DCL1001";

    /// <summary>Any other failure of one pipeline.</summary>
    public const string PipelineErrorCode = "DCL1002";

    /// <summary>The host was called wrongly or the assembly could not be read.</summary>
    public const string HostErrorCode = "DCL1000";

    private const string Origin = "Declarative";

    /// <summary>Runs the host: <c>&lt;assembly&gt; &lt;output directory&gt;</c>. Returns 0 when every pipeline is current or trained.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Count != 2)
        {
            output.WriteLine($"{Origin} : error {HostErrorCode}: usage: Declarative.Build.Host <assembly> <output directory>");
            return 2;
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

        RemoveLeftovers(args[1]);
        var failed = false;
        var specs = new List<IPipelineSpec>();
        foreach (var registration in PipelineRegistry.Of(assembly))
        {
            if (registration.PipelineType.GetProperty("Spec", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IPipelineSpec spec)
            {
                specs.Add(spec);
            }
            else
            {
                output.WriteLine($"{Origin} : error {HostErrorCode}: {registration.PipelineType.FullName} is registered as a pipeline but has no generated Spec.");
                failed = true;
            }
        }

        foreach (var clash in specs.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            output.WriteLine($"{Origin} : error {HostErrorCode}: pipelines {string.Join(" and ", clash.Select(s => s.DeclaringType.FullName))} would write the same files ({ModelArtifacts.ModelFileName(clash.Key)}); rename one.");
            return 1;
        }

        foreach (var spec in specs)
        {
            failed |= !BuildOne(spec, args[1], output);
        }

        WriteInputs(specs, args[1]);
        return failed ? 1 : 0;
    }

    private static bool BuildOne(IPipelineSpec spec, string outputDirectory, TextWriter output)
    {
        try
        {
            var result = ModelArtifacts.Build(spec, outputDirectory);
            output.WriteLine(result.Status == ArtifactStatus.UpToDate
                ? $"Declarative: {spec.Name} is up to date ({result.ModelPath})"
                : string.Create(CultureInfo.InvariantCulture,
                    $"Declarative: trained {spec.Name} with {result.Manifest.Trainer} in {result.TrainingTime?.TotalSeconds:F1} s, {Headline(result.Manifest)} -> {result.ModelPath}"));
            return true;
        }
        catch (DataFileException e)
        {
            var location = (e.Line, e.Column) switch
            {
                ({ } line, { } column) => $"({line},{column})",
                ({ } line, null) => $"({line})",
                _ => "",
            };
            output.WriteLine($"{e.FilePath}{location}: error {DataErrorCode}: {e.Detail} [pipeline {spec.Name}]");
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            output.WriteLine($"{Origin} : error {PipelineErrorCode}: pipeline {spec.Name} ({spec.DeclaringType.FullName}) failed to train: {e.GetType().Name}: {e.Message}");
            return false;
        }
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
        foreach (var spec in specs)
        {
            try
            {
                paths.Add(Path.GetFullPath(spec.ResolveDataPath()));
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
    }

    /// <summary>The metric a person looks at first, per task.</summary>
    private static string Headline(ModelManifest manifest)
    {
        var name = manifest.Task switch
        {
            MLTask.BinaryClassification => "AreaUnderRocCurve",
            MLTask.MulticlassClassification => "MacroAccuracy",
            _ => "RSquared",
        };
        return manifest.TestMetrics.TryGetValue(name, out var value)
            ? string.Create(CultureInfo.InvariantCulture, $"test {name} {value:F4}")
            : "no test metrics";
    }
}
