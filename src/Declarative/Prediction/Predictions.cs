namespace Declarative;

/// <summary>A binary classification prediction.</summary>
/// <param name="PredictedLabel">The predicted class.</param>
/// <param name="Score">The raw score; positive leans to <see langword="true"/>.</param>
/// <param name="Probability">The calibrated probability of <see langword="true"/>.</param>
public readonly record struct BinaryPrediction(bool PredictedLabel, float Score, float Probability);

/// <summary>A multiclass classification prediction.</summary>
/// <typeparam name="TLabel">The label's C# type.</typeparam>
/// <param name="PredictedLabel">The predicted class.</param>
/// <param name="Scores">One score per class, in the order of the model's classes; for every built-in trainer they sum to 1.</param>
public readonly record struct MulticlassPrediction<TLabel>(TLabel PredictedLabel, float[] Scores);

/// <summary>A regression prediction.</summary>
/// <param name="Score">The predicted value.</param>
public readonly record struct RegressionPrediction(float Score);
