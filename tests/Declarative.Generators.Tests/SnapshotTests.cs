using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Tests;

/// <summary>The generated source per task, compared with approved snapshots, and compiled without a diagnostic.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void BinaryClassification()
    {
        const string source = """
            using Declarative;

            namespace Titanic;

            public enum Port { Cherbourg, Queenstown, Southampton }

            public sealed class Passenger
            {
                [Label] public bool Survived { get; set; }
                public float? Age { get; set; }
                public int Siblings { get; set; }
                public bool IsAlone { get; set; }
                public bool? HasCabin { get; set; }
                public double Fare2 { get; set; }
                public string Class { get; set; } = "";
                [Categorical] public int Deck { get; set; }
                public Port Embarked { get; set; }
                [Text] public string Name { get; set; } = "";
                [Ignore] public string Ticket { get; set; } = "";
                [Column("Fare ($)")] public float Fare { get; set; }
                public float @event { get; set; }
                [Columns("scan1", "scan4")] public float[] Scan { get; set; } = [];
            }

            [BinaryClassification<Passenger>(Data = "data/titanic.csv", Separator = ';')]
            [Split(TestFraction = 0.25, Seed = 7)]
            [Trainers(Trainer.LightGbm, Trainer.SdcaLogisticRegression)]
            public partial class SurvivalModel;
            """;

        AssertGenerates("SurvivalModel", source);
    }

    [Fact]
    public void MulticlassClassification_NestedWithHeaderlessFile()
    {
        const string source = """
            using Declarative;

            namespace Flowers
            {
                public enum Species { Setosa, Versicolor, Virginica }

                public record Flower
                {
                    [Label] public Species Species { get; init; }
                    public float SepalLength { get; init; }
                    [Column(Index = 4)] public float PetalWidth { get; init; }
                    public float PetalLength { get; init; }
                }

                public static partial class Models
                {
                    [MulticlassClassification<Flower>(Data = "iris.tsv", HasHeader = false)]
                    [Trainers(Trainer.SdcaMaximumEntropy)]
                    internal partial class IrisModel { }
                }
            }
            """;

        AssertGenerates("IrisModel", source);
    }

    [Fact]
    public void Regression_Defaults()
    {
        const string source = """
            using Declarative;

            public class House
            {
                [Label] public int Price { get; set; }
                public float Rooms { get; set; }
                public long Area { get; set; }
                public System.DateTime Listed { get; set; }
                [Column("sold", Format = "dd/MM/yyyy")] public System.DateOnly? Sold { get; set; }
                public System.DateTimeOffset? Seen { get; set; }
                public System.TimeOnly Open { get; set; }
            }

            [Regression<House>(Provider = DataProvider.PostgreSql, ConnectionStringVariable = "HOUSES_DB", Query = "SELECT * FROM houses ORDER BY id")]
            partial class PriceModel;
            """;

        AssertGenerates("PriceModel", source);
    }

    [Fact]
    public void BinaryClassification_StringLabelWithPositiveClass()
    {
        const string source = """
            using Declarative;

            public class Message
            {
                [Label(Positive = "spam")] public string Kind { get; set; } = "";
                [Text] public string Body { get; set; } = "";
            }

            [BinaryClassification<Message>(Data = "sms.tsv", Separator = '\t', AllowQuoting = false)]
            partial class SpamModel;
            """;

        AssertGenerates("SpamModel", source);
    }

    [Fact]
    public void MulticlassClassification_StringLabel()
    {
        const string source = """
            using Declarative;

            public class Ticket
            {
                [Label] public string Queue { get; set; } = "";
                [Text] public string Body { get; set; } = "";
            }

            [MulticlassClassification<Ticket>(Data = "tickets.csv", SkipLines = 3, AllowQuoting = false, SkipBadRows = true, MaxBadRowFraction = 0.05)]
            [Trainers(Trainer.LbfgsMaximumEntropy)]
            public partial class RoutingModel;
            """;

        AssertGenerates("RoutingModel", source);
    }

    [Fact]
    public void BinaryClassification_Tuned()
    {
        const string source = """
            using Declarative;
            using Declarative.Tuning;

            public class Row
            {
                [Label] public bool Target { get; set; }
                public float Value { get; set; }
                public string Kind { get; set; } = "";
            }

            [BinaryClassification<Row>(Data = "rows.csv")]
            [Trainers(Trainer.LightGbm, Trainer.FastTree)]
            [Tune(MaxTrials = 30, Metric = BinaryMetric.F1Score, Folds = 3, Tuner = TunerKind.Bayesian)]
            [SearchRange(Trainer.LightGbm, "NumberOfLeaves", 4, 64)]
            [SearchRange(Trainer.FastTree, "LearningRate", 0.05, 0.3)]
            public partial class TunedModel;
            """;

        AssertGenerates("TunedModel", source);
    }

    [Fact]
    public void Ranking_FromAnSvmLightFile()
    {
        const string source = """
            using Declarative;

            namespace Search;

            public sealed class Result
            {
                [Label] public int Relevance { get; set; }
                [GroupId] public long Query { get; set; }
                [Columns(Count = 136)] public float[] Features { get; set; } = [];
            }

            [Ranking<Result>(Data = "train.txt", TestData = "test.txt", Format = DataFormat.SvmLight)]
            [Trainers(Trainer.LightGbm, Trainer.FastTree)]
            [Tune(MaxTrials = 10, Metric = RankingMetric.NdcgAt5)]
            public partial class SearchModel;
            """;

        AssertGenerates("SearchModel", source);
    }

    [Fact]
    public void TextEncodedByMiniLM()
    {
        const string source = """
            using Declarative;

            namespace Reviews;

            public sealed class Review
            {
                [Label] public bool Positive { get; set; }
                [Text(Encoder = TextEncoder.MiniLM)] public string Body { get; set; } = "";
                public float Stars { get; set; }
            }

            [BinaryClassification<Review>(Data = "reviews.csv")]
            public partial class ReviewModel;
            """;

        // The encoder as the Declarative.Embeddings package declares it, so the compilation has it.
        const string package = """
            namespace Declarative.Embeddings;

            public sealed class MiniLMEncoder : Declarative.Schema.ISentenceEncoder
            {
                public static MiniLMEncoder Instance { get; } = new();
                public string Name => "all-MiniLM-L6-v2";
                public int Dimension => 384;
                public float[][] Encode(System.Collections.Generic.IReadOnlyList<string> texts, System.Threading.CancellationToken cancellationToken = default) => [];
            }
            """;

        AssertGenerates("ReviewModel", source, package);
    }

    [Fact]
    public void ImagesEncodedByResNet18()
    {
        const string source = """
            using Declarative;

            namespace Flowers;

            public sealed class Photo
            {
                [Image] public string File { get; set; } = "";
                [Label] public string Kind { get; set; } = "";
            }

            [MulticlassClassification<Photo>(Data = "photos/")]
            public partial class FlowerModel;
            """;

        // The encoder as the Declarative.Vision package declares it, so the compilation has it.
        const string package = """
            namespace Declarative.Vision;

            public sealed class ResNet18Encoder : Declarative.Schema.IImageEncoder
            {
                public static ResNet18Encoder Instance { get; } = new();
                public string Name => "resnet18-imagenet";
                public int Dimension => 512;
                public float[] Encode(System.ReadOnlySpan<byte> image, System.Threading.CancellationToken cancellationToken = default) => [];
                public byte[] Preview(System.ReadOnlySpan<byte> image, int side) => [];
            }
            """;

        AssertGenerates("FlowerModel", source, package);
    }

    [Fact]
    public void Synthesizer_BuildsRowsOfEveryKind()
    {
        const string source = """
            using Declarative;

            namespace Patients;

            public enum Ward { North, South }

            public sealed class Patient
            {
                [Label] public bool Readmitted { get; set; }
                public float Age { get; set; }
                public int Visits { get; set; }
                public double? Weight { get; set; }
                public bool Smoker { get; set; }
                public string City { get; set; } = "";
                public Ward Ward { get; set; }
                [Categorical] public int Code { get; set; }
                public System.DateOnly? Admitted { get; set; }
                [Ignore] public string Id { get; set; } = "";
            }

            [Synthesizer<Patient>(Data = "patients.csv", Kind = SynthesizerKind.SequentialTrees)]
            public partial class PatientSynthesizer;
            """;

        AssertGenerates("PatientSynthesizer", source);
    }

    [Fact]
    public void Forecaster()
    {
        const string source = """
            using Declarative;
            namespace Sensors;

            public sealed class Reading
            {
                [SeriesId] public string Sensor { get; set; } = "";
                [Time, Column("at", Format = "yyyy-MM-dd HH:mm")] public System.DateTimeOffset At { get; set; }
                [Label] public float Load { get; set; }
                public float Temperature { get; set; }
                [PastCovariate] public double Output { get; set; }
                [PastCovariate, Column("alarm")] public bool? Alarm { get; set; }
            }

            [Forecasting<Reading>(Data = "readings.csv", Horizon = 48, Season = 24, Interval = 0.9, FillGaps = true, DirectTrees = true)]
            [Tune(Metric = ForecastingMetric.Mase)]
            public partial class LoadForecast;
            """;

        AssertGenerates("LoadForecast", source);
    }

    [Fact]
    public void SeriesAnomalyDetection_DetectsAndStreams_WithTheDeclaredThreshold()
    {
        const string source = """
            using System;
            using Declarative;

            namespace Plant;

            public sealed class Reading
            {
                [SeriesId] public string Sensor { get; set; } = "";
                [Time] public DateTime At { get; set; }
                public float Load { get; set; }
                public double Temperature { get; set; }
                [Label] public bool Incident { get; set; }
            }

            [SeriesAnomalyDetection<Reading>(Data = "readings.csv", Threshold = 0.8)]
            [Tune(Metric = SeriesAnomalyMetric.NabLowFalsePositives)]
            public partial class SensorWatch;
            """;

        AssertGenerates("SensorWatch", source);
    }

    [Fact]
    public void Clustering_ChoosesK_WithALabelToMeasureBy()
    {
        const string source = """
            using Declarative;

            namespace Shop;

            public sealed class Customer
            {
                [Label] public string Segment { get; set; } = "";
                public float Spend { get; set; }
                public float Visits { get; set; }
                [Categorical] public string Region { get; set; } = "";
            }

            [Clustering<Customer>(Data = "customers.csv")]
            public partial class SegmentModel;
            """;

        AssertGenerates("SegmentModel", source);
    }

    [Fact]
    public void AnomalyDetection_WithoutALabel()
    {
        const string source = """
            using Declarative;

            namespace Payments;

            public sealed class Payment
            {
                public float Amount { get; set; }
                public float HourOfDay { get; set; }
                [Categorical] public string Merchant { get; set; } = "";
            }

            [AnomalyDetection<Payment>(Data = "payments.csv", Contamination = 0.01)]
            [Trainers(Trainer.KMeans, Trainer.RandomizedPca)]
            public partial class FraudModel;
            """;

        AssertGenerates("FraudModel", source);
    }

    [Fact]
    public void PipelineInPrivateNestedClass_CompilesWithoutRegistryEntry()
    {
        const string source = """
            using Declarative;

            public class Row
            {
                [Label] public bool Target { get; set; }
                public float Value { get; set; }
            }

            public partial class Outer
            {
                private partial class Hidden
                {
                    [BinaryClassification<Row>]
                    internal partial class Model;
                }
            }
            """;

        var (run, diagnostics) = GeneratorHarness.Run(source);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.DoesNotContain("[assembly:", run.GeneratedTrees.Single().GetText().ToString(), StringComparison.Ordinal);
    }

    private static void AssertGenerates(string name, params string[] sources)
    {
        var (run, diagnostics) = GeneratorHarness.Run(sources);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var generated = Assert.Single(run.GeneratedTrees);
        Assert.EndsWith(name + ".g.cs", generated.FilePath, StringComparison.Ordinal);
        SnapshotAssert.Matches(name, generated.GetText().ToString());
    }
}
