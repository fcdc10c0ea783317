namespace Declarative;

/// <summary>A regression prediction.</summary>
/// <param name="Score">The predicted value.</param>
public readonly record struct RegressionPrediction(float Score);
