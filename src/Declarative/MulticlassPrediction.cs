namespace Declarative;

/// <summary>A multiclass classification prediction.</summary>
/// <typeparam name="TLabel">The label's C# type.</typeparam>
/// <param name="PredictedLabel">The predicted class.</param>
/// <param name="Scores">One score per class, in the order of the model's classes; for every built-in trainer they sum to 1.</param>
public readonly record struct MulticlassPrediction<TLabel>(TLabel PredictedLabel, float[] Scores);
