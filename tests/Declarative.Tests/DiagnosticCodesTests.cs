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
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        Assert.Equal(9, codes.Length);
        Assert.All(codes, code => Assert.Contains($"| {code} |", readme, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
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
