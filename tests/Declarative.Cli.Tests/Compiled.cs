using System.Collections.Immutable;
using System.Reflection;
using Declarative.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Declarative.Cli.Tests;

/// <summary>Compiles a written declaration with the source generator, as a user's build would, and loads it.</summary>
internal static class Compiled
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is "Declarative.dll" or "Declarative.Vision.dll" || Path.GetFileName(f).StartsWith("Microsoft.ML", StringComparison.Ordinal));
        return [.. platform.Concat(runtime).Distinct().Select(p => MetadataReference.CreateFromFile(p))];
    });

    /// <summary>The pipeline class the source declares, from an assembly compiled with no error and no warning.</summary>
    public static Type Pipeline(string source, string assemblyName)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new DeclarativeGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var problems = generatorDiagnostics.Concat(emitted.Diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(emitted.Success && problems.Length == 0, string.Join("\n", problems.Select(d => d.ToString())) + "\n" + source);

        var assembly = Assembly.Load(image.ToArray());
        return assembly.GetCustomAttributes<DeclaredPipelineAttribute>().Single().PipelineType;
    }
}
