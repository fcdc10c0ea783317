using System.Security.Cryptography;

namespace Declarative.Schema;

/// <summary>
/// An <see cref="IImageEncoder"/> seen as a sentence encoder of images named by text, so an [Image] property shares the
/// embedding columns, batching and per-process cache of [Text] properties. The "text" is the image file's full path, or
/// for a <c>byte[]</c> property the image's bytes inline (<see cref="Inline"/>: a NUL, which no path holds, then the
/// bytes in base64); the cache keys inline images by their hash (<see cref="CacheKey"/>), so it never holds their bytes.
/// Each distinct image is read and encoded once.
/// </summary>
internal sealed class ImageFileEncoder(IImageEncoder images) : ISentenceEncoder
{
    /// <summary>The largest image file read (a photo is a few MB): a bigger one is an error, not a read of the whole file.</summary>
    public const long MaxFileBytes = 64L << 20;

    private const char InlineMark = '\0';

    // A row's elements are read one after another, each asking for the row's image: the same bytes give the same text
    // instance, converted once, so the embedding's own last-row check matches by reference.
    [ThreadStatic]
    private static (byte[] Bytes, string Text)? _lastInline;

    /// <summary>The image encoder behind the texts.</summary>
    public IImageEncoder Images => images;

    /// <inheritdoc/>
    public string Name => images.Name;

    /// <inheritdoc/>
    public int Dimension => images.Dimension;

    /// <summary>
    /// The full path of an image a data file names (relative to <paramref name="folder"/>, the data file's), or null
    /// when the value is empty or no such file exists: the caller names the place.
    /// </summary>
    public static string? Resolve(string? value, string folder) =>
        string.IsNullOrWhiteSpace(value) ? null : Path.GetFullPath(value, folder) is var file && File.Exists(file) ? file : null;

    /// <summary>A path as the cache keys it: whole, so that two spellings of one file are one entry; empty stays empty.</summary>
    public static string? FullPath(string? path) => string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path);

    /// <summary>An image's bytes as the text this encoder reads; null or empty bytes are no image.</summary>
    public static string? Inline(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return null;
        }

        if (_lastInline is { } last && ReferenceEquals(last.Bytes, bytes))
        {
            return last.Text;
        }

        var text = InlineMark + Convert.ToBase64String(bytes);
        _lastInline = (bytes, text);
        return text;
    }

    /// <summary>The key a text's vector is cached by: a path itself, an inline image the hash of its text (no bytes decoded).</summary>
    public static string CacheKey(string text) =>
        text.Length > 0 && text[0] == InlineMark ? InlineMark + "sha256:" + Convert.ToHexString(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()))) : text;

    /// <summary>The encoded image a text names: the file's bytes (bounded), or the inline bytes.</summary>
    public static byte[] Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The row names no image: an [Image] property holds the path of a JPEG or PNG file, or its bytes.");
        }

        if (text[0] == InlineMark)
        {
            return Convert.FromBase64String(text[1..]);
        }

        try
        {
            var length = new FileInfo(text).Length;
            return length <= MaxFileBytes ? File.ReadAllBytes(text)
                : throw new DataFileException(text, null, null, $"The image file is {length / (1 << 20)} MB, above the {MaxFileBytes >> 20} MB read for one image.");
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"The image file '{text}' was not found.", text, e);
        }
    }

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
                vectors[i] = EncodeOne(texts[i], cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors[i] = e;
            }
        });

        // The batch's first bad image, whichever thread met it first: the same error on every run.
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }

        return vectors;
    }

    private float[] EncodeOne(string text, CancellationToken cancellationToken)
    {
        var bytes = Read(text);
        try
        {
            var vector = images.Encode(bytes, cancellationToken);
            return vector.Length == images.Dimension ? vector
                : throw new InvalidOperationException($"The image encoder {images.Name} returned {vector.Length} numbers for {(text[0] == InlineMark ? "the row's image bytes" : $"the image file '{text}'")}, not its {images.Dimension}.");
        }
        catch (InvalidDataException e) when (text[0] == InlineMark)
        {
            throw new InvalidDataException($"The row's image bytes are not an image {images.Name} reads: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            // At the file, as a data error: the build reports it there (DCL1001) like a bad value in a data file.
            throw new DataFileException(text, null, null, $"The file is not an image {images.Name} reads: {e.Message}", e);
        }
    }
}
