namespace Declarative.Tests.Pipelines;

/// <summary>A row of the Wikipedia detox data: tab separated, quoted free text with doubled quotes.</summary>
public sealed class Comment
{
    [Label]
    [Column("Sentiment")]
    public bool Toxic { get; set; }

    [Text]
    [Column("SentimentText")]
    public string Text { get; set; } = "";

    public bool LoggedIn { get; set; }
}

[BinaryClassification<Comment>(Data = "datasets/wikipedia-detox/wikipedia-detox-250-line-data.tsv", SkipBadRows = true)]
[Split(TestFraction = 0.2, Seed = 1)]
[Trainers(Trainer.SdcaLogisticRegression)]
public partial class ToxicityModel;
