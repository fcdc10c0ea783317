using System.Reflection;
using Declarative.Generators.Tasks;

namespace Declarative.Generators.Tests;

/// <summary>The generator's task table agrees with the runtime it writes code for.</summary>
public sealed class TaskDescriptorTests
{
    private static readonly Assembly Runtime = typeof(MLTask).Assembly;

    [Fact]
    public void EveryRuntimeTask_HasOneDescriptor_AndEveryDescriptorNamesRealTypes()
    {
        Assert.Equal(
            Enum.GetValues<MLTask>().Select(t => (int)t).Order(),
            TaskDescriptors.All.Select(d => (int)d.Kind).Order());

        foreach (var task in TaskDescriptors.All)
        {
            Assert.Equal(task.Kind.ToString(), ((MLTask)(int)task.Kind).ToString());
            Assert.NotNull(Runtime.GetType(task.AttributeMetadataName, throwOnError: true));
            Assert.NotNull(Runtime.GetType($"Declarative.{task.RuntimeType}`{(task.GenericOverLabel ? 2 : 1)}", throwOnError: true));
            Assert.NotNull(Runtime.GetType($"Declarative.Evaluation.{task.ReportType}", throwOnError: true));
            if (task.Generative)
            {
                // A synthesizer samples rows: no prediction type, no tuning metric enum, no ML.NET metrics.
                Assert.Equal(("", "", ""), (task.PredictionType, task.MetricEnum, task.MetricsType));
                continue;
            }

            if (task.Definition.Series)
            {
                // A forecaster forecasts series: no per-row prediction, no ML.NET metrics; its models compete by its metric enum.
                Assert.Equal(("", ""), (task.PredictionType, task.MetricsType));
                Assert.NotNull(Runtime.GetType($"Declarative.{task.MetricEnum}", throwOnError: true));
                continue;
            }

            Assert.NotNull(Runtime.GetType($"Declarative.{task.PredictionType}{(task.GenericOverLabel ? "`1" : "")}", throwOnError: true));
            Assert.NotNull(Runtime.GetType($"Declarative.{task.MetricEnum}", throwOnError: true));
            Assert.NotNull(typeof(Microsoft.ML.Data.RegressionMetrics).Assembly.GetType($"Microsoft.ML.Data.{task.MetricsType}", throwOnError: true));
        }
    }

    [Fact]
    public void PredictionMembers_MatchTheRuntimePrediction()
    {
        foreach (var task in TaskDescriptors.All.Where(t => !t.Generative && !t.Definition.Series))
        {
            var prediction = Runtime.GetType($"Declarative.{task.PredictionType}{(task.GenericOverLabel ? "`1" : "")}")!;
            var members = prediction.GetProperties().Where(p => p.Name != "EqualityContract").Select(p => p.Name).Order();
            Assert.Equal(members, task.Members.Select(m => m.Name).Order());
        }
    }
}

/// <summary>Without [Trainers], a row with text gets the task's linear trainer, which suits sparse n-grams; with [Tune], the task's candidates.</summary>
public sealed class DefaultTrainerTests
{
    private const string Text = "[Text] public string Body { get; set; } = \"\";";

    [Theory]
    [InlineData("BinaryClassification", "bool", Text, "", "SdcaLogisticRegression")]
    [InlineData("MulticlassClassification", "string", Text, "", "SdcaMaximumEntropy")]
    [InlineData("Regression", "float", Text, "", "Sdca")]
    [InlineData("BinaryClassification", "bool", "", "", "LightGbm")]
    [InlineData("BinaryClassification", "bool", "", "Tune", "LightGbm, FastTree, FastForest, SdcaLogisticRegression, LbfgsLogisticRegression")]
    [InlineData("BinaryClassification", "bool", Text, "Tune", "LightGbm, FastTree, FastForest, SdcaLogisticRegression, LbfgsLogisticRegression")]
    [InlineData("MulticlassClassification", "string", "", "Tune", "LightGbm, FastTree, SdcaMaximumEntropy, LbfgsMaximumEntropy")]
    [InlineData("Regression", "float", "", "Tune", "LightGbm, FastTree, FastForest, Sdca")]
    [InlineData("Regression", "float", "", "Tune, Trainers(Trainer.FastTree)", "FastTree")]
    public void TheTrainers_FollowTheColumnsAndTuning(string task, string label, string feature, string attributes, string expected) =>
        Assert.Equal(expected, TrainersOf($$"""
            public class Row
            {
                [Label] public {{label}} Target { get; set; } = default!;
                public float Size { get; set; }
                {{feature}}
            }
            [{{task}}<Row>{{(attributes.Length > 0 ? ", " + attributes : "")}}] public partial class Model;
            """));

    [Fact]
    public void Tuning_ATaskWithoutCandidates_TunesItsDefaultTrainer() =>
        Assert.Equal("KMeans", TrainersOf("""
            public class Row
            {
                [Label] public bool Malignant { get; set; }
                public float Width { get; set; }
                public float Size { get; set; }
            }
            [AnomalyDetection<Row>, Tune] public partial class Model;
            """));

    [Fact]
    public void Tuning_ARanking_SearchesBothBoostedTrees() =>
        Assert.Equal("LightGbm, FastTree", TrainersOf("""
            public class Row
            {
                [Label] public float Relevance { get; set; }
                [GroupId] public string Query { get; set; } = "";
                public float Size { get; set; }
            }
            [Ranking<Row>, Tune] public partial class Model;
            """));

    /// <summary>The trainers the generated spec lists for a declaration, by name ("LightGbm, FastTree").</summary>
    private static string TrainersOf(string declaration)
    {
        var (run, diagnostics) = GeneratorHarness.Run("using Declarative;\n" + declaration);
        Assert.Empty(diagnostics);
        Assert.Empty(run.Diagnostics);
        var listed = System.Text.RegularExpressions.Regex.Match(run.GeneratedTrees.Single().GetText().ToString(), @"Trainers = \[(.*?)\],");
        Assert.True(listed.Success, "the spec lists no trainers");
        return listed.Groups[1].Value.Replace("global::Declarative.Trainer.", "", StringComparison.Ordinal);
    }
}
