using System.Globalization;
using Declarative.Data;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML;

namespace Declarative.Evaluation;

/// <summary>
/// Builds the report of a trained model from the data training loaded (<see cref="TrainingData"/>): it scores the
/// test part, gives each test metric a spread (cross-validation of a tuned model's trainer and hyperparameters on the
/// training part, or bootstrap resamples of the scored test rows), and shuffles one property at a time to see what the
/// model leans on. Folds and shuffles run concurrently, each in its own seeded context, so the report is the same on
/// one core or many.
/// </summary>
internal static class Evaluator
{
    private const int ImportanceRepeats = 3;

    /// <summary>Permutation importance scores at most this many test rows: enough to rank properties, and it bounds the cost.</summary>
    internal const int ImportanceRowLimit = 2_000;

    /// <summary>Bootstrap resamples of the scored test part behind each metric's interval.</summary>
    internal const int BootstrapResamples = 50;

    /// <summary>
    /// Up to this many test rows the metrics get bootstrap intervals: as many as a tuned model's report has below
    /// <see cref="PipelineTuner.CrossValidationRowLimit"/> training rows, where it cross-validates; above it the test
    /// part is the steady estimate, and 50 more evaluations of it would cost more than the report's other parts.
    /// </summary>
    internal const int BootstrapRowLimit = 5_000;

    /// <summary>
    /// An untuned LightGbm binary classifier or regression on fewer training rows than two leaves hold: it cannot split,
    /// so the model is one constant (AUC 0.5 on every draw of 30 breast-cancer rows; tests/bench/small-files.sh). A
    /// leaf's rows are the catalog's default for <c>MinimumExampleCountPerLeaf</c>, which is LightGBM's own (20).
    /// </summary>
    internal static DataWarning? TreesCannotSplit<TRow>(PipelineSpec<TRow> spec, Trainer trainer, IReadOnlyDictionary<string, string>? hyperparameters, int trainRows)
    {
        var definition = Schema.TaskDefinitions.For(spec.Task);
        if (trainer != Trainer.LightGbm || !definition.WarnsOfUnsplitTrees || hyperparameters?.ContainsKey(LeafRows) == true)
        {
            return null;
        }

        var leaf = (int)Tuning.SearchSpace.For(Trainer.LightGbm).Parameters.Single(p => p.Name == LeafRows).Default;
        return trainRows < 2 * leaf
            ? new DataWarning(DataWarningCodes.TreesCannotSplit, "",
                $"{trainRows:N0} training rows: LightGbm's leaves hold {leaf} rows, so its trees cannot split and the model is one constant. " +
                $"Name a linear trainer ([Trainers(Trainer.{definition.FewRowsTrainer})]), or give it {2 * leaf} rows or more.")
            : null;
    }

    /// <summary>The hyperparameter that sets how many rows a tree's leaf holds at least.</summary>
    private const string LeafRows = "MinimumExampleCountPerLeaf";

    public static EvaluationReport Evaluate<TRow>(
        PipelineSpec<TRow> spec, ITaskEvaluation task, ITransformer model, Trainer trainer, IReadOnlyDictionary<string, string> hyperparameters,
        IReadOnlyList<TrialResult> trials, TrainingData data, Action<string>? progress = null, TaskState? state = null,
        Func<DataTable, ExplanationSummary?>? explain = null, IReadOnlyList<EnsembleMember>? ensemble = null)
    {
        ensemble ??= [];
        var profile = DataProfiler.Profile(spec, data.Table);
        if (TreesCannotSplit(spec, trainer, hyperparameters, data.TrainRows) is { } constant)
        {
            profile = profile with { Warnings = [.. profile.Warnings, constant] };
        }

        var ml = new MLContext(spec.Seed);
        var label = PipelineTrainer.LabelColumn(spec, task);
        var headline = spec.Tuning?.MetricFor(task.HeadlineMetric) ?? task.HeadlineMetric;
        // Scored once where the bootstrap reads them 50 times more; a larger test part is scored as it is read.
        var scored = model.Transform(new TableDataView(data.TestPart));
        var predictions = data.TestPart.RowCount <= BootstrapRowLimit ? ml.Data.Cache(scored) : scored;
        var metrics = PipelineTrainer.Metrics(ml, spec, task, predictions);

        var folds = CrossValidationFolds(spec.Tuning, data.TrainRows);
        var crossValidation = data.TrainPart is null || folds == 0
            ? []
            : ensemble.Count > 0
            ? CrossValidateEnsemble(spec, task, data.TrainPart, ensemble, folds, data.TrainRows, progress)
            : CrossValidate(spec, task, data.TrainPart, trainer, hyperparameters, folds, data.TrainRows, progress);
        var testGroups = SplitGroups(spec, data.TestPart);
        var intervals = crossValidation.Count == 0
            ? testGroups is null ? Bootstrap(spec, task, predictions, data.TestPart.RowCount) : BootstrapGroups(spec, task, model, data.TestPart, testGroups)
            : [];
        // Without the metric (an anomaly detector with no label to measure it by) there is nothing to see fall.
        var importance = metrics.ContainsKey(headline) ? Importance(spec, task, model, data.TestPart, headline, progress) : [];
        var explanations = explain?.Invoke(data.TestPart);

        // An ensemble's best member alone on the same test rows: what the blend gained.
        var bestMember = ensemble.Count > 0 && metrics.TryGetValue(headline, out _)
            ? PipelineTrainer.Metrics(ml, spec, task, Ensembles.EnsembleComposer.Members(model, ensemble.Count).First().Transform(new TableDataView(data.TestPart))).GetValueOrDefault(headline, double.NaN)
            : (double?)null;
        if (explanations is not null)
        {
            progress?.Invoke($"explanations of {explanations.Rows:N0} test rows");
        }

        var basics = new ReportBasics(
            spec.Name, spec.Task, trainer, hyperparameters, data.TestPath is null ? SourceName(data.Path) : $"{SourceName(data.Path)} (test: {SourceName(data.TestPath)})", data.TrainRows, data.TestPart.RowCount, headline, metrics,
            crossValidation, importance, profile, trials)
        {
            State = state,
            TestIntervals = intervals,
            TestGroups = testGroups?.Length,
            Explanations = explanations,
            Ensemble = ensemble,
            BestMemberTestMetric = bestMember,
            Images = ImageGallery.Of(spec, data.TestPart, predictions, label),
        };
        return task.CreateReport(basics, predictions, label);
    }

