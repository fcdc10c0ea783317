using System.Text.RegularExpressions;

namespace Declarative.Tests;

/// <summary>
/// The runtime's folders are its namespaces, and they depend on one another in one direction only: a file may use
/// the namespaces below its own, never those above. Read from the sources, so a new file cannot slip past.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>
    /// Lowest first. The loader reads a file by the declared schema, so Schema sits under Data. The portable scorer
    /// reads trained models and writes its file as the other artifacts are written, so it sits on top; the synthesizer
    /// measures its rows with the predictive tasks (utility), so it sits above them all.
    /// </summary>
    private static readonly string[] Layers =
        ["Schema", "Data", "Training", "Ensembles", "Tuning", "Evaluation", "Reports", "Prediction", "Tasks", "Distribution", "Artifacts", "Scoring", "Synthesis", "Forecasting", "Anomalies", "Caching"];

    /// <summary>
    /// Files that are the user's vocabulary: in the root namespace, so <c>using Declarative;</c> is enough. The root
    /// folder itself holds the typed faces and their predictions; the rest is filed by what it is.
    /// </summary>
    private static readonly string[] RootFolders = ["", "Attributes", "Errors", "Registry", "Switches"];

    public static TheoryData<string> SourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RuntimeSources, "*.cs", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(RuntimeSources, f).Replace('\\', '/'))
                     .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void FolderIsNamespace_AndUsesOnlyLayersBelow(string file)
    {
        var folder = Path.GetDirectoryName(file)!.Replace('\\', '/');
        var text = File.ReadAllText(Path.Combine(RuntimeSources, file));
        var declared = NamespaceDeclaration().Match(text).Groups[1].Value;

        if (RootFolders.Contains(folder))
        {
            Assert.Equal("Declarative", declared);
            return;
        }

        Assert.Equal($"Declarative.{folder.Replace('/', '.')}", declared);
        var own = Array.IndexOf(Layers, folder.Split('/')[0]);
        Assert.True(own >= 0, $"{folder} is not in the list of layers; add it where it belongs.");
        var code = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        // Qualified names count too: inside namespace Declarative.X, "Data.Thing" reaches Declarative.Data.
        var used = NamespaceUse().Matches(code).Select(m => m.Groups[1].Value)
            .Concat(PartialName().Matches(code).Select(m => m.Groups[1].Value)).Distinct();
        foreach (var layer in used.Where(Layers.Contains))
        {
            Assert.True(Array.IndexOf(Layers, layer) <= own, $"{file} ({Layers[own]}) uses Declarative.{layer}, a layer above it.");
        }
    }

    [Fact]
    public void EveryLayerHasSources() =>
        Assert.All(Layers, layer => Assert.True(Directory.Exists(Path.Combine(RuntimeSources, layer)), layer));

    private static string RuntimeSources { get; } = Repository.PathOf("src", "Declarative");

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    /// <summary>A layer named by itself before a type: <c>Data.DataTable</c>, not <c>ml.Data.Cache</c> or <c>x.Data</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])(Schema|Data|Training|Tuning|Evaluation|Reports|Prediction|Tasks|Distribution|Artifacts|Scoring|Synthesis|Forecasting|Anomalies|Caching)\.[A-Z]\w*")]
    private static partial Regex PartialName();

    /// <summary>A using directive or a qualified name: <c>using Declarative.Data;</c>, <c>Declarative.Data.X</c>.</summary>
    [GeneratedRegex(@"\bDeclarative\.([A-Z]\w*)")]
    private static partial Regex NamespaceUse();
}
