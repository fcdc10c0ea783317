using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML.Data;

namespace Declarative;

/// <summary>A trained clustering pipeline (k-means).</summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class Clusterer<TRow> : TrainedPipeline<TRow, ClusteringPrediction, ClusteringReport>
{
    private Clusterer(PipelineState<TRow> state)
        : base(state)
    {
    }

    /// <summary>
    /// The metrics on the held-out test part: average distance and Davies-Bouldin index, and normalized mutual
    /// information with the label when there is one (NaN without). Only a trained model has them.
    /// </summary>
    public ClusteringMetrics TestMetrics => TestMetricsAs<ClusteringMetrics>();

    /// <summary>Loads, splits, tunes (when declared, or to choose the number of clusters), trains and evaluates the pipeline.</summary>
#pragma warning disable RS0027 // Train(spec, rows, test, options) overloads by type, not by count.
    public static Clusterer<TRow> Train(PipelineSpec<TRow> spec, string? dataPath = null, TrainOptions? options = null) =>
        new(Trained(spec, MLTask.Clustering, dataPath, options));
#pragma warning restore RS0027

    /// <summary>
    /// Trains on rows in memory: with <paramref name="test"/>, scores those rows and does not split; without, holds out
    /// the declared test fraction.
    /// </summary>
    public static Clusterer<TRow> Train(PipelineSpec<TRow> spec, IEnumerable<TRow> rows, IEnumerable<TRow>? test, TrainOptions? options) =>
        new(Trained(spec, MLTask.Clustering, rows, test, options));

    /// <summary>Loads a model saved by <c>Save(string)</c>.</summary>
    public static Clusterer<TRow> Load(PipelineSpec<TRow> spec, string path) => new(Loaded(spec, MLTask.Clustering, path));

    /// <summary>Reads a model saved by <c>Save(Stream)</c>.</summary>
    public static Clusterer<TRow> Load(PipelineSpec<TRow> spec, Stream stream) => new(Loaded(spec, MLTask.Clustering, stream));

    /// <inheritdoc/>
    private protected override ClusteringPrediction FromScores(ReadOnlySpan<float> scores) =>
        throw new NotSupportedException("The portable scorer does not serve clustering.");

    private protected override Func<ClusteringPrediction> ReadPrediction(Microsoft.ML.DataViewRow output)
    {
        // ML.NET's cluster key is 1-based (0 is "missing"); ClusterId indexes Distances, so it starts at 0.
        var cluster = output.GetGetter<uint>(output.Schema[ColumnNames.PredictedLabel]);
        var distances = output.GetGetter<VBuffer<float>>(output.Schema[ColumnNames.Score]);
        return () =>
        {
            uint key = default;
            VBuffer<float> d = default;
            cluster(ref key);
            distances(ref d);
            return new ClusteringPrediction((int)key - 1, d.DenseValues().ToArray());
        };
    }
}
