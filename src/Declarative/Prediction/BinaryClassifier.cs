using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative;

/// <summary>A trained binary classification pipeline.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class BinaryClassifier<TRow> : TrainedPipeline<TRow, BinaryPrediction>
{
    private readonly CalibratedBinaryClassificationMetrics? _testMetrics;

    private BinaryClassifier(PipelineSpec<TRow> spec, MLContext context, ITransformer model, Trainer trainer, TrainingRun? run, CalibratedBinaryClassificationMetrics? testMetrics)
        : base(spec, context, model, trainer, run)
    {
        _testMetrics = testMetrics;
    }

    /// <summary>The metrics on the held-out test part. Only a trained model has them.</summary>
    public CalibratedBinaryClassificationMetrics TestMetrics => _testMetrics ?? throw NoTestMetrics();

    /// <summary>
    /// The report on the held-out test part (same split as training): metrics, cross-validation, curves and matrices,
    /// feature importance, data profile and tuning history. A loaded model reads the declared data file.
    /// </summary>
    public Evaluation.BinaryClassificationReport Evaluate(string? dataPath = null) => (Evaluation.BinaryClassificationReport)EvaluateReport(dataPath);

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> TestMetricValues => MetricValues(_testMetrics);

    /// <summary>Loads, splits, tunes (when declared), trains and evaluates the pipeline.</summary>
    public static BinaryClassifier<TRow> Train(PipelineSpec<TRow> spec, string? dataPath = null, Tuning.TrainOptions? options = null)
    {
        var run = PipelineTrainer.Train(spec, dataPath, options);
        var metrics = run.Context.BinaryClassification.Evaluate(run.TestPredictions, labelColumnName: PipelineTrainer.TrainerLabel(spec));
        return new(spec, run.Context, run.Model, run.Trainer, run, metrics);
    }

    /// <summary>Loads a model saved by <see cref="TrainedPipeline{TRow, TPrediction}.Save(string)"/>.</summary>
    public static BinaryClassifier<TRow> Load(PipelineSpec<TRow> spec, string path)
    {
        var (context, model, trainer) = LoadModel(spec, path);
        return new(spec, context, model, trainer, null, null);
    }

    /// <summary>Reads a model saved by <see cref="TrainedPipeline{TRow, TPrediction}.Save(Stream)"/>.</summary>
    public static BinaryClassifier<TRow> Load(PipelineSpec<TRow> spec, Stream stream)
    {
        var (context, model, trainer) = LoadModel(spec, stream);
        return new(spec, context, model, trainer, null, null);
    }

    private protected override Func<BinaryPrediction> ReadPrediction(DataViewRow output)
    {
        var label = output.GetGetter<bool>(output.Schema[ColumnNames.PredictedLabel]);
        var score = output.GetGetter<float>(output.Schema[ColumnNames.Score]);
        var probability = output.GetGetter<float>(output.Schema[ColumnNames.Probability]);
        return () =>
        {
            bool l = default;
            float s = default, p = default;
            label(ref l);
            score(ref s);
            probability(ref p);
            return new BinaryPrediction(l, s, p);
        };
    }
}
