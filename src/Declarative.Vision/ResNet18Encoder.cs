using Declarative.Schema;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Declarative.Vision;

/// <summary>
/// ResNet-18 pre-trained on ImageNet (the model ML.NET's <c>DnnImageFeaturizer.ResNet18</c> package ships, MIT), run
/// offline by ONNX Runtime: an image is decoded (<see cref="ImageDecoder"/>), its shorter side scaled to 224 pixels and
/// the centre cropped square, normalized by the package's own preprocessing model, and reduced to the 512 numbers of
/// the network's last pooling layer. The generated code of an <c>[Image]</c> property uses <see cref="Instance"/>; the
/// model loads on first use.
/// </summary>
public sealed class ResNet18Encoder : IImageEncoder
{
    /// <summary>The side of the square the network reads.</summary>
    public const int Side = 224;

    private readonly Lazy<(InferenceSession Prepare, InferenceSession Network)> _sessions = new(Load);

    private ResNet18Encoder()
    {
    }

    /// <summary>The encoder, shared: its model is loaded once per process.</summary>
    public static ResNet18Encoder Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "resnet18-imagenet";

    /// <inheritdoc/>
    public int Dimension => 512;

    /// <inheritdoc/>
    public float[] Encode(ReadOnlySpan<byte> image, CancellationToken cancellationToken = default)
    {
        var pixels = ImageDecoder.CenterSquare(image, Side);
        cancellationToken.ThrowIfCancellationRequested();
        var (prepare, network) = _sessions.Value;

        // Planar RGB in 0..255, the layout ML.NET's pixel extraction gives the package's preprocessing model.
        var input = new DenseTensor<float>([1, 3, Side, Side]);
        var planes = input.Buffer.Span;
        for (var p = 0; p < Side * Side; p++)
        {
            planes[p] = pixels[4 * p];
            planes[Side * Side + p] = pixels[4 * p + 1];
            planes[2 * Side * Side + p] = pixels[4 * p + 2];
        }

        using var prepared = prepare.Run([NamedOnnxValue.CreateFromTensor(prepare.InputMetadata.Keys.First(), input)]);
        var normalized = prepared.First().AsTensor<float>();
        using var features = network.Run([NamedOnnxValue.CreateFromTensor(network.InputMetadata.Keys.First(), normalized)]);
        return features.First().AsTensor<float>().ToArray();
    }

    /// <inheritdoc/>
    public byte[] Preview(ReadOnlySpan<byte> image, int side) => ImageDecoder.Png(ImageDecoder.CenterSquare(image, side), side);

    // One thread per session run: the encoder runs images side by side instead (ImageFileEncoder), which measured
    // faster than two threads an image, and an image's numbers then cannot depend on the thread count.
    private static (InferenceSession, InferenceSession) Load()
    {
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        return (new InferenceSession(Resource("ResNetPreprocess.onnx"), options), new InferenceSession(Resource("ResNet18.onnx"), options));
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(ResNet18Encoder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{typeof(ResNet18Encoder).Assembly.GetName().Name} is missing its embedded {name}.");
        using var memory = new MemoryStream((int)stream.Length);
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
