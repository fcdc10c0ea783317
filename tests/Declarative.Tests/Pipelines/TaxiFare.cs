namespace Declarative.Tests.Pipelines;

/// <summary>A trip of the NYC taxi-fare data, which ships a separate test file.</summary>
public sealed class TaxiTrip
{
    [Column("vendor_id")]
    public string Vendor { get; set; } = "";

    [Categorical]
    [Column("rate_code")]
    public int RateCode { get; set; }

    [Column("passenger_count")]
    public float Passengers { get; set; }

    [Column("trip_time_in_secs")]
    public float Seconds { get; set; }

    [Column("trip_distance")]
    public float Distance { get; set; }

    [Column("payment_type")]
    public string Payment { get; set; } = "";

    [Label]
    [Column("fare_amount")]
    public float Fare { get; set; }
}

/// <summary>Trains on all of the train file and is tested on all of the test file: no random split.</summary>
[Regression<TaxiTrip>(Data = "datasets/taxi-fare/taxi-fare-train.csv", TestData = "datasets/taxi-fare/taxi-fare-test.csv")]
[Trainers(Trainer.FastTree)]
public partial class TaxiFareModel;
