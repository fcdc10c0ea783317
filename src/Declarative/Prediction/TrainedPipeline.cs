using Declarative.Artifacts;
using Declarative.Data;
using Declarative.Prediction;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML;

namespace Declarative;

/// <summary>
/// A trained pipeline: the ML.NET model with the spec it was trained for. Prediction is thread-safe. The generated
/// pipeline classes wrap one of the task-specific subclasses.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TPrediction">The prediction type of the task.</typeparam>
public abstract class TrainedPipeline<TRow, TPrediction> : ITrainedPipeline
{
    private readonly MLContext _context;
    private readonly DataViewSchema _inputSchema;
    private readonly RowPredictor<TRow, TPrediction> _predictor;

    private protected TrainedPipeline(PipelineSpec<TRow> spec, MLContext context, ITransformer model, Trainer trainer, TrainingRun? run)
    {
        Spec = spec;
        DataPath = run?.DataPath;
        TrainingTime = run?.Duration;
        Hyperparameters = run?.Hyperparameters ?? new Dictionary<string, string>();
        Trials = run?.Trials ?? [];
        _context = context;
        Model = model;
        Trainer = trainer;
        _inputSchema = ViewSchema.For(spec);
        _predictor = new RowPredictor<TRow, TPrediction>(spec, model, _inputSchema, ReadPrediction);
    }

    /// <summary>The pipeline the model was trained for.</summary>
    public PipelineSpec<TRow> Spec { get; }

    /// <summary>The trainer that produced the model.</summary>
    public Trainer Trainer { get; }

    /// <summary>The data file the model was trained on; <see langword="null"/> for a loaded model.</summary>
    public string? DataPath { get; }

    /// <summary>How long loading, training and evaluating took; <see langword="null"/> for a loaded model.</summary>
    public TimeSpan? TrainingTime { get; }

    /// <inheritdoc/>
    public string Name => Spec.Name;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<TrialResult> Trials { get; }

    /// <summary>The successful tuning trials, best first (by the tuning metric); empty when the pipeline did not tune.</summary>
    public IReadOnlyList<TrialResult> Leaderboard =>
        Spec.Tuning is null
            ? []
            : (TuningSpec.LowerIsBetter(Spec.Tuning.MetricFor(Spec.Task))
                ? Trials.Where(t => t.Succeeded).OrderBy(t => t.Metric).ThenBy(t => t.Number)
                : Trials.Where(t => t.Succeeded).OrderByDescending(t => t.Metric).ThenBy(t => t.Number)).ToArray();

    /// <inheritdoc/>
    public abstract IReadOnlyDictionary<string, double> TestMetricValues { get; }

    /// <summary>The ML.NET model, for uses the typed API does not cover.</summary>
    public ITransformer Model { get; }

    /// <summary>Predicts one row. Safe to call from many threads at once.</summary>
    public TPrediction Predict(TRow row) => _predictor.Predict(row);

    /// <summary>Predicts many rows in one streaming pass; rows are read as the result is enumerated.</summary>
    public IEnumerable<TPrediction> Predict(IEnumerable<TRow> rows) => _predictor.Predict(rows);

    /// <summary>
    /// Writes the HTML report of the model (see <see cref="Evaluation.ReportHtml"/>) for the data it was trained on
    /// (a loaded model reads the pipeline's declared data file). The page is self-contained.
    /// </summary>
    public void SaveReport(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Evaluation.ReportHtml.Write(EvaluateReport(null), path);
    }

    /// <inheritdoc/>
    Evaluation.EvaluationReport ITrainedPipeline.Evaluate(string? dataPath) => EvaluateReport(dataPath);

    /// <summary>Builds the report on the test part of <paramref name="dataPath"/> (default: the data the model was trained on).</summary>
    private protected Evaluation.EvaluationReport EvaluateReport(string? dataPath) =>
        Evaluation.Evaluator.Evaluate(Spec, Model, Trainer, Hyperparameters, Trials, dataPath ?? DataPath);

    /// <summary>Saves the model to a file (written whole or not at all), to be read back by the pipeline's <c>Load</c>.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ModelFile.Save(_context, Model, _inputSchema, Metadata(), path);
    }

    /// <summary>Saves the model to a stream.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelFile.Write(_context, Model, _inputSchema, Metadata(), stream);
    }

    /// <summary>Binds the getters of a prediction to an output row of the model.</summary>
    private protected abstract Func<TPrediction> ReadPrediction(DataViewRow output);

    /// <summary>Loads a model file and checks that it was trained for <paramref name="spec"/>'s task and schema.</summary>
    private protected static (MLContext Context, ITransformer Model, Trainer Trainer) LoadModel(PipelineSpec<TRow> spec, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "The model file was not found.");
        }

        using var file = File.OpenRead(path);
        return LoadModel(spec, file, path);
    }

    /// <summary>Reads a model and checks that it was trained for <paramref name="spec"/>'s task and schema.</summary>
    private protected static (MLContext Context, ITransformer Model, Trainer Trainer) LoadModel(PipelineSpec<TRow> spec, Stream stream, string source = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stream);
        var context = new MLContext(spec.Seed);
        var (model, metadata) = ModelFile.Read(context, stream, source);
        Check(spec, metadata, source);
        return (context, model, metadata.Trainer);
    }

    private static void Check(PipelineSpec<TRow> spec, ModelMetadata metadata, string path)
    {
        if (metadata.Task != spec.Task)
        {
            throw new ModelFileException(path, $"The model was trained for {metadata.Task} (pipeline {metadata.Pipeline}), but pipeline {spec.Name} is {spec.Task}.");
        }

        if (metadata.SchemaHash != spec.SchemaHash)
        {
            var expected = spec.SchemaSignature();
            var onlyInModel = metadata.Schema.Except(expected).ToArray();
            var onlyInRow = expected.Except(metadata.Schema).ToArray();
            throw new ModelFileException(path,
                $"The model was trained for another row schema (pipeline {metadata.Pipeline}, row {metadata.RowType}, schema {metadata.SchemaHash}) " +
                $"than pipeline {spec.Name} has now (row {typeof(TRow).FullName}, schema {spec.SchemaHash}). " +
                $"Only in the model: {Join(onlyInModel)}. Only in the row type: {Join(onlyInRow)}. Train the model again.");
        }
    }

    /// <summary>The public numeric properties of an ML.NET metrics object, by name; empty when there are none.</summary>
    private protected static IReadOnlyDictionary<string, double> MetricValues(object? metrics) => Training.MetricValues.Of(metrics);

    /// <summary>The error for test metrics asked of a model that was loaded rather than trained.</summary>
    private protected InvalidOperationException NoTestMetrics() =>
        new($"Pipeline {Spec.Name}: test metrics are measured when the model is trained (Train); a model read by Load has none.");

    private static string Join(string[] items) => items.Length == 0 ? "(none)" : string.Join(", ", items);

    private ModelMetadata Metadata() => new()
    {
        Pipeline = Spec.Name,
        Task = Spec.Task,
        RowType = typeof(TRow).FullName ?? typeof(TRow).Name,
        SchemaHash = Spec.SchemaHash,
        Schema = Spec.SchemaSignature(),
        Trainer = Trainer,
        Seed = Spec.Seed,
        DeclarativeVersion = ModelFile.DeclarativeVersion,
        MLNetVersion = ModelFile.MLNetVersion,
    };
}
