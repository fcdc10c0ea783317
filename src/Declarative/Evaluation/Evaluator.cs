using Declarative.Data;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Evaluation;

/// <summary>
/// Builds the report of a trained model: it reloads the data, splits it as training did (same seed, so the same
/// test rows), and measures the model on the test part; cross-validates the same trainer and hyperparameters on the
/// training part; and shuffles one property at a time to see what the model leans on.
/// </summary>
internal static class Evaluator
{
    private const int ImportanceRepeats = 3;

    public static EvaluationReport Evaluate<TRow>(PipelineSpec<TRow> spec, ITransformer model, Trainer trainer,
        IReadOnlyDictionary<string, string> hyperparameters, IReadOnlyList<TrialResult> trials, string? dataPath)
    {
        var path = DataPaths.Resolve(spec, dataPath);
        var table = DelimitedFileLoader.Load(spec, path);
        var profile = DataProfiler.Profile(spec, table);

        var ml = new MLContext(spec.Seed);
        var split = ml.Data.TrainTestSplit(new TableDataView(table), spec.TestFraction, seed: spec.Seed);
        var test = Materialize(split.TestSet, table);
        var trainRows = table.RowCount - test.RowCount;
        var headline = (spec.Tuning ?? new TuningSpec()).MetricFor(spec.Task);
        var predictions = model.Transform(new TableDataView(test));
        var metrics = PipelineTrainer.Evaluate(ml, spec, predictions);

        var common = new CommonParts(
            spec.Name, spec.Task, trainer, hyperparameters, Path.GetFileName(path), trainRows, test.RowCount, headline, metrics,
            CrossValidate(spec, split.TrainSet, trainer, hyperparameters, trainRows),
            Importance(spec, model, test, headline, metrics[headline]),
            profile, trials);

        return spec.Task switch
        {
            MLTask.BinaryClassification => Binary(common, spec, predictions),
            MLTask.MulticlassClassification => Multiclass(common, predictions),
            _ => Regression(common, spec, predictions),
        };
    }

    private sealed record CommonParts(
        string Pipeline, MLTask Task, Trainer Trainer, IReadOnlyDictionary<string, string> Hyperparameters, string DataFile, int TrainRows, int TestRows,
        string Headline, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<MetricSpread> CrossValidation, IReadOnlyList<FeatureImportance> Importance,
        DataProfile Profile, IReadOnlyList<TrialResult> Trials);

    private static BinaryClassificationReport Binary<TRow>(CommonParts c, PipelineSpec<TRow> spec, IDataView predictions)
    {
        var labels = Column<bool>(predictions, spec.Label.PropertyName);
        var scores = Column<float>(predictions, ColumnNames.Score);
        var probabilities = Column<float>(predictions, ColumnNames.Probability);
        var predicted = Column<bool>(predictions, ColumnNames.PredictedLabel);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (predicted[i])
            {
                tp += labels[i] ? 1 : 0;
                fp += labels[i] ? 0 : 1;
            }
            else
            {
                fn += labels[i] ? 1 : 0;
                tn += labels[i] ? 0 : 1;
            }
        }

