using System.CommandLine;
using Spectre.Console;

namespace Declarative.Cli.Init;

/// <summary>
/// <c>dotnet declarative init &lt;data file&gt; --label &lt;column&gt;</c>: reads the file, infers each column's kind and the
/// task, and writes the row class and the pipeline declaration into the project.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var data = new Argument<FileInfo>("data") { Description = "The data file (CSV, TSV, ...): separator, header and quoting are detected as the build's loader does. Or a folder of images, one subfolder per class." };
        var label = new Option<string>("--label", "-l") { Description = "The column to predict: its header name (or, without a header, Column1, Column2, ...). For a folder of images, the label property's name (default Label)." };
        var name = new Option<string?>("--name", "-n") { Description = "The pipeline class's name (default: the file's name + Model)." };
        var task = new Option<TaskChoice>("--task", "-t") { Description = "binary, multiclass, regression, forecasting, or auto: two label values make binary, many numbers regression, a few classes multiclass. Forecasting reads the first column of dates as the time.", DefaultValueFactory = _ => TaskChoice.Auto };
        var horizon = new Option<int?>("--horizon") { Description = "For --task forecasting: the steps to forecast (default: M4's for the step, e.g. 14 days, 48 hours, 18 months)." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "The C# file to write (default: <name>.cs in the current folder)." };
        var force = new Option<bool>("--force") { Description = "Overwrite the file when it exists." };
        var noTune = new Option<bool>("--no-tune") { Description = "Write no [Tune]: the build trains the task's default trainer with its defaults (faster, usually less accurate)." };
        var command = new Command("init", "Write a pipeline declaration (a row class and a pipeline class) from a data file.")
        {
            data, label, name, task, output, force, noTune, horizon,
        };
        command.SetAction(result => Run(new InitOptions(
            result.GetValue(data)!.FullName, result.GetValue(label) ?? "", result.GetValue(name), result.GetValue(task),
            result.GetValue(output)?.FullName, result.GetValue(force), result.GetValue(noTune), result.GetValue(horizon)), AnsiConsole.Console));
        return command;
    }

    public static int Run(InitOptions options, IAnsiConsole console)
    {
        try
        {
            var written = Write(options);
            Table(console, written);
            console.MarkupLine($"Wrote [bold]{Markup.Escape(written.OutputPath)}[/]: {Markup.Escape(written.Summary)}.");
            console.MarkupLine(Markup.Escape(written.Tuning));
            console.MarkupLine($"Next: [bold]dotnet build[/] trains it; [bold]{Markup.Escape(written.PipelineName)}.Load()[/] reads the trained model in the app.");
            return 0;
        }
        catch (Exception e) when (e is InitException or DataFileException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[red]error[/]: {Markup.Escape(e.Message)}");
            return 1;
        }
    }

    /// <summary>Infers and writes the declaration; what was written and why, for the table.</summary>
    public static InitResult Write(InitOptions options)
    {
        var folder = Directory.Exists(options.DataPath);
        if (!folder && !File.Exists(options.DataPath))
        {
            throw new InitException($"The data file {options.DataPath} was not found.");
        }

        if (options.Name is { } declared && Naming.NotAClassName(declared) is { } why)
        {
            throw new InitException($"--name '{declared}' cannot name a C# class: {why}.");
        }

        if (options.Horizon is { } steps && (options.Task != TaskChoice.Forecasting || steps < 1))
        {
            throw new InitException(steps < 1 ? $"--horizon {steps}: a forecaster forecasts one step or more." : "--horizon is for --task forecasting.");
        }

        if (folder)
        {
            var target = Target(options, options.Name ?? Naming.Pascal(Path.GetFileName(Path.TrimEndingDirectorySeparator(options.DataPath)), "Images") + "Model");
            var images = ImageFolderInit.Write(options, target);
            Save(target.OutputPath, images.Source);
            return images;
        }

        if (string.IsNullOrWhiteSpace(options.Label))
        {
            throw new InitException("--label is required for a data file: the column to predict (its header name, or Column1, Column2, ... without a header).");
        }

        var sample = DataSample.Read(options.DataPath);
        if (sample.Header is { } header && header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            var at = Enumerable.Range(0, header.Count).Where(i => string.Equals(header[i], twice.Key, StringComparison.OrdinalIgnoreCase)).Select(i => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            throw new InitException($"The header of {options.DataPath} names '{twice.Key}' more than once (columns {string.Join(" and ", at)}): a column is read by its header name, so rename one in the file and run init again.");
        }

        var stem = Naming.Pascal(Path.GetFileNameWithoutExtension(options.DataPath), "Data");
        var pipelineName = options.Name ?? stem + "Model";
        var rowName = stem + "Row" == pipelineName ? stem + "Record" : stem + "Row";
        var (outputPath, ns, projectDirectory) = Target(options, pipelineName);

        var labelIndex = FindLabel(sample, options.Label);
        var columns = Inference.Columns(sample, labelIndex);
        var label = Inference.Label(sample, labelIndex, options.Task);
        var dataPath = Path.GetRelativePath(projectDirectory, options.DataPath).Replace('\\', '/');
        if (label.Task == TaskChoice.Forecasting)
        {
            var forecaster = ForecastingInit.Write(options, sample, columns, label, new InitTarget(outputPath, ns, projectDirectory), pipelineName, rowName, dataPath);
            Save(outputPath, forecaster.Source);
            return forecaster;
        }

        columns = Inference.WithGroup(sample, columns);
        if (!columns.Any(c => c.IsFeature))
        {
            var left = columns.Where(c => c.Ignored).Select(c => $"'{c.Header ?? c.Property}' ({c.Note})").ToList();
            throw new InitException($"{options.DataPath} has no column to learn '{columns[labelIndex].Header ?? columns[labelIndex].Property}' from: " +
                (left.Count == 0 ? "the label is its only column." : $"every other column is left out: {string.Join(", ", left)}.") +
                " A model needs at least one feature.");
        }

        var source = DeclarationWriter.Write(sample, columns, label, pipelineName, rowName, ns, dataPath, Path.GetFileName(options.DataPath), tune: !options.NoTune);
        Save(outputPath, source);

        var used = columns.Count(c => c.IsFeature);
        var trials = TuningBudget.Trials(sample.Rows.Count, sample.Truncated);
        var tuning = options.NoTune ? "Untuned (--no-tune): the build trains the default trainer with its defaults."
            : trials == 0 ? $"Untuned: fewer than {TuningBudget.MinimumRows} rows to tune on{(TuningBudget.FewRowsTrainer(label, columns, sample.Rows.Count, sample.Truncated) is { } few ? $"; {few}, a linear model, trains it (LightGbm's trees hardly split on so few rows)" : "")}."
            : $"Tuned with {trials} trials of {TuningBudget.Trainers((MLTask)label.Task, TuningBudget.TunesLinearAlone(columns))} at build time, blended into an ensemble where that beats the best trial on the validation rows; --no-tune writes no [Tune].";
        var summary = $"{label.Task.ToString().ToLowerInvariant()} on '{columns[labelIndex].Header ?? columns[labelIndex].Property}', {used} features, {columns.Count(c => c.Ignored)} left out, {sample.Rows.Count:N0} rows";
        summary += sample.SkippedNote;
        if (columns.FirstOrDefault(c => c.Group) is { } group)
        {
            summary += $"; the split keeps each '{group.Header ?? group.Property}' ({group.Distinct:N0} of them) on one side";
        }

        if (label.Task == TaskChoice.Regression && options.Task == TaskChoice.Auto && columns.FirstOrDefault(c => c.Kind == ColumnKind.Date && !c.Ignored) is { } dated)
        {
            // A number beside dates is often a series to forecast rather than a value to explain: say so, not guess.
            summary += $"; with its dates ('{dated.Header ?? dated.Property}') it may be a series: --task forecasting forecasts it ahead instead";
        }
        return new InitResult(outputPath, pipelineName, columns, label, summary, tuning, source);
    }

    private static int FindLabel(DataSample sample, string label)
    {
        var names = Enumerable.Range(0, sample.ColumnCount).Select(i => sample.Header?[i] ?? $"Column{i + 1}").ToArray();
        var matches = new Func<string, bool>[]
        {
            n => n == label,
            n => string.Equals(n, label, StringComparison.OrdinalIgnoreCase),
            n => Naming.Pascal(n, "") == Naming.Pascal(label, "-"),
        };
        foreach (var match in matches)
        {
            var found = Enumerable.Range(0, names.Length).Where(i => match(names[i])).ToArray();
            if (found.Length == 1)
            {
                return found[0];
            }
        }

        throw new InitException($"The file has no column '{label}'. Its columns: {string.Join(", ", names.Select(n => $"'{n}'"))}.");
    }

    /// <summary>
    /// Where the declaration goes (refused when the file exists, unless --force), the namespace of the project it lands
    /// in, and the folder data paths are written relative to (the project's, else the file's).
    /// </summary>
    private static InitTarget Target(InitOptions options, string pipelineName)
    {
        var outputPath = options.OutputPath ?? Path.Combine(Directory.GetCurrentDirectory(), pipelineName + ".cs");
        if (File.Exists(outputPath) && !options.Force)
        {
            throw new InitException($"{outputPath} exists; pass --force to overwrite it.");
        }

        var project = FindProject(Path.GetDirectoryName(outputPath)!);
        return new InitTarget(
            outputPath,
            project is null ? null : Naming.Pascal(Path.GetFileNameWithoutExtension(project), "App"),
            project is null ? Path.GetDirectoryName(outputPath)! : Path.GetDirectoryName(project)!);
    }

    private static void Save(string outputPath, string source)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        File.WriteAllText(outputPath, source);
    }

    /// <summary>The project the file goes into: the nearest .csproj in its folder or above.</summary>
    private static string? FindProject(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            if (folder.Exists && folder.GetFiles("*.csproj") is [var project])
            {
                return project.FullName;
            }
        }

        return null;
    }

    private static void Table(IAnsiConsole console, InitResult result) =>
        Output.Table(console, ["column", "property", "type", "kind", "why"], result.Columns.Select(column => new[]
        {
            column.Header ?? $"#{column.Index}",
            column.Property,
            column.IsLabel ? result.Label.Type : column.Type,
            column.IsLabel ? $"label ({result.Label.Task.ToString().ToLowerInvariant()})" : column.Group ? "group" : column.Ignored ? $"ignored ({column.Kind.ToString().ToLowerInvariant()})" : column.Kind.ToString().ToLowerInvariant(),
            column.IsLabel ? result.Label.Note : column.Note,
        }));
}

/// <summary>What <c>init</c> was asked.</summary>
internal sealed record InitOptions(string DataPath, string Label, string? Name, TaskChoice Task, string? OutputPath, bool Force, bool NoTune = false, int? Horizon = null);

/// <summary>Where <c>init</c> writes: the file, the project's namespace, the folder data paths are relative to.</summary>
internal sealed record InitTarget(string OutputPath, string? Namespace, string ProjectDirectory);

/// <summary>What <c>init</c> wrote.</summary>
internal sealed record InitResult(string OutputPath, string PipelineName, IReadOnlyList<ColumnGuess> Columns, LabelGuess Label, string Summary, string Tuning, string Source);
