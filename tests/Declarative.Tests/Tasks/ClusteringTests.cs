using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Tasks;

/// <summary>Clustering end to end on iris through the generated API: the species is declared but only measures the clusters.</summary>
public sealed class ClusteringTests
{
    [Fact]
    public void ThreeClusters_OnStandardizedIris_MatchTheSpeciesFarBetterThanOneCluster()
    {
        var model = IrisClusterModel.Train();

        // One cluster (the trivial baseline) has NMI 0 and adjusted Rand index 0 against any labelling.
        Assert.True(model.TestMetrics.NormalizedMutualInformation > 0.6, $"NMI {model.TestMetrics.NormalizedMutualInformation}");
        Assert.True(model.TestMetrics.DaviesBouldinIndex > 0);
        Assert.True(model.TestMetrics.AverageDistance > 0);

        var report = model.Evaluate();
        Assert.Equal(3, report.Clusters.Count);
        Assert.Equal(report.TestRows, report.Clusters.Sum(c => c.Rows));
        Assert.NotNull(report.Crosstab);
        Assert.Equal(3, report.Crosstab!.Classes.Count);
        Assert.True(report.Crosstab.AdjustedRandIndex > 0.5, $"ARI {report.Crosstab.AdjustedRandIndex}");
        Assert.Contains("PetalLength", report.Clusters[0].Centroid.Keys);

        // Setosa (short petals) sits in a cluster of its own: its rows share one cluster, and no other species joins it.
        var setosa = report.Crosstab.Counts[0];
        var cluster = Array.IndexOf(setosa.ToArray(), setosa.Max());
        Assert.Equal(setosa.Sum(), setosa[cluster]);
        Assert.Equal(0, report.Crosstab.Counts[1][cluster] + report.Crosstab.Counts[2][cluster]);
    }

    [Fact]
    public void Wine_ReadByPosition_ClustersByCultivar_WithEveryMeasurementStandardized()
    {
        // Proline (about 1,000) would decide unscaled distances alone; standardized, the clusters follow the cultivars.
        var model = WineClusterModel.Train();

        Assert.True(model.TestMetrics.NormalizedMutualInformation > 0.8, $"NMI {model.TestMetrics.NormalizedMutualInformation}");
        var run = ((ITrainedPipeline)model.Pipeline).TrainedOn!;
        Assert.Equal(178, run.TrainRows + run.TestPart.RowCount);
    }

    [Fact]
    public void Predict_GivesTheNearestCentroid_AsAnIndexIntoTheDistances()
    {
        var model = IrisClusterModel.Train();
        var prediction = model.Predict(new IrisFlower { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f });

        Assert.Equal(3, prediction.Distances.Length);
        Assert.InRange(prediction.ClusterId, 0, 2);
        Assert.Equal(prediction.Distances.Min(), prediction.Distances[prediction.ClusterId]);
    }

    [Fact]
    public void ClustersZero_TunesTheNumberOfClusters_OverEveryKFrom2To10_ByDaviesBouldin()
    {
        Assert.NotNull(IrisChosenClusterModel.Spec.Tuning);
        Assert.Equal(TunerKind.Grid, IrisChosenClusterModel.Spec.Tuning!.Tuner);

        var model = IrisChosenClusterModel.Train();

        var tried = model.Trials.Where(t => t.Succeeded).Select(t => int.Parse(t.Hyperparameters["NumberOfClusters"], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToArray();
        Assert.Equal(Enumerable.Range(2, 9), tried);
        var best = model.Leaderboard[0];
        Assert.Equal(model.Trials.Where(t => t.Succeeded).Min(t => t.Metric), best.Metric);
        Assert.Equal(best.Hyperparameters["NumberOfClusters"], model.Pipeline.Hyperparameters["NumberOfClusters"]);

        // No label: nothing to compare the clusters with, so no NMI and no crosstab.
        var report = model.Evaluate();
        Assert.Null(report.Crosstab);
        Assert.DoesNotContain("NormalizedMutualInformation", report.TestMetrics.Keys);
        Assert.Equal(int.Parse(best.Hyperparameters["NumberOfClusters"], System.Globalization.CultureInfo.InvariantCulture), report.Clusters.Count);
    }

    [Fact]
    public void FewerDistinctRowsThanClusters_IsAnErrorThatSaysHowMany()
    {
        // Two iris flowers, each measured 75 times: three clusters cannot be placed (ML.NET said "too few examples").
        var two = new[] { (5.1f, 3.5f, 1.4f, 0.2f, IrisSpecies.Setosa), (6.3f, 3.3f, 6.0f, 2.5f, IrisSpecies.Virginica) };
        var rows = Enumerable.Range(0, 150).Select(i => two[i % 2])
            .Select(f => new IrisFlower { SepalLength = f.Item1, SepalWidth = f.Item2, PetalLength = f.Item3, PetalWidth = f.Item4, Species = f.Item5 });

        var error = Assert.Throws<InvalidOperationException>(() => IrisClusterModel.Train(rows));
        Assert.Equal("k-means cannot place 3 clusters: the training rows hold 2 distinct points; declare Clusters = 2 or fewer (Clusters = 0 chooses), or give more varied rows.", error.Message);

        // Choosing k, the trials of 3 clusters and more fail with it, and two clusters are chosen.
        var chosen = IrisChosenClusterModel.Train(rows.Select(r => new IrisMeasurements { SepalLength = r.SepalLength, SepalWidth = r.SepalWidth, PetalLength = r.PetalLength, PetalWidth = r.PetalWidth }));
        Assert.Equal("2", chosen.Pipeline.Hyperparameters["NumberOfClusters"]);
        Assert.Contains(chosen.Trials, t => t.Error?.Contains("the training rows hold 2 distinct points", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void SavedModel_LoadsAndPredictsTheSameClusters()
    {
        var model = IrisClusterModel.Train();
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "clusters.mlnet");
        model.Save(path);
        var loaded = IrisClusterModel.Load(path);

        var row = new IrisFlower { SepalLength = 6.7f, SepalWidth = 3.0f, PetalLength = 5.2f, PetalWidth = 2.3f };
        Assert.Equal(model.Predict(row).ClusterId, loaded.Predict(row).ClusterId);
        Assert.Equal(model.Predict(row).Distances, loaded.Predict(row).Distances);
    }

    [Fact]
    public void AdjustedRandIndex_IsOneForTheSamePartition_AndZeroForOneCluster()
    {
        Assert.Equal(1, Declarative.Tasks.ClusteringProfile.AdjustedRandIndex([[5, 0], [0, 7]]), 10);
        Assert.Equal(1, Declarative.Tasks.ClusteringProfile.AdjustedRandIndex([[0, 5], [7, 0]]), 10);
        Assert.Equal(0, Declarative.Tasks.ClusteringProfile.AdjustedRandIndex([[5], [7]]), 10);

        // A textbook case (Hubert and Arabie's formula): classes {4, 2} against clusters {3, 3} with one row crossed.
        // Pairs together in both: 3 + 1 = 4; expected 7 * 6 / 15 = 2.8; largest (7 + 6) / 2 = 6.5.
        Assert.Equal(1.2 / 3.7, Declarative.Tasks.ClusteringProfile.AdjustedRandIndex([[3, 1], [0, 2]]), 10);
    }
}
