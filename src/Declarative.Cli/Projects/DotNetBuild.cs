using System.Diagnostics;

namespace Declarative.Cli.Projects;

/// <summary>Runs <c>dotnet build</c> (or <c>msbuild</c>) of the user's project: the build runs the training host, so the tool does what the build does.</summary>
internal static class DotNetBuild
{
    /// <summary>Runs dotnet with its output shown as it comes (progress per trial); returns the exit code.</summary>
    public static int Run(IEnumerable<string> arguments, Action<string>? line = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var write = line ?? Console.WriteLine;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (process) { write(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (process) { write(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The value of an MSBuild property of the project, as its evaluation gives it.</summary>
    public static string Property(string project, string name)
    {
        var lines = new List<string>();
        var exit = Run(["msbuild", project, $"-getProperty:{name}", "-nologo"], lines.Add);
        // An unset property prints an empty line.
        return exit == 0
            ? lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? ""
            : throw new InvalidOperationException($"MSBuild could not read {name} of {project}:\n{string.Join('\n', lines)}");
    }
}
