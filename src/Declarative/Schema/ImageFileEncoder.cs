namespace Declarative.Schema;

/// <summary>
/// An <see cref="IImageEncoder"/> seen as a sentence encoder of image paths, so an [Image] property shares the
/// embedding columns, batching and per-process cache of [Text] properties: the "text" is the image file's full path,
/// and each distinct file is read and encoded once.
/// </summary>
internal sealed class ImageFileEncoder(IImageEncoder images) : ISentenceEncoder
{
    /// <summary>The largest image file read (a photo is a few MB): a bigger one is an error, not a read of the whole file.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>The image encoder behind the paths.</summary>
    public IImageEncoder Images => images;

    /// <inheritdoc/>
    public string Name => images.Name;

    /// <inheritdoc/>
    public int Dimension => images.Dimension;

    /// <inheritdoc/>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        // Images side by side, one a core: an encoder runs each image on one thread (IImageEncoder's contract keeps its
        // numbers independent of the thread count), so the batch's numbers are the same however many cores run it.
        var vectors = new float[texts.Count][];
        var errors = new Exception?[texts.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, texts.Count, options, i =>
        {
            try
            {
                vectors[i] = EncodeFile(texts[i], cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors[i] = e;
            }
        });

        // The batch's first bad file, whichever thread met it first: the same error on every run.
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }

        return vectors;
    }

    /// <summary>A path as the cache keys it: whole, so that two spellings of one file are one entry; empty stays empty.</summary>
    public static string? FullPath(string? path) => string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path);

    private float[] EncodeFile(string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The row names no image file: an [Image] property holds the path of a JPEG or PNG file.");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw new InvalidDataException($"The image file '{path}' is {length / (1 << 20)} MB, above the {MaxFileBytes >> 20} MB read for one image.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"The image file '{path}' was not found.", path, e);
        }

        try
        {
            var vector = images.Encode(bytes, cancellationToken);
            return vector.Length == images.Dimension ? vector
                : throw new InvalidOperationException($"The image encoder {images.Name} returned {vector.Length} numbers for '{path}', not its {images.Dimension}.");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"The file '{path}' is not an image {images.Name} reads: {e.Message}", e);
        }
    }
}
