using System.Text;
using Declarative.Schema;

namespace Declarative.Cli.Init;

/// <summary>Writes the row class and the pipeline declaration as one C# file, from the inferred columns and label.</summary>
internal static class DeclarationWriter
{
    public static string Write(
        DataSample sample, IReadOnlyList<ColumnGuess> columns, LabelGuess label, string pipelineName, string rowName, string? ns, string dataPath, string fileName, bool tune)
    {
        var text = new StringBuilder();
        text.AppendLine($"// Written by `dotnet declarative init` from {fileName} ({sample.Rows.Count:N0} rows{(sample.Truncated ? ", the first read" : "")}). Edit it freely.");
        Usings(text, ns);

        text.AppendLine($"/// <summary>One row of {Xml(fileName)}.</summary>");
        text.AppendLine($"public sealed class {rowName}");
        text.AppendLine("{");
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (i > 0)
            {
                text.AppendLine();
            }

            var type = column.IsLabel ? label.Type : column.Type;
            var attributes = new List<string>();
            if (column.IsLabel)
            {
                attributes.Add(label.Positive is null ? "Label" : $"Label(Positive = {Literal(label.Positive)})");
            }
            else if (column.Ignored)
            {
                attributes.Add("Ignore");
            }
            else if (column.Kind == ColumnKind.Text)
            {
                attributes.Add("Text");
            }

            if (sample.Header is null)
            {
                attributes.Add($"Column(Index = {column.Index})");
            }
            else if (!string.Equals(column.Header, column.Property, StringComparison.OrdinalIgnoreCase))
            {
                attributes.Add($"Column({Literal(column.Header!)})");
            }

            var note = Comment(column.IsLabel ? label.Note : column.Note);
            foreach (var attribute in attributes)
            {
                text.AppendLine($"    [{attribute}]");
            }

            text.AppendLine($"    public {type} {column.Property} {{ get; set; }}{(type == "string" ? " = \"\";" : "")} // {note}");
        }

        text.AppendLine("}");
        text.AppendLine();
        var options = new List<string> { $"Data = {Literal(dataPath)}" };
        if (sample.Header is null)
        {
            options.Add("HasHeader = false");
        }

        if (!sample.AllowQuoting)
        {
            options.Add("AllowQuoting = false");
        }

        var attributeName = TaskDefinitions.For((MLTask)label.Task).AttributeName;
        text.AppendLine($"/// <summary>Predicts {Xml(columns[label.Index].Header ?? columns[label.Index].Property)}. `dotnet build` trains it; `{pipelineName}.Load()` reads the trained model.</summary>");
        text.AppendLine($"[{attributeName}<{rowName}>({string.Join(", ", options)})]");
        var (rows, more) = (sample.Rows.Count, sample.Truncated);
        if (tune && TuningBudget.Trials(rows, more) > 0)
        {
            text.AppendLine($"[Tune(MaxTrials = {TuningBudget.Trials(rows, more)})] // {TuningBudget.Why(rows, more)}; remove for an untuned, faster build");
        }
        else if (tune)
        {
            text.AppendLine($"// Not tuned: {rows:N0} rows are too few to cross-validate (add [Tune] when the file has {TuningBudget.MinimumRows} or more).");
        }

        text.AppendLine($"public partial class {pipelineName};");
        return text.ToString();
    }

    /// <summary>A C# string literal of any text.</summary>
    internal static string Literal(string value)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in value)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }

    /// <summary>A note as a one-line comment: no line breaks, at most 80 characters.</summary>
    internal static string Comment(string note)
    {
        var line = new string(note.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return line.Length <= 80 ? line : line[..77] + "...";
    }

    /// <summary>The file's using directive and, when the project has one, its file-scoped namespace.</summary>
    internal static void Usings(StringBuilder text, string? ns)
    {
        text.AppendLine("using Declarative;");
        text.AppendLine();
        if (ns is not null)
        {
            text.AppendLine($"namespace {ns};");
            text.AppendLine();
        }
    }

    internal static string Xml(string value) => System.Security.SecurityElement.Escape(value);
}
