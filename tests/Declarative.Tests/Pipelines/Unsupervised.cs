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

/// <summary>
/// The breast cancer rows for anomaly detection, where malignant rows play the anomaly: training rows are 70% of the
/// benign rows and malignant rows thinned to 5% of the training rows (seeded); test rows are the other benign rows and
/// every other malignant row.
/// </summary>
public static class TumorAnomalyData
{
    /// <summary>The breast cancer rows split as the class comment says, thinned by a fixed seed.</summary>
    public static (List<TumorForAnomaly> Train, List<TumorForAnomaly> Test) Split()
    {
        var rows = ReadTumors(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer", "breast-cancer-withheader.txt"));
        var random = new Random(5);
        var benign = rows.Where(r => !r.Malignant).OrderBy(_ => random.Next()).ToList();
        var malignant = rows.Where(r => r.Malignant).OrderBy(_ => random.Next()).ToList();
        var trainBenign = (int)(benign.Count * 0.7);
        var trainMalignant = (int)Math.Round(trainBenign * 0.05 / 0.95);
        var train = benign.Take(trainBenign).Concat(malignant.Take(trainMalignant)).ToList();
        var test = benign.Skip(trainBenign).Concat(malignant.Skip(trainMalignant)).ToList();
        return (train, test);
    }

    private static List<TumorForAnomaly> ReadTumors(string path)
    {
        static float Number(string text) => text.Length == 0 ? float.NaN : float.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return File.ReadLines(path)
            .Where(line => !line.StartsWith("//", StringComparison.Ordinal) && line.Length > 0)
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(f => new TumorForAnomaly
            {
                Malignant = f[0] == "1",
                Thickness = Number(f[1]),
                UniformSize = Number(f[2]),
                UniformShape = Number(f[3]),
                Adhesion = Number(f[4]),
                EpithelialSize = Number(f[5]),
                BareNuclei = f[6].Length == 0 ? null : Number(f[6]),
                BlandChromatin = Number(f[7]),
                NormalNucleoli = Number(f[8]),
                Mitoses = (int)Number(f[9]),
            })
            .ToList();
    }
}
