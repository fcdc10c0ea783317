namespace Declarative.Schema;

/// <summary>
/// A pre-trained sentence encoder that turns texts into fixed-width vectors: the featurizer of a [Text] property
/// declared with an <see cref="TextEncoder"/> other than n-grams. The optional package that carries the model (such
/// as <c>Declarative.Embeddings</c>) implements it; the core package has no model of its own.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>The model's name, recorded in the schema hash: a model trained on one encoder's numbers does not load with another's.</summary>
    string Name { get; }

    /// <summary>The width of a text's vector.</summary>
    int Dimension { get; }

    /// <summary>
    /// The vectors of <paramref name="texts"/>, one each, in order. The same text must give the same vector whatever the
    /// batch around it, so that a build is reproducible. Safe to call from several threads at once.
    /// </summary>
    float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
