using System.Diagnostics;
using Declarative.Data;
using Declarative.Schema;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Declarative.Training;

/// <summary>The outcome of one training: the model, and its predictions on the held-out test part.</summary>
internal sealed record TrainingRun(MLContext Context, ITransformer Model, IDataView TestPredictions, Trainer Trainer, string DataPath, TimeSpan Duration);

/// <summary>Loads, splits, featurizes and trains a pipeline: the part every task shares.</summary>
internal static class PipelineTrainer
{
    public static TrainingRun Train<TRow>(PipelineSpec<TRow> spec, string? dataPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var stopwatch = Stopwatch.StartNew();
        var path = DataPaths.Resolve(spec, dataPath);
        var data = new TableDataView(DelimitedFileLoader.Load(spec, path));

        var ml = new MLContext(spec.Seed);
        var split = ml.Data.TrainTestSplit(data, spec.TestFraction, seed: spec.Seed);
        var trainer = spec.Trainers[0];
        var estimator = Build(ml, spec, trainer);
        var model = estimator.Fit(split.TrainSet);
        return new TrainingRun(ml, model, model.Transform(split.TestSet), trainer, path, stopwatch.Elapsed);
    }

    /// <summary>The label column the trainer and evaluator read: a key for multiclass, the property itself otherwise.</summary>
    public static string TrainerLabel<TRow>(PipelineSpec<TRow> spec) =>
        spec.Task == MLTask.MulticlassClassification ? ColumnNames.LabelKey : spec.Label.PropertyName;

    private static IEstimator<ITransformer> Build<TRow>(MLContext ml, PipelineSpec<TRow> spec, Trainer trainer)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        if (spec.Task == MLTask.MulticlassClassification)
        {
            // Classes sorted by value, so class order (and the Scores array) does not depend on row order.
            chain = chain.Append(ml.Transforms.Conversion.MapValueToKey(
                ColumnNames.LabelKey, spec.Label.PropertyName, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue));
        }

        chain = chain
            .Append(FeaturePipeline.Build(ml, spec, TrainerFactory.NeedsNormalization(trainer)))
            .AppendCacheCheckpoint(ml)
            .Append(TrainerFactory.Create(ml, spec.Task, trainer, TrainerLabel(spec), spec.Seed));

        return chain;
    }
}
