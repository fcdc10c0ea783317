// Shared with the source generator, which compiles this file too: it stores the value by member, never as a number.
#if !DECLARATIVE_GENERATOR
namespace Declarative;
#else
namespace Declarative.Generators.Shared;
#endif

/// <summary>How a [Text] feature becomes numbers.</summary>
public enum TextEncoder
{
    /// <summary>Normalized word and character n-grams, learned from the training data (ML.NET's text featurizer). The default.</summary>
    NGrams = 0,

    /// <summary>
    /// all-MiniLM-L6-v2, a pre-trained sentence encoder (384 numbers a text, English), from the optional package
    /// <c>Declarative.Embeddings</c>, which carries the 90 MB model so the core package does not. Far better than n-grams
    /// on small data; about a thousand texts take seconds to embed.
    /// </summary>
    MiniLM = 1,
}
