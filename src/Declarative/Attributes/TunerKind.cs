namespace Declarative;

/// <summary>The tuners Declarative has.</summary>
public enum TunerKind
{
    /// <summary>
    /// The default, chosen per trainer: <see cref="Random"/> for linear trainers, whose best regularization moves by
    /// orders of magnitude with the rows and features, so no default is near it; <see cref="CostFrugal"/> for the others
    /// (tree ensembles, whose defaults are strong starts for local search, k-means and PCA). See docs/tuning.md.
    /// </summary>
    Auto = 0,

    /// <summary>Uniform random points after the default.</summary>
    Random = 1,

    /// <summary>A grid over every dimension, visited in a seeded order.</summary>
    Grid = 2,

    /// <summary>Randomized direct local search with adaptive step and restarts, from the cheap default (the CFO / FLOW2 idea).</summary>
    CostFrugal = 3,

    /// <summary>A random-forest surrogate (ML.NET FastForest) with expected improvement (the SMAC idea).</summary>
    Bayesian = 4,
}
