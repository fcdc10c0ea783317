using Declarative.Data;
using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Tasks;
using Declarative.Training;

namespace Declarative.Synthesis;

/// <summary>
/// Measures sampled rows against real rows the synthesizer never saw (the held-out part), and the two baselines
/// beside it. Every method samples as many rows as were held out (at least 1,000), from fixed seeds, so the report is
/// the same in every build.
/// </summary>
internal static class SynthesisEvaluator
{
    /// <summary>Rows whose closest training row is looked for (the search is rows x training rows x columns).</summary>
    internal const int PrivacyRows = 500;

    public static (IReadOnlyList<SynthesisScore> Methods, IReadOnlyList<ColumnFidelity> Columns, string? UtilityMetric, double? RealUtility, double HoldoutCopyShare) Evaluate<TRow>(
        PipelineSpec<TRow> spec, IRowSampler synthesizer, DataTable train, DataTable test)
    {
        var trainColumns = SynthColumn.Of(spec, train);
        var marginals = synthesizer.Marginals;
        var real = Encode(spec, test, marginals);
        var training = Encode(spec, train, marginals);
        var count = Math.Max(test.RowCount, 1_000);
        var methods = new (string Name, IRowSampler Sampler)[]
        {
            (spec.OptionsOr<SynthesisOptions>().Kind.ToString(), synthesizer),
            ("IndependentMarginals", GaussianCopula.Fit(trainColumns, independent: true)),
            ("Resampling", new Resampler(marginals, trainColumns)),
        };
        var samples = methods.Select((m, i) => Codes(m.Sampler.Sample(count, new Random(unchecked((spec.Seed * 31) + i))))).ToArray();

        var utility = UtilityTask(spec);
        double? realUtility = utility is null ? null : Utility(spec, utility.Value, train, test);
        var standard = Standardization(training, marginals);
        var holdoutDistance = Median(ClosestDistances(First(real, PrivacyRows), training, marginals, standard));
        var trainingRows = new HashSet<string>(Enumerable.Range(0, training[0].Length).Select(i => RowKey(training, i)), StringComparer.Ordinal);

        var scores = methods.Select((m, i) =>
        {
            var sample = samples[i];
            var distances = ClosestDistances(First(sample, PrivacyRows), training, marginals, standard);
            var copies = Enumerable.Range(0, sample[0].Length).Count(r => trainingRows.Contains(RowKey(sample, r)));
            return new SynthesisScore(
                m.Name,
                Enumerable.Range(0, marginals.Count).Average(j => ColumnDistance(marginals[j], sample[j], real[j])),
                CorrelationDifference(sample, real, marginals),
                utility is null ? null : Utility(spec, utility.Value, ToTable(spec, sample, marginals), test),
                holdoutDistance <= 0 ? double.NaN : Median(distances) / holdoutDistance,
                (double)copies / sample[0].Length);
        }).ToArray();

        var columns = marginals.Select((marginal, j) => new ColumnFidelity(
            marginal.Name, marginal.Categorical ? "TVD" : "KS",
            ColumnDistance(marginal, samples[0][j], real[j]), ColumnDistance(marginal, samples[1][j], real[j]), ColumnDistance(marginal, samples[2][j], real[j]))).ToArray();
        // Real rows can equal training rows too (a few small whole numbers repeat): the share of held-out rows that do is
        // what a sample's exact copies compare with.
        var holdoutCopies = (double)Enumerable.Range(0, real[0].Length).Count(r => trainingRows.Contains(RowKey(real, r))) / Math.Max(real[0].Length, 1);
        return (scores, columns, utility is null ? null : TaskProfiles.For(utility.Value).HeadlineMetric, realUtility, holdoutCopies);
    }

    /// <summary>The task the label would be predicted by: a bool is binary, a class multiclass, a number regression.</summary>
    private static MLTask? UtilityTask<TRow>(PipelineSpec<TRow> spec) =>
        spec.Label is { } label ? TaskProfiles.PredictorOf(label.Kind)?.Task : null;

