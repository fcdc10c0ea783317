using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Tests;

/// <summary>Every diagnostic descriptor is in the lookup, in the release tracking file and in the README's table.</summary>
public sealed class DiagnosticCatalogTests
{
    private static readonly DiagnosticDescriptor[] Declared = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void EveryDescriptor_IsInTheLookup()
    {
        Assert.NotEmpty(Declared);
        Assert.Equal(Declared.Select(d => d.Id).Order(), DiagnosticDescriptors.All.Select(d => d.Id).Order());
        Assert.All(Declared, d => Assert.Same(d, DiagnosticDescriptors.ById(d.Id)));
    }

    [Fact]
    public void EveryDescriptor_IsTrackedAndDocumented()
    {
        var root = RepositoryRoot();
        var releases = File.ReadAllText(Path.Combine(root, "src", "Declarative.Generators", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(root, "src", "Declarative.Generators", "AnalyzerReleases.Shipped.md"));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        foreach (var descriptor in Declared)
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", releases, StringComparison.Ordinal);
            Assert.Contains($"| {descriptor.Id} |", readme, StringComparison.Ordinal);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Declarative.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Declarative.sln) was not found above the test's folder.");
    }
}
