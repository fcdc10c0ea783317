using System.Reflection;
using Declarative.Build;
using Declarative.Evaluation;

namespace Declarative.Tests;

/// <summary>Every code the build host and the data profile report is documented in the README's tables.</summary>
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

        Assert.Equal(13, codes.Length);
        Assert.All(codes, code => Assert.Contains($"| {code} |", readme, StringComparison.Ordinal));
    }
}