    /// <summary>A data file's name, or a folder of images' name with a slash.</summary>
    private static string SourceName(string path) =>
        Directory.Exists(path) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) + "/" : Path.GetFileName(path);

    /// <summary>
    /// How many folds the report cross-validates. None for a model that was not tuned: its training was one fit, and k
    /// more would cost several times it (the test metrics get bootstrap intervals instead). For a tuned model, the rule
    /// tuning follows (its trials already fitted k folds per configuration, so k more are a small part of the build): 5
    /// below <see cref="PipelineTuner.CrossValidationRowLimit"/> training rows; none from there, where the test part (a
    /// fifth of at least 25,000 rows) already gives a steady estimate; or what <c>[Tune(Folds = k)]</c> declares (1, a
    /// holdout, means none).
    /// </summary>
    internal static int CrossValidationFolds(TuningSpec? tuning, int trainRows) =>
        tuning is not null && PipelineTuner.FoldCount(tuning, trainRows) is var folds and > 1 ? folds : 0;

    /// <summary>
    /// Each test metric's spread over <see cref="BootstrapResamples"/> seeded resamples (with replacement) of the scored
    /// test rows: no model is fitted, so it costs a fraction of the training. Empty above
    /// <see cref="BootstrapRowLimit"/> test rows or below 10, and for a metric no resample could measure.
    /// </summary>
    private static IReadOnlyList<MetricInterval> Bootstrap<TRow>(PipelineSpec<TRow> spec, ITaskEvaluation task, IDataView predictions, int rows) =>
        rows is < 10 or > BootstrapRowLimit ? [] : Resampled(spec, task, (ml, seed) => ml.Data.BootstrapSample(predictions, seed: seed));

    /// <summary>
    /// The metrics' spread over <see cref="BootstrapResamples"/> seeded resamples, each the scored rows
    /// <paramref name="resample"/> gives for its seed.
    /// </summary>
    private static IReadOnlyList<MetricInterval> Resampled<TRow>(PipelineSpec<TRow> spec, ITaskEvaluation task, Func<MLContext, int, IDataView> resample)
    {
        var samples = new IReadOnlyDictionary<string, double>?[BootstrapResamples];
        Parallel.For(0, samples.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var ml = new MLContext(spec.Seed);
            try
            {
                samples[i] = PipelineTrainer.Metrics(ml, spec, task, resample(ml, unchecked((spec.Seed * 7919) + i)));
            }
            catch (InvalidOperationException)
            {
                // A resample ML.NET cannot measure (one class only, say): it adds nothing to the spread.
            }
        });

        return Spread(samples);
    }

    /// <summary>Each metric's standard deviation and 90 % interval over the resamples that measured it.</summary>
    private static IReadOnlyList<MetricInterval> Spread(IReadOnlyDictionary<string, double>?[] samples)
    {
        var measured = samples.OfType<IReadOnlyDictionary<string, double>>().Where(m => m.Count > 0).ToArray();
        return measured.Length == 0 ? [] : measured[0].Keys.Select(metric =>
        {
            var values = measured.Select(m => m.TryGetValue(metric, out var v) ? v : double.NaN).Where(double.IsFinite).Order().ToArray();
            if (values.Length < 2)
            {
                return null;
            }

            var mean = values.Average();
            return new MetricInterval(metric, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length), Percentile(values, 0.05), Percentile(values, 0.95));
        }).OfType<MetricInterval>().ToArray();
    }

    /// <summary>The test part's rows by the group the split kept them in (the row's [GroupId]: a query, a patient), or null when its rows stand alone.</summary>
    private static int[][]? SplitGroups<TRow>(PipelineSpec<TRow> spec, DataTable test)
    {
        if (spec.GroupId is not { } group || test.Columns.FirstOrDefault(c => c.Name == group.PropertyName) is not { } column)
        {
            return null;
        }

        return [.. Enumerable.Range(0, test.RowCount).GroupBy(row => PipelineTrainer.GroupKey(column, row), StringComparer.Ordinal).Select(g => g.ToArray())];
    }

    /// <summary>
    /// As <see cref="Bootstrap"/>, but each resample draws whole groups with replacement (a cluster bootstrap): a group's
    /// rows are alike, so resampling them one by one would count one entity as many and narrow the interval, and a
    /// ranking metric is a mean over queries, which a row resample would fill with duplicated documents. A ranker's
    /// drawn queries are numbered afresh, so a query drawn twice counts twice rather than as one of twice the rows. Each
    /// resample's rows are scored afresh; the test part is at most <see cref="BootstrapRowLimit"/> rows.
    /// </summary>
    private static IReadOnlyList<MetricInterval> BootstrapGroups<TRow>(PipelineSpec<TRow> spec, ITaskEvaluation task, ITransformer model, DataTable test, int[][] groups) =>
        test.RowCount is < 10 or > BootstrapRowLimit || groups.Length < 2 ? [] : Resampled(spec, task, (_, seed) =>
        {
            var drawn = GroupResample(groups, seed);
            var rows = test.Rows([.. drawn.SelectMany(g => g)]);
            return model.Transform(new TableDataView(spec.RanksWithinGroups ? Renumbered(rows, spec.GroupId!.PropertyName, drawn) : rows));
        });

    /// <summary>As many groups as there are, drawn with replacement (seeded): each draw's rows, in order.</summary>
    internal static int[][] GroupResample(int[][] groups, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, groups.Length).Select(_ => groups[random.Next(groups.Length)])];
    }

    /// <summary>The resampled rows with their group column holding the draw's number, one group per draw.</summary>
    private static DataTable Renumbered(DataTable rows, string groupColumn, int[][] drawn)
    {
        var codes = drawn.SelectMany((g, draw) => Enumerable.Repeat(draw, g.Length)).ToArray();
        var names = Enumerable.Range(0, drawn.Length).Select(d => d.ToString(CultureInfo.InvariantCulture).AsMemory()).ToArray();
        return new DataTable([.. rows.Columns.Select(c => c.Name == groupColumn ? new TableColumn(groupColumn, codes, names) : c)], rows.RowCount);
    }

    /// <summary>The <paramref name="p"/> quantile of sorted values, interpolated between neighbours.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var at = p * (sorted.Length - 1);
        var below = (int)Math.Floor(at);
        return below + 1 >= sorted.Length ? sorted[^1] : sorted[below] + ((at - below) * (sorted[below + 1] - sorted[below]));
    }

    /// <summary>
    /// k folds of the training part, each fitted with the model's trainer and settings. The
    /// features are fitted once on the whole training part and reused by every fold, as tuning does: text and
    /// one-hot vocabularies are built once, not k times.
    /// </summary>
    private static IReadOnlyList<MetricSpread> CrossValidate<TRow>(
        PipelineSpec<TRow> spec, ITaskEvaluation task, IDataView trainPart, Trainer trainer, IReadOnlyDictionary<string, string> hyperparameters, int foldCount, int rows,
        Action<string>? progress)
    {
        var ml = new MLContext(spec.Seed);
        var featurized = ml.Data.Cache(PipelineTrainer.Featurizer(ml, spec, task, trainer).Fit(trainPart).Transform(trainPart));
        return CrossValidate(spec, task, featurized, foldCount, rows, progress,
            (context, train) => task.CreateTrainer(context, trainer, PipelineTrainer.Inputs(spec, task), hyperparameters).Fit(train));
    }

    /// <summary>
    /// The ensemble's spread: on each fold of the training part, every member (featurizer and trainer) fitted on the
    /// rest and blended with its weight, as the model itself was made.
    /// </summary>
    private static IReadOnlyList<MetricSpread> CrossValidateEnsemble<TRow>(
        PipelineSpec<TRow> spec, ITaskEvaluation task, IDataView trainPart, IReadOnlyList<EnsembleMember> ensemble, int foldCount, int rows, Action<string>? progress) =>
        CrossValidate(spec, task, trainPart, foldCount, rows, progress, (context, train) => Ensembles.EnsembleComposer.Fit(context, spec, task, ensemble, train));

    /// <summary>The metrics of <paramref name="fit"/> on each of k folds of <paramref name="data"/>, folds side by side, each in its own seeded context.</summary>
    private static MetricSpread[] CrossValidate<TRow>(
        PipelineSpec<TRow> spec, ITaskEvaluation task, IDataView data, int foldCount, int rows, Action<string>? progress, Func<MLContext, IDataView, ITransformer> fit)
    {
        var ml = new MLContext(spec.Seed);
        var folds = spec.OrderBy is not null
            ? ForwardFolds.Split(ml, data, rows, foldCount).Select(f => (TrainSet: f.Train, TestSet: f.Validate)).ToList()
            : ml.Data.CrossValidationSplit(data, foldCount, PipelineTrainer.SamplingKey(spec), spec.Seed).Select(f => (f.TrainSet, f.TestSet)).ToList();
        var results = new IReadOnlyDictionary<string, double>[folds.Count];
        var done = 0;
        Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var foldContext = new MLContext(spec.Seed);
            results[i] = PipelineTrainer.Metrics(foldContext, spec, task, fit(foldContext, folds[i].TrainSet).Transform(folds[i].TestSet));
            progress?.Invoke($"cross-validation fold {Interlocked.Increment(ref done)}/{folds.Count}");
        });

        // A fold of one class only (a rare positive class) measures nothing and is left out.
        var measured = results.Where(r => r.Count > 0).ToArray();
        return measured.Length == 0 ? [] : [.. measured[0].Keys.Select(metric =>
        {
            var values = measured.Select(r => r[metric]).ToArray();
            var mean = values.Average();
            return new MetricSpread(metric, mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length), values);
        })];
    }

    /// <summary>
    /// Permutation importance per property: shuffle its values across the test rows (a seeded sample of at most
    /// <see cref="ImportanceRowLimit"/>), keep everything else, and see how far the metric falls.
    /// </summary>
    private static IReadOnlyList<FeatureImportance> Importance<TRow>(
        PipelineSpec<TRow> spec, ITaskEvaluation task, ITransformer model, DataTable test, string metric, Action<string>? progress)
    {
        test = Sample(test, ImportanceRowLimit, spec.Seed);
        var baseline = PipelineTrainer.Metrics(new MLContext(spec.Seed), spec, task, model.Transform(new TableDataView(test)))[metric];
        var lowerIsBetter = task.LowerIsBetter(metric);
        // One importance per property: a date's parts and a run's elements are shuffled together, as one feature.
        var features = spec.Features.GroupBy(f => f.SourceProperty, StringComparer.Ordinal)
            .Select(g => (Property: g.Key, Columns: g.Select(c => c.PropertyName).ToHashSet(StringComparer.Ordinal))).ToArray();
        var result = new FeatureImportance[features.Length];
        Parallel.For(0, features.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            // One seeded generator per property, so the shuffles do not depend on which thread ran first. (Not
            // HashCode.Combine: it is randomized per process, and the report must be the same in every build.)
            var random = new Random(unchecked((spec.Seed * 7919) + f));
            var ml = new MLContext(spec.Seed);
            var drops = new double[ImportanceRepeats];
            for (var r = 0; r < ImportanceRepeats; r++)
            {
                var shuffled = Shuffle(test, features[f].Columns, random);
                var value = PipelineTrainer.Metrics(ml, spec, task, model.Transform(new TableDataView(shuffled)))[metric];
                drops[r] = lowerIsBetter ? value - baseline : baseline - value;
            }

            var mean = drops.Average();
            result[f] = new FeatureImportance(features[f].Property, mean, Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / drops.Length));
            progress?.Invoke($"importance of {features[f].Property}");
        });

        return result.OrderByDescending(f => f.Drop).ThenBy(f => f.Feature, StringComparer.Ordinal).ToArray();
    }

    /// <summary>At most <paramref name="limit"/> rows of a table, drawn without replacement by a seeded generator.</summary>
    private static DataTable Sample(DataTable table, int limit, int seed)
    {
        if (table.RowCount <= limit)
        {
            return table;
        }

        var order = Enumerable.Range(0, table.RowCount).ToArray();
        new Random(seed).Shuffle(order);
        return table.Rows(order[..limit]);
    }

    private static DataTable Shuffle(DataTable table, HashSet<string> columns, Random random)
    {
        var order = Enumerable.Range(0, table.RowCount).ToArray();
        random.Shuffle(order);
        return table.Rows(order, columns.Contains);
    }
}
