using System.Diagnostics;
using System.Text;

namespace Declarative.EndToEnd.Tests;

/// <summary>Runs the dotnet CLI as a user would, capturing everything it prints.</summary>
internal static class DotNet
{
    /// <summary>
    /// How long one command may run before it is taken for hung: long enough for a pack or an AOT publish on a busy
    /// two-core machine (a fixed ten minutes once failed every test there), shorter than CI's own limit.
    /// DECLARATIVE_E2E_TIMEOUT_MINUTES overrides it.
    /// </summary>
    private static TimeSpan Timeout { get; } =
        TimeSpan.FromMinutes(int.TryParse(Environment.GetEnvironmentVariable("DECLARATIVE_E2E_TIMEOUT_MINUTES"), out var minutes) && minutes > 0 ? minutes : 45);

    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) =>
        RunProgram("dotnet", workingDirectory, arguments);

    /// <summary>Runs dotnet with variables added to its environment (a secret the build reads from one, say).</summary>
    public static (int ExitCode, string Output) RunWith(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments) =>
        RunProgram("dotnet", workingDirectory, arguments, environment);

    /// <summary>Runs a program (an installed tool's command, say) the same way.</summary>
    public static (int ExitCode, string Output) RunProgram(string program, string workingDirectory, params string[] arguments) =>
        RunProgram(program, workingDirectory, arguments, null);

    private static (int ExitCode, string Output) RunProgram(string program, string workingDirectory, string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // A nested build must not inherit the test host's MSBuild node settings.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {Timeout.TotalMinutes:F0} minutes:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    public static string Succeed(string workingDirectory, params string[] arguments)
    {
        var (code, output) = Run(workingDirectory, arguments);
        Assert.True(code == 0, $"dotnet {string.Join(' ', arguments)} exited with {code}:\n{output}");
        return output;
    }
}
