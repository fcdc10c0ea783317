using System.Globalization;
using Declarative.Data;
using Declarative.Schema;

namespace Declarative.Cli.Init;

/// <summary>The task a declaration is written for: each choice but <see cref="Auto"/> is its task's <see cref="MLTask"/> value.</summary>
internal enum TaskChoice
{
    Auto = 0,
    Binary = MLTask.BinaryClassification,
    Multiclass = MLTask.MulticlassClassification,
    Regression = MLTask.Regression,
    Forecasting = MLTask.Forecasting,
}

/// <summary>The label as declared: its property's type, the task, and for a two-valued non-bool label its positive class.</summary>
internal sealed record LabelGuess(int Index, TaskChoice Task, string Type, string? Positive, string Note);

/// <summary>Infers each column's kind from its values, and the task from the label's.</summary>
internal static class Inference
{
    private const int MaxClasses = 20;

    /// <summary>
    /// The fewest rows a class has on average for whole numbers to read as classes: a value seen once or twice cannot be
    /// learned and tested as a class (statsmodels' committee: 20 counts of bills in 20 rows), but can be as a number.
    /// </summary>
    private const int MinRowsPerClass = 5;

    /// <summary>The fewest groups a split by group is written for: a fifth of fewer would be one or two groups.</summary>
    private const int MinGroups = 10;

    public static IReadOnlyList<ColumnGuess> Columns(DataSample sample, int labelIndex)
    {
        var names = Naming.Unique(Enumerable.Range(0, sample.ColumnCount)
            .Select(i => Naming.Pascal(sample.Header?[i] ?? "", $"Column{i + 1}")));
        return Enumerable.Range(0, sample.ColumnCount)
            .Select(i => Column(sample, i, names[i], i == labelIndex))
            .ToArray();
    }

    private static ColumnGuess Column(DataSample sample, int index, string property, bool isLabel)
    {
        var values = sample.Rows.Select(r => r[index]).ToArray();
        var present = values.Where(v => !ValueParser.IsMissing(v)).ToArray();
        var missing = values.Length - present.Length;
        var distinct = present.Distinct(StringComparer.Ordinal).Count();
        var header = sample.Header?[index];
        ColumnGuess Guess(string type, ColumnKind kind, string note) =>
            new(index, header, property, missing > 0 && type is not "string" ? type + "?" : type, kind, isLabel, missing, distinct, note);

        if (present.Length == 0)
        {
            return Guess("string", ColumnKind.Empty, "no values");
        }

        var numeric = present.All(v => ValueParser.TryParseSingle(v, out _));
        var integral = numeric && present.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        if (!isLabel && distinct == 1)
        {
            return Guess(numeric ? "float" : "string", ColumnKind.Constant, $"one value only ({present[0]})");
        }

        // A value per row that reads as a date is a timestamp, a feature; any other is an identifier.
        var dates = numeric ? null : DateFormats.Of(present);
        if (!isLabel && dates is null && distinct == values.Length && values.Length >= 20 && (integral || !numeric) && !LooksLikeText(present))
        {
            return Guess(integral ? "long" : "string", ColumnKind.Identifier, "unique per row: an identifier");
        }

        if (numeric)
        {
            return Guess("float", ColumnKind.Numeric, integral ? $"whole numbers, {distinct:N0} distinct" : "numbers");
        }

        if (present.All(v => ValueParser.TryParseBoolean(v, out _)))
        {
            return Guess("bool", ColumnKind.Boolean, string.Join("/", present.Distinct(StringComparer.OrdinalIgnoreCase).Take(2)));
        }

        if (dates is not null)
        {
            return Guess(dates.HasTime ? "System.DateTime" : "System.DateOnly", ColumnKind.Date, dates.Note) with { Format = dates.Format };
        }

        return !isLabel && distinct > present.Length / 2 && LooksLikeText(present)
            ? Guess("string", ColumnKind.Text, "free text")
            : Guess("string", ColumnKind.Categorical, $"{distinct:N0} categories");
    }

    /// <summary>
    /// The columns with the entity rows repeat marked <c>[GroupId]</c>: a column named for who or what a row is about (an
    /// id, an individual, a patient, a customer, …), every value on two rows or more, at least
    /// <see cref="MinGroups"/> values, none missing. Its rows are the same person seen again: a split that puts some in
    /// training and the rest in the test scores the model on people it learned, and a model that learns the id learns
    /// nothing it can use on the next person. The name is asked for because the values alone cannot tell a key from a
    /// sorted feature (ages repeat too).
    /// </summary>
    public static IReadOnlyList<ColumnGuess> WithGroup(DataSample sample, IReadOnlyList<ColumnGuess> columns)
    {
        var group = columns.FirstOrDefault(c => !c.IsLabel && c.Missing == 0 && c.Distinct >= MinGroups && c.Kind is ColumnKind.Numeric or ColumnKind.Categorical
            && NamesAnEntity(c.Header ?? "") && EveryValueRepeats(sample, c.Index));
        if (group is null)
        {
            return columns;
        }

        var values = sample.Rows.Select(r => r[group.Index]).ToArray();
        var type = group.Kind == ColumnKind.Categorical ? "string"
            : values.All(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) ? "int"
            : values.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) ? "long"
            : null;
        if (type is null)
        {
            return columns;
        }

