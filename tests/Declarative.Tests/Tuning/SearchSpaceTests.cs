using Declarative.Schema;
using Declarative.Tuning;
using Microsoft.ML.Trainers.LightGbm;

namespace Declarative.Tests.Tuning;

public sealed class SearchSpaceTests
{
    [Fact]
    public void LogScaledInteger_MapsEndsAndRoundTrips()
    {
        var leaves = new Hyperparameter("NumberOfLeaves", HyperparameterKind.Integer, 4, 256, 31, Log: true, []);

        Assert.Equal(4, leaves.FromUnit(0));
        Assert.Equal(256, leaves.FromUnit(1));
        Assert.Equal(32, leaves.FromUnit(0.5)); // the geometric middle of 4 and 256
        Assert.Equal(31, leaves.FromUnit(leaves.ToUnit(31)));
        Assert.Equal(4, leaves.FromUnit(-3)); // clamped
    }

    [Fact]
    public void LinearFloat_AndChoice()
    {
        var fraction = new Hyperparameter("FeatureFraction", HyperparameterKind.Float, 0.5, 1, 1, Log: false, []);
        var split = new Hyperparameter("UseCategoricalSplit", HyperparameterKind.Choice, 0, 1, 0, Log: false, ["false", "true"]);

        Assert.Equal(0.75, fraction.FromUnit(0.5), 10);
        Assert.Equal(0.5, fraction.ToUnit(0.75), 10);
        Assert.Equal("false", split.Format(split.FromUnit(0.49)));
        Assert.Equal("true", split.Format(split.FromUnit(0.5)));
        Assert.Equal("true", split.Format(split.FromUnit(1)));
        Assert.Equal(0.75, split.ToUnit(split.Parse("true")));
    }

    [Fact]
    public void EveryCatalogEntry_AppliesToItsTrainer()
    {
        // A synthesizer's kinds and the forecasting models are trainers of tasks with no ML.NET model and nothing to tune
        // (a tuned forecaster chooses among its models).
        foreach (var trainer in Enum.GetValues<Trainer>().Where(t => SupportedTask(t) is not (MLTask.Synthesis or MLTask.Forecasting or MLTask.SeriesAnomalyDetection)))
        {
            var space = SearchSpace.For(trainer);
            Assert.NotEmpty(space.Parameters);
            Assert.All(space.Parameters, p => Assert.True(p.Kind == HyperparameterKind.Choice || (p.Min < p.Max && p.Default >= p.Min && p.Default <= p.Max && (!p.Log || p.Min > 0)), $"{trainer}.{p.Name}"));

            // Decoding the default and a random corner gives configurations every ML.NET trainer accepts.
            foreach (var point in new[] { space.DefaultPoint, Enumerable.Repeat(1.0, space.Dimension).ToArray() })
            {
                var estimator = Declarative.Tasks.TaskProfiles.Predictive(SupportedTask(trainer)).CreateTrainer(new Microsoft.ML.MLContext(1), trainer, new Declarative.Training.TrainerInputs("Label", 1, null), space.Decode(point));
                Assert.NotNull(estimator);
            }
        }
    }

    [Fact]
    public void Decode_SetsOptionsByName()
    {
        var space = SearchSpace.For(Trainer.LightGbm);
        var configuration = space.Decode(space.DefaultPoint);
        var options = new LightGbmBinaryTrainer.Options();

        SearchSpace.Apply(options, configuration);

        Assert.Equal("31", configuration["NumberOfLeaves"]);
        Assert.Equal(31, options.NumberOfLeaves);
        Assert.Equal(100, options.NumberOfIterations);
        Assert.Equal(0.1, options.LearningRate!.Value, 6);
        Assert.False(options.UseCategoricalSplit);
        Assert.Equal(space.DefaultPoint, space.Encode(configuration).Select(x => Math.Round(x, 9)).ToArray(), (a, b) => Math.Abs(a - b) < 1e-3);
    }

    [Fact]
    public void SearchRange_NarrowsAndUnknownNamesAreErrors()
    {
        var space = SearchSpace.For(Trainer.LightGbm, [new SearchRange(Trainer.LightGbm, "NumberOfLeaves", 8, 16)]);
        var leaves = space.Parameters.Single(p => p.Name == "NumberOfLeaves");
        Assert.Equal((8, 16, 16), (leaves.Min, leaves.Max, leaves.Default));

        var error = Assert.Throws<ArgumentException>(() => SearchSpace.For(Trainer.FastTree, [new SearchRange(Trainer.FastTree, "Leaves", 1, 2)]));
        Assert.Contains("FastTree has no hyperparameter 'Leaves'", error.Message);
    }

    private static MLTask SupportedTask(Trainer trainer) =>
        ((SupportedTasksAttribute)typeof(Trainer).GetField(trainer.ToString())!.GetCustomAttributes(typeof(SupportedTasksAttribute), false)[0]).Tasks[0];
}
