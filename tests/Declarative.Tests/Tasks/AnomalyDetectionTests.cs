using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Tasks;

/// <summary>
/// Anomaly detection on the breast cancer data, where malignant rows play the anomaly: the training rows are 70% of
/// the benign rows and malignant rows thinned to 5% of the training rows (seeded); the test rows are the other benign
/// rows and every other malignant row. The label is declared but never trained on.
/// </summary>
public sealed class AnomalyDetectionTests
{
    [Fact]
    public void KMeansDistance_FindsTheMalignantRows_FarAboveRandomScores()
    {
        var (train, test) = TumorAnomalyData.Split();
        var model = TumorAnomalyModel.Train(train, test);

        // Random scores (the trivial baseline) have an AUC of 0.5 in expectation.
        Assert.True(model.TestMetrics.AreaUnderRocCurve > 0.95, $"AUC {model.TestMetrics.AreaUnderRocCurve}");
        Assert.Equal(Trainer.KMeans, model.Pipeline.Trainer);

        var report = model.Evaluate(test);
        Assert.Equal(test.Count, report.Scores.Count);
        Assert.NotNull(report.Confusion);
        Assert.True(report.Confusion!.TruePositives > report.Confusion.FalseNegatives, $"{report.Confusion}");

        // The threshold flags about the contamination share of the training rows.
        var flagged = model.Predict(train).Count(p => p.IsAnomaly);
        Assert.InRange(flagged, (int)(train.Count * 0.03), (int)(train.Count * 0.07));
    }

    [Fact]
    public void RandomizedPca_IsMeasuredToo_AndLosesToTheDistance()
    {
        var (train, test) = TumorAnomalyData.Split();
        var pca = TumorPcaAnomalyModel.Train(train, test);
        var kmeans = TumorAnomalyModel.Train(train, test);

        // PCA scores a row by the share of it the principal components do not explain: a malignant row is large on
        // every measurement, along the benign rows' main direction, so PCA sees little wrong with it.
        Assert.InRange(pca.TestMetrics.AreaUnderRocCurve, 0.0, 1.0);
        Assert.True(kmeans.TestMetrics.AreaUnderRocCurve > pca.TestMetrics.AreaUnderRocCurve);
        Assert.Equal(pca.Predict(test).Count(p => p.IsAnomaly), pca.Predict(test).Count(p => p.Score > pca.Pipeline.AnomalyThreshold));
    }

    [Fact]
    public void Tuning_RanksTrialsByAucAgainstTheLabel()
    {
        var (train, test) = TumorAnomalyData.Split();
        var model = TumorTunedAnomalyModel.Train(train, test);

        Assert.Equal(8, model.Trials.Count);
        Assert.Contains(model.Trials, t => t.Trainer == Trainer.RandomizedPca);
        Assert.Equal(model.Trials.Where(t => t.Succeeded).Max(t => t.Metric), model.Leaderboard[0].Metric);
        Assert.True(model.TestMetrics.AreaUnderRocCurve > 0.9);
    }

    [Fact]
    public void SavedModel_KeepsItsThreshold()
    {
        var (train, test) = TumorAnomalyData.Split();
        var model = TumorAnomalyModel.Train(train, test);
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "anomaly.mlnet");
        model.Save(path);
        var loaded = TumorAnomalyModel.Load(path);

        Assert.Equal(model.Pipeline.AnomalyThreshold, loaded.Pipeline.AnomalyThreshold);
        Assert.Equal(model.Predict(test).Select(p => (p.Score, p.IsAnomaly)), loaded.Predict(test).Select(p => (p.Score, p.IsAnomaly)));
    }

    [Fact]
    public void WithoutALabel_TheDetectorTrains_AndTheReportHasScoresOnly()
    {
        var spec = new Schema.PipelineSpec<TumorForAnomaly>
        {
            Name = "Unlabelled",
            Task = MLTask.AnomalyDetection,
            DeclaringType = typeof(AnomalyDetectionTests),
            Trainers = [Trainer.KMeans],
            Features = TumorAnomalyModel.Spec.Features,
        };
        var (train, test) = TumorAnomalyData.Split();
        var model = AnomalyDetector<TumorForAnomaly>.Train(spec, train, test, null);

        Assert.Empty(model.TestMetricValues);
        var report = model.Evaluate(test);
        Assert.Null(report.Confusion);
        Assert.All(report.Scores, s => Assert.Null(s.Anomaly));
        Assert.Empty(report.FeatureImportance);
        Assert.Contains(model.Predict(test), p => p.IsAnomaly);
    }

    [Fact]
    public void ATestPartWithoutAnAnomaly_IsNotMeasured_AndTheErrorSaysWhy()
    {
        // A small or early test part can hold no anomaly: the ROC curve is not defined, so there is nothing to measure
        // (before, ML.NET's evaluator threw "AUC is not defined" out of Train).
        var (train, test) = TumorAnomalyData.Split();
        var benign = test.Where(r => !r.Malignant).ToList();
        var model = TumorAnomalyModel.Train(train, benign);

        Assert.Empty(model.Pipeline.TestMetricValues);
        var error = Assert.Throws<InvalidOperationException>(() => model.TestMetrics);
        Assert.Contains("its test part holds rows of one class of the label 'label' only", error.Message, StringComparison.Ordinal);
        var report = model.Evaluate(benign);
        Assert.Equal(benign.Count, report.Scores.Count);
        Assert.Empty(report.TestMetrics);
    }

    [Fact]
    public void Tuning_LeavesOutAFoldWithoutAnAnomaly_AndSaysSoWhenNoFoldHasOne()
    {
        // Two malignant rows over three folds: one fold has none, and its AUC is left out of the trial's mean.
        var (train, test) = TumorAnomalyData.Split();
        var benign = train.Where(r => !r.Malignant).ToList();
        var model = TumorTunedAnomalyModel.Train([.. benign, .. train.Where(r => r.Malignant).Take(2)], test);
        Assert.All(model.Trials, t => Assert.True(t.Succeeded, t.Error));
        Assert.True(model.TestMetrics.AreaUnderRocCurve > 0.5);

        // None: no trial can be measured, and the error says what to do.
        var error = Assert.Throws<InvalidOperationException>(() => TumorTunedAnomalyModel.Train(benign, test));
        Assert.Contains("AreaUnderRocCurve could be measured on no validation fold: each holds rows of one kind of the label 'label' only", error.Message, StringComparison.Ordinal);
    }
}
