using Declarative.Schema;
using Declarative.Scoring;
using Declarative.Tasks;
using Declarative.Tests.Pipelines;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Tests.Scoring;

/// <summary>
/// The portable scorer gives ML.NET's scores within 1e-5 (relative above 1) on every held-out row, for every trainer of
/// every task, on real data with missing numbers, categories, booleans, dates and column runs.
/// </summary>
public sealed class PortableScorerParityTests
{
    public static TheoryData<Trainer> BinaryTrainers => [Trainer.LightGbm, Trainer.FastTree, Trainer.FastForest, Trainer.SdcaLogisticRegression, Trainer.LbfgsLogisticRegression, Trainer.AveragedPerceptron, Trainer.LinearSvm];

    public static TheoryData<Trainer> MulticlassTrainers => [Trainer.LightGbm, Trainer.FastTree, Trainer.FastForest, Trainer.SdcaMaximumEntropy, Trainer.LbfgsMaximumEntropy];

    public static TheoryData<Trainer> RegressionTrainers => [Trainer.LightGbm, Trainer.FastTree, Trainer.FastForest, Trainer.FastTreeTweedie, Trainer.Sdca, Trainer.LbfgsPoisson];

    [Theory]
    [MemberData(nameof(BinaryTrainers))]
    public void Binary_OnTheCensus_Categories(Trainer trainer) => AssertParity(AdultIncomeModel.Spec, trainer);

    [Theory]
    [MemberData(nameof(BinaryTrainers))]
    public void Binary_OnTumors_MissingNumbers(Trainer trainer) => AssertParity(TumorModel.Spec, trainer);

    [Theory]
    [InlineData(Trainer.LightGbm)]
    [InlineData(Trainer.LbfgsLogisticRegression)]
    public void Binary_GroupedRows_TheGroupNotAFeature(Trainer trainer) => AssertParity(TravelModeModel.Spec, trainer);

    [Theory]
    [MemberData(nameof(MulticlassTrainers))]
    public void Multiclass_OnIris(Trainer trainer) => AssertParity(IrisModel.Spec, trainer);

    [Theory]
    [InlineData(Trainer.LightGbm)]
    [InlineData(Trainer.SdcaMaximumEntropy)]
    public void Multiclass_OnTheDigits_ColumnRun(Trainer trainer) => AssertParity(DigitModel.Spec, trainer);

    [Theory]
    [MemberData(nameof(RegressionTrainers))]
    public void Regression_OnHousing_Booleans(Trainer trainer) => AssertParity(HousingModel.Spec, trainer);

    [Theory]
    [InlineData(Trainer.FastTree)]
    [InlineData(Trainer.Sdca)]
    public void Regression_Dates(Trainer trainer) => AssertParity(TaxiDemandModel.Spec, trainer);

    [Theory]
    [InlineData(Trainer.LightGbm)]
    public void Regression_TaxiFare_CategoriesAndTestFile(Trainer trainer) => AssertParity(TaxiFareModel.Spec, trainer);

    [Theory]
    [InlineData(Trainer.LightGbm)]
    [InlineData(Trainer.FastTree)]
    public void Ranking_OnYahoo_SvmLightWithQueries(Trainer trainer) => AssertParity(SearchRankingModel.Spec, trainer);

    [Fact]
    public void Multiclass_OneVersusAllWithSoftmax_OnIris()
    {
        // Declarative's LightGbm normalizes per-class probabilities; with UseSoftmax ML.NET's one-versus-all takes a
        // softmax of the raw scores instead: the reader and scorer serve that form too.
        var spec = IrisModel.Spec;
        var task = TaskProfiles.Predictive(spec.Task);
        var data = PipelineTrainer.LoadDeclared(spec, null);
        var ml = new Microsoft.ML.MLContext(spec.Seed);
        var model = PipelineTrainer.Featurizer(ml, spec, task, Trainer.LightGbm)
            .Append(LightGbmThreads.Gated(ml.MulticlassClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = ColumnNames.LabelKey, FeatureColumnName = ColumnNames.Features, UseSoftmax = true, Seed = 1,
            }), null))
            .Fit(data.TrainPart!);

        var portable = PortableModelReader.Read(spec, model, Trainer.LightGbm, null);

        Assert.Equal(ClassScores.Softmax, portable.ClassScores);
        Assert.All(PortableModelCheck.Compare(model, portable, data.TestPart), c => Assert.True(c.Passed, $"{c.Output} differs by {c.LargestDifference}"));
    }

    private static void AssertParity<TRow>(PipelineSpec<TRow> spec, Trainer trainer)
    {
        var task = TaskProfiles.Predictive(spec.Task);
        var data = PipelineTrainer.LoadDeclared(spec, null);
        var (_, model) = PipelineTrainer.Fit(spec, task, data.TrainPart!, trainer, null);

        var portable = PortableModelReader.Read(spec, model, trainer, null);
        var comparisons = PortableModelCheck.Compare(model, portable, data.TestPart);

        Assert.NotEmpty(comparisons);
        foreach (var c in comparisons)
        {
            Assert.Equal(data.TestPart.RowCount, c.Rows);
            Assert.True(c.Passed, $"{spec.Name} with {trainer}: {c.Output} differs by up to {c.LargestDifference} (held-out row {c.WorstRow + 1} of {c.Rows})");
        }
    }
}
