namespace Declarative;

/// <summary>A point's anomaly score and whether it is an anomaly, from the points of its series before it.</summary>
/// <param name="Score">How unusual the point is against its series' past, 0 to 1, comparable across series.</param>
/// <param name="IsAnomaly">Whether the score is at or above the detector's threshold.</param>
public readonly record struct SeriesAnomalyPrediction(double Score, bool IsAnomaly);
