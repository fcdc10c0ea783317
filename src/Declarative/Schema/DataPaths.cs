
namespace Declarative.Schema;

/// <summary>Finds a pipeline's data file: an explicit path first, then the attribute's; relative ones in the current directory, then beside the assembly.</summary>
internal static class DataPaths
{
    public static string Resolve<TRow>(PipelineSpec<TRow> spec, string? dataPath)
    {
        var path = dataPath ?? spec.DataPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException(
                $"Pipeline '{spec.Name}' has no data: set Data on its [{spec.Task}] attribute or pass a path to Train.");
        }

        if (Path.IsPathRooted(path))
        {
            return Exists(path) ? path : throw NotFound(spec, path, [path]);
        }

        string[] candidates =
        [
            Path.GetFullPath(path),
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(spec.DeclaringType.Assembly.Location) ?? AppContext.BaseDirectory, path)),
        ];
        return candidates.FirstOrDefault(Exists) ?? throw NotFound(spec, path, candidates.Distinct().ToArray());
    }

    /// <summary>A data file, or a folder of images (one subfolder per class).</summary>
    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static DataFileException NotFound<TRow>(PipelineSpec<TRow> spec, string path, string[] candidates) =>
        new(path, null, null, $"The data file of pipeline '{spec.Name}' was not found. Looked in: {string.Join("; ", candidates)}.");
}
