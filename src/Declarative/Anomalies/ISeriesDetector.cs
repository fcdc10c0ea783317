namespace Declarative.Anomalies;

/// <summary>
/// A streaming anomaly detector over one series: each value is scored with only the values before it, so the scores
/// are the same whether the values come one at a time or all at once. Scores are in [0, 1], comparable across series.
/// </summary>
internal interface ISeriesDetector
{
    /// <summary>Scores <paramref name="value"/> against the past, then adds it to the past.</summary>
    double Observe(double value);
}
