using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative;

/// <summary>A trained regression pipeline.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class Regressor<TRow> : TrainedPipeline<TRow, RegressionPrediction>
{
    private readonly RegressionMetrics? _testMetrics;

    private Regressor(PipelineSpec<TRow> spec, MLContext context, ITransformer model, Trainer trainer, TrainingRun? run, RegressionMetrics? testMetrics)
        : base(spec, context, model, trainer, run)
    {
        _testMetrics = testMetrics;
    }

    /// <summary>The metrics on the held-out test part. Only a trained model has them.</summary>
    public RegressionMetrics TestMetrics => _testMetrics ?? throw NoTestMetrics();

    /// <summary>
    /// The report on the held-out test part (same split as training): metrics, cross-validation, curves and matrices,
    /// feature importance, data profile and tuning history. A loaded model reads the declared data file.
    /// </summary>
    public Evaluation.RegressionReport Evaluate(string? dataPath = null) => (Evaluation.RegressionReport)EvaluateReport(dataPath);

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> TestMetricValues => MetricValues(_testMetrics);

    /// <summary>Loads, splits, tunes (when declared), trains and evaluates the pipeline.</summary>
    public static Regressor<TRow> Train(PipelineSpec<TRow> spec, string? dataPath = null, Tuning.TrainOptions? options = null)
    {
        var run = PipelineTrainer.Train(spec, dataPath, options);
        var metrics = run.Context.Regression.Evaluate(run.TestPredictions, labelColumnName: PipelineTrainer.TrainerLabel(spec));
        return new(spec, run.Context, run.Model, run.Trainer, run, metrics);
    }

    /// <summary>Loads a model saved by <see cref="TrainedPipeline{TRow, TPrediction}.Save(string)"/>.</summary>
    public static Regressor<TRow> Load(PipelineSpec<TRow> spec, string path)
    {
        var (context, model, trainer) = LoadModel(spec, path);
        return new(spec, context, model, trainer, null, null);
    }

    /// <summary>Reads a model saved by <see cref="TrainedPipeline{TRow, TPrediction}.Save(Stream)"/>.</summary>
    public static Regressor<TRow> Load(PipelineSpec<TRow> spec, Stream stream)
    {
        var (context, model, trainer) = LoadModel(spec, stream);
        return new(spec, context, model, trainer, null, null);
    }

    private protected override Func<RegressionPrediction> ReadPrediction(DataViewRow output)
    {
        var score = output.GetGetter<float>(output.Schema[ColumnNames.Score]);
        return () =>
        {
            float s = default;
            score(ref s);
            return new RegressionPrediction(s);
        };
    }
}
