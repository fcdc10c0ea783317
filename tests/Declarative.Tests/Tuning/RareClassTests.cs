using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Tuning;

/// <summary>
/// A rare positive class (fraud, faults): a test part or a validation fold can hold none, where the ROC curve is not
/// defined. The breast cancer file keeps every benign row and its first few malignant ones.
/// </summary>
public sealed class RareClassTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void ATestPartWithoutAPositive_IsNotMeasured_AndTheModelStillTrains()
    {
        var model = TumorModel.Train(RarePositives(1));

        Assert.Empty(model.Pipeline.TestMetricValues);
        var error = Assert.Throws<InvalidOperationException>(() => model.TestMetrics);
        Assert.Contains("its test part holds rows of one class of the label 'label' only", error.Message, StringComparison.Ordinal);
        Assert.Contains(model.Predict(TumorAnomalyData.Split().Test.Select(AsTumor)), p => p.PredictedLabel);

        // The report has what can be measured: no test metrics or importance, the cross-validation folds that hold a positive.
        var report = model.Evaluate();
        Assert.Empty(report.TestMetrics);
        Assert.Empty(report.FeatureImportance);
        model.SaveReport(_temp.File("rare.html"));
    }

    [Fact]
    public void Tuning_MeasuresEachTrialOnTheFoldsThatHoldAPositive()
    {
        // Three positives in the training part's five folds: at least two folds have none. Before, ML.NET's "AUC is
        // not defined" failed every trial.
        var model = TunedTumorModel.Train(RarePositives(3));

        Assert.All(model.Trials, t => Assert.True(t.Succeeded && double.IsFinite(t.Metric!.Value), t.Error));

        // The report cross-validates on the folds that hold one.
        var spread = Assert.Single(model.Evaluate().CrossValidation, m => m.Metric == "AreaUnderRocCurve");
        Assert.InRange(spread.Folds.Count, 1, 3);
    }

    public void Dispose() => _temp.Dispose();

    private string RarePositives(int positives)
    {
        var path = _temp.File("rare.txt");
        var kept = 0;
        File.WriteAllLines(path, File.ReadLines("datasets/breast-cancer/breast-cancer-withheader.txt")
            .Where(line => !line.StartsWith("1\t", StringComparison.Ordinal) || kept++ < positives));
        return path;
    }

    private static Tumor AsTumor(TumorForAnomaly r) => new()
    {
        Thickness = r.Thickness, UniformSize = r.UniformSize, UniformShape = r.UniformShape, Adhesion = r.Adhesion, EpithelialSize = r.EpithelialSize,
        BareNuclei = r.BareNuclei, BlandChromatin = r.BlandChromatin, NormalNucleoli = r.NormalNucleoli, Mitoses = r.Mitoses, Malignant = r.Malignant,
    };
}
