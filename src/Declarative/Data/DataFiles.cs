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
    /// The files a data source's rows are read from, which the build hashes and watches: the file and its companions
    /// (and the images it lists, when the row has an [Image] property), or every image of a folder of images.
    /// </summary>
    public static DataInputs InputsOf(IPipelineSpec spec, string path) => spec.Accept(new InputsVisitor(path));

    private sealed class InputsVisitor(string path) : ISpecVisitor<DataInputs>
    {
        public DataInputs Visit<TRow>(PipelineSpec<TRow> spec) =>
            ImageFolderLoader.IsFolder(path)
                ? new DataInputs([], ImageFolderLoader.Images(path).Select(i => i.File).ToArray(), path)
                : new DataInputs([path, .. CompanionsOf(spec.Format, path)],
                    spec.Format == DataFormat.Delimited ? DelimitedFileLoader.ImageFiles(spec, path) : [], Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}

/// <summary>A data source's files: those read whole, and the images its rows name (with the folder they are named from).</summary>
internal sealed record DataInputs(IReadOnlyList<string> Files, IReadOnlyList<string> Images, string ImageFolder)
{
    /// <summary>Every file, for the build to watch.</summary>
    public IEnumerable<string> All => Files.Concat(Images);
}
