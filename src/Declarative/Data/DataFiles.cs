using Declarative.Schema;

namespace Declarative.Data;

/// <summary>Reads a pipeline's data file in the format the declaration names.</summary>
internal static class DataFiles
{
    public static DataTable Load<TRow>(PipelineSpec<TRow> spec, string path) =>
        ImageFolderLoader.IsFolder(path) ? ImageFolderLoader.Load(spec, path)
        : spec.Format switch
        {
            DataFormat.SvmLight => SvmLightLoader.Load(spec, path),
            _ => DelimitedFileLoader.Load(spec, path),
        };

    /// <summary>
    /// The files beside <paramref name="path"/> its rows depend on, which the build hashes with it: an SVMlight file's
    /// LightGBM query file (group sizes), when there is one.
    /// </summary>
    public static IEnumerable<string> CompanionsOf(DataFormat format, string path) =>
        format == DataFormat.SvmLight && File.Exists(SvmLightLoader.QueryFileOf(path)) ? [SvmLightLoader.QueryFileOf(path)] : [];

    /// <summary>
    /// The files a data source's rows are read from, which the build hashes: the file and its companions, or every
    /// image of a folder of images.
    /// </summary>
    public static IEnumerable<string> InputsOf(DataFormat format, string path) =>
        ImageFolderLoader.IsFolder(path) ? ImageFolderLoader.Images(path).Select(i => i.File) : CompanionsOf(format, path).Prepend(path);
}
