using System.Globalization;
using Declarative.Data;
using Declarative.Schema;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Declarative.Training;

/// <summary>Loads and splits a pipeline's data, and fits one trainer on it: the part every task shares.</summary>
internal static class PipelineTrainer
{
    /// <summary>Reads the data file and holds out the test part (ML.NET's seeded split, so every run holds out the same rows).</summary>
    /// <summary>
    /// Reads the declared source: the database when the declaration names one and no path is given, otherwise the
    /// file at <paramref name="dataPath"/> (or the declared one).
    /// </summary>
    public static TrainingData LoadDeclared<TRow>(PipelineSpec<TRow> spec, string? dataPath) =>
        dataPath is null && spec.Provider != DataProvider.File
            ? Split(spec, QueryLoader.Describe(spec), QueryLoader.Load(spec))
            : Load(spec, DataPaths.Resolve(spec, dataPath));

    /// <summary>
    /// Reads the data file, and the declared test file when there is one (<c>TestData</c>); without one, holds out a
    /// seeded <c>TestFraction</c> of the rows.
    /// </summary>
    public static TrainingData Load<TRow>(PipelineSpec<TRow> spec, string path)
    {
        var table = DataFiles.Load(spec, path);
        if (spec.TestDataPath is { } declared)
        {
            var testPath = DataPaths.Resolve(spec, declared);
            return Separate(spec, path, table, testPath, DataFiles.Load(spec, testPath));
        }

        return Split(spec, path, table);
    }

    /// <summary>Rows in memory: split as a file's rows are (the same rows in the same order give the same model), or with their own test rows.</summary>
    public static TrainingData FromRows<TRow>(PipelineSpec<TRow> spec, IEnumerable<TRow> rows, IEnumerable<TRow>? test)
    {
        var table = RowTable.From(spec, rows, RowsName);
        return test is null ? Split(spec, RowsName, table) : Separate(spec, RowsName, table, TestRowsName, RowTable.From(spec, test, TestRowsName));
    }

    /// <summary>Rows in memory scored as a test set.</summary>
    public static TrainingData TestRows<TRow>(PipelineSpec<TRow> spec, IEnumerable<TRow> rows)
    {
        var table = GroupsAdjacent(spec, RowTable.From(spec, rows, TestRowsName));
        return new TrainingData(TestRowsName, table, null, table);
    }

    private const string RowsName = "(rows in memory)";
    private const string TestRowsName = "(test rows in memory)";

    private static TrainingData Split<TRow>(PipelineSpec<TRow> spec, string source, DataTable table)
    {
        table = GroupsAdjacent(spec, table);
        if (spec.OrderBy is not null)
        {
            // By time: the last TestFraction of the rows in order is the test part; the training part stays in order
            // so that tuning can validate forward.
            var order = TimeOrder.Of(spec, table);
            var trainCount = table.RowCount - (int)Math.Round(table.RowCount * spec.TestFraction);
            return new TrainingData(source, table, new TableDataView(table.Rows(order[..trainCount])), table.Rows(order[trainCount..]));
        }

        // ML.NET's seeded split picks the rows; the parts are then the table's own rows: the training part a view of
        // them (no copy, and a known row count), the test part a copy that evaluation can shuffle.
        var ml = new MLContext(spec.Seed);
        var split = ml.Data.TrainTestSplit(new TableDataView(table), spec.TestFraction, SamplingKey(spec), spec.Seed);
        var test = RowIndexes(split.TestSet);
        var isTest = new bool[table.RowCount];
        foreach (var row in test)
        {
            isTest[row] = true;
        }

        var train = Enumerable.Range(0, table.RowCount).Where(row => !isTest[row]).ToArray();
        return new TrainingData(source, table, new TableDataView(table, train), table.Rows(test));
    }

    /// <summary>A separate test source: training (and tuning) sees all of the training source, the test part is all of the other.</summary>
    private static TrainingData Separate<TRow>(PipelineSpec<TRow> spec, string source, DataTable table, string testSource, DataTable test)
    {
        table = GroupsAdjacent(spec, table);
        return new(source, table, new TableDataView(table), GroupsAdjacent(spec, test), testSource);
    }

