using Declarative.Tests.Pipelines;
using Xunit.Abstractions;

namespace Declarative.Tests;

/// <summary>
/// Each bundled real dataset, as it is, through the generated API: a metric well above the trivial baseline and
/// typed predictions for a few rows.
/// </summary>
public sealed class DatasetTests(ITestOutputHelper output)
{
    [Fact]
    public void Adult_BinaryWithCategoricalsAndMissingValues_BeatsMajorityClass()
    {
        var model = TrainedModels.Adult;
        var metrics = model.TestMetrics;
        output.WriteLine($"adult: AUC {metrics.AreaUnderRocCurve:F4}, accuracy {metrics.Accuracy:F4}, F1 {metrics.F1Score:F4}, trained in {model.Pipeline.TrainingTime?.TotalSeconds:F2} s");

        // 24.1% of adults earn over 50K: always answering "no" gives accuracy 0.759 and AUC 0.5.
        Assert.True(metrics.AreaUnderRocCurve > 0.88, $"AUC {metrics.AreaUnderRocCurve}");
        Assert.True(metrics.Accuracy > 0.83, $"accuracy {metrics.Accuracy}");

        var executive = new Adult
        {
            Age = 52, Workclass = "Self-emp-inc", FinalWeight = 200_000, Education = "Doctorate", EducationYears = 16,
            MaritalStatus = "Married-civ-spouse", Occupation = "Exec-managerial", Relationship = "Husband", Ethnicity = "White",
            Sex = "Male", CapitalGain = 15_024, HoursPerWeek = 60, NativeCountry = "United-States",
        };
        var student = new Adult
        {
            Age = 19, Workclass = "?", FinalWeight = 200_000, Education = "Some-college", EducationYears = 10,
            MaritalStatus = "Never-married", Occupation = "?", Relationship = "Own-child", Ethnicity = "White",
            Sex = "Female", HoursPerWeek = 15, NativeCountry = "United-States",
        };

        AdultIncomeModel.Prediction rich = model.Predict(executive);
        AdultIncomeModel.Prediction poor = model.Predict(student);
        Assert.True(rich.PredictedLabel);
        Assert.False(poor.PredictedLabel);
        Assert.InRange(rich.Probability, 0.5f, 1f);
        Assert.InRange(poor.Probability, 0f, 0.5f);
        Assert.True(rich.Score > poor.Score);
    }

    [Fact]
    public void BreastCancer_CommentLinesAndTabs_SeparatesClasses()
    {
        var model = TrainedModels.Tumor;
        var metrics = model.TestMetrics;
        output.WriteLine($"breast-cancer: AUC {metrics.AreaUnderRocCurve:F4}, accuracy {metrics.Accuracy:F4}, trained in {model.Pipeline.TrainingTime?.TotalSeconds:F2} s");

        // 65.5% are benign: the majority class gives accuracy 0.655.
        Assert.True(metrics.AreaUnderRocCurve > 0.97, $"AUC {metrics.AreaUnderRocCurve}");
        Assert.True(metrics.Accuracy > 0.93, $"accuracy {metrics.Accuracy}");

        var benign = new Tumor { Thickness = 2, UniformSize = 1, UniformShape = 1, Adhesion = 1, EpithelialSize = 2, BareNuclei = 1, BlandChromatin = 2, NormalNucleoli = 1, Mitoses = 1 };
        var malignant = new Tumor { Thickness = 10, UniformSize = 10, UniformShape = 10, Adhesion = 8, EpithelialSize = 7, BareNuclei = 10, BlandChromatin = 9, NormalNucleoli = 7, Mitoses = 3 };
        Assert.False(model.Predict(benign).PredictedLabel);
        Assert.True(model.Predict(malignant).PredictedLabel);

        // A missing value (null) is imputed, not an error.
        var unknownNuclei = model.Predict(malignant with { BareNuclei = null });
        Assert.True(unknownNuclei.PredictedLabel);
    }

