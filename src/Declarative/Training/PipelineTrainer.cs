using System.Diagnostics;
using Declarative.Data;
using Declarative.Schema;
using Declarative.Tuning;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Declarative.Training;

/// <summary>The outcome of one training: the model, how it was chosen, and its predictions on the held-out test part.</summary>
internal sealed record TrainingRun(
    MLContext Context,
    ITransformer Model,
    IDataView TestPredictions,
    Trainer Trainer,
    IReadOnlyDictionary<string, string> Hyperparameters,
    IReadOnlyList<TrialResult> Trials,
    string DataPath,
    TimeSpan Duration);

/// <summary>Loads, splits, featurizes, tunes (when declared) and trains a pipeline: the part every task shares.</summary>
internal static class PipelineTrainer
{
    public static TrainingRun Train<TRow>(PipelineSpec<TRow> spec, string? dataPath, TrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var stopwatch = Stopwatch.StartNew();
        var path = DataPaths.Resolve(spec, dataPath);
        var data = new TableDataView(DelimitedFileLoader.Load(spec, path));

        var ml = new MLContext(spec.Seed);
        var split = ml.Data.TrainTestSplit(data, spec.TestFraction, seed: spec.Seed);
        var (context, model, trainer, hyperparameters, trials) = Fit(spec, split.TrainSet, options);
        return new TrainingRun(context, model, model.Transform(split.TestSet), trainer, hyperparameters, trials, path, stopwatch.Elapsed);
    }

    /// <summary>Tunes (unless pinned or not declared) and fits the pipeline on a training part.</summary>
    internal static (MLContext Context, ITransformer Model, Trainer Trainer, IReadOnlyDictionary<string, string> Hyperparameters, IReadOnlyList<TrialResult> Trials) Fit<TRow>(
        PipelineSpec<TRow> spec, IDataView trainPart, TrainOptions? options)
    {
        var ml = new MLContext(spec.Seed);
        Trainer trainer;
        IReadOnlyDictionary<string, string>? hyperparameters = null;
        IReadOnlyList<TrialResult> trials = [];
        if (options?.Pinned is { } pinned)
        {
            (trainer, hyperparameters) = (pinned.Trainer, pinned.Hyperparameters);
        }
        else if (spec.Tuning is { } tuning)
        {
            var outcome = PipelineTuner.Tune(ml, spec, tuning, trainPart, options?.Progress);
            (trainer, hyperparameters, trials) = (outcome.Best.Trainer, outcome.Best.Hyperparameters, outcome.Trials);
        }
        else
        {
            trainer = spec.Trainers[0];
        }

        // The final model is fitted on the whole training part, whatever tuning validated on, in a fresh context so
        // it is the same model whether or not (and however long) tuning ran before it.
        ml = new MLContext(spec.Seed);
        var model = Featurizer(ml, spec, trainer)
            .AppendCacheCheckpoint(ml)
            .Append(TrainerFactory.Create(ml, spec.Task, trainer, TrainerLabel(spec), spec.Seed, hyperparameters))
            .Fit(trainPart);
        return (ml, model, trainer, hyperparameters ?? new Dictionary<string, string>(), trials);
    }

    /// <summary>The label column the trainer and evaluator read: a key for multiclass, the property itself otherwise.</summary>
    public static string TrainerLabel<TRow>(PipelineSpec<TRow> spec) =>
        spec.Task == MLTask.MulticlassClassification ? ColumnNames.LabelKey : spec.Label.PropertyName;

    /// <summary>Everything before the trainer: the label key for multiclass, then the features as the trainer wants them.</summary>
    public static IEstimator<ITransformer> Featurizer<TRow>(MLContext ml, PipelineSpec<TRow> spec, Trainer trainer)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        if (spec.Task == MLTask.MulticlassClassification)
        {
            // Classes sorted by value, so class order (and the Scores array) does not depend on row order.
            chain = chain.Append(ml.Transforms.Conversion.MapValueToKey(
                ColumnNames.LabelKey, spec.Label.PropertyName, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue));
        }

        return chain.Append(FeaturePipeline.Build(ml, spec, TrainerFactory.NeedsNormalization(trainer)));
    }

    /// <summary>The test metrics of predictions, by ML.NET's property names.</summary>
    public static IReadOnlyDictionary<string, double> Evaluate<TRow>(MLContext ml, PipelineSpec<TRow> spec, IDataView predictions)
    {
        var label = TrainerLabel(spec);
        object metrics = spec.Task switch
        {
            MLTask.BinaryClassification => ml.BinaryClassification.Evaluate(predictions, labelColumnName: label),
            MLTask.MulticlassClassification => ml.MulticlassClassification.Evaluate(predictions, labelColumnName: label),
            _ => ml.Regression.Evaluate(predictions, labelColumnName: label),
        };
        return MetricValues.Of(metrics);
    }
}

/// <summary>The public numeric properties of an ML.NET metrics object, by name.</summary>
internal static class MetricValues
{
    // TopKAccuracy is 0 unless a K is set (we set none); LossFunction repeats MeanSquaredError for the default loss.
    private static readonly HashSet<string> Omitted = ["TopKAccuracy", "LossFunction"];

    public static IReadOnlyDictionary<string, double> Of(object? metrics) =>
        metrics is null
            ? new SortedDictionary<string, double>(StringComparer.Ordinal)
            : new SortedDictionary<string, double>(
                metrics.GetType().GetProperties()
                    .Where(p => p.PropertyType == typeof(double) && !Omitted.Contains(p.Name))
                    .ToDictionary(p => p.Name, p => (double)p.GetValue(metrics)!),
                StringComparer.Ordinal);
}