    /// <summary>The label's task's headline metric on the real held-out rows, for LightGbm trained on <paramref name="train"/>; null when it cannot train (one class).</summary>
    private static double? Utility<TRow>(PipelineSpec<TRow> spec, MLTask task, DataTable train, DataTable test)
    {
        // A whole date is a synthesizer's column, not a predictor's feature (predictors read a date's parts): left out.
        var features = spec.Features.Where(f => f.Kind != ColumnKind.DateValue).ToArray();
        if (features.Length == 0)
        {
            return null;
        }

        var predictive = new PipelineSpec<TRow>
        {
            Name = spec.Name,
            Task = task,
            DeclaringType = spec.DeclaringType,
            Label = spec.Label,
            Features = features,
            Seed = spec.Seed,
            Trainers = [Trainer.LightGbm],
        };
        var profile = TaskProfiles.Predictive(task);
        try
        {
            var (context, model) = PipelineTrainer.Fit(predictive, profile, new TableDataView(train), Trainer.LightGbm, null);
            var value = PipelineTrainer.Metrics(context, predictive, profile, model.Transform(new TableDataView(test))).GetValueOrDefault(profile.HeadlineMetric, double.NaN);
            return double.IsFinite(value) ? value : null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A table's columns as the model's codes: numbers as they are, categories by the training categories (unseen or missing: NaN).</summary>
    internal static double[][] Encode<TRow>(PipelineSpec<TRow> spec, DataTable table, IReadOnlyList<ColumnMarginal> marginals)
    {
        var columns = SynthColumn.Of(spec, table);
        return columns.Select((c, j) =>
        {
            if (!c.IsCategorical)
            {
                return c.Values!;
            }

            var index = marginals[j].Categories.Select((name, k) => (name, k)).ToDictionary(p => p.name, p => (double)p.k, StringComparer.Ordinal);
            return c.Codes!.Select(code => code < 0 ? double.NaN : index.GetValueOrDefault(c.Categories![code], double.NaN)).ToArray();
        }).ToArray();
    }

    /// <summary>A sample's columns with missing categories as NaN, like <see cref="Encode"/>.</summary>
    private static double[][] Codes(SampledTable sample) =>
        sample.Columns.Select((column, j) => sample.Marginals[j].Categorical ? column.Select(v => v < 0 ? double.NaN : v).ToArray() : column).ToArray();

    /// <summary>Sampled columns as a table the loaders would have read, for training a model on them.</summary>
    internal static DataTable ToTable<TRow>(PipelineSpec<TRow> spec, double[][] sample, IReadOnlyList<ColumnMarginal> marginals)
    {
        var columns = spec.Columns.Select((c, j) =>
        {
            var values = sample[j];
            var marginal = marginals[j];
            return c.Kind switch
            {
                ColumnKind.BooleanLabel => new TableColumn(c.PropertyName, values.Select(v => v == 1).ToArray()),
                ColumnKind.Boolean => new TableColumn(c.PropertyName, values.Select(v => double.IsNaN(v) ? float.NaN : (float)v).ToArray()),
                _ when marginal.Categorical => new TableColumn(c.PropertyName, values.Select(v => double.IsNaN(v) ? -1 : (int)v).ToArray(), marginal.Categories.Select(n => n.AsMemory()).ToArray()),
                _ => new TableColumn(c.PropertyName, values.Select(v => (float)v).ToArray()),
            };
        }).ToArray();
        return new DataTable(columns, sample[0].Length);
    }

    /// <summary>Kolmogorov-Smirnov statistic of two samples of numbers (missing left out), or total-variation distance of categories (missing a category of its own).</summary>
    internal static double ColumnDistance(ColumnMarginal marginal, double[] a, double[] b)
    {
        if (marginal.Categorical)
        {
            var pa = Frequencies(a);
            var pb = Frequencies(b);
            return 0.5 * pa.Keys.Union(pb.Keys).Sum(k => Math.Abs(pa.GetValueOrDefault(k) - pb.GetValueOrDefault(k)));
        }

        var x = a.Where(v => !double.IsNaN(v)).Order().ToArray();
        var y = b.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (x.Length == 0 || y.Length == 0)
        {
            return x.Length == y.Length ? 0 : 1;
        }

        int i = 0, k2 = 0;
        double d = 0;
        while (i < x.Length && k2 < y.Length)
        {
            var v = Math.Min(x[i], y[k2]);
            while (i < x.Length && x[i] <= v)
            {
                i++;
            }

            while (k2 < y.Length && y[k2] <= v)
            {
                k2++;
            }

            d = Math.Max(d, Math.Abs(((double)i / x.Length) - ((double)k2 / y.Length)));
        }

        return d;
    }

    private static Dictionary<double, double> Frequencies(double[] values)
    {
        // NaN (missing) as a key of its own: double.NaN.Equals(double.NaN) is true, so a dictionary holds it.
        var counts = values.GroupBy(v => v).ToDictionary(g => g.Key, g => (double)g.Count());
        return counts.ToDictionary(p => p.Key, p => p.Value / values.Length);
    }

    /// <summary>
    /// The mean absolute difference of the pairwise correlations between columns, sample against real (Pearson; a
    /// category by its rank in the training frequencies; missing values left out pair by pair).
    /// </summary>
    internal static double CorrelationDifference(double[][] sample, double[][] real, IReadOnlyList<ColumnMarginal> marginals)
    {
        var a = sample.Select((c, j) => Ranked(c, marginals[j])).ToArray();
        var b = real.Select((c, j) => Ranked(c, marginals[j])).ToArray();
        var differences = new List<double>();
        for (var j = 0; j < a.Length; j++)
        {
            for (var k = 0; k < j; k++)
            {
                differences.Add(Math.Abs(Correlation(a[j], a[k]) - Correlation(b[j], b[k])));
            }
        }

        return differences.Count == 0 ? 0 : differences.Average();
    }

    private static double[] Ranked(double[] column, ColumnMarginal marginal)
    {
        if (!marginal.Categorical)
        {
            return column;
        }

        var counts = marginal.Cumulative.Select((c, k) => c - (k == 0 ? 0 : marginal.Cumulative[k - 1])).ToArray();
        var rank = Enumerable.Range(0, counts.Length).OrderByDescending(k => counts[k]).ThenBy(k => k).Select((k, r) => (k, r)).ToDictionary(p => p.k, p => (double)p.r);
        return column.Select(v => double.IsNaN(v) ? double.NaN : rank.GetValueOrDefault((int)v, double.NaN)).ToArray();
    }

    private static double Correlation(double[] x, double[] y)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        var n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
            {
                continue;
            }

            n++;
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }

        if (n < 2)
        {
            return 0;
        }

        var cov = sxy - (sx * sy / n);
        var vx = sxx - (sx * sx / n);
        var vy = syy - (sy * sy / n);
        return vx <= 1e-12 || vy <= 1e-12 ? 0 : cov / Math.Sqrt(vx * vy);
    }

