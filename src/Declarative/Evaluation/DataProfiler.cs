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
        // The label as a key per row and the text of each key: counted, never a string per row.
        (int[] Keys, string[] Values)? labelKeys = label is null ? null : Keys(label);
        var columns = new List<ColumnProfile>();
        var warnings = new List<DataWarning>();

        foreach (var spec_ in spec.Columns)
        {
            if (spec_.Embedding is { } embedding)
            {
                // An embedded text or image is one property: its vector's numbers say nothing a person reads.
                if (embedding.Offset == 0)
                {
                    var files = table.Sources.FirstOrDefault(s => s.Name == embedding.Property);
                    var kind = embedding.IsImage ? "Image" : nameof(ColumnKind.Text);
                    columns.Add(new ColumnProfile(embedding.Property, spec_.ColumnName, $"{kind} ({embedding.Encoder.Name}, {embedding.Encoder.Dimension} numbers)", false, 0,
                        files is null ? 0 : files.Texts.Distinct(TextComparer.Instance).Count(), null, null, null, []));
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
            else if (label is not null && LeakScore(column, label, labelKeys!.Value.Keys, profile.Distinct, table.RowCount) is { } leak and >= LeakThreshold)
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
            : Counts(labelKeys!.Value.Keys, labelKeys.Value.Values).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
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
            // One pass, no copy of the column: a profile must not hold more than the table it describes.
            var distinct = new HashSet<float>();
            var (present, min, max, sum) = (0, float.PositiveInfinity, float.NegativeInfinity, 0.0);
            foreach (var v in numbers)
            {
                if (!float.IsNaN(v))
                {
                    (present, min, max, sum) = (present + 1, Math.Min(min, v), Math.Max(max, v), sum + v);
                    distinct.Add(v);
                }
            }

            return new ColumnProfile(spec.PropertyName, spec.ColumnName, kind, spec.Kind.IsLabel(), Share(rows - present, rows), distinct.Count,
                present == 0 ? null : min, present == 0 ? null : max, present == 0 ? null : sum / present, []);
        }

        var (keys, values) = Keys(column);
        var counts = Counts(keys, values).ToList();
        var missing = rows - counts.Sum(c => c.Count);
        var top = spec.Kind == ColumnKind.Text
            ? []
            : counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(5).ToList();
        return new ColumnProfile(spec.PropertyName, spec.ColumnName, kind, spec.Kind.IsLabel(), Share(missing, rows), counts.Count, null, null, null, top);
    }

    private static ColumnProfile DescribeRun(ColumnRun run, int startIndex, float[][] elements, int rows)
    {
        var present = elements.SelectMany(e => e).Where(v => !float.IsNaN(v)).ToArray();
        var total = (double)rows * run.Count;
        return new ColumnProfile(run.Property, run.Describe(startIndex), string.Create(CultureInfo.InvariantCulture, $"{ColumnKind.Numeric}[{run.Count}]"), false,
            total == 0 ? 0 : (total - present.Length) / total, present.Distinct().Count(),
            present.Length == 0 ? null : present.Min(), present.Length == 0 ? null : present.Max(), present.Length == 0 ? null : present.Average(v => (double)v), []);
    }

    /// <summary>A key per row that equal values share (-1: missing) and each key's text, for any column's storage.</summary>
    private static (int[] Keys, string[] Values) Keys(TableColumn column)
    {
        if (column.Booleans is { } flags)
        {
            return (flags.Select(b => b ? 1 : 0).ToArray(), ["false", "true"]);
        }

        if (column.Singles is { } numbers)
        {
            var lookup = new Dictionary<float, int>();
            var keys = numbers.Select(v => float.IsNaN(v) ? -1 : lookup.TryGetValue(v, out var key) ? key : lookup[v] = lookup.Count).ToArray();
            return (keys, lookup.OrderBy(p => p.Value).Select(p => p.Key.ToString("R", CultureInfo.InvariantCulture)).ToArray());
        }

        var (textKeys, texts) = column.Keyed();
        return (textKeys, texts.Select(t => Capped(t.Span)).ToArray());
    }

    /// <summary>How many rows hold each key's value (missing rows left out).</summary>
    private static IEnumerable<CategoryCount> Counts(int[] keys, string[] values)
    {
        var counts = new int[values.Length];
        foreach (var key in keys)
        {
            if (key >= 0)
            {
                counts[key]++;
            }
        }

        return counts.Select((count, key) => new CategoryCount(values[key], count)).Where(c => c.Count > 0);
    }

    /// <summary>
    /// How well the column alone gives the label: for a number and a boolean label, the AUC (either direction); for a
    /// number and a numeric label, |correlation|; for a category, the accuracy of answering each category's majority
    /// label (only for columns with far fewer values than rows, since an id is trivially "pure").
    /// </summary>
    private static double? LeakScore(TableColumn column, TableColumn label, int[] labelKeys, int distinct, int rows)
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

        // Rows per (category, label) pair; a missing category counts as one more category, as its empty text did.
        var (categories, _) = column.Keyed();
        var pairs = new Dictionary<(int Category, int Label), int>();
        for (var i = 0; i < rows; i++)
        {
            var pair = (categories[i], labelKeys[i]);
            pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
        }

        var correct = pairs.GroupBy(p => p.Key.Category).Sum(g => g.Max(p => p.Value));
        return (double)correct / rows;
    }

    private static double? Auc(float[] scores, bool[] labels)
    {
        var present = scores.Count(s => !float.IsNaN(s));
        var (sorted, flags) = (new float[present], new bool[present]);
        for (int i = 0, k = 0; i < scores.Length; i++)
        {
            if (!float.IsNaN(scores[i]))
            {
                (sorted[k], flags[k]) = (scores[i], labels[i]);
                k++;
            }
        }

        Array.Sort(sorted, flags);
        long positives = flags.Count(f => f), negatives = flags.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        // Mann-Whitney U with mid-ranks for ties.
        double rankSum = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var (j, tiedPositives) = (i, 0);
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                tiedPositives += flags[j] ? 1 : 0;
                j++;
            }

            rankSum += (i + j + 1) / 2.0 * tiedPositives;
            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    private static double? Correlation(float[] x, float[] y)
    {
        // Two passes over the columns (means, then sums of products): no copy of them.
        var (n, sx, sy) = (0, 0.0, 0.0);
        for (var i = 0; i < x.Length; i++)
        {
            if (!float.IsNaN(x[i]))
            {
                (n, sx, sy) = (n + 1, sx + x[i], sy + y[i]);
            }
        }

        if (n < 3)
        {
            return null;
        }

        var (mx, my) = (sx / n, sy / n);
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!float.IsNaN(x[i]))
            {
                var (dx, dy) = (x[i] - mx, y[i] - my);
                (sxy, sxx, syy) = (sxy + (dx * dy), sxx + (dx * dx), syy + (dy * dy));
            }
        }

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

    private static string Capped(ReadOnlySpan<char> value) =>
        value.Length <= ValueLengthLimit ? value.ToString() : string.Concat(value[..ValueLengthLimit], "…");
}
