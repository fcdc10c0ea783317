using System.CommandLine;
using Spectre.Console;

namespace Declarative.Cli.Projects;

/// <summary>
/// <c>train</c>, <c>tune</c>, <c>report</c> and <c>list</c>: the project's build does the work (it runs the same training
/// host as every <c>dotnet build</c>), the tool chooses what it does and shows the result.
/// </summary>
internal static class ProjectCommands
{
    /// <summary>What starts each line the host prints for <c>list</c> (BuildHost.ListPrefix).</summary>
    private const string ListPrefix = "Declarative-list:";

    public static IEnumerable<Command> Create()
    {
        yield return Build("train", "Build the project, training the pipelines whose declaration or data changed (with progress per tuning trial).", retune: false, report: false);
        yield return Build("tune", "Build the project, tuning again (rewrites <Name>.tuning.json) and training.", retune: true, report: false);
        yield return Build("report", "Build the project with its reports and print where each report is.", retune: false, report: true);

        yield return Predict();

        var project = ProjectOption();
        var list = new Command("list", "The pipelines of the project: task, trainer, headline metric, and whether the model is up to date.") { project };
        list.SetAction(result => Safely(() => List(Resolve(result.GetValue(project)), AnsiConsole.Console)));
        yield return list;
    }

    private static Command Predict()
    {
        var project = ProjectOption();
        var pipeline = new Option<string>("--pipeline") { Description = "The pipeline class whose model predicts.", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "The rows to predict, in the pipeline's file format (the label's column may be absent; a forecaster's rows are the histories to forecast from).", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "The CSV to write: per row, the properties the pipeline reads, then the prediction (a forecaster: per step ahead, the series, time, forecast and interval).", Required = true };
        var keep = new Option<string[]>("--keep") { Description = "An input column to copy to the output as it is, first (an id the pipeline ignores, to join the predictions back); repeat for more.", AllowMultipleArgumentsPerToken = false };
        var explain = new Option<bool>("--explain") { Description = "Explain each row too: the base value and each property's contribution to the raw score (Contribution[<property>])." };
        var command = new Command("predict", "Predict every row of a file with a pipeline's trained model; a forecaster forecasts each series in it from its last row (the project is built first, so the model is current).")
        {
            project, pipeline, input, output, keep, explain,
        };
        command.SetAction(result => Safely(() =>
        {
            var file = result.GetValue(input)!;
            if (!file.Exists)
            {
                throw new InvalidOperationException($"The input file {file.FullName} was not found.");
            }

            return DotNetBuild.Run([
                "build", Resolve(result.GetValue(project)), "-t:Build;DeclarativePredict", "-nologo", "-v:m",
                $"-p:DeclarativePipeline={result.GetValue(pipeline)}", $"-p:DeclarativeInput={file.FullName}", $"-p:DeclarativeOutput={result.GetValue(output)!.FullName}",
                $"-p:DeclarativeKeep={string.Join("%3B", result.GetValue(keep) ?? [])}", $"-p:DeclarativeExplain={(result.GetValue(explain) ? "true" : "false")}"]);
        }));
        return command;
    }

    private static Option<FileInfo?> ProjectOption() => new("--project", "-p") { Description = "The project file (default: the one .csproj in the current folder)." };

    private static Option<string?> PipelineOption() => new("--pipeline") { Description = "One pipeline class, by name (default: all of them)." };

    private static Command Build(string name, string description, bool retune, bool report)
    {
        var project = ProjectOption();
        var pipeline = PipelineOption();
        var command = new Command(name, description) { project, pipeline };
        command.SetAction(result => Safely(() =>
        {
            var path = Resolve(result.GetValue(project));
            var only = result.GetValue(pipeline);
            List<string> arguments = ["build", path];
            if (only is not null)
            {
                arguments.Add($"-p:DeclarativePipeline={only}");
            }

            if (retune)
            {
                arguments.Add("-p:DeclarativeRetune=true");
            }

            if (report)
            {
                arguments.Add("-p:DeclarativeReport=true");
            }

            var exit = DotNetBuild.Run(arguments);
            if (exit == 0 && report)
            {
                var output = DotNetBuild.Property(path, "TargetDir");
                foreach (var html in Directory.GetFiles(output, only is null ? "*.report.html" : only + ".report.html").Order(StringComparer.Ordinal))
                {
                    Console.WriteLine($"report: {html}");
                }
            }

            return exit;
        }));
        return command;
    }

    /// <summary>A problem the user can fix (no project, a property MSBuild cannot read) is one line, not a stack trace.</summary>
    internal static int Safely(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int List(string project, IAnsiConsole console)
    {
        var lines = new List<string>();
        var exit = DotNetBuild.Run(["build", project, "-t:Build;DeclarativeList", "-p:DeclarativeTrainOnBuild=false", "-nologo", "-v:m"], lines.Add);
        var rows = lines.Select(l => l.Trim()).Where(l => l.StartsWith(ListPrefix, StringComparison.Ordinal)).Select(l => l.Split('\t')).ToList();
        if (exit != 0)
        {
            foreach (var line in lines)
            {
                console.WriteLine(line);
            }

            return exit;
        }

        Output.Table(console, ["pipeline", "task", "trainer", "test metric", "model"], rows.Select(r => r.Skip(1).Take(5).ToArray()));
        return 0;
    }

    /// <summary>The project file: the one given, or the one .csproj in the current folder.</summary>
    internal static string Resolve(FileInfo? project)
    {
        if (project is not null)
        {
            return project.Exists ? project.FullName : throw new InvalidOperationException($"The project {project.FullName} was not found.");
        }

        var found = Directory.GetFiles(Directory.GetCurrentDirectory(), "*.csproj");
        return found.Length == 1 ? found[0]
            : throw new InvalidOperationException(found.Length == 0
                ? "There is no .csproj in the current folder; pass --project."
                : $"There are {found.Length} projects in the current folder; pass --project with one of them.");
    }
}
