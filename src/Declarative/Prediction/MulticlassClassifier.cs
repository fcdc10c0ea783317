using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative;

/// <summary>A trained multiclass classification pipeline whose classes are values of <typeparamref name="TLabel"/>.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TLabel">The label's C# type.</typeparam>
public sealed class MulticlassClassifier<TRow, TLabel> : TrainedPipeline<TRow, MulticlassPrediction<TLabel>>
{
    private readonly MulticlassClassificationMetrics? _testMetrics;
    private readonly LabelCodec<TLabel> _codec;

    private MulticlassClassifier(PipelineSpec<TRow> spec, MLContext context, ITransformer model, Trainer trainer, TrainingRun? run, MulticlassClassificationMetrics? testMetrics)
        : base(spec, context, model, trainer, run)
    {
        _testMetrics = testMetrics;
        _codec = spec.Label.Codec as LabelCodec<TLabel>
            ?? throw new ArgumentException($"Pipeline {spec.Name}: the label is not read as {typeof(TLabel).Name}.", nameof(spec));
        Classes = ReadClasses(model.GetOutputSchema(Data.ViewSchema.For(spec)));
    }

    /// <summary>The classes the model knows, in the order of <see cref="MulticlassPrediction{TLabel}.Scores"/>.</summary>
    public IReadOnlyList<TLabel> Classes { get; }

    /// <summary>The metrics on the held-out test part. Only a trained model has them.</summary>
    public MulticlassClassificationMetrics TestMetrics => _testMetrics ?? throw NoTestMetrics();

    /// <summary>
    /// The report on the held-out test part (same split as training): metrics, cross-validation, curves and matrices,
    /// feature importance, data profile and tuning history. A loaded model reads the declared data file.
    /// </summary>
    public Evaluation.MulticlassClassificationReport Evaluate(string? dataPath = null) => (Evaluation.MulticlassClassificationReport)EvaluateReport(dataPath);

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> TestMetricValues => MetricValues(_testMetrics);

    /// <summary>Loads, splits, tunes (when declared), trains and evaluates the pipeline.</summary>
    public static MulticlassClassifier<TRow, TLabel> Train(PipelineSpec<TRow> spec, string? dataPath = null, Tuning.TrainOptions? options = null)
    {
        var run = PipelineTrainer.Train(spec, dataPath, options);
        var metrics = run.Context.MulticlassClassification.Evaluate(run.TestPredictions, labelColumnName: PipelineTrainer.TrainerLabel(spec));
        return new(spec, run.Context, run.Model, run.Trainer, run, metrics);
    }

    /// <summary>Loads a model saved by <see cref="TrainedPipeline{TRow, TPrediction}.Save(string)"/>.</summary>
    public static MulticlassClassifier<TRow, TLabel> Load(PipelineSpec<TRow> spec, string path)
    {
        var (context, model, trainer) = LoadModel(spec, path);
        return new(spec, context, model, trainer, null, null);
    }

    /// <summary>Reads a model saved by <see cref="TrainedPipeline{TRow, TPrediction}.Save(Stream)"/>.</summary>
    public static MulticlassClassifier<TRow, TLabel> Load(PipelineSpec<TRow> spec, Stream stream)
    {
        var (context, model, trainer) = LoadModel(spec, stream);
        return new(spec, context, model, trainer, null, null);
    }

    private protected override Func<MulticlassPrediction<TLabel>> ReadPrediction(DataViewRow output)
    {
        // The predicted key indexes Classes (keys are 1-based; 0 is "missing"), so no text is parsed per prediction.
        var label = output.GetGetter<uint>(output.Schema[ColumnNames.PredictedLabel]);
        var scores = output.GetGetter<VBuffer<float>>(output.Schema[ColumnNames.Score]);
        return () =>
        {
            uint key = default;
            VBuffer<float> s = default;
            label(ref key);
            scores(ref s);
            var predicted = key is > 0 && key <= Classes.Count
                ? Classes[(int)key - 1]
                : throw new InvalidDataException($"Pipeline {Spec.Name}: the model predicted class key {key}, outside its {Classes.Count} classes.");
            return new MulticlassPrediction<TLabel>(predicted, s.DenseValues().ToArray());
        };
    }

    /// <summary>The class names are the slot names of the score vector, which follow the label's key order.</summary>
    private TLabel[] ReadClasses(DataViewSchema outputSchema)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        outputSchema[ColumnNames.Score].GetSlotNames(ref names);
        return names.DenseValues().Select(n => _codec.FromText(n.ToString())).ToArray();
    }
}
