using System.Text.RegularExpressions;

namespace Declarative.Tests;

/// <summary>
/// A task's behaviour lives in its definition (Schema/TaskDefinitions.cs), its profile (Tasks/) and its own face; no other
/// source switches or branches on the task, so adding a task adds files instead of editing shared ones. Read from the
/// sources of every project under src/, so a new branch cannot slip in.
/// </summary>
public sealed partial class TaskSwitchTests
{
    /// <summary>Where the task may be compared: the definitions, the profiles, the generator's descriptors.</summary>
    private static readonly string[] Allowed =
    [
        "Declarative/Schema/TaskDefinitions.cs",
        "Declarative/Tasks/",
        "Declarative.Generators/Tasks/",
    ];

    public static TheoryData<string> SourceFiles()
    {
        var root = Repository.PathOf("src");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                     .Where(f => !Allowed.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void NoSource_BranchesOnTheTask(string file)
    {
        var lines = File.ReadAllLines(Repository.PathOf("src", file));
        var branches = lines.Select((line, i) => (Line: i + 1, Text: line.Trim()))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && Branch().IsMatch(l.Text))
            .Select(l => $"{file}:{l.Line}: {l.Text}")
            .ToArray();
        Assert.True(branches.Length == 0,
            "Branches on the task belong in its definition or profile (read a fact of TaskDefinition instead):\n" + string.Join('\n', branches));
    }

    [Theory]
    [InlineData("case MLTask.Ranking:")]
    [InlineData("MLTask.MulticlassClassification => 2,")]
    [InlineData("if (spec.Task == MLTask.Synthesis)")]
    [InlineData("return model.Task != MLTask.Regression;")]
    [InlineData("var n = task is MLTask.Clustering or MLTask.AnomalyDetection ? 1 : 0;")]
    [InlineData("var x = spec.Task switch")]
    [InlineData("if (task.Kind == MLTask.Ranking)")]
    [InlineData("if (task == TaskDescriptors.Ranking)")]
    [InlineData("if (definition.AttributeName == \"Ranking\")")]
    public void TheCheck_SeesEveryFormOfBranch(string line) => Assert.Matches(Branch(), line);

    [Theory]
    [InlineData("return new(Trained(spec, MLTask.Regression, dataPath, options));")]
    [InlineData("[SupportedTasks(MLTask.BinaryClassification, MLTask.Regression)]")]
    [InlineData("var layout = TaskDefinitions.For(model.Task).Scores;")]
    [InlineData("if (Options.GetType().Name != TaskDefinitions.For(Task).OptionsType)")]
    public void TheCheck_LetsAFaceNameItsOwnTask(string line) => Assert.DoesNotMatch(Branch(), line);

    [GeneratedRegex(@"case\s+MLTask\.|MLTask\.\w+\s*=>|[!=]=\s*MLTask\.|MLTask\.\w+\s*[!=]=|\bis\s+(not\s+)?MLTask\.|\bTask\s+switch\b|[!=]=\s*TaskDe(?:finitions|scriptors)\.\w+(?![\w.(])|AttributeName\s*[!=]=")]
    private static partial Regex Branch();
}