    /// <summary>
    /// Ranking reads a group as a run of adjacent rows with its id (LightGBM's queries, ML.NET's evaluator), so rows of
    /// one group spread through a file would silently count as several groups. The rows are put in the order of each
    /// group's first row, keeping their order within it; a table whose groups are already adjacent is returned as it is.
    /// </summary>
    internal static DataTable GroupsAdjacent<TRow>(PipelineSpec<TRow> spec, DataTable table)
    {
        if (!spec.RanksWithinGroups || table.Columns.FirstOrDefault(c => c.Name == spec.GroupId!.PropertyName) is not { } column)
        {
            return table;
        }

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new int[table.RowCount];
        var adjacent = true;
        for (var row = 0; row < table.RowCount; row++)
        {
            var key = GroupKey(column, row);
            var seen = first.TryGetValue(key, out var rank);
            if (!seen)
            {
                first[key] = rank = first.Count;
            }

            // A group seen before must continue the row above; otherwise it was interrupted.
            adjacent &= !seen || rank == keys[row - 1];
            keys[row] = rank;
        }

        if (adjacent)
        {
            return table;
        }

        var order = Enumerable.Range(0, table.RowCount).OrderBy(row => keys[row]).ToArray(); // a stable sort
        return table.Rows(order);
    }

    /// <summary>
    /// A classifier cannot learn from one class, and ML.NET would fail later with an internal message about AUC; say
    /// so at the data file, naming the label (the report's DCL2003 names the same condition).
    /// </summary>
    public static void RequireTwoClasses<TRow>(PipelineSpec<TRow> spec, TrainingData data)
    {
        if (spec.Label is not null)
        {
            RequireTwoClasses(spec, spec.Label, data.Table, data.Path);
        }
    }

    private static void RequireTwoClasses<TRow>(PipelineSpec<TRow> spec, ColumnSpec<TRow> labelSpec, DataTable table, string path)
    {
        var label = table.Columns.First(c => c.Name == labelSpec.PropertyName);
        if (labelSpec.PositiveClass is { } positive && label.Booleans is { } flags && !flags.Contains(true))
        {
            throw new DataFileException(path, null, null,
                $"The positive class '{positive}' of the label '{labelSpec.ColumnName}' (property {typeof(TRow).Name}.{labelSpec.PropertyName}) is in no row; the rows hold '{label.NegativeClass}'. Check [Label(Positive = ...)] against the data.");
        }

        var only = label switch
        {
            { Booleans: { } b } when b.All(v => v == b[0]) => b[0] ? "true" : "false",
            { IsText: true } t when t.Texts.All(v => v.Span.SequenceEqual(t.Text(0).Span)) => t.Text(0).ToString(),
            _ => null,
        };
        if (only is not null)
        {
            throw new DataFileException(path, null, null,
                $"The label '{labelSpec.ColumnName}' (property {typeof(TRow).Name}.{labelSpec.PropertyName}) has one class only ('{only}') in all {table.RowCount:N0} rows: a classifier needs at least two (DCL2003).");
        }
    }

    /// <summary>A group id as text (a number in round-trip form), so a group is the same whatever column type holds it.</summary>
    internal static string GroupKey(TableColumn column, int row) =>
        column.Singles is { } numbers ? numbers[row].ToString("R", CultureInfo.InvariantCulture) : column.Text(row).ToString();

