using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Declarative.Generators.Tests;

/// <summary>The generator's steps are cached across edits that do not change a declaration.</summary>
public sealed class IncrementalTests
{
    private const string Declaration = """
        using Declarative;

        namespace App;

        public class Row
        {
            [Label] public bool Target { get; set; }
            public float Value { get; set; }
            public string Kind { get; set; } = "";
        }

        [BinaryClassification<Row>(Data = "data.csv")]
        public partial class Model
        {
            public int Helper() => 1;
        }
        """;

    [Fact]
    public void UnrelatedFileEdit_ReusesCachedParseAndOutput()
    {
        var compilation = GeneratorHarness.Compile(Declaration);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class Unrelated { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllOutputs(result, DeclarativeGenerator.ParseStep, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void EditInsidePipelineClassBody_ParsesAgainButModelIsUnchanged()
    {
        var compilation = GeneratorHarness.Compile(Declaration);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var newTree = tree.WithChangedText(tree.GetText().Replace(Declaration.IndexOf("=> 1", StringComparison.Ordinal), 4, "=> 2 + 40"));
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, newTree)).GetRunResult().Results.Single();

        // The declaration was parsed again (its syntax changed) but gave an equal model, so nothing is emitted again.
        AssertAllOutputs(result, DeclarativeGenerator.ParseStep, IncrementalStepRunReason.Unchanged);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void EditOfTheRow_RegeneratesTheSource()
    {
        var compilation = GeneratorHarness.Compile(Declaration);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var newTree = tree.WithChangedText(tree.GetText().Replace(Declaration.IndexOf("public float Value", StringComparison.Ordinal), "public float Value".Length, "public double Value"));
        var run = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, newTree)).GetRunResult();

        AssertAllOutputs(run.Results.Single(), DeclarativeGenerator.ParseStep, IncrementalStepRunReason.Modified);
        Assert.Contains("(float)row.Value", run.GeneratedTrees.Single().GetText().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PipelineModel_HoldsNoSymbolsOrSyntax()
    {
        var compilation = GeneratorHarness.Compile(Declaration);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[DeclarativeGenerator.ParseStep].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            AssertPlainData(output, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
        }
    }

    private static void AssertAllOutputs(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }

    /// <summary>Walks an object graph and fails on anything that would pin a compilation in the cache.</summary>
    private static void AssertPlainData(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location,
            $"{path} is a {type.Name}: the incremental model must hold plain data only.");

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertPlainData(item, seen, $"{path}[{i++}]");
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainData(field.GetValue(value), seen, $"{path}.{field.Name}");
        }
    }
}
