namespace Declarative;

/// <summary>The tuners Declarative has.</summary>
public enum TunerKind
{
    /// <summary>The default: <see cref="CostFrugal"/>, the best quality for its time in the benchmark (docs/tuning.md).</summary>
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
