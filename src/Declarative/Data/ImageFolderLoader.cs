using Declarative.Schema;

namespace Declarative.Data;

/// <summary>
/// Loads a folder of images as a data source, the layout Model Builder and Keras read: one subfolder per class, its
/// name the label, each image file in it one row. The row's [Image] property gets the file's path and its [Label] the
/// subfolder's name; a row with any other property to load has no value for it, which is an error naming the property.
/// Subfolders and files are read in ordinal order, so the rows (and the split) are the same on every machine.
/// </summary>
internal static class ImageFolderLoader
{
    /// <summary>The extensions read as images; other files (a README, a .DS_Store) are skipped.</summary>
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png" };

    /// <summary>Whether a data path names a folder of images rather than a file.</summary>
    public static bool IsFolder(string path) => Directory.Exists(path);

    /// <summary>Every image of the folder as (class, file), in the order the rows are read.</summary>
    public static IReadOnlyList<(string Class, string File)> Images(string folder)
    {
        var images = new List<(string, string)>();
        foreach (var classFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(classFolder);
            if (name.StartsWith('.'))
            {
                continue;
            }

            images.AddRange(Directory.EnumerateFiles(classFolder, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal)
                .Select(f => (name, Path.GetFullPath(f))));
        }

        return images;
    }

    public static DataTable Load<TRow>(PipelineSpec<TRow> spec, string folder)
    {
        var columns = spec.Columns.ToArray();
        if (columns.FirstOrDefault(c => !c.Kind.IsLabel() && c.Embedding is not { IsImage: true }) is { } other)
        {
            throw new DataFileException(folder, null, null,
                $"A folder of images fills only the [Image] and [Label] properties of {typeof(TRow).Name}, but {other.SourceProperty} is loaded too; mark it [Ignore], or list the images in a CSV file with that column.");
        }

        if (!columns.Any(c => c.Embedding is { IsImage: true }))
        {
            throw new DataFileException(folder, null, null, $"Pipeline '{spec.Name}' reads a folder of images, but {typeof(TRow).Name} has no [Image] property to hold each file's path.");
        }

        var images = Images(folder);
        if (images.Count == 0)
        {
            throw new DataFileException(folder, null, null, "The folder has no images: put each class's JPEG or PNG files in a subfolder named for the class.");
        }

        // The builders check each value as a file's would be (the label against its type); a field's "line" is the image's number.
        var builders = columns.Select(c => new ColumnBuilder<TRow>(c, c.ColumnName, folder)).ToArray();
        for (var row = 0; row < images.Count; row++)
        {
            var (label, file) = images[row];
            ColumnBuilder<TRow>.AddRow(builders, i => new Field(columns[i].Kind.IsLabel() ? label : file, row + 1, 1));
        }

        return new DataTable(ColumnBuilder<TRow>.BuildAll(builders), images.Count);
    }
}
