namespace Declarative.Tests.Pipelines;

/// <summary>The nine measurements of a row of the breast cancer data; the rows below add the label their own way.</summary>
public abstract record TumorMeasurements
{
    public float Thickness { get; set; }

    [Column("uniform_size")]
    public float UniformSize { get; set; }

    [Column("uniform_shape")]
    public float UniformShape { get; set; }

    public float Adhesion { get; set; }

    [Column("epit_size")]
    public float EpithelialSize { get; set; }

    [Column("bare_nuclei")]
    public float? BareNuclei { get; set; }

    [Column("bland_chromatin")]
    public float BlandChromatin { get; set; }

    [Column("normal_nucleoli")]
    public float NormalNucleoli { get; set; }

    public int Mitoses { get; set; }
}

/// <summary>A row of the breast cancer data: tab separated after fifteen '//' comment lines.</summary>
public sealed record Tumor : TumorMeasurements
{
    [Label]
    [Column("label")]
    public bool Malignant { get; set; }
}

[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.FastTree)]
public partial class TumorModel;

/// <summary>The task's default trainer (LightGbm), untuned: on a few dozen rows its trees cannot split.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
public partial class DefaultTumorModel;