    /// <summary>
    /// A numeric label that does not vary leaves nothing to fit: LightGbm's trees have no split, which ML.NET fails to
    /// convert with an internal message, and R² is undefined, so tuning cannot rank its trials. A ranker learns only from
    /// rows of one group whose labels differ, so its groups need one such pair. Say so at the data.
    /// </summary>
    public static void RequireVaryingLabel<TRow>(PipelineSpec<TRow> spec, TrainingData data, MLTask task)
    {
        if (spec.Label is not { } labelSpec
            || data.Table.Columns.FirstOrDefault(c => c.Name == labelSpec.PropertyName)?.Singles is not { Length: > 0 } values)
        {
            return;
        }

        var label = $"'{labelSpec.ColumnName}' (property {typeof(TRow).Name}.{labelSpec.PropertyName})";
        if (spec is { RanksWithinGroups: true, GroupId: { } groupSpec } && data.Table.Columns.FirstOrDefault(c => c.Name == groupSpec.PropertyName) is { } groups)
        {
            var firstLabel = new Dictionary<string, float>(StringComparer.Ordinal);
            for (var row = 0; row < values.Length; row++)
            {
                var key = GroupKey(groups, row);
                if (!firstLabel.TryAdd(key, values[row]) && firstLabel[key] != values[row])
                {
                    return;
                }
            }

            throw new DataFileException(data.Path, null, null, string.Create(CultureInfo.InvariantCulture,
                $"No group of '{groupSpec.ColumnName}' (property {typeof(TRow).Name}.{groupSpec.PropertyName}) holds two rows with different labels {label} in all {values.Length:N0} rows ({firstLabel.Count:N0} groups): a ranker learns only from rows of one group that differ."));
        }

        if (!Array.Exists(values, v => v != values[0]))
        {
            throw new DataFileException(data.Path, null, null, string.Create(CultureInfo.InvariantCulture,
                $"The label {label} is {values[0]} in all {values.Length:N0} rows: {TaskDefinitions.For(task).Title} needs a label that varies."));
        }
    }

    /// <summary>
    /// A text feature empty in every row gives the featurizer no n-gram to count, and ML.NET then fails inside it with
    /// a schema mismatch about a vector's size; say which column at the data.
    /// </summary>
    public static void RequireSomeText<TRow>(PipelineSpec<TRow> spec, TrainingData data)
    {
        foreach (var feature in spec.Features.Where(f => f.Kind == ColumnKind.Text))
        {
            if (data.Table.Columns.FirstOrDefault(c => c.Name == feature.PropertyName) is { IsText: true } column
                && column.Length > 0 && !Enumerable.Range(0, column.Length).Any(row => !column.Text(row).Span.IsWhiteSpace()))
            {
                throw new DataFileException(data.Path, null, null, string.Create(CultureInfo.InvariantCulture,
                    $"The text column '{feature.ColumnName}' (property {typeof(TRow).Name}.{feature.PropertyName}) is empty in all {column.Length:N0} rows: there is no text to learn from. Fill it, or leave the property out."));
            }
        }
    }

    /// <summary>Reads a whole file as a test set: no split, nothing to train on.</summary>
    public static TrainingData LoadTestSet<TRow>(PipelineSpec<TRow> spec, string path)
    {
        var table = GroupsAdjacent(spec, DataFiles.Load(spec, path));
        return new TrainingData(path, table, null, table);
    }

    /// <summary>
    /// Fits the featurizer and <paramref name="trainer"/> on a training part, in a fresh seeded context, so the model
    /// is the same whatever ran before it.
    /// </summary>
    public static (MLContext Context, ITransformer Model) Fit<TRow>(
        PipelineSpec<TRow> spec, ITaskTraining task, IDataView trainPart, Trainer trainer, IReadOnlyDictionary<string, string>? hyperparameters)
    {
        var ml = new MLContext(spec.Seed);
        var model = Estimator(ml, spec, task, trainer, hyperparameters).Fit(trainPart);
        return (ml, model);
    }

    /// <summary>Featurizer, cache and trainer: the estimator a model is fitted with.</summary>
    public static IEstimator<ITransformer> Estimator<TRow>(
        MLContext ml, PipelineSpec<TRow> spec, ITaskTraining task, Trainer trainer, IReadOnlyDictionary<string, string>? hyperparameters) =>
        (NeedsCache(spec, trainer) ? Featurizer(ml, spec, task, trainer).AppendCacheCheckpoint(ml) : Featurizer(ml, spec, task, trainer))
            .Append(task.CreateTrainer(ml, trainer, Inputs(spec, task), ForExport(spec, trainer, hyperparameters)));

    /// <summary>What the task's trainers read besides their hyperparameters.</summary>
    public static TrainerInputs Inputs<TRow>(PipelineSpec<TRow> spec, ITaskTraining task) =>
        new(task.LabelOptional ? null : LabelColumn(spec, task), spec.Seed, spec.Options, spec.RanksWithinGroups ? ColumnNames.GroupKey : null);

