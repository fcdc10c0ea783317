using System.Reflection;
using Declarative.Artifacts;

namespace Declarative.Build;

/// <summary><c>--predict &lt;pipeline&gt; &lt;input&gt; &lt;output&gt;</c>: predicts every row of a file with a pipeline's trained model.</summary>
internal static class PredictOperation
{
    public static bool Run(IReadOnlyList<DeclaredPipeline> pipelines, string outputDirectory, string name, string input, string outputFile, IReadOnlyList<string> keep, bool explain, HostReporter reporter)
    {
        var pipeline = pipelines.FirstOrDefault(p => p.Spec.Name == name);
        if (pipeline is null)
        {
            reporter.Error(BuildHost.HostErrorCode, $"the project declares no pipeline '{name}'; it declares {string.Join(", ", pipelines.Select(p => p.Spec.Name))}.");
            return false;
        }

        var modelPath = Path.Combine(outputDirectory, ModelArtifacts.ModelFileName(name));
        try
        {
            var rows = pipeline.Spec.Accept(new PredictionWriter(modelPath, Path.GetFullPath(input), Path.GetFullPath(outputFile), keep, explain));
            reporter.Progress($"predicted {rows:N0} rows of {input} with {name} -> {outputFile}");
            return true;
        }
        catch (Exception e) when (e is TargetInvocationException { InnerException: { } inner })
        {
            return Failed(inner);
        }
        catch (Exception e) when (e is DataFileException or ModelFileException or IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
        {
            return Failed(e);
        }

        bool Failed(Exception e)
        {
            if (e is DataFileException data)
            {
                reporter.DataError(data, name);
            }
            else
            {
                reporter.Error(BuildHost.PipelineErrorCode, $"pipeline {name} could not predict {input}: {e.Message}");
            }

            return false;
        }
    }
}
