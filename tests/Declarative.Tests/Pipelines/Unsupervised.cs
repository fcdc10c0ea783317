namespace Declarative.Tests.Pipelines;

/// <summary>Iris for clustering: the species is declared as the label, which only measures the clusters.</summary>
public sealed class IrisFlower
{
    [Label]
    [Column("#Label")]
    public IrisSpecies Species { get; set; }

    [Column("Sepal length")]
    public float SepalLength { get; set; }

    [Column("Sepal width")]
    public float SepalWidth { get; set; }

    [Column("Petal length")]
    public float PetalLength { get; set; }

    [Column("Petal width")]
    public float PetalWidth { get; set; }
}

/// <summary>Iris measurements alone: nothing to measure clusters by but the clusters themselves.</summary>
public sealed class IrisMeasurements
{
    [Column("Sepal length")]
    public float SepalLength { get; set; }

    [Column("Sepal width")]
    public float SepalWidth { get; set; }

    [Column("Petal length")]
    public float PetalLength { get; set; }

    [Column("Petal width")]
    public float PetalWidth { get; set; }
}

[Clustering<IrisFlower>(Data = "datasets/iris/iris.txt", Clusters = 3)]
[Split(TestFraction = 0.3, Seed = 3)]
public partial class IrisClusterModel;

/// <summary>Clusters = 0 (the default): the number of clusters is tuned, every k from 2 to 10 on a grid, by Davies-Bouldin.</summary>
[Clustering<IrisMeasurements>(Data = "datasets/iris/iris.txt")]
[Split(TestFraction = 0.3, Seed = 3)]
public partial class IrisChosenClusterModel;

/// <summary>
/// The breast cancer rows for anomaly detection: malignant is the anomaly. The tests thin the malignant rows to 5% of
/// the training rows (the data file itself has 34% malignant, far from rare).
/// </summary>
public sealed record TumorForAnomaly : TumorMeasurements
{
    [Label]
    [Column("label")]
    public bool Malignant { get; set; }
}

[AnomalyDetection<TumorForAnomaly>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt", Contamination = 0.05)]
public partial class TumorAnomalyModel;

[AnomalyDetection<TumorForAnomaly>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt", Contamination = 0.05)]
[Trainers(Trainer.RandomizedPca)]
public partial class TumorPcaAnomalyModel;

/// <summary>Tuned by AUC against the label (never trained on): k-means' centroids and PCA's rank.</summary>
[AnomalyDetection<TumorForAnomaly>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt", Contamination = 0.05)]
[Trainers(Trainer.KMeans, Trainer.RandomizedPca)]
[Tune(MaxTrials = 8, Folds = 3)]
public partial class TumorTunedAnomalyModel;
