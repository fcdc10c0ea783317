namespace Declarative.Benchmarks;

/// <summary>A trip of the NYC taxi-fare data (100,000 rows): numeric and categorical features, a numeric label.</summary>
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

[Regression<TaxiTrip>(Data = "datasets/taxi-fare/taxi-fare-train.csv")]
[Trainers(Trainer.LightGbm)]
public partial class TaxiFareModel;

/// <summary>A review sentence of the sentiment-sentences data: no header, text then a 0/1 label.</summary>
public sealed class Review
{
    [Text]
    public string Sentence { get; set; } = "";

    [Label]
    public bool Positive { get; set; }
}

/// <summary>The yelp sentences with the default trainer for a text-only row.</summary>
[BinaryClassification<Review>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class YelpSentimentModel;

/// <summary>The yelp sentences with LightGbm, the default for text before text got its own: the comparison in docs/build-cost.md.</summary>
[BinaryClassification<Review>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
[Trainers(Trainer.LightGbm)]
public partial class YelpSentimentLightGbmModel;

/// <summary>The amazon sentences with the default trainer for a text-only row.</summary>
[BinaryClassification<Review>(Data = "datasets/sentiment-sentences/amazon_cells_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class AmazonSentimentModel;

/// <summary>The wikipedia-detox comments with the default trainer (the test project's pipeline names SDCA).</summary>
[BinaryClassification<Tests.Pipelines.Comment>(Data = "datasets/wikipedia-detox/wikipedia-detox-250-line-data.tsv", SkipBadRows = true)]
public partial class DefaultToxicityModel;

/// <summary>The amazon sentences with L-BFGS logistic regression: the trainer closest to scikit-learn's peer.</summary>
[BinaryClassification<Review>(Data = "datasets/sentiment-sentences/amazon_cells_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
[Trainers(Trainer.LbfgsLogisticRegression)]
public partial class AmazonSentimentLbfgsModel;

/// <summary>The yelp sentences with L-BFGS logistic regression.</summary>
[BinaryClassification<Review>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
[Trainers(Trainer.LbfgsLogisticRegression)]
public partial class YelpSentimentLbfgsModel;