    /// <summary>
    /// The column splits keep together: the row's <c>[GroupId]</c> (a ranking query, or a patient whose rows a classifier
    /// must not see in training and be scored on), so no group is half in training and half in the test, or in a fold
    /// and the model validated on it (ML.NET hashes its values into the split); null for rows that stand alone.
    /// </summary>
    public static string? SamplingKey<TRow>(PipelineSpec<TRow> spec) => spec.GroupId?.PropertyName;

    /// <summary>
    /// A pipeline exported to ONNX trains LightGbm without categorical splits: ML.NET turns them on for large data, and
    /// ONNX Runtime rejects the tree nodes they export to.
    /// </summary>
    private static IReadOnlyDictionary<string, string>? ForExport<TRow>(PipelineSpec<TRow> spec, Trainer trainer, IReadOnlyDictionary<string, string>? hyperparameters) =>
        spec.ExportOnnx && trainer == Trainer.LightGbm
            ? new Dictionary<string, string>(hyperparameters ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["UseCategoricalSplit"] = "false" }
            : hyperparameters;

    /// <summary>
    /// Whether the featurized rows are cached in front of the trainer: not for a trainer that copies its input once
    /// into a dataset of its own (the cache would double the memory) unless featurizing is costly (text n-grams).
    /// </summary>
    private static bool NeedsCache<TRow>(PipelineSpec<TRow> spec, Trainer trainer) =>
        !TrainerFactory.ReadsDataOnce(trainer) || spec.NGramText is not null;

    /// <summary>
    /// The label column the trainer and evaluator read: the converted label for tasks that convert it, the property
    /// itself otherwise; null when the pipeline has no label.
    /// </summary>
    public static string? LabelColumn<TRow>(PipelineSpec<TRow> spec, ITaskTraining task) =>
        spec.Label is null ? null : task.LabelConversion == LabelConversion.None ? spec.Label.PropertyName : ColumnNames.LabelKey;

    /// <summary>Everything before the trainer: the label key where the task wants one, then the features as the trainer wants them.</summary>
    public static IEstimator<ITransformer> Featurizer<TRow>(MLContext ml, PipelineSpec<TRow> spec, ITaskTraining task, Trainer trainer)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        if (spec.Label is { } label)
        {
            chain = task.LabelConversion switch
            {
                // Classes sorted by value, so class order (and the Scores array) does not depend on row order.
                LabelConversion.Key => chain.Append(ml.Transforms.Conversion.MapValueToKey(
                    ColumnNames.LabelKey, label.PropertyName, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)),
                LabelConversion.Single => chain.Append(ml.Transforms.Conversion.ConvertType(ColumnNames.LabelKey, label.PropertyName, DataKind.Single)),
                _ => chain,
            };
        }

        if (spec is { RanksWithinGroups: true, GroupId: { } group })
        {
            // Hashed, not mapped by a vocabulary: a test file's queries are other queries than the training file's, and a
            // vocabulary would send every one of them to the one "missing" key, merging them into a single group.
            chain = chain.Append(ml.Transforms.Conversion.Hash(ColumnNames.GroupKey, group.PropertyName, numberOfBits: 30));
        }

        return chain.Append(FeaturePipeline.Build(ml, spec, TrainerFactory.Scaling(trainer)));
    }

    /// <summary>The metrics of scored rows, by ML.NET's property names (none without a label for a task that measures by it).</summary>
    public static IReadOnlyDictionary<string, double> Metrics<TRow>(MLContext ml, PipelineSpec<TRow> spec, ITaskTraining task, IDataView predictions) =>
        task.Evaluate(ml, predictions, LabelColumn(spec, task))?.Values ?? TaskMetrics.None;

    /// <summary>The table rows a view over a <see cref="TableDataView"/> passes on, by their row ids.</summary>
    private static int[] RowIndexes(IDataView view)
    {
        var rows = new List<int>();
        using var cursor = view.GetRowCursor([]);
        var id = cursor.GetIdGetter();
        DataViewRowId value = default;
        while (cursor.MoveNext())
        {
            id(ref value);
            rows.Add((int)value.Low);
        }

        return rows.ToArray();
    }
}
