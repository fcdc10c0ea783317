namespace Declarative.Tests.Pipelines;

/// <summary>NYC taxi passengers every 30 minutes (NAB): one series, a daily season of 48 steps.</summary>
public sealed class TaxiReading
{
    [Time, Column("timestamp")]
    public DateTime At { get; set; }

    [Label, Column("value")]
    public float Passengers { get; set; }
}

/// <summary>Yearly sunspot numbers: the time is an integer year (a step), no calendar season.</summary>
public sealed class SunspotYear
{
    [Time, Column("YEAR")]
    public int Year { get; set; }

    [Label, Column("SUNACTIVITY")]
    public double Activity { get; set; }
}

/// <summary>The next day of taxi demand, the model chosen on rolling origins.</summary>
[Forecasting<TaxiReading>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv", Horizon = 48)]
[Tune]
public partial class TaxiForecast;

/// <summary>The default model (the global LightGbm over lags) alone.</summary>
[Forecasting<TaxiReading>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv", Horizon = 48)]
public partial class TaxiDefaultForecast;

/// <summary>The next ten years of sunspots.</summary>
[Forecasting<SunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10)]
[Tune]
public partial class SunspotForecast;

/// <summary>The global trees on a short yearly series: fast enough to train twice.</summary>
[Forecasting<SunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10)]
[Trainers(Trainer.GlobalLightGbm)]
public partial class SunspotTreesForecast;
