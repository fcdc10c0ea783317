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

/// <summary>The comments tuned with LightGbm over the n-grams beside the linear trainer, as few trials as show it.</summary>
[BinaryClassification<Comment>(Data = "datasets/wikipedia-detox/wikipedia-detox-250-line-data.tsv", SkipBadRows = true)]
[Split(TestFraction = 0.2, Seed = 1)]
[Trainers(Trainer.LightGbm, Trainer.SdcaLogisticRegression)]
[Tune(MaxTrials = 2, Folds = 2, Ensemble = false)]
public partial class TunedToxicityModel;

/// <summary>The comments tuned over tree ensembles alone (a choice the text hint leaves alone).</summary>
[BinaryClassification<Comment>(Data = "datasets/wikipedia-detox/wikipedia-detox-250-line-data.tsv", SkipBadRows = true)]
[Split(TestFraction = 0.2, Seed = 1)]
[Trainers(Trainer.LightGbm, Trainer.FastTree)]
[Tune(MaxTrials = 2, Folds = 2)]
public partial class TreeToxicityModel;
