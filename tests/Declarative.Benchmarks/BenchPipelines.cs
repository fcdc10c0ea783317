namespace Declarative.Benchmarks;

/// <summary>The taxi-fare train file with a random split (the test project's TaxiFareModel tests on the separate test file).</summary>
[Regression<Tests.Pipelines.TaxiTrip>(Data = "datasets/taxi-fare/taxi-fare-train.csv")]
[Trainers(Trainer.LightGbm)]
public partial class TaxiFareModel;

/// <summary>The yelp sentences with the default trainer for a text-only row.</summary>
[BinaryClassification<Tests.Pipelines.ReviewSentence>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class YelpSentimentModel;

/// <summary>The yelp sentences with LightGbm, the default for text before text got its own: the comparison in docs/build-cost.md.</summary>
[BinaryClassification<Tests.Pipelines.ReviewSentence>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
[Trainers(Trainer.LightGbm)]
public partial class YelpSentimentLightGbmModel;

/// <summary>The amazon sentences with the default trainer for a text-only row.</summary>
[BinaryClassification<Tests.Pipelines.ReviewSentence>(Data = "datasets/sentiment-sentences/amazon_cells_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class AmazonSentimentModel;

/// <summary>The wikipedia-detox comments with the default trainer (the test project's pipeline names SDCA).</summary>
[BinaryClassification<Tests.Pipelines.Comment>(Data = "datasets/wikipedia-detox/wikipedia-detox-250-line-data.tsv", SkipBadRows = true)]
public partial class DefaultToxicityModel;

/// <summary>The amazon sentences with L-BFGS logistic regression: the trainer closest to scikit-learn's peer.</summary>
[BinaryClassification<Tests.Pipelines.ReviewSentence>(Data = "datasets/sentiment-sentences/amazon_cells_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
[Trainers(Trainer.LbfgsLogisticRegression)]
public partial class AmazonSentimentLbfgsModel;

/// <summary>The yelp sentences with L-BFGS logistic regression.</summary>
[BinaryClassification<Tests.Pipelines.ReviewSentence>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
[Trainers(Trainer.LbfgsLogisticRegression)]
public partial class YelpSentimentLbfgsModel;

/// <summary>The breast cancer rows with the diagnosis as 0/1: clustering measures by a class label, not a bool.</summary>
public sealed record TumorDiagnosis : Tests.Pipelines.TumorMeasurements
{
    [Label]
    [Column("label")]
    public int Diagnosis { get; set; }
}

/// <summary>The breast cancer rows in two clusters, the diagnosis held back (tests/bench/clustering.sh).</summary>
[Clustering<TumorDiagnosis>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt", Clusters = 2)]
public partial class TumorClusterModel;

/// <summary>The digits in ten clusters, the digit held back (tests/bench/clustering.sh).</summary>
[Clustering<Tests.Pipelines.Digit>(Data = "datasets/optdigits/digits.csv", HasHeader = false, Clusters = 10)]
public partial class DigitClusterModel;

/// <summary>A row of the Palmer penguins file, as <c>dotnet declarative init</c> writes it (R's NA is a missing value).</summary>
public sealed class Penguin
{
    [Label]
    public string Species { get; set; } = "";

    public string Island { get; set; } = "";

    [Column("bill_length_mm")]
    public float? BillLengthMm { get; set; }

    [Column("bill_depth_mm")]
    public float? BillDepthMm { get; set; }

    [Column("flipper_length_mm")]
    public float? FlipperLengthMm { get; set; }

    [Column("body_mass_g")]
    public float? BodyMassG { get; set; }

    public string Sex { get; set; } = "";

    public float Year { get; set; }
}

/// <summary>The penguins' species, one of the files the quality issue's new user tried (the ensemble harness names it).</summary>
[MulticlassClassification<Penguin>(Data = "datasets/penguins/penguins.csv")]
public partial class PenguinModel;
