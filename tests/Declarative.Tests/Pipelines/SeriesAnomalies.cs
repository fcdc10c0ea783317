namespace Declarative.Tests.Pipelines;

/// <summary>NYC taxi passengers every 30 minutes (NAB), the value watched.</summary>
public sealed class TaxiCount
{
    [Time, Column("timestamp")]
    public DateTime At { get; set; }

    [Column("value")]
    public float Passengers { get; set; }
}

/// <summary>Taxi counts with NAB's labelled windows as a bool label, and a series id (one file, or several series in memory).</summary>
public sealed class LabelledTaxiCount
{
    [SeriesId]
    public string City { get; set; } = "";

    [Time]
    public DateTime At { get; set; }

    public float Passengers { get; set; }

    [Label]
    public bool Anomaly { get; set; }
}

/// <summary>The default detector (sequence novelty) on the taxi series.</summary>
[SeriesAnomalyDetection<TaxiCount>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv")]
public partial class TaxiAnomalies;

/// <summary>Every detector compared on the labelled windows, the best chosen with its threshold.</summary>
[SeriesAnomalyDetection<LabelledTaxiCount>(Data = "labelled-taxi.csv")]
[Tune]
public partial class TunedTaxiAnomalies;

/// <summary>The threshold set from a contamination share of the training points.</summary>
[SeriesAnomalyDetection<TaxiCount>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv", Contamination = 0.01)]
[Trainers(Trainer.WindowedGaussian)]
public partial class ContaminatedTaxiAnomalies;

/// <summary>Two values watched at once, at integer steps.</summary>
public sealed class TwoGauges
{
    [Time]
    public int Step { get; set; }

    public float Pressure { get; set; }

    public double Flow { get; set; }
}

/// <summary>A point scores its most unusual value.</summary>
[SeriesAnomalyDetection<TwoGauges>(Data = "gauges.csv")]
public partial class GaugeAnomalies;
