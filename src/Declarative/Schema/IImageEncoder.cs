namespace Declarative.Schema;

/// <summary>
/// A pre-trained image encoder that turns encoded images (the bytes of a JPEG or PNG file) into fixed-width vectors:
/// the featurizer of an [Image] property. The optional package that carries the model (such as
/// <c>Declarative.Vision</c>) implements it; the core package has no model of its own.
/// </summary>
public interface IImageEncoder
{
    /// <summary>The model's name, recorded in the schema hash: a model trained on one encoder's numbers does not load with another's.</summary>
    string Name { get; }

    /// <summary>The width of an image's vector.</summary>
    int Dimension { get; }

    /// <summary>
    /// The vector of one encoded image. The same bytes must give the same vector on any thread and whatever the thread
    /// count, so that a build is reproducible. Bytes that are not an image it reads throw <see cref="InvalidDataException"/>.
    /// Safe to call from several threads at once.
    /// </summary>
    float[] Encode(ReadOnlySpan<byte> image, CancellationToken cancellationToken = default);

    /// <summary>A PNG of the square the encoder reads, <paramref name="side"/> pixels a side: the report's thumbnail of a test image.</summary>
    byte[] Preview(ReadOnlySpan<byte> image, int side);
}
