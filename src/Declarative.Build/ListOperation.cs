using System.Globalization;
using Declarative.Schema;

namespace Declarative.Build;

/// <summary>
/// <c>--list</c>: one tab-separated line per pipeline, after <see cref="BuildHost.ListPrefix"/>: name, task, trainer,
/// headline metric and its value, and "up to date" or why not. Trains nothing.
/// </summary>
internal static class ListOperation
{
    public static void Run(IEnumerable<DeclaredPipeline> pipelines, string outputDirectory, HostReporter reporter)
    {
        foreach (var pipeline in pipelines)
        {
            var spec = pipeline.Spec;
            var (manifest, stale) = ArtifactBuilder.Status(spec, outputDirectory);
            var headline = TaskDefinitions.For(spec.Task).HeadlineMetric;
            var metric = manifest?.TestMetrics.TryGetValue(headline, out var value) == true
                ? string.Create(CultureInfo.InvariantCulture, $"{headline} {value:F4}")
                : "";
            reporter.Line(string.Join('\t', BuildHost.ListPrefix, spec.Name, spec.Task, manifest?.Trainer.ToString() ?? "", metric, stale ?? "up to date"));
        }
    }
}
