using System.Text.Json;
using Declarative.Evaluation;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Evaluation;

/// <summary>Each number of the reports against an independent computation (mostly ML.NET's own) on the real datasets.</summary>
public sealed class EvaluationTests : IDisposable
{
    private static readonly Lazy<BinaryClassificationReport> TumorReport = new(() => TrainedModels.Tumor.Evaluate());

    private static readonly Lazy<BinaryClassificationReport> TunedTumorReport = new(() => TunedTumorModel.Train().Evaluate());
    private static readonly Lazy<MulticlassClassificationReport> IrisReport = new(() => TrainedModels.Iris.Evaluate());
    private static readonly Lazy<RegressionReport> HousingReport = new(() => TrainedModels.Housing.Evaluate());
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Binary_AucFromTheCurveEqualsMLNets()
    {
        var report = TumorReport.Value;
        var roc = report.RocCurve;
        var trapezoids = roc.Zip(roc.Skip(1)).Sum(p => (p.Second.X - p.First.X) * (p.First.Y + p.Second.Y) / 2);

        Assert.Equal(TrainedModels.Tumor.TestMetrics.AreaUnderRocCurve, trapezoids, 6);
        Assert.Equal((0.0, 0.0), (roc[0].X, roc[0].Y));
        Assert.Equal((1.0, 1.0), (roc[^1].X, roc[^1].Y));
        Assert.Equal(report.TestMetrics["AreaUnderRocCurve"], TrainedModels.Tumor.TestMetrics.AreaUnderRocCurve, 12);
    }

    [Fact]
    public void Binary_ConfusionSumsToTestRowsAndGivesMLNetsPrecisionAndRecall()
    {
        var report = TumorReport.Value;
        var m = report.Confusion;
        var metrics = TrainedModels.Tumor.TestMetrics;

        Assert.Equal(report.TestRows, m.Total);
        Assert.Equal(metrics.PositivePrecision, (double)m.TruePositives / (m.TruePositives + m.FalsePositives), 9);
        Assert.Equal(metrics.PositiveRecall, (double)m.TruePositives / (m.TruePositives + m.FalseNegatives), 9);
        Assert.Equal(metrics.Accuracy, (double)(m.TruePositives + m.TrueNegatives) / m.Total, 9);
        Assert.Equal(m.Total, metrics.ConfusionMatrix.Counts.Sum(row => row.Sum()));

        // The last point of the precision-recall curve is recall 1 at the share of positives.
        Assert.Equal(1, report.PrecisionRecallCurve[^1].X, 9);
        Assert.Equal((double)(m.TruePositives + m.FalseNegatives) / m.Total, report.PrecisionRecallCurve[^1].Y, 9);
    }

    [Fact]
    public void Multiclass_ConfusionEqualsMLNetsAndPerClassRecallToo()
    {
        var report = IrisReport.Value;
        var ours = report.Confusion.Select(r => r.ToArray()).ToArray();
        var theirs = TrainedModels.Iris.TestMetrics.ConfusionMatrix;

        Assert.Equal(["Setosa", "Versicolor", "Virginica"], report.Classes);
        Assert.Equal(theirs.Counts.Select(r => r.Select(c => (int)c).ToArray()).ToArray(), ours);
        Assert.Equal(report.TestRows, ours.Sum(r => r.Sum()));
        Assert.Equal(theirs.PerClassRecall, report.PerClass.Select(c => c.Recall).ToArray());
        Assert.Equal(theirs.PerClassPrecision, report.PerClass.Select(c => c.Precision).ToArray());
        Assert.Equal(TrainedModels.Iris.TestMetrics.MacroAccuracy, report.PerClass.Average(c => c.Recall), 9);
    }

    [Fact]
    public void Regression_MetricsFromThePointsEqualMLNets()
    {
        var points = HousingReport.Value.Points;
        var metrics = TrainedModels.Housing.TestMetrics;
        var mean = points.Average(p => p.Actual);
        var rSquared = 1 - (points.Sum(p => p.Residual * p.Residual) / points.Sum(p => (p.Actual - mean) * (p.Actual - mean)));

        Assert.Equal(HousingReport.Value.TestRows, points.Count);
        Assert.Equal(metrics.RSquared, rSquared, 4);
        Assert.Equal(metrics.MeanAbsoluteError, points.Average(p => Math.Abs(p.Residual)), 4);
    }