    [Fact]
    public void Iris_EnumLabel_PredictsEnumMembers()
    {
        var model = TrainedModels.Iris;
        var metrics = model.TestMetrics;
        output.WriteLine($"iris (enum, SDCA): macro accuracy {metrics.MacroAccuracy:F4}, micro {metrics.MicroAccuracy:F4}, log-loss {metrics.LogLoss:F4}, trained in {model.Pipeline.TrainingTime?.TotalSeconds:F2} s");

        // Three balanced classes: guessing gives 0.33.
        Assert.True(metrics.MacroAccuracy > 0.9, $"macro accuracy {metrics.MacroAccuracy}");
        Assert.Equal([IrisSpecies.Setosa, IrisSpecies.Versicolor, IrisSpecies.Virginica], model.Classes);

        IrisModel.Prediction setosa = model.Predict(new Iris { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f });
        IrisSpecies predicted = setosa.PredictedLabel;
        Assert.Equal(IrisSpecies.Setosa, predicted);
        Assert.Equal(3, setosa.Scores.Length);
        Assert.Equal(1f, setosa.Scores.Sum(), 3);
        Assert.Equal(0, Array.IndexOf(setosa.Scores, setosa.Scores.Max()));

        Assert.Equal(IrisSpecies.Virginica, model.Predict(new Iris { SepalLength = 6.9f, SepalWidth = 3.1f, PetalLength = 5.8f, PetalWidth = 2.3f }).PredictedLabel);
        Assert.Equal(IrisSpecies.Versicolor, model.Predict(new Iris { SepalLength = 5.9f, SepalWidth = 2.8f, PetalLength = 4.2f, PetalWidth = 1.3f }).PredictedLabel);
    }

    [Fact]
    public void Iris_StringLabel_PredictsStrings()
    {
        var model = IrisStringModel.Train();
        output.WriteLine($"iris (string, LightGbm): macro accuracy {model.TestMetrics.MacroAccuracy:F4}, trained in {model.Pipeline.TrainingTime?.TotalSeconds:F2} s");

        Assert.True(model.TestMetrics.MacroAccuracy > 0.9, $"macro accuracy {model.TestMetrics.MacroAccuracy}");
        Assert.Equal(["0", "1", "2"], model.Classes);
        string predicted = model.Predict(new IrisWithStringLabel { SepalLength = 6.9f, SepalWidth = 3.1f, PetalLength = 5.8f, PetalWidth = 2.3f }).PredictedLabel;
        Assert.Equal("2", predicted);
    }

    [Fact]
    public void Housing_Regression_ExplainsMostVariance()
    {
        var model = TrainedModels.Housing;
        var metrics = model.TestMetrics;
        output.WriteLine($"housing: R2 {metrics.RSquared:F4}, RMSE {metrics.RootMeanSquaredError:F3}, MAE {metrics.MeanAbsoluteError:F3}, trained in {model.Pipeline.TrainingTime?.TotalSeconds:F2} s");

        // Predicting the mean gives R2 = 0 and an RMSE near the label's standard deviation (9.2).
        Assert.True(metrics.RSquared > 0.75, $"R2 {metrics.RSquared}");
        Assert.True(metrics.RootMeanSquaredError < 5, $"RMSE {metrics.RootMeanSquaredError}");

        // The first row of the file (value 24.0).
        var first = new House
        {
            CrimesPerCapita = 0.00632f, PercentResidental = 18, PercentNonRetail = 2.31f, CharlesRiver = false, NitricOxides = 0.538f,
            RoomsPerDwelling = 6.575f, PercentPre40s = 65.2f, EmploymentDistance = 4.09f, HighwayDistance = 1, TaxRate = 296,
            TeacherRatio = 15.3f, BlackIndex = 396.9f, PercentLowIncome = 4.98f,
        };
        float value = model.Predict(first).Score;
        Assert.InRange(value, 18f, 32f);

        var mansion = first with { RoomsPerDwelling = 8.7f, PercentLowIncome = 2.5f };
        var slum = first with { RoomsPerDwelling = 4.5f, PercentLowIncome = 30f, CrimesPerCapita = 20f };
        Assert.True(model.Predict(mansion).Score > model.Predict(slum).Score + 15);
    }

    [Fact]
    public void WikipediaDetox_TextColumn_FindsToxicComments()
    {
        var model = TrainedModels.Toxicity;
        var metrics = model.TestMetrics;
        output.WriteLine($"wikipedia-detox: AUC {metrics.AreaUnderRocCurve:F4}, accuracy {metrics.Accuracy:F4}, trained in {model.Pipeline.TrainingTime?.TotalSeconds:F2} s");

        Assert.True(metrics.AreaUnderRocCurve > 0.75, $"AUC {metrics.AreaUnderRocCurve}");

        var rude = model.Predict(new Comment { Text = "You are a stupid idiot, shut up and go away you moron.", LoggedIn = true });
        var polite = model.Predict(new Comment { Text = "Thank you for the reference; I have added a citation to the article.", LoggedIn = true });
        Assert.True(rude.PredictedLabel);
        Assert.False(polite.PredictedLabel);
        Assert.True(rude.Probability > polite.Probability);
    }
}
