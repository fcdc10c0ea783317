using Declarative.Data;
using Declarative.Scoring;

namespace Declarative;

// Explanations: exact Shapley values of the raw score, from the portable model and what the build recorded of the training rows.
public abstract partial class TrainedPipeline<TRow, TPrediction, TReport>
{
    private ModelExplainer<TRow>? _explainer;
    private PortableModel? _portable;

    /// <summary>
    /// Why the model scores <paramref name="row"/> as it does (the faces of tasks with a raw score make it public): each
    /// property's exact Shapley value for the raw score, TreeSHAP for trees and <c>w · (x − E[x])</c> for linear models.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has no portable form (text n-grams, an encoder, anomaly detection's k-means or PCA), or its files predate explanations.</exception>
    private protected Explanation ExplainRow(TRow row) => ExplainOutput(row, ExplainedOutput(row));

    /// <summary>Explains many rows, one at a time as the result is enumerated; fails before the first when it cannot.</summary>
    private protected IEnumerable<Explanation> ExplainRows(IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Explainer();
        return rows.Select(ExplainRow);
    }

    /// <summary>The raw output a row's explanation is of: the only one, or (multiclass) the predicted class's.</summary>
    private protected virtual int ExplainedOutput(TRow row) => 0;

    /// <summary>Explains raw output <paramref name="output"/> (a class of a multiclass model).</summary>
    private protected Explanation ExplainOutput(TRow row, int output)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Explainer().Explain(row, output);
    }

    private ModelExplainer<TRow> Explainer()
    {
        if (_explainer is { } ready)
        {
            return ready;
        }

        if (!_task.Explains)
        {
            throw new NotSupportedException($"Pipeline {Spec.Name}: {Spec.Task} models have no raw score to explain.");
        }

        if (!((Schema.IPipelineSpec)Spec).PortableFeatures)
        {
            throw new NotSupportedException($"Pipeline {Spec.Name}: a [Text] property is featurized by n-grams or an encoder, which explanations do not serve yet.");
        }

        if (!_task.Portable)
        {
            throw new NotSupportedException($"Pipeline {Spec.Name}: explanations serve tree ensembles and linear models through the portable scorer; {Spec.Task} with {Trainer} scores a row by its distance to the nearest k-means centroid or its randomized PCA reconstruction error, which the portable scorer does not serve.");
        }

        var portable = _scorer?.Model is { } served && ExplanationBasis.Has(served) ? served : TrainedPortable();
        var explainer = ModelExplainer<TRow>.For(Spec, portable, RowFeaturizers.For(Spec, portable.Features, Spec.Name));
        return Interlocked.CompareExchange(ref _explainer, explainer, null) ?? explainer;
    }

    /// <summary>
    /// The portable model of a pipeline trained in this process, read from ML.NET's model. Not in a Native AOT app (the
    /// feature switch is a constant there, so the compiler drops the ML.NET path): it has only the build's scorer.json.
    /// </summary>
    private PortableModel TrainedPortable()
    {
        if (NativeAot.PortableScorerOnly || _run is null)
        {
            throw new NotSupportedException($"Pipeline {Spec.Name}: this model was loaded without the portable model the build writes beside it (<Name>.scorer.json), or with one written before explanations, which holds no covers. Load the build's model with Load(), or rebuild it.");
        }

        return ((ITrainedPipeline)this).ToPortable();
    }

    /// <summary>The portable model with the covers and means of the training rows this pipeline was trained on.</summary>
    private PortableModel WithBasis(PortableModel portable) =>
        ExplanationBasis.Has(portable) || _run?.Data is not { } data ? portable
            : ExplanationBasis.Add(portable, data.TrainPart is TableDataView view ? view.ToTable() : data.Table);
}