    [Fact]
    public void AnUntunedModel_IsNotRefitted_ItsTestMetricsGetBootstrapIntervals()
    {
        var report = TumorReport.Value;
        var intervals = report.TestIntervals.ToDictionary(m => m.Metric);

        Assert.Empty(report.CrossValidation);
        Assert.Equal(report.TestMetrics.Keys.Order(), intervals.Keys.Order());
        var auc = intervals["AreaUnderRocCurve"];
        Assert.True(auc.StdDev > 0);
        Assert.InRange(report.TestMetrics["AreaUnderRocCurve"], auc.Low, auc.High);
        Assert.True(auc.High - auc.Low < 0.1, $"{auc.Low}..{auc.High} on {report.TestRows} rows");
        var page = Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.Predictive(MLTask.BinaryClassification));
        Assert.Contains("Test, 90 % bootstrap interval", page, StringComparison.Ordinal);
        Assert.Contains($"50 bootstrap resamples of the {report.TestRows} scored test rows", page, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossValidation_OfATunedModel_HasEveryMetricWithItsFolds()
    {
        var report = TunedTumorReport.Value;
        var cv = report.CrossValidation.ToDictionary(m => m.Metric);

        Assert.Empty(report.TestIntervals);
        Assert.Equal(report.TestMetrics.Keys.Order(), cv.Keys.Order());
        var auc = cv["AreaUnderRocCurve"];
        Assert.Equal(5, auc.Folds.Count);
        Assert.Equal(auc.Folds.Average(), auc.Mean, 12);
        Assert.InRange(auc.Mean, 0.95, 1);
        Assert.True(auc.StdDev > 0);
    }

    [Fact]
    public void FeatureImportance_NamesEveryPropertyAndRanksThem()
    {
        var importance = TumorReport.Value.FeatureImportance;

        Assert.Equal(TumorModel.Spec.Features.Select(f => f.PropertyName).Order(), importance.Select(f => f.Feature).Order());
        Assert.Equal(importance.Select(f => f.Drop).OrderDescending(), importance.Select(f => f.Drop));
        Assert.True(importance[0].Drop > 0, "shuffling the most important property must hurt");
    }

    [Fact]
    public void Profile_CountsMissingValuesAndLabelBalance()
    {
        var profile = TumorReport.Value.Profile;
        var thickness = profile.Columns.Single(c => c.Property == "Thickness");

        // Independently: the data lines of the file (not comments, not blank, not the header), first field = label.
        var rows = File.ReadLines("datasets/breast-cancer/breast-cancer-withheader.txt")
            .Where(l => !l.StartsWith("//", StringComparison.Ordinal) && l.Trim().Length > 0).Skip(1).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(rows.Length, profile.Rows);
        Assert.Equal((1, 10), (thickness.Min, thickness.Max));
        Assert.Equal(rows.Select(r => r[1]).Distinct().Count(), thickness.Distinct);
        Assert.Equal(rows.Average(r => double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)), thickness.Mean!.Value, 9);
        Assert.Equal(0, thickness.MissingShare);
        Assert.Equal(
            rows.GroupBy(r => r[0] == "1" ? "true" : "false").OrderByDescending(g => g.Count()).Select(g => (g.Key, g.Count())),
            profile.LabelBalance.Select(c => (c.Value, c.Count)));
        Assert.Empty(profile.Warnings);
    }

