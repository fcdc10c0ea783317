namespace Declarative;

/// <summary>An anomaly detection prediction.</summary>
/// <param name="Score">How unusual the row is: higher is more anomalous (comparable between rows of one model only).</param>
/// <param name="IsAnomaly">Whether <paramref name="Score"/> is above the threshold the declared contamination share set on the training rows.</param>
public readonly record struct AnomalyPrediction(float Score, bool IsAnomaly);
