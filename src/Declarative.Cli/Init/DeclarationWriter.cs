using System.Text;
using Declarative.Schema;

namespace Declarative.Cli.Init;

/// <summary>Writes the row class and the pipeline declaration as one C# file, from the inferred columns and label.</summary>
internal static class DeclarationWriter
{
    /// <summary>The declaration; a forecaster's (<paramref name="forecast"/>) with its time, series and horizon.</summary>
    public static string Write(
        DataSample sample, IReadOnlyList<ColumnGuess> columns, LabelGuess label, string pipelineName, string rowName, string? ns, string dataPath, string fileName, bool tune, ForecastShape? forecast = null)
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
            else if (column.Index == forecast?.Time)
            {
                attributes.Add("Time");
            }
            else if (column.Index == forecast?.Series)
            {
                attributes.Add("SeriesId");
            }
            else if (column.Group)
            {
                attributes.Add("GroupId");
            }
            else if (column.Ignored)
            {
                attributes.Add("Ignore");
            }
            else if (column.Kind == ColumnKind.Text)
            {
                attributes.Add("Text");
            }
            else if (column.Past)
            {
                attributes.Add("PastCovariate");
            }

            var format = column.Format is { } f ? $"Format = {Literal(f)}" : null;
            if (sample.Header is null)
            {
                attributes.Add($"Column(Index = {column.Index}{(format is null ? "" : $", {format}")})");
            }
            else if (!string.Equals(column.Header, column.Property, StringComparison.OrdinalIgnoreCase))
            {
                attributes.Add($"Column({Literal(column.Header!)}{(format is null ? "" : $", {format}")})");
            }
            else if (format is not null)
            {
                attributes.Add($"Column({format})");
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
        if (sample.SkipLines > 0)
        {
            options.Add($"SkipLines = {sample.SkipLines}");
        }

        if (sample.Header is null)
        {
            options.Add("HasHeader = false");
        }

        if (!sample.AllowQuoting)
        {
            options.Add("AllowQuoting = false");
        }

        if (forecast is not null)
        {
            options.Add($"Horizon = {forecast.Horizon}");
            if (forecast.FillsGaps)
            {
                options.Add("FillGaps = true");
            }
        }

        var attributeName = TaskDefinitions.For((MLTask)label.Task).AttributeName;
        var what = Xml(columns[label.Index].Header ?? columns[label.Index].Property);
        text.AppendLine(forecast is null
            ? $"/// <summary>Predicts {what}. `dotnet build` trains it; `{pipelineName}.Load()` reads the trained model.</summary>"
            : $"/// <summary>Forecasts the next {forecast.Horizon} steps of {what}. `dotnet build` trains it; `{pipelineName}.Load().Forecast(...)` forecasts.</summary>");
        if (forecast is { Gaps: true })
        {
            text.AppendLine("// FillGaps: some values are missing before the last one; they are filled by linear interpolation.");
        }

        if (forecast?.Skipped is { } skipped)
        {
            text.AppendLine($"// FillGaps: the times skip {skipped.Describe()}; the missing steps are filled by linear interpolation.");
        }

        if (columns.Where(c => c.Past).Select(c => c.Property).ToList() is { Count: > 0 } past)
        {
            text.AppendLine($"// [PastCovariate]: no rows after the last value give {string.Join(", ", past)}, so they are read up to the last row, as another series");
            text.AppendLine("// measured alongside is. One known ahead (a plan, a price) loses the attribute, and the file ends with the next steps' rows.");
        }

        text.AppendLine($"[{attributeName}<{rowName}>({string.Join(", ", options)})]");
        var (rows, more) = (sample.Rows.Count, sample.Truncated);
        if (tune && forecast is not null)
        {
            text.AppendLine("[Tune] // every model competes on rolling origins before the test part; remove to train the global trees alone");
        }
        else if (tune && TuningBudget.Trials(rows, more) > 0)
        {
            if (TuningBudget.TunesLinearAlone(columns))
            {
                text.AppendLine(TuningBudget.LinearTrainerLine((MLTask)label.Task, "text", "20-50x"));
            }

            text.AppendLine($"[Tune(MaxTrials = {TuningBudget.Trials(rows, more)})] // {TuningBudget.Why(rows, more)}; remove for an untuned, faster build");
        }
        else if (tune)
        {
            text.AppendLine($"// Not tuned: {rows:N0} rows are too few to cross-validate (add [Tune] when the file has {TuningBudget.MinimumRows} or more).");
        }

        if (forecast is null && TuningBudget.FewRowsTrainer(label, columns, rows, more) is { } few)
        {
            text.AppendLine($"[Trainers(Trainer.{few})] // {rows:N0} rows: a linear model; LightGbm's leaves hold 20 rows, so on a few dozen its trees hardly split");
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
