namespace Declarative;

/// <summary>A binary classification prediction.</summary>
/// <param name="PredictedLabel">The predicted class.</param>
/// <param name="Score">The raw score; positive leans to <see langword="true"/>.</param>
/// <param name="Probability">The calibrated probability of <see langword="true"/>.</param>
public readonly record struct BinaryPrediction(bool PredictedLabel, float Score, float Probability);
