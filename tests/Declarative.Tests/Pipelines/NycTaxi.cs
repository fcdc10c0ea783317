namespace Declarative.Tests.Pipelines;

/// <summary>Half-hourly NYC taxi passenger counts (NAB): a timestamp and a count.</summary>
public sealed class TaxiDemand
{
    [Column("timestamp")]
    public DateTime When { get; set; }

    [Label]
    [Column("value")]
    public float Passengers { get; set; }
}

/// <summary>The count from the parts of its timestamp alone: hour and day of week carry most of it.</summary>
[Regression<TaxiDemand>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv")]
[Trainers(Trainer.FastTree)]
public partial class TaxiDemandModel;

/// <summary>The same timestamps read as DateOnly: the time of day is dropped, so the model sees days only.</summary>
public sealed class TaxiDay
{
    [Column("timestamp", Format = "yyyy-MM-dd HH:mm:ss")]
    public DateOnly Day { get; set; }

    [Label]
    [Column("value")]
    public float Passengers { get; set; }
}

[Regression<TaxiDay>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv")]
[Trainers(Trainer.FastTree)]
public partial class TaxiDayModel;

/// <summary>Split by time: the last fifth of the half-hours (December and January) is the test part; tuning validates forward.</summary>
[Regression<TaxiDemand>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv")]
[Split(OrderBy = nameof(TaxiDemand.When))]
[Trainers(Trainer.FastTree)]
[Tune(MaxTrials = 3, Folds = 3)]
public partial class ForecastTaxiDemandModel;
