// Shared with the source generator, which compiles this file too: it stores the value by member, never as a number.
#if !DECLARATIVE_GENERATOR
namespace Declarative;
#else
namespace Declarative.Generators.Shared;
#endif

/// <summary>How a synthesizer models rows.</summary>
public enum SynthesizerKind
{
    /// <summary>
    /// Each column through its empirical distribution, their dependence as the correlation of their normal scores
    /// (SDV's default). Fast; it keeps pairwise, monotone dependence and misses anything else.
    /// </summary>
    GaussianCopula = 0,

    /// <summary>
    /// Autoregressive: each column drawn from a tree model of the columns before it, sampling from the leaf's training
    /// values (synthpop's CART method). Keeps interactions the copula misses; slower to train, closer to the data.
    /// </summary>
    SequentialTrees = 1,
}
