using System.Collections.Concurrent;

namespace Declarative.Schema;

/// <summary>
/// One element of a [Text] property embedded by a sentence encoder: the property, the encoder and the element's place
/// in the vector. Embeddings are cached by text (within the process, bounded), so a text read again (a test file
/// that repeats a training sentence, the report scoring the test part, a row predicted twice) is not encoded again.
/// </summary>
internal sealed record TextEmbedding(string Property, ISentenceEncoder Encoder, int Offset)
{
    /// <summary>Whether the "texts" are images (paths, or inline bytes) an image encoder reads: an [Image] property.</summary>
    public bool IsImage => Encoder is ImageFileEncoder;

    /// <summary>Texts encoded in one call: large enough to use the encoder's batching, small enough to bound its memory.</summary>
    public const int BatchSize = 256;

    /// <summary>The most vectors the cache keeps (about 1.5 KB each at 384 numbers); later texts are encoded every time.</summary>
    private const int CacheLimit = 100_000;

    private static readonly ConcurrentDictionary<(string Encoder, string Text), float[]> Cache = new();

    // Counted apart: ConcurrentDictionary.Count takes every lock, and it would be asked once per text.
    private static int _cached;

    [ThreadStatic]
    private static (ISentenceEncoder Encoder, string Text, float[] Vector)? _last;

    /// <summary>Forgets every cached vector, so the next training encodes its texts again (benchmarks measure encoding).</summary>
    internal static void ClearCache()
    {
        Cache.Clear();
        Volatile.Write(ref _cached, 0);
        _last = null;
    }

    /// <summary>The element's name inside the pipeline: <c>Review[0]</c> ... <c>Review[383]</c>.</summary>
    public static string ElementName(string property, int offset) => ColumnRun.ElementName(property, offset);

    /// <summary>
    /// The vector of one text: the last one asked for on this thread (a row's elements are read one after another),
    /// then the cache, then the encoder. A null text is the empty text.
    /// </summary>
    public static float[] VectorOf(ISentenceEncoder encoder, string? text)
    {
        text ??= "";
        if (_last is { } last && ReferenceEquals(last.Encoder, encoder) && (ReferenceEquals(last.Text, text) || string.Equals(last.Text, text, StringComparison.Ordinal)))
        {
            return last.Vector;
        }

        var vector = Encode(encoder, [text])[0];
        _last = (encoder, text, vector);
        return vector;
    }

    /// <summary>The cache's key of a text: itself, or an inline image's hash (the cache never holds an image's bytes).</summary>
    private static string Key(ISentenceEncoder encoder, string text) => encoder is ImageFileEncoder ? ImageFileEncoder.CacheKey(text) : text;

    /// <summary>The vectors of many texts: cached ones looked up, the rest encoded in batches of <see cref="BatchSize"/>, each distinct text once.</summary>
    public static float[][] Encode(ISentenceEncoder encoder, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = new float[texts.Count][];
        var missing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            if (Cache.TryGetValue((encoder.Name, Key(encoder, texts[i])), out var cached))
            {
                result[i] = cached;
            }
            else if (missing.TryGetValue(texts[i], out var rows))
            {
                rows.Add(i);
            }
            else
            {
                missing[texts[i]] = [i];
            }
        }

        foreach (var batch in missing.Keys.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vectors = encoder.Encode(batch, cancellationToken);
            if (vectors.Length != batch.Length || vectors.Any(v => v is null || v.Length != encoder.Dimension))
            {
                throw new InvalidOperationException($"The sentence encoder {encoder.Name} returned {vectors.Length} vectors for {batch.Length} texts, or vectors of another width than its {encoder.Dimension}.");
            }

            for (var b = 0; b < batch.Length; b++)
            {
                if (Volatile.Read(ref _cached) < CacheLimit && Cache.TryAdd((encoder.Name, Key(encoder, batch[b])), vectors[b]))
                {
                    Interlocked.Increment(ref _cached);
                }

                foreach (var row in missing[batch[b]])
                {
                    result[row] = vectors[b];
                }
            }
        }

        return result;
    }
}
