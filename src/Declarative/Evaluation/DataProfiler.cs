using System.Globalization;
using Declarative.Data;
using Declarative.Schema;

namespace Declarative.Evaluation;

/// <summary>Profiles the loaded data before training and flags what is likely to mislead a model.</summary>
internal static class DataProfiler
{
    private const double SevereImbalanceShare = 0.05;
    private const double LeakThreshold = 0.99;

    public static DataProfile Profile<TRow>(PipelineSpec<TRow> spec, DataTable table)
    {
        var byName = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var label = spec.Label is null ? null : byName[spec.Label.PropertyName];
        var labelValues = label is null ? [] : LabelTexts(label);
        var columns = new List<ColumnProfile>();
        var warnings = new List<DataWarning>();

        foreach (var spec_ in spec.Columns)
        {
            if (spec_.Embedding is { } embedding)
            {
                // An embedded text is one property: its vector's numbers say nothing a person reads.
                if (embedding.Offset == 0)
                {
                    columns.Add(new ColumnProfile(embedding.Property, spec_.ColumnName, $"{ColumnKind.Text} ({embedding.Encoder.Name}, {embedding.Encoder.Dimension} numbers)", false, 0, 0, null, null, null, []));
                }

                continue;
            }

            if (spec_.Run is { } run)
            {
                // A run is one property: one profile of all its values, not one per element.
                if (run.Offset == 0)
                {
                    var elements = spec.Columns.Where(c => c.Run?.Property == run.Property).Select(c => byName[c.PropertyName].Singles!).ToArray();
                    var runProfile = DescribeRun(run, spec_.Index, elements, table.RowCount);
                    columns.Add(runProfile);
                    if (runProfile.MissingShare >= 1)
                    {
                        warnings.Add(new DataWarning(DataWarningCodes.AllMissing, run.Property, $"Columns {runProfile.Column} have no values."));
                    }
                    else if (runProfile.Distinct == 1)
                    {
                        warnings.Add(new DataWarning(DataWarningCodes.ConstantColumn, run.Property,
                            $"Columns {runProfile.Column} hold one value only ({Format(runProfile.Min)}); they cannot help the model. Mark the property [Ignore]."));
                    }
                }

                continue;
            }

            var column = byName[spec_.PropertyName];
            var profile = Describe(spec_, column, table.RowCount);
            columns.Add(profile);
            if (spec_.Kind.IsLabel() || spec_.Kind == ColumnKind.GroupId)
            {
                continue;
            }

            if (profile.MissingShare >= 1)
            {
                warnings.Add(new DataWarning(DataWarningCodes.AllMissing, spec_.PropertyName, $"Column '{spec_.ColumnName}' has no values."));
            }
            else if (profile.Distinct == 1)
            {
                warnings.Add(new DataWarning(DataWarningCodes.ConstantColumn, spec_.PropertyName,
                    $"Column '{spec_.ColumnName}' holds one value only ({profile.Top.FirstOrDefault()?.Value ?? Format(profile.Min)}); it cannot help the model. Mark the property [Ignore]."));
            }
            else if (label is not null && LeakScore(column, label, labelValues, profile.Distinct, table.RowCount) is { } leak and >= LeakThreshold)
            {
                warnings.Add(new DataWarning(DataWarningCodes.LikelyLeak, spec_.PropertyName,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Column '{spec_.ColumnName}' alone predicts the label almost perfectly ({leak:F3}); it may leak the answer, which the model will not have when it predicts.")));
            }
        }

        warnings.AddRange(ReadingWarnings(table));

        // A numeric label has values, not classes: no balance to show.
        var balance = label is null || label.Storage == ColumnStorage.Single
            ? []
            : labelValues.GroupBy(v => v).Select(g => new CategoryCount(Capped(g.Key), g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        if (balance.Count == 1)
        {
            warnings.Add(new DataWarning(DataWarningCodes.SingleClassLabel, spec.Label!.PropertyName, $"The label '{spec.Label.ColumnName}' has one class only ({balance[0].Value}): there is nothing to learn."));
        }
        else if (balance.Count > 1 && balance[^1].Count < SevereImbalanceShare * table.RowCount)
        {
            warnings.Add(new DataWarning(DataWarningCodes.SevereImbalance, spec.Label!.PropertyName,
                string.Create(CultureInfo.InvariantCulture,
                    $"The label class '{balance[^1].Value}' is {100.0 * balance[^1].Count / table.RowCount:F1}% of the rows: accuracy will flatter the model; look at precision and recall of that class.")));
        }

        return new DataProfile(table.RowCount, columns, balance, warnings);
    }

    private static ColumnProfile Describe<TRow>(ColumnSpec<TRow> spec, TableColumn column, int rows)
    {
        var kind = spec.Kind.ToString();
        if (column.Singles is { } numbers)
        {
            var present = numbers.Where(v => !float.IsNaN(v)).ToArray();
            return new ColumnProfile(spec.PropertyName, spec.ColumnName, kind, spec.Kind.IsLabel(), Share(rows - present.Length, rows), present.Distinct().Count(),
                present.Length == 0 ? null : present.Min(), present.Length == 0 ? null : present.Max(), present.Length == 0 ? null : present.Average(v => (double)v), []);
        }

        var texts = column.Booleans is { } flags ? flags.Select(b => b ? "true" : "false").ToArray() : column.Texts.Select(t => t.ToString()).ToArray();
        var values = texts.Where(t => t.Length > 0).ToArray();
        var top = spec.Kind == ColumnKind.Text
            ? []
            : values.GroupBy(v => v).Select(g => new CategoryCount(Capped(g.Key), g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(5).ToList();
        return new ColumnProfile(spec.PropertyName, spec.ColumnName, kind, spec.Kind.IsLabel(), Share(rows - values.Length, rows), values.Distinct().Count(), null, null, null, top);
    }

    private static ColumnProfile DescribeRun(ColumnRun run, int startIndex, float[][] elements, int rows)
    {
        var present = elements.SelectMany(e => e).Where(v => !float.IsNaN(v)).ToArray();
        var total = (double)rows * run.Count;
        return new ColumnProfile(run.Property, run.Describe(startIndex), string.Create(CultureInfo.InvariantCulture, $"{ColumnKind.Numeric}[{run.Count}]"), false,
            total == 0 ? 0 : (total - present.Length) / total, present.Distinct().Count(),
            present.Length == 0 ? null : present.Min(), present.Length == 0 ? null : present.Max(), present.Length == 0 ? null : present.Average(v => (double)v), []);
    }

    private static string[] LabelTexts(TableColumn label) => label switch
    {
        { Booleans: { } b } => b.Select(v => v ? "true" : "false").ToArray(),
        { IsText: true } t => t.Texts.Select(v => v.ToString()).ToArray(),
        { Singles: { } s } => s.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray(),
        _ => [],
    };

    /// <summary>
    /// How well the column alone gives the label: for a number and a boolean label, the AUC (either direction); for a
    /// number and a numeric label, |correlation|; for a category, the accuracy of answering each category's majority
    /// label (only for columns with far fewer values than rows, since an id is trivially "pure").
    /// </summary>
    private static double? LeakScore(TableColumn column, TableColumn label, string[] labelTexts, int distinct, int rows)
    {
        if (column.Singles is { } x)
        {
            if (label.Booleans is { } y)
            {
                var auc = Auc(x, y);
                return auc is null ? null : Math.Max(auc.Value, 1 - auc.Value);
            }

            if (label.Singles is { } target)
            {
                return Math.Abs(Correlation(x, target) ?? 0);
            }

            return null;
        }

        if (!column.IsText || distinct > rows / 2)
        {
            return null;
        }

        var correct = column.Texts.Select((c, i) => (Category: c.ToString(), Label: labelTexts[i]))
            .GroupBy(p => p.Category)
            .Sum(g => g.GroupBy(p => p.Label).Max(l => l.Count()));
        return (double)correct / rows;
    }

    private static double? Auc(float[] scores, bool[] labels)
    {
        var pairs = scores.Select((s, i) => (Score: s, Label: labels[i])).Where(p => !float.IsNaN(p.Score)).OrderBy(p => p.Score).ToArray();
        long positives = pairs.Count(p => p.Label), negatives = pairs.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        // Mann-Whitney U with mid-ranks for ties.
        double rankSum = 0;
        for (var i = 0; i < pairs.Length;)
        {
            var j = i;
            while (j < pairs.Length && pairs[j].Score == pairs[i].Score)
            {
                j++;
            }

            var midRank = (i + j + 1) / 2.0;
            rankSum += midRank * pairs[i..j].Count(p => p.Label);
            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    private static double? Correlation(float[] x, float[] y)
    {
        var pairs = x.Select((v, i) => (X: (double)v, Y: (double)y[i])).Where(p => !double.IsNaN(p.X)).ToArray();
        if (pairs.Length < 3)
        {
            return null;
        }

        double mx = pairs.Average(p => p.X), my = pairs.Average(p => p.Y);
        double sxy = pairs.Sum(p => (p.X - mx) * (p.Y - my)), sxx = pairs.Sum(p => (p.X - mx) * (p.X - mx)), syy = pairs.Sum(p => (p.Y - my) * (p.Y - my));
        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Format(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// What reading the data noticed (rows skipped as bad, quoted fields over several lines): also printed by builds
    /// that write no report, since they are about what the model was trained on.
    /// </summary>
    internal static IEnumerable<DataWarning> ReadingWarnings(DataTable table)
    {
        foreach (var row in table.BadRowSamples)
        {
            yield return new DataWarning(DataWarningCodes.SkippedBadRow, "",
                string.Create(CultureInfo.InvariantCulture, $"Skipped a bad row ({table.BadRows:N0} in all, SkipBadRows = true): {row.Detail}"), row.Line, row.Column);
        }

        if (table.MultilineFields > 0)
        {
            yield return new DataWarning(DataWarningCodes.MultilineFields, "",
                string.Create(CultureInfo.InvariantCulture,
                    $"{table.MultilineFields} quoted field{(table.MultilineFields == 1 ? "" : "s")} span more than one line (the first opens at line {table.FirstMultilineFieldLine}); if a quote opened one by mistake, the rows after it were read into it. Set AllowQuoting = false when quotes are ordinary characters."));
        }
    }

    /// <summary>Longest value a report shows: a 10 MB field stays in the data, not in report.json and the page.</summary>
    internal const int ValueLengthLimit = 200;

    private static string Capped(string value) =>
        value.Length <= ValueLengthLimit ? value : string.Concat(value.AsSpan(0, ValueLengthLimit), "…");
}