        var marked = group with
        {
            Group = true,
            Type = type,
            Note = $"{group.Distinct:N0} groups of {(double)values.Length / group.Distinct:0.#} rows on average: the split keeps each group's rows together",
        };
        return [.. columns.Select(c => c.Index == group.Index ? marked : c)];
    }

    private static readonly HashSet<string> Entities = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "individual", "subject", "patient", "person", "participant", "respondent", "user", "customer", "client",
        "household", "student", "visitor", "session", "account", "member",
    };

    /// <summary>Whether a header names who a row is about: one of its words (split at case, digits and punctuation) is such a noun.</summary>
    private static bool NamesAnEntity(string header) =>
        System.Text.RegularExpressions.Regex.Split(header, "[^A-Za-z]+|(?<=[a-z])(?=[A-Z])").Any(Entities.Contains);

    private static bool EveryValueRepeats(DataSample sample, int index) =>
        sample.Rows.GroupBy(r => r[index], StringComparer.Ordinal).All(g => g.Skip(1).Any());

    /// <summary>The first value that is not a number, quoted, and a hint when it is one written with a decimal comma.</summary>
    private static string NotANumber(string[] present)
    {
        if (present.FirstOrDefault(v => !ValueParser.TryParseSingle(v, out _)) is not { } value)
        {
            return "";
        }

        var comma = ValueParser.TryParseSingle(value.Replace(',', '.'), out _) && value.Count(c => c == ',') == 1;
        return $" The first that is not: '{value}'{(comma ? " (a decimal comma: numbers are read with a '.')" : "")}.";
    }

    /// <summary>Whether <paramref name="values"/> distinct values over <paramref name="rows"/> rows are too few rows a value to be classes.</summary>
    private static bool Seldom(int values, int rows) => rows < MinRowsPerClass * values;

    /// <summary>Sentences rather than codes: long on average, or several words.</summary>
    private static bool LooksLikeText(string[] values) =>
        values.Average(v => v.Length) >= 30 || values.Average(v => v.Count(c => c == ' ') + 1) >= 4;

    /// <summary>The label's type and task: two values make binary, numbers with many values (or whole numbers seldom repeated) regression, a few classes multiclass.</summary>
    public static LabelGuess Label(DataSample sample, int index, TaskChoice requested)
    {
        var present = sample.Rows.Select(r => r[index]).Where(v => !ValueParser.IsMissing(v)).ToArray();
        if (present.Length == 0)
        {
            throw new InitException($"The label '{sample.Header?[index] ?? $"Column{index + 1}"}' has no value in the {sample.Rows.Count:N0} rows read: every one is empty.");
        }

        var counts = present.GroupBy(v => v, StringComparer.Ordinal).Select(g => (Value: g.Key, Count: g.Count())).OrderBy(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToArray();
        var numeric = present.All(v => ValueParser.TryParseSingle(v, out _));
        var integral = numeric && present.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        var boolean = present.All(v => ValueParser.TryParseBoolean(v, out _));
        var task = requested != TaskChoice.Auto ? requested
            : counts.Length == 2 ? TaskChoice.Binary
            : numeric && (!integral || counts.Length > MaxClasses || Seldom(counts.Length, present.Length)) ? TaskChoice.Regression
            : TaskChoice.Multiclass;

        switch (task)
        {
            case TaskChoice.Binary when counts.Length != 2:
                throw new InitException($"The label has {counts.Length:N0} distinct values; binary classification needs two.");
            case TaskChoice.Binary when boolean:
                return new LabelGuess(index, task, "bool", null, $"two values ({counts[1].Value}/{counts[0].Value}) read as true/false");
            case TaskChoice.Binary:
                // The rarer value is the positive class: the one a detector is usually for (spam, fraud, >50K).
                return new LabelGuess(index, task, integral ? "int" : "string", counts[0].Value, $"two values; the rarer, '{counts[0].Value}' ({counts[0].Count:N0} rows), is the positive class");
            case TaskChoice.Regression or TaskChoice.Forecasting when !numeric:
                throw new InitException($"The label is not numeric in every row; {task.ToString().ToLowerInvariant()} needs numbers.{NotANumber(present)}");
            case TaskChoice.Regression or TaskChoice.Forecasting:
                var range = $"numbers from {present.Min(v => float.Parse(v, CultureInfo.InvariantCulture)):G6} to {present.Max(v => float.Parse(v, CultureInfo.InvariantCulture)):G6}";
                return new LabelGuess(index, task, "float", null, requested == TaskChoice.Auto && integral && counts.Length <= MaxClasses
                    ? $"whole {range}, {counts.Length:N0} values in {present.Length:N0} rows: too seldom repeated to be classes (--task multiclass reads them as classes)"
                    : range);
            default:
                return new LabelGuess(index, TaskChoice.Multiclass, integral ? "int" : "string", null, $"{counts.Length:N0} classes");
        }
    }
}

/// <summary>A problem with the data or the options that stops <c>init</c>, said to the user as it is.</summary>
internal sealed class InitException(string message) : Exception(message);
