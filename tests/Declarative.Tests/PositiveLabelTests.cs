using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

/// <summary>Binary labels of their own type (enum, int, string) with the positive class named: predictions come back in that type.</summary>
public sealed class PositiveLabelTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void EnumLabel_TrainsAsTheBoolLabelDoes_AndPredictsTheEnum()
    {
        var model = DiagnosisModel.Train();

        Assert.Equal(TrainedModels.Tumor.Pipeline.TestMetricValues, model.Pipeline.TestMetricValues);
        Assert.Equal(["Benign", "Malignant"], model.Pipeline.LabelClasses);
        var sick = model.Predict(new DiagnosedTumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10 });
        var well = model.Predict(new DiagnosedTumor { Thickness = 2, UniformSize = 1, UniformShape = 1, BareNuclei = 1 });
        Assert.Equal((Diagnosis.Malignant, Diagnosis.Benign), (sick.PredictedLabel, well.PredictedLabel));
        Assert.True(sick.Probability > 0.5f);
    }

    [Fact]
    public void TheClasses_TravelWithTheModelFile()
    {
        var path = _temp.File("diagnosis.mlnet");
        DiagnosisModel.Train().Save(path);

        var loaded = DiagnosisModel.Load(path);

        Assert.Equal(Diagnosis.Malignant, loaded.Predict(new DiagnosedTumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10 }).PredictedLabel);
    }

    [Fact]
    public void IntLabel_OnRealText_PredictsTheInt()
    {
        var model = ScoredSentenceModel.Train();

        Assert.Equal(["0", "1"], model.Pipeline.LabelClasses);
        Assert.True(model.Pipeline.TestMetricValues["AreaUnderRocCurve"] > 0.75);
        Assert.Equal(1, model.Predict(new ScoredSentence { Sentence = "Great phone, excellent sound, works perfectly." }).PredictedLabel);
        Assert.Equal(0, model.Predict(new ScoredSentence { Sentence = "Terrible. It broke after a day and the battery is useless." }).PredictedLabel);
    }

    [Fact]
    public void AThirdValue_IsADataErrorAtItsLine()
    {
        var path = _temp.File("sentences.txt");
        File.WriteAllText(path, "good\t1\nbad\t0\nso-so\t2\n");

        var error = Assert.Throws<DataFileException>(() => ScoredSentenceModel.Train(path));

        Assert.Equal((3, 7), (error.Line, error.Column));
        Assert.Contains("is neither the positive class '1' nor '0', the other class (first at line 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APositiveClassAbsentFromTheData_IsNamed()
    {
        var path = _temp.File("sentences.txt");
        File.WriteAllText(path, "good\t0\nbad\t0\nso-so\t0\n");

        var error = Assert.Throws<DataFileException>(() => ScoredSentenceModel.Train(path));

        Assert.Contains("The positive class '1' of the label 'Score' (property ScoredSentence.Score) is in no row; the rows hold '0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AFileWithAnotherClass_IsRefused_NotCountedAsNegative()
    {
        var model = ScoredSentenceModel.Train();
        var path = _temp.File("other.txt");
        File.WriteAllText(path, "good\t1\nnot rated\t7\nfine\t1\n");

        var error = Assert.Throws<DataFileException>(() => model.Evaluate(path));

        Assert.Contains("holds '7', but the model's classes are '1' (positive) and '0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsInMemory_WithAThirdValue_AreRefused()
    {
        ScoredSentence[] rows = [new() { Sentence = "a", Score = 1 }, new() { Sentence = "b", Score = 0 }, new() { Sentence = "c", Score = 5 }];

        var error = Assert.Throws<ArgumentException>(() => ScoredSentenceModel.Train(rows));

        Assert.Contains("row 3, the label ScoredSentence.Score is '5', neither the positive class '1' nor '0'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