    /// <summary>Each number column's training mean and standard deviation, so distances weigh columns alike.</summary>
    private static (double Mean, double Sd)[] Standardization(double[][] training, IReadOnlyList<ColumnMarginal> marginals) =>
        training.Select((c, j) =>
        {
            if (marginals[j].Categorical)
            {
                return (0.0, 1.0);
            }

            var present = c.Where(v => !double.IsNaN(v)).ToArray();
            var mean = present.DefaultIfEmpty(0).Average();
            var sd = present.Length < 2 ? 1 : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Length - 1));
            return (mean, sd > 0 ? sd : 1);
        }).ToArray();

    /// <summary>
    /// Each row's distance to its closest training row: standardized numbers, a category mismatch 1, missing against
    /// present 1; Euclidean over the columns.
    /// </summary>
    internal static double[] ClosestDistances(double[][] rows, double[][] training, IReadOnlyList<ColumnMarginal> marginals, (double Mean, double Sd)[] standard)
    {
        var d = marginals.Count;
        var n = training[0].Length;
        var categorical = marginals.Select(m => m.Categorical).ToArray();
        var result = new double[rows[0].Length];
        Parallel.For(0, result.Length, q =>
        {
            var best = double.PositiveInfinity;
            for (var t = 0; t < n && best > 0; t++)
            {
                double sum = 0;
                for (var j = 0; j < d && sum < best; j++)
                {
                    var a = rows[j][q];
                    var b = training[j][t];
                    var aMissing = double.IsNaN(a);
                    var bMissing = double.IsNaN(b);
                    var part = aMissing || bMissing ? (aMissing == bMissing ? 0 : 1)
                        : categorical[j] ? (a == b ? 0 : 1)
                        : (a - b) / standard[j].Sd;
                    sum += part * part;
                }

                best = Math.Min(best, sum);
            }

            result[q] = Math.Sqrt(best);
        });

        return result;
    }

    private static double[][] First(double[][] columns, int count) =>
        columns.Select(c => c.Length <= count ? c : c[..count]).ToArray();

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string RowKey(double[][] columns, int row) =>
        string.Join('|', columns.Select(c => c[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