    [Fact]
    public void Profile_WarnsOfConstantEmptyLeakingAndImbalancedData()
    {
        var lines = new List<string> { "Flag,Constant,Empty,Leak,Noise,Group" };
        var random = new Random(4);
        for (var i = 0; i < 400; i++)
        {
            var flag = i % 25 == 0; // 4%: severe imbalance
            lines.Add($"{(flag ? 1 : 0)},3,?,{(flag ? 0.9 + (random.NextDouble() / 10) : random.NextDouble() / 2):R},{random.NextDouble():R},g{i % 7}");
        }

        var path = _temp.File("suspicious.csv");
        File.WriteAllLines(path, lines);

        var profile = DataProfiler.Profile(SuspiciousModel.Spec, Declarative.Data.DelimitedFileLoader.Load(SuspiciousModel.Spec, path));

        var codes = profile.Warnings.Select(w => (w.Code, w.Property)).ToArray();
        Assert.Contains((DataWarningCodes.ConstantColumn, "Constant"), codes);
        Assert.Contains((DataWarningCodes.AllMissing, "Empty"), codes);
        Assert.Contains((DataWarningCodes.LikelyLeak, "Leak"), codes);
        Assert.Contains((DataWarningCodes.SevereImbalance, "Flag"), codes);
        Assert.DoesNotContain(codes, c => c.Property is "Noise" or "Group");
        Assert.Equal(1, profile.Columns.Single(c => c.Property == "Empty").MissingShare);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(100, false)]
    public void AFewDozenRows_WarnThatLightGbmsTreesCannotSplit(int rows, bool warns)
    {
        // The breast cancer file's first rows, split 80/20: 24 training rows are under the 40 two of LightGbm's leaves
        // hold (the model is one constant: AUC 0.5); 80 are not.
        var lines = File.ReadLines(Repository.PathOf("datasets", "breast-cancer", "breast-cancer-withheader.txt")).Where(l => !l.StartsWith("//", StringComparison.Ordinal) && l.Trim().Length > 0).ToList();
        var path = _temp.File($"tumors-{rows}.tsv");
        File.WriteAllLines(path, lines.Take(rows + 1));

        var report = Pipelines.DefaultTumorModel.Train(path).Evaluate();

        var warning = report.Profile.Warnings.SingleOrDefault(w => w.Code == DataWarningCodes.TreesCannotSplit);
        Assert.Equal(warns, warning is not null);
        if (warns)
        {
            Assert.Equal(0.5, report.TestMetrics["AreaUnderRocCurve"]);
            Assert.StartsWith($"{report.TrainRows} training rows: LightGbm's leaves hold 20 rows, so its trees cannot split and the model is one constant. Name a linear trainer ([Trainers(Trainer.LbfgsLogisticRegression)])", warning!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Profile_WarnsOfASingleClassLabel()
    {
        var path = _temp.File("one-class.csv");
        File.WriteAllLines(path, ["Flag,Constant,Empty,Leak,Noise,Group", "1,1,1,1,0.5,a", "1,2,2,2,0.1,b", "true,3,3,3,0.7,a"]);

        var profile = DataProfiler.Profile(SuspiciousModel.Spec, Declarative.Data.DelimitedFileLoader.Load(SuspiciousModel.Spec, path));

        Assert.Contains(profile.Warnings, w => w.Code == DataWarningCodes.SingleClassLabel);
    }

    [Fact]
    public void Json_HoldsTheSameNumbers()
    {
        using var json = JsonDocument.Parse(TumorReport.Value.ToJson());
        var root = json.RootElement;

        Assert.Equal("TumorModel", root.GetProperty("pipeline").GetString());
        Assert.Equal(TumorReport.Value.TestMetrics["AreaUnderRocCurve"], root.GetProperty("testMetrics").GetProperty("AreaUnderRocCurve").GetDouble());
        Assert.Equal(TumorReport.Value.RocCurve.Count, root.GetProperty("rocCurve").GetArrayLength());
        Assert.Equal(TumorReport.Value.Confusion.TruePositives, root.GetProperty("confusion").GetProperty("truePositives").GetInt32());
    }

    [Fact]
    public void SaveReport_WritesOneSelfContainedPageWithEveryChart()
    {
        var path = _temp.File("tumor.report.html");
        TrainedModels.Tumor.SaveReport(path);
        var html = File.ReadAllText(path);

        foreach (var chart in new[] { "roc", "precision-recall", "confusion", "feature-importance", "label-balance" })
        {
            Assert.Contains($"data-chart=\"{chart}\"", html);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    public void Dispose() => _temp.Dispose();
}
