using System.Reflection;
using Declarative.Build;
using Declarative.Evaluation;

namespace Declarative.Tests;

/// <summary>
/// Every code the build host and the data profile report is tracked with the generator's in the analyzer release file
/// (where the generator's catalog test checks its title against a descriptor) and documented in the README's tables.
/// </summary>
public sealed class DiagnosticCodesTests
{
    [Fact]
    public void BuildAndDataCodes_AreInTheReadme()
    {
        var codes = typeof(BuildHost).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(DataWarningCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.GetRawConstantValue() is string value && value.StartsWith("DCL", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        var readme = File.ReadAllText(Repository.PathOf("README.md"));

        Assert.Equal(15, codes.Length);
        Assert.All(codes, code => Assert.Contains($"| {code} |", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void BuildAndDataCodes_AreTheTrackedOnes_WithTheirSeverity()
    {
        var tracked = File.ReadLines(Repository.PathOf("src", "Declarative.Generators", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadLines(Repository.PathOf("src", "Declarative.Generators", "AnalyzerReleases.Shipped.md")))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length == 4 && cells[1] is "Declarative.Build" or "Declarative.Data")
            .ToDictionary(cells => cells[0], cells => cells[2]);
        var host = Codes(typeof(BuildHost));
        var data = Codes(typeof(DataWarningCodes));

        Assert.Equal(tracked.Keys.Order(StringComparer.Ordinal), host.Concat(data).Order(StringComparer.Ordinal));
        Assert.All(data, code => Assert.Equal("Warning", tracked[code]));
        Assert.All(host, code => Assert.Equal(code is BuildHost.TimeBudgetWarningCode or BuildHost.CacheWarningCode ? "Warning" : "Error", tracked[code]));
    }

    private static string[] Codes(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.GetRawConstantValue() is string value && value.StartsWith("DCL", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
}
