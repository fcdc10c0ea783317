namespace Declarative;

/// <summary>A ranking prediction.</summary>
/// <param name="Score">The row's relevance score: within a group (a query), order rows by it, highest first. Scores are not comparable across models.</param>
public readonly record struct RankingPrediction(float Score);