        var (roc, pr) = Curves(labels, scores, probabilities);
        return new BinaryClassificationReport
        {
            Pipeline = c.Pipeline, Task = c.Task, Trainer = c.Trainer, Hyperparameters = c.Hyperparameters, DataFile = c.DataFile,
            TrainRows = c.TrainRows, TestRows = c.TestRows, HeadlineMetric = c.Headline, TestMetrics = c.Metrics, CrossValidation = c.CrossValidation,
            FeatureImportance = c.Importance, Profile = c.Profile, Trials = c.Trials,
            Confusion = new BinaryConfusion(tp, fp, tn, fn),
            RocCurve = roc,
            PrecisionRecallCurve = pr,
        };
    }

    /// <summary>
    /// ROC and precision-recall points at every distinct score (ties move together, so the trapezoids under the ROC
    /// points give the exact AUC); ranked by score, which the calibrated probability follows monotonically.
    /// </summary>
    internal static (IReadOnlyList<CurvePoint> Roc, IReadOnlyList<CurvePoint> PrecisionRecall) Curves(bool[] labels, float[] scores, float[] probabilities)
    {
        var order = Enumerable.Range(0, labels.Length).OrderByDescending(i => scores[i]).ToArray();
        double positives = labels.Count(l => l), negatives = labels.Length - positives;
        var roc = new List<CurvePoint> { new(0, 0, 1) };
        var pr = new List<CurvePoint> { new(0, 1, 1) };
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length;)
        {
            var score = scores[order[k]];
            var threshold = probabilities[order[k]];
            while (k < order.Length && scores[order[k]] == score)
            {
                if (labels[order[k]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                k++;
            }

            roc.Add(new CurvePoint(negatives == 0 ? 0 : fp / negatives, positives == 0 ? 0 : tp / positives, threshold));
            pr.Add(new CurvePoint(positives == 0 ? 0 : tp / positives, (double)tp / (tp + fp), threshold));
        }

        return (roc, pr);
    }

    private static MulticlassClassificationReport Multiclass(CommonParts c, IDataView predictions)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        predictions.Schema[ColumnNames.Score].GetSlotNames(ref names);
        var classes = names.DenseValues().Select(n => n.ToString()).ToArray();
        var actual = Column<uint>(predictions, ColumnNames.LabelKey);
        var predicted = Column<uint>(predictions, ColumnNames.PredictedLabel);
        var matrix = classes.Select(_ => new int[classes.Length]).ToArray();
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] > 0 && predicted[i] > 0)
            {
                matrix[actual[i] - 1][predicted[i] - 1]++;
            }
        }

        var perClass = classes.Select((name, k) =>
        {
            var support = matrix[k].Sum();
            var predictedAs = matrix.Sum(row => row[k]);
            var precision = predictedAs == 0 ? 0 : (double)matrix[k][k] / predictedAs;
            var recall = support == 0 ? 0 : (double)matrix[k][k] / support;
            return new ClassMetrics(name, support, precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }).ToArray();

        return new MulticlassClassificationReport
        {
            Pipeline = c.Pipeline, Task = c.Task, Trainer = c.Trainer, Hyperparameters = c.Hyperparameters, DataFile = c.DataFile,
            TrainRows = c.TrainRows, TestRows = c.TestRows, HeadlineMetric = c.Headline, TestMetrics = c.Metrics, CrossValidation = c.CrossValidation,
            FeatureImportance = c.Importance, Profile = c.Profile, Trials = c.Trials,
            Classes = classes,
            Confusion = matrix,
            PerClass = perClass,
        };
    }

    private static RegressionReport Regression<TRow>(CommonParts c, PipelineSpec<TRow> spec, IDataView predictions)
    {
        var actual = Column<float>(predictions, spec.Label.PropertyName);
        var predicted = Column<float>(predictions, ColumnNames.Score);
        return new RegressionReport
        {
            Pipeline = c.Pipeline, Task = c.Task, Trainer = c.Trainer, Hyperparameters = c.Hyperparameters, DataFile = c.DataFile,
            TrainRows = c.TrainRows, TestRows = c.TestRows, HeadlineMetric = c.Headline, TestMetrics = c.Metrics, CrossValidation = c.CrossValidation,
            FeatureImportance = c.Importance, Profile = c.Profile, Trials = c.Trials,
            Points = actual.Select((a, i) => new RegressionPoint(a, predicted[i])).ToArray(),
        };
    }

    /// <summary>k folds of the training part (5, or 3 from 20,000 rows), each fitted with the model's trainer and settings.</summary>
    private static IReadOnlyList<MetricSpread> CrossValidate<TRow>(PipelineSpec<TRow> spec, IDataView trainPart, Trainer trainer, IReadOnlyDictionary<string, string> hyperparameters, int rows)
    {
        var ml = new MLContext(spec.Seed);
        var folds = ml.Data.CrossValidationSplit(trainPart, rows < PipelineTuner.CrossValidationRowLimit ? 5 : 3, seed: spec.Seed);
        var estimator = PipelineTrainer.Featurizer(ml, spec, trainer)
            .AppendCacheCheckpoint(ml)
            .Append(TrainerFactory.Create(ml, spec.Task, trainer, PipelineTrainer.TrainerLabel(spec), spec.Seed, hyperparameters));
        var results = folds.Select(f => PipelineTrainer.Evaluate(ml, spec, estimator.Fit(f.TrainSet).Transform(f.TestSet))).ToArray();
        return results[0].Keys.Select(metric =>
        {
            var values = results.Select(r => r[metric]).ToArray();
            var mean = values.Average();
            return new MetricSpread(metric, mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length), values);
        }).ToArray();
    }

    /// <summary>Permutation importance per property: shuffle its values across the test rows, keep everything else.</summary>
    private static IReadOnlyList<FeatureImportance> Importance<TRow>(PipelineSpec<TRow> spec, ITransformer model, DataTable test, string metric, double baseline)
    {
        var ml = new MLContext(spec.Seed);
        var lowerIsBetter = TuningSpec.LowerIsBetter(metric);
        var random = new Random(spec.Seed);
        var result = new List<FeatureImportance>();
        foreach (var feature in spec.Features)
        {
            var drops = new double[ImportanceRepeats];
            for (var r = 0; r < ImportanceRepeats; r++)
            {
                var shuffled = Shuffle(test, feature.PropertyName, random);
                var value = PipelineTrainer.Evaluate(ml, spec, model.Transform(new TableDataView(shuffled)))[metric];
                drops[r] = lowerIsBetter ? value - baseline : baseline - value;
            }

            var mean = drops.Average();
            result.Add(new FeatureImportance(feature.PropertyName, mean, Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / drops.Length)));
        }

        return result.OrderByDescending(f => f.Drop).ThenBy(f => f.Feature, StringComparer.Ordinal).ToArray();
    }

    private static DataTable Shuffle(DataTable table, string column, Random random)
    {
        var order = Enumerable.Range(0, table.RowCount).ToArray();
        random.Shuffle(order);
        return new DataTable(
            table.Columns.Select(c => c.Name != column ? c : c switch
            {
                { Singles: { } s } => new TableColumn(c.Name, order.Select(i => s[i]).ToArray()),
                { Booleans: { } b } => new TableColumn(c.Name, order.Select(i => b[i]).ToArray()),
                { Texts: { } t } => new TableColumn(c.Name, order.Select(i => t[i]).ToArray()),
                _ => c,
            }).ToArray(),
            table.RowCount);
    }

    /// <summary>Reads a view with the columns of <paramref name="like"/> into memory.</summary>
    private static DataTable Materialize(IDataView view, DataTable like)
    {
        var columns = like.Columns.Select(c => c.Storage switch
        {
            ColumnStorage.Single => new TableColumn(c.Name, Column<float>(view, c.Name)),
            ColumnStorage.Boolean => new TableColumn(c.Name, Column<bool>(view, c.Name)),
            _ => new TableColumn(c.Name, Column<ReadOnlyMemory<char>>(view, c.Name).Select(m => m.ToString().AsMemory()).ToArray()),
        }).ToArray();
        return new DataTable(columns, columns.Length == 0 ? 0 : Count(columns[0]));
    }

    private static int Count(TableColumn column) => column.Singles?.Length ?? column.Booleans?.Length ?? column.Texts!.Length;

    private static T[] Column<T>(IDataView view, string name)
    {
        var column = view.Schema[name];
        var values = new List<T>();
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }

        return values.ToArray();
    }
}
