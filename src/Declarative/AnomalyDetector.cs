using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Tasks;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML.Data;

namespace Declarative;

/// <summary>A trained anomaly detection pipeline.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class AnomalyDetector<TRow> : TrainedPipeline<TRow, AnomalyPrediction, AnomalyDetectionReport>
{
    private readonly float _threshold;

    private AnomalyDetector(PipelineState<TRow> state)
        : base(state)
    {
        _threshold = (float)((State as AnomalyState)?.Threshold ?? double.PositiveInfinity);
    }

    /// <summary>The score above which a row is an anomaly, set from the training rows by the declared contamination share.</summary>
    public double AnomalyThreshold => _threshold;

    /// <summary>
    /// The metrics on the held-out test part (AUC, detection rate at ten false positives). Only a trained model with a
    /// [Label] has them.
    /// </summary>
    public AnomalyDetectionMetrics TestMetrics => TestMetricsAs<AnomalyDetectionMetrics>();

    /// <summary>Loads, splits, tunes (when declared), trains and evaluates the pipeline.</summary>
#pragma warning disable RS0027 // Train(spec, rows, test, options) overloads by type, not by count.
    public static AnomalyDetector<TRow> Train(PipelineSpec<TRow> spec, string? dataPath = null, TrainOptions? options = null) =>
        new(Trained(spec, MLTask.AnomalyDetection, dataPath, options));
#pragma warning restore RS0027

    /// <summary>
    /// Trains on rows in memory: with <paramref name="test"/>, scores those rows and does not split; without, holds out
    /// the declared test fraction.
    /// </summary>
    public static AnomalyDetector<TRow> Train(PipelineSpec<TRow> spec, IEnumerable<TRow> rows, IEnumerable<TRow>? test, TrainOptions? options) =>
        new(Trained(spec, MLTask.AnomalyDetection, rows, test, options));

    /// <summary>Loads a model saved by <c>Save(string)</c>.</summary>
    public static AnomalyDetector<TRow> Load(PipelineSpec<TRow> spec, string path) => new(Loaded(spec, MLTask.AnomalyDetection, path));

    /// <summary>Reads a model saved by <c>Save(Stream)</c>.</summary>
    public static AnomalyDetector<TRow> Load(PipelineSpec<TRow> spec, Stream stream) => new(Loaded(spec, MLTask.AnomalyDetection, stream));

    /// <inheritdoc/>
    private protected override AnomalyPrediction FromScores(ReadOnlySpan<float> scores) =>
        throw new NotSupportedException("The portable scorer does not serve anomaly detection.");

    private protected override Func<AnomalyPrediction> ReadPrediction(Microsoft.ML.DataViewRow output)
    {
        var column = output.Schema[ColumnNames.Score];
        if (column.Type is VectorDataViewType)
        {
            // k-means: the distance to the nearest centroid.
            var distances = output.GetGetter<VBuffer<float>>(column);
            return () =>
            {
                VBuffer<float> d = default;
                distances(ref d);
                // k-means writes every distance (a dense vector): its values are the span to read.
                var score = AnomalyDetectionProfile.NearestCentroid(d.GetValues());
                return new AnomalyPrediction(score, score > _threshold);
            };
        }

        var getter = output.GetGetter<float>(column);
        return () =>
        {
            float score = default;
            getter(ref score);
            return new AnomalyPrediction(score, score > _threshold);
        };
    }

    /// <summary>
    /// Why the model scores <paramref name="row"/> as it does: each property's exact Shapley value for the raw score
    /// (TreeSHAP for trees, <c>w · (x − E[x])</c> for linear models); they add up from <see cref="Explanation.BaseValue"/>
    /// to <see cref="Explanation.Value"/>. Safe to call from many threads at once.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has no portable form (text n-grams, an encoder, anomaly detection's k-means or PCA), or its files predate explanations.</exception>
    public Explanation Explain(TRow row) => ExplainRow(row);

    /// <summary>Explains many rows, one at a time as the result is enumerated.</summary>
    public IEnumerable<Explanation> Explain(IEnumerable<TRow> rows) => ExplainRows(rows);
}
