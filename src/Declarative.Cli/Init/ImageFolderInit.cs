using System.Text;
using Declarative.Data;
using Declarative.Schema;

namespace Declarative.Cli.Init;

/// <summary>
/// <c>dotnet declarative init photos/</c>: a folder with one subfolder per class declares an image classifier, a row of
/// an <c>[Image]</c> path and a <c>[Label]</c> (the subfolder's name), binary for two classes and multiclass for more.
/// </summary>
internal static class ImageFolderInit
{
    public static InitResult Write(InitOptions options, InitTarget target)
    {
        var (outputPath, ns, projectDirectory) = target;
        var images = ImageFolderLoader.Images(options.DataPath);
        var classes = images.GroupBy(i => i.Class).Select(g => (Name: g.Key, Count: g.Count())).OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
        {
            throw new InitException($"{options.DataPath} has {(classes.Length == 0 ? "no JPEG or PNG image in a subfolder" : $"one class only ('{classes[0].Name}')")}: " +
                "a folder of images holds one subfolder per class, named for it, with that class's images inside; two classes at least.");
        }

        // The choice is the user's (TaskChoice, the CLI's own), as init's inference from a file makes it.
        var requested = options.Task;
        var task = requested == TaskChoice.Auto ? (classes.Length == 2 ? TaskChoice.Binary : TaskChoice.Multiclass) : requested;
        if (task is TaskChoice.Regression or TaskChoice.Forecasting)
        {
            throw new InitException($"A folder's classes are names ({Names(classes)}): classify them with --task binary or multiclass.");
        }

        if (task == TaskChoice.Binary && classes.Length != 2)
        {
            throw new InitException($"--task binary needs two classes, but {options.DataPath} has {classes.Length}: {Names(classes)}.");
        }

        // As for a two-valued label in a file: the rarer class is the positive one (the later name on a tie).
        var positive = task == TaskChoice.Binary ? classes.OrderBy(c => c.Count).ThenByDescending(c => c.Name, StringComparer.Ordinal).First().Name : null;
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(options.DataPath));
        var stem = Naming.Pascal(folderName, "Images");
        var pipelineName = options.Name ?? stem + "Model";
        var rowName = stem + "Row" == pipelineName ? stem + "Image" : stem + "Row";
        var labelProperty = string.IsNullOrWhiteSpace(options.Label) ? "Label" : Naming.Pascal(options.Label, "Label");
        var imageProperty = labelProperty == "File" ? "Image" : "File";
        var dataPath = Path.GetRelativePath(projectDirectory, options.DataPath).Replace('\\', '/').TrimEnd('/') + "/";
        var trials = options.NoTune ? 0 : TuningBudget.Trials(images.Count, more: false);
        var classNote = string.Join(", ", classes.Select(c => $"{c.Name} ({c.Count})"));

        var text = new StringBuilder();
        text.AppendLine($"// Written by `dotnet declarative init` from the folder {folderName}/ ({images.Count:N0} images in {classes.Length} classes). Edit it freely.");
        text.AppendLine("// Images are encoded by the Declarative.Vision package: <PackageReference Include=\"Declarative.Vision\" />.");
        DeclarationWriter.Usings(text, ns);

        text.AppendLine($"/// <summary>One image of {DeclarationWriter.Xml(folderName)}/: its file and its class, the name of the subfolder it is in.</summary>");
        text.AppendLine($"public sealed class {rowName}");
        text.AppendLine("{");
        text.AppendLine("    [Image]");
        text.AppendLine($"    public string {imageProperty} {{ get; set; }} = \"\"; // the image's path; a prediction names its own file");
        text.AppendLine();
        text.AppendLine(positive is null ? "    [Label]" : $"    [Label(Positive = {DeclarationWriter.Literal(positive)})]");
        text.AppendLine($"    public string {labelProperty} {{ get; set; }} = \"\"; // {DeclarationWriter.Comment(classNote)}");
        text.AppendLine("}");
        text.AppendLine();
        var attributeName = TaskDefinitions.For((MLTask)task).AttributeName;
        text.AppendLine($"/// <summary>Classifies images of {DeclarationWriter.Xml(folderName)}/. `dotnet build` trains it; `{pipelineName}.Load()` reads the trained model.</summary>");
        text.AppendLine($"[{attributeName}<{rowName}>(Data = {DeclarationWriter.Literal(dataPath)})]");
        if (trials > 0)
        {
            text.AppendLine(TuningBudget.LinearTrainerLine((MLTask)task, "images", "about 30x"));
            text.AppendLine($"[Tune(MaxTrials = {trials})] // {TuningBudget.Why(images.Count, false)}; remove for an untuned, faster build");
        }

        text.AppendLine($"public partial class {pipelineName};");

        var columns = new[]
        {
            new ColumnGuess(0, folderName + "/<class>/<file>", imageProperty, "string", ColumnKind.Text, false, 0, images.Count, "[Image]: encoded by ResNet-18 (Declarative.Vision)"),
            new ColumnGuess(1, folderName + "/<class>", labelProperty, "string", ColumnKind.Categorical, true, 0, classes.Length, classNote),
        };
        var label = new LabelGuess(1, task, "string", positive, positive is null ? classNote : $"positive: {positive}; {classNote}");
        var tuning = options.NoTune ? "Untuned (--no-tune): the build trains the default trainer with its defaults."
            : trials == 0 ? $"Untuned: fewer than {TuningBudget.MinimumRows} images to tune on."
            : $"Tuned with {trials} trials of {TuningBudget.Trainers((MLTask)task, text: true)} at build time; --no-tune writes no [Tune].";
        var summary = $"{task.ToString().ToLowerInvariant()} on the subfolder's name, {classes.Length} classes, {images.Count:N0} images; add the Declarative.Vision package";
        return new InitResult(outputPath, pipelineName, columns, label, summary, tuning, text.ToString());
    }

    private static string Names((string Name, int Count)[] classes) => string.Join(", ", classes.Select(c => $"'{c.Name}'"));
}
