using Declarative.Generators.Tasks;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Tests;

/// <summary>
/// The list the parser checks a user's members against (DCL0023) is the list of what the emitter writes: every task's
/// generated class is compiled and its members compared with the list, both ways, so a member added to the emitter
/// cannot become a CS0111 inside the generated file.
/// </summary>
public sealed class GeneratedMembersTests
{
    /// <summary>A declaration of each task that makes the emitter write every optional member it has (a positive class, classes).</summary>
    public static TheoryData<string, string> Declarations() => new()
    {
        { "BinaryClassification", "[Label(Positive = \"yes\")] public string Target { get; set; } = \"\";" },
        { "MulticlassClassification", "[Label] public string Target { get; set; } = \"\";" },
        { "Regression", "[Label] public float Target { get; set; }" },
        { "Ranking", "[Label] public float Target { get; set; } [GroupId] public int Query { get; set; }" },
        { "Clustering", "" },
        { "AnomalyDetection", "" },
        { "Synthesizer", "[Label] public bool Target { get; set; }" },
        { "Forecasting", "[Label] public float Target { get; set; } [Time] public System.DateTime At { get; set; } [SeriesId] public string Sensor { get; set; } = \"\";" },
        { "SeriesAnomalyDetection", "[Label] public bool Target { get; set; } [Time] public System.DateTime At { get; set; } [SeriesId] public string Sensor { get; set; } = \"\";" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void TheListIsWhatTheEmitterWrites(string task, string label)
    {
        var (compilation, diagnostics) = Generate($$"""
            using Declarative;
            namespace N;
            public class Row
            {
                {{label}}
                public float Size { get; set; }
            }
            [{{task}}<Row>{{(task == "Forecasting" ? "(Horizon = 4)" : "")}}] public partial class Model;
            """);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        var descriptor = TaskDescriptors.All.Single(d => d.AttributeName == task);
        var type = compilation.GetTypeByMetadataName("N.Model")!;
        var generated = type.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
            .Where(m => m is not IMethodSymbol { MethodKind: not MethodKind.Ordinary }) // constructors, accessors, explicit implementations
            .ToList();
        Assert.NotEmpty(generated);

        var methods = generated.OfType<IMethodSymbol>()
            .Select(m => Signature(m.Name, m.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + (p.NullableAnnotation == NullableAnnotation.Annotated && !p.Type.IsValueType ? "?" : ""))))
            .Order(StringComparer.Ordinal).ToList();
        var listed = GeneratedMembers.Methods(descriptor)
            .Select(m => Signature(m.Name, m.Parameters.Select(p => p.Replace(GeneratedMembers.Row, "global::N.Row").Replace(GeneratedMembers.Label, "string"))))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(listed, methods);

        // Explicit interface implementations (IDeclaredPipeline's) cannot collide with a user's member by name.
        var others = generated.Where(m => m is not IMethodSymbol && !m.Name.Contains('.', StringComparison.Ordinal))
            .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var positive = label.Contains("Positive", StringComparison.Ordinal);
        Assert.Equal(
            GeneratedMembers.NonMethods(descriptor).Where(n => positive || n is not ("_positive" or "_negative")).Order(StringComparer.Ordinal),
            others);
    }

    [Theory]
    [InlineData("BinaryClassification", "public static Model Train(string? dataPath, Declarative.Tuning.TrainOptions? options) => null!;", "Train")]
    [InlineData("Synthesizer", "public object Evaluate() => 1;", "Evaluate")]
    [InlineData("Synthesizer", "public static object Compose(Declarative.Schema.SyntheticRow row) => row;", "Compose")]
    public void AUserMemberThatCollides_IsDCL0023_AtTheUsersLine(string task, string member, string name)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            public class Row
            {
                [Label] public bool Target { get; set; }
                public float Size { get; set; }
            }
            [{{task}}<Row>] public partial class Model
            {
                {{member}}
            }
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0023");
        Assert.Contains(name, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void AnOverloadThatDoesNotCollide_IsAllowed()
    {
        var (run, compilation) = GeneratorHarness.Run("""
            using Declarative;
            public class Row
            {
                [Label] public bool Target { get; set; }
                public float Size { get; set; }
            }
            [Synthesizer<Row>] public partial class Model
            {
                public object Evaluate(int extra) => extra;
                public object Predict(Row row) => row;
            }
            """);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DCL0023");
        Assert.DoesNotContain(compilation, d => d.Severity == DiagnosticSeverity.Error);
    }

    private static string Signature(string name, IEnumerable<string> parameters) =>
        $"{name}({string.Join(", ", parameters.Select(p => p.Replace("global::", "").Replace("System.String", "string")))})";

    private static (Compilation Compilation, IReadOnlyList<Diagnostic> Diagnostics) Generate(string source)
    {
        var compilation = GeneratorHarness.Compile(source);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, [.. diagnostics, .. output.GetDiagnostics()]);
    }
}
