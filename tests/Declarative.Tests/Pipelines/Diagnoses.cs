namespace Declarative.Tests.Pipelines;

/// <summary>The breast-cancer label as an enum: 0 and 1 in the file read as the members' values.</summary>
public enum Diagnosis
{
    Benign = 0,
    Malignant = 1,
}

/// <summary>A tumor whose label is a <see cref="Diagnosis"/>, with the positive class named.</summary>
public sealed record DiagnosedTumor : TumorMeasurements
{
    [Label(Positive = nameof(Diagnosis.Malignant))]
    [Column("label")]
    public Diagnosis Diagnosis { get; set; }
}

[BinaryClassification<DiagnosedTumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.FastTree)]
public partial class DiagnosisModel;

/// <summary>A review sentence whose label is the file's 0/1 as an int.</summary>
public sealed class ScoredSentence
{
    [Text]
    [Column(Index = 0)]
    public string Sentence { get; set; } = "";

    [Label(Positive = "1")]
    [Column(Index = 1)]
    public int Score { get; set; }
}

[BinaryClassification<ScoredSentence>(Data = "datasets/sentiment-sentences/amazon_cells_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class ScoredSentenceModel;
