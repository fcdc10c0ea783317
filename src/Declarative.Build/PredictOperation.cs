using System.Reflection;
using Declarative.Artifacts;

namespace Declarative.Build;

/// <summary><c>--predict &lt;pipeline&gt; &lt;input&gt; &lt;output&gt;</c>: predicts every row of a file with a pipeline's trained model (a forecaster forecasts each series in it).</summary>
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
            // A forecaster's rows are histories: it forecasts each series in them rather than predicting each row.
            var forecasts = Schema.TaskDefinitions.For(pipeline.Spec.Task) is { Series: true, Detects: false };
            var (inputPath, outputPath) = (Path.GetFullPath(input), Path.GetFullPath(outputFile));
            var rows = pipeline.Spec.Accept<int>(forecasts
                ? new ForecastWriter(modelPath, inputPath, outputPath, keep, explain)
                : new PredictionWriter(modelPath, inputPath, outputPath, keep, explain));
            reporter.Progress(forecasts
                ? $"forecast {rows:N0} steps from the series of {input} with {name} -> {outputFile}"
                : $"predicted {rows:N0} rows of {input} with {name} -> {outputFile}");
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
