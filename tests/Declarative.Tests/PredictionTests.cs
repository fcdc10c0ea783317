using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

public sealed class PredictionTests
{
    [Fact]
    public void PredictFromManyThreads_MatchesSequentialPredictions()
    {
        var model = TrainedModels.Iris;
        var rows = ModelFileTests.ReadIrisRows().ToArray();
        var expected = rows.Select(r => model.Predict(r)).ToArray();

        var actual = new IrisModel.Prediction[rows.Length * 20];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = model.Predict(rows[i % rows.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % rows.Length].PredictedLabel, actual[i].PredictedLabel);
            Assert.Equal(expected[i % rows.Length].Scores, actual[i].Scores);
        }
    }

    [Fact]
    public void BatchPrediction_MatchesSinglePredictionsInOrder()
    {
        var model = TrainedModels.Housing;
        var random = new Random(11);
        var rows = Enumerable.Range(0, 5000).Select(_ => new House
        {
            CrimesPerCapita = (float)random.NextDouble() * 10, RoomsPerDwelling = 4 + (float)random.NextDouble() * 5,
            PercentLowIncome = (float)random.NextDouble() * 35, TaxRate = 200 + random.Next(500), TeacherRatio = 12 + random.Next(10),
            NitricOxides = 0.4f + (float)random.NextDouble() * 0.4f, HighwayDistance = random.Next(1, 25), CharlesRiver = random.Next(2) == 1,
        }).ToArray();

        var batch = model.Predict(rows).Select(p => p.Score).ToArray();

        Assert.Equal(rows.Select(r => model.Predict(r).Score), batch);
    }

    [Fact]
    public void BatchPrediction_StreamsRowsLazily()
    {
        var model = TrainedModels.Tumor;
        var pulled = 0;

        IEnumerable<Tumor> Endless()
        {
            for (var i = 0; ; i++)
            {
                pulled++;
                yield return new Tumor { Thickness = 1 + (i % 10), UniformSize = 1, UniformShape = 1, Adhesion = 1, EpithelialSize = 2, BareNuclei = 1, BlandChromatin = 2, NormalNucleoli = 1, Mitoses = 1 };
            }
        }

        var predictions = model.Predict(Endless());
        Assert.Equal(0, pulled);

        var first = predictions.Take(5).ToArray();

        // ML.NET's cursors read ahead one block of rows; what matters is that an endless source ends.
        Assert.Equal(5, first.Length);
        Assert.InRange(pulled, 5, 10_000);
    }

    [Fact]
    public void MissingCategoryInARow_IsTheFilesMissingCategory()
    {
        // The loader reads a file's "?" as an empty category; one-hot encodes empty and unseen values alike (all zeros),
        // so a row carrying "?", "", null or "NA" gets the prediction the training data taught for a missing value.
        var model = TrainedModels.Adult;
        var person = new Adult { Age = 35, Workclass = "?", Education = "HS-grad", EducationYears = 9, MaritalStatus = "Married-civ-spouse",
            Occupation = "?", Relationship = "Husband", Ethnicity = "White", Sex = "Male", HoursPerWeek = 40, NativeCountry = "?" };

        var marked = model.Predict(person);
        var empty = model.Predict(new Adult
        {
            Age = person.Age, Workclass = "", Education = person.Education, EducationYears = person.EducationYears, MaritalStatus = person.MaritalStatus,
            Occupation = null!, Relationship = person.Relationship, Ethnicity = person.Ethnicity, Sex = person.Sex, HoursPerWeek = person.HoursPerWeek, NativeCountry = "NA",
        });

        Assert.Equal(marked.Probability, empty.Probability);
    }

    [Fact]
    public void NullRow_IsAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => TrainedModels.Tumor.Predict((Tumor)null!));
    }
}

public sealed class PipelineRegistryTests
{
    [Fact]
    public void ListsEveryPipelineOfTheAssemblyWithItsTask()
    {
        var pipelines = PipelineRegistry.Of(typeof(PipelineRegistryTests).Assembly).ToDictionary(p => p.PipelineType, p => p.Task);

        Assert.Equal(93, pipelines.Count);
        Assert.Equal(MLTask.BinaryClassification, pipelines[typeof(AdultIncomeModel)]);
        Assert.Equal(MLTask.MulticlassClassification, pipelines[typeof(IrisModel)]);
        Assert.Equal(MLTask.MulticlassClassification, pipelines[typeof(EnsembledWineModel)]);
        Assert.Equal(MLTask.Regression, pipelines[typeof(HousingModel)]);
        Assert.Equal(MLTask.BinaryClassification, pipelines[typeof(ToxicityModel)]);
        Assert.Equal(MLTask.Clustering, pipelines[typeof(WineClusterModel)]);
        Assert.Equal(MLTask.SeriesAnomalyDetection, pipelines[typeof(TaxiAnomalies)]);
        Assert.Equal(MLTask.Forecasting, pipelines[typeof(BirthsForecast)]);
        Assert.Equal(MLTask.Forecasting, pipelines[typeof(DanishMoneyForecast)]);
        Assert.Equal(MLTask.BinaryClassification, pipelines[typeof(DefaultTumorModel)]);
        Assert.Equal(MLTask.Ranking, pipelines[typeof(EnsembledSearchRankingModel)]);
        Assert.Equal(MLTask.Ranking, pipelines[typeof(NamedQueryRankingModel)]);
    }
}
