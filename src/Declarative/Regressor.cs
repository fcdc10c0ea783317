using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative;

/// <summary>A trained regression pipeline.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class Regressor<TRow> : TrainedPipeline<TRow, RegressionPrediction, RegressionReport>
{
    private Regressor(PipelineState<TRow> state)
        : base(state)
    {
    }

    /// <summary>The metrics on the held-out test part. Only a trained model has them.</summary>
    public RegressionMetrics TestMetrics => TestMetricsAs<RegressionMetrics>();

    /// <summary>Loads, splits, tunes (when declared), trains and evaluates the pipeline.</summary>
#pragma warning disable RS0027 // Train(spec, rows, test, options) overloads by type, not by count.
    public static Regressor<TRow> Train(PipelineSpec<TRow> spec, string? dataPath = null, TrainOptions? options = null) =>
        new(Trained(spec, MLTask.Regression, dataPath, options));
#pragma warning restore RS0027

    /// <summary>
    /// Trains on rows in memory: with <paramref name="test"/>, scores those rows and does not split; without, holds out
    /// the declared test fraction (the same rows in the same order give the same model as a file of them).
    /// </summary>
    public static Regressor<TRow> Train(PipelineSpec<TRow> spec, IEnumerable<TRow> rows, IEnumerable<TRow>? test, TrainOptions? options) =>
        new(Trained(spec, MLTask.Regression, rows, test, options));

    /// <summary>Loads a model saved by <c>Save(string)</c>.</summary>
    public static Regressor<TRow> Load(PipelineSpec<TRow> spec, string path) => new(Loaded(spec, MLTask.Regression, path));

    /// <summary>Reads a model saved by <c>Save(Stream)</c>.</summary>
    public static Regressor<TRow> Load(PipelineSpec<TRow> spec, Stream stream) => new(Loaded(spec, MLTask.Regression, stream));

    /// <inheritdoc/>
    private protected override RegressionPrediction FromScores(ReadOnlySpan<float> scores) => new(scores[0]);

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

    /// <summary>
    /// Why the model scores <paramref name="row"/> as it does: each property's exact Shapley value for the raw score
    /// (TreeSHAP for trees, <c>w · (x − E[x])</c> for linear models); they add up from <see cref="Explanation.BaseValue"/>
    /// to <see cref="Explanation.Value"/>. Safe to call from many threads at once.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has no portable form (text n-grams, an encoder, randomized PCA), or its files predate explanations.</exception>
    public Explanation Explain(TRow row) => ExplainRow(row);

    /// <summary>Explains many rows, one at a time as the result is enumerated.</summary>
    public IEnumerable<Explanation> Explain(IEnumerable<TRow> rows) => ExplainRows(rows);
}
