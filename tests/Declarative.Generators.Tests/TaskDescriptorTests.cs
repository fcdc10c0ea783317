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
    [Theory]
    [InlineData("BinaryClassification", "bool", "[Text] public string Body { get; set; } = \"\";", "Trainer.SdcaLogisticRegression")]
    [InlineData("MulticlassClassification", "string", "[Text] public string Body { get; set; } = \"\";", "Trainer.SdcaMaximumEntropy")]
    [InlineData("Regression", "float", "[Text] public string Body { get; set; } = \"\";", "Trainer.Sdca]")]
    [InlineData("BinaryClassification", "bool", "public float Size { get; set; }", "Trainer.LightGbm")]
    public void DefaultTrainer_FollowsTheColumns(string task, string label, string feature, string expected)
    {
        var (run, diagnostics) = GeneratorHarness.Run($$"""
            using Declarative;
            public class Row
            {
                [Label] public {{label}} Target { get; set; } = default!;
                {{feature}}
            }
            [{{task}}<Row>] public partial class Model;
            """);

        Assert.Empty(diagnostics);
        Assert.Contains($"Trainers = [global::Declarative.{expected}", run.GeneratedTrees.Single().GetText().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BinaryClassification", "bool", "", "LightGbm, FastTree, FastForest, SdcaLogisticRegression, LbfgsLogisticRegression")]
    [InlineData("BinaryClassification", "bool", "[Text] public string Body { get; set; } = \"\";", "LightGbm, FastTree, FastForest, SdcaLogisticRegression, LbfgsLogisticRegression")]
    [InlineData("MulticlassClassification", "string", "", "LightGbm, FastTree, SdcaMaximumEntropy, LbfgsMaximumEntropy")]
    [InlineData("Regression", "float", "", "LightGbm, FastTree, FastForest, Sdca")]
    [InlineData("Regression", "float", "[Trainers(Trainer.FastTree)]", "FastTree")]
    public void Tuning_WithoutTrainers_SearchesTheTasksCandidates(string task, string label, string extra, string expected)
    {
        var (run, diagnostics) = GeneratorHarness.Run($$"""
            using Declarative;
            public class Row
            {
                [Label] public {{label}} Target { get; set; } = default!;
                public float Size { get; set; }
                {{(extra.StartsWith("[Text]", StringComparison.Ordinal) ? extra : "")}}
            }
            [{{task}}<Row>, Tune]
            {{(extra.StartsWith("[Trainers", StringComparison.Ordinal) ? extra : "")}}
            public partial class Model;
            """);

        Assert.Empty(diagnostics);
        var trainers = string.Join(", ", expected.Split(", ").Select(t => "global::Declarative.Trainer." + t));
        Assert.Contains($"Trainers = [{trainers}],", run.GeneratedTrees.Single().GetText().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tuning_ATaskWithoutCandidates_TunesItsDefaultTrainer()
    {
        var (run, diagnostics) = GeneratorHarness.Run("""
            using Declarative;
            public class Row
            {
                [Label] public float Relevance { get; set; }
                [GroupId] public string Query { get; set; } = "";
                public float Size { get; set; }
            }
            [Ranking<Row>, Tune] public partial class Model;
            """);

        Assert.Empty(diagnostics);
        Assert.Contains("Trainers = [global::Declarative.Trainer.LightGbm],", run.GeneratedTrees.Single().GetText().ToString(), StringComparison.Ordinal);
    }
}
