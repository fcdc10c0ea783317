using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;

namespace Declarative.Samples.Tests;

/// <summary>
/// The same model bytes on every machine: each sample's trained <c>.mlnet</c> has the SHA-256 committed in
/// <c>samples/model-hashes.txt</c>, so a build on CI (another machine, folder and core count) gives the bytes a developer
/// got. This is what lets a team share one model cache. The hashes this run saw are written beside the test for CI's log.
/// </summary>
public sealed class SampleModelBytesTests
{
    [Fact]
    public void EverySamplesModel_HasTheCommittedBytes()
    {
        var root = RepositoryRoot();
        var expected = File.ReadLines(Path.Combine(root, "samples", "model-hashes.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
        Assert.True(expected.Count >= 5, "samples/model-hashes.txt lists every sample's model");
        var configuration = typeof(SampleModelBytesTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        // Every sample is built, not only those without models: a build is up to date when its models are current, and
        // retrains those an older build of this checkout left behind (they would be compared stale otherwise).
        foreach (var sample in expected.Keys.Select(k => k.Split('/')[0]).Distinct())
        {
            Build(Path.Combine(root, "samples", sample), configuration);
        }

        var actual = expected.Keys.Order(StringComparer.Ordinal).ToDictionary(k => k, k =>
            Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, "samples", k.Split('/')[0], "bin", configuration, "net10.0", Path.GetFileName(k))))).ToLowerInvariant());
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "model-hashes.txt"), actual.Select(p => $"{p.Value}  {p.Key}"));

        Assert.All(actual, p => Assert.True(expected[p.Key] == p.Value,
            $"{p.Key} has SHA-256 {p.Value}, samples/model-hashes.txt says {expected[p.Key]}: either something in the build differs between machines " +
            "(find it: a model's bytes must follow from its inputs alone), or a change moved the model and the file must be updated with it."));
    }

    private static void Build(string sample, string configuration)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", sample, "-c", configuration, "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet build {sample} exited with {process.ExitCode}:\n{output.Result}\n{errors.Result}");
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

        throw new InvalidOperationException("The repository root (with Declarative.sln) was not found above " + AppContext.BaseDirectory);
    }
}
