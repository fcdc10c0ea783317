using System.Collections;
using System.Reflection;
using Declarative.Generators.Tasks;

namespace Declarative.Generators.Tests;

/// <summary>
/// A task's facts are one source compiled twice, into the runtime and into the generator: these tests fail when the two
/// compiled views of any task disagree, or when a fact names something the runtime does not have.
/// </summary>
public sealed class TaskDefinitionTests
{
    private static readonly Assembly Runtime = typeof(MLTask).Assembly;
    private static readonly Assembly Generator = typeof(TaskDescriptors).Assembly;

    public static TheoryData<string> Tasks() => [.. Enum.GetNames<MLTask>()];

    [Fact]
    public void BothSides_ListTheSameTasks_InTheOrderOfTheEnum()
    {
        Assert.Equal(Enum.GetNames<MLTask>(), Definitions(Runtime).Select(d => d.ToString()));
        Assert.Equal(Enum.GetNames<MLTask>(), Definitions(Generator).Select(d => d.ToString()));
        Assert.Equal(Enum.GetNames<MLTask>(), TaskDescriptors.All.Select(d => d.Kind.ToString()));
        Assert.Equal(Enum.GetValues<MLTask>().Select(t => (int)t), TaskDescriptors.All.Select(d => (int)(object)d.Kind));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void EveryFact_IsTheSameOnBothSides(string task)
    {
        var runtime = Definitions(Runtime).Single(d => d.ToString() == task);
        var generator = Definitions(Generator).Single(d => d.ToString() == task);
        var facts = Facts(runtime).ToList();
        Assert.Equal(facts.Select(f => f.Name), Facts(generator).Select(f => f.Name));
        Assert.True(facts.Count >= 20, $"only {facts.Count} facts were compared");
        Assert.Equal(facts, Facts(generator));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void EveryFact_NamesWhatTheRuntimeHas(string task)
    {
        var definition = TaskDescriptors.All.Single(d => d.Kind.ToString() == task).Definition;
        Assert.NotNull(Runtime.GetType(definition.AttributeMetadataName, throwOnError: true));
        Assert.True(Enum.TryParse<Trainer>(definition.DefaultTrainer, out _), definition.DefaultTrainer);
        Assert.True(Enum.TryParse<Trainer>(definition.TextTrainer, out _), definition.TextTrainer);
        Assert.Contains(Enum.Parse<MLTask>(task), Runtime.GetType("Declarative.Trainer")!.GetField(definition.DefaultTrainer)!
            .GetCustomAttribute<SupportedTasksAttribute>()!.Tasks);
        Assert.All(definition.TuningTrainers, t => Assert.Contains(Enum.Parse<MLTask>(task), Runtime.GetType("Declarative.Trainer")!.GetField(t)!
            .GetCustomAttribute<SupportedTasksAttribute>()!.Tasks));
        Assert.Equal(definition.TuningTrainers.Distinct(), definition.TuningTrainers);
        if (definition.Generative)
        {
            Assert.Equal("", definition.MetricEnum);
            return;
        }

        var metrics = Enum.GetNames(Runtime.GetType($"Declarative.{definition.MetricEnum}", throwOnError: true)!);
        Assert.Contains(definition.HeadlineMetric, metrics);
        Assert.All(definition.LabelMetrics, m => Assert.Contains(m, metrics));
        // LowerIsBetterMetrics also names reported metrics that tuning cannot rank by (regression's MeanSquaredError).
    }

    [Fact]
    public void TaskOptions_AgreeWithTheAttributesConstants()
    {
        var clusters = TaskDescriptors.All.Single(t => t.AttributeName == "Clustering").Option!;
        Assert.Equal(ClusteringAttribute<object>.MaxChosenClusters, clusters.ChooseMax);
        Assert.Equal(nameof(ClusteringAttribute<object>.Clusters), clusters.Name);
        var contamination = TaskDescriptors.All.Single(t => t.AttributeName == "AnomalyDetection").Option!;
        Assert.Equal(AnomalyDetectionAttribute<object>.DefaultContamination, contamination.Default);
        Assert.Equal(nameof(AnomalyDetectionAttribute<object>.Contamination), contamination.Name);
        Assert.Equal(new AnomalyDetectionAttribute<object>().Contamination, contamination.Default);
    }

    [Fact]
    public void StoredEnums_HaveTheSameMembersOnBothSides()
    {
        foreach (var name in new[] { "MLTask", "DataProvider", "DataFormat", "SynthesizerKind", "TextEncoder" })
        {
            var runtime = Runtime.GetType("Declarative." + name, throwOnError: true)!;
            var generator = Generator.GetType("Declarative.Generators.Shared." + name, throwOnError: true)!;
            Assert.Equal(
                Enum.GetNames(runtime).Zip(Enum.GetValues(runtime).Cast<object>().Select(Convert.ToInt32)),
                Enum.GetNames(generator).Zip(Enum.GetValues(generator).Cast<object>().Select(Convert.ToInt32)));
        }
    }

    private static IEnumerable<object> Definitions(Assembly assembly)
    {
        var type = assembly.GetTypes().Single(t => t.Name == "TaskDefinitions");
        return ((IEnumerable)type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Cast<object>();
    }

    /// <summary>Every public property, by name, as text: enums by name, lists item by item, nested definitions fact by fact.</summary>
    private static IEnumerable<(string Name, string Value)> Facts(object definition, string prefix = "") =>
        definition.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal)
            .SelectMany(p => p.GetValue(definition) switch
            {
                null => [(prefix + p.Name, "null")],
                string s => [(prefix + p.Name, s)],
                IEnumerable items => [(prefix + p.Name, string.Join("|", items.Cast<object>()))],
                var value when value.GetType().Name == "TaskOptionDefinition" => Facts(value, prefix + p.Name + "."),
                var value when value.GetType().IsEnum => [(prefix + p.Name, $"{value}={Convert.ToInt32(value)}")],
                var value => new[] { (prefix + p.Name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) },
            });
}
