namespace Declarative.Orleans.Tests;

/// <summary>A row of the breast cancer data (tab separated after fifteen '//' comment lines).</summary>
public sealed record Tumor
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

    [Label]
    [Column("label")]
    public bool Malignant { get; set; }
}

/// <summary>Three trainers, twelve trials in three rounds of four: enough rounds to stop a silo in one of them.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression)]
[Tune(MaxTrials = 12)]
public partial class ClusterTunedTumorModel;
