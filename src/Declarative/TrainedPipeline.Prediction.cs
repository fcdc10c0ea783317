using Declarative.Schema;
using Declarative.Scoring;
using Microsoft.ML;

namespace Declarative;

// Prediction: the portable scorer when it serves the pipeline, ML.NET's engine otherwise.
public abstract partial class TrainedPipeline<TRow, TPrediction, TReport>
{
    /// <summary>Predicts one row. Safe to call from many threads at once.</summary>
    public TPrediction Predict(TRow row)
    {
        if (NativeAot.PortableScorerOnly)
        {
            return Scored(_scorer!, row);
        }

        return _scorer is { } scorer ? Scored(scorer, row) : _predictor!.Value.Predict(row);
    }

    /// <summary>Predicts many rows in one streaming pass; rows are read as the result is enumerated.</summary>
    public IEnumerable<TPrediction> Predict(IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (NativeAot.PortableScorerOnly)
        {
            return ScoredRows(_scorer!, rows);
        }

        return _scorer is { } scorer ? ScoredRows(scorer, rows) : _predictor!.Value.Predict(rows);
    }

    private TPrediction Scored(ModelScorer<TRow> scorer, TRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var count = scorer.ScoreCount;
        var scores = count <= 64 ? stackalloc float[count] : new float[count];
        scorer.Score(row, scores);
        return FromScores(scores);
    }

    private IEnumerable<TPrediction> ScoredRows(ModelScorer<TRow> scorer, IEnumerable<TRow> rows)
    {
        foreach (var row in rows)
        {
            yield return Scored(scorer, row ?? throw new ArgumentException("The rows hold a null row.", nameof(rows)));
        }
    }

    /// <summary>
    /// The portable scorer of a model in memory, or null when it cannot serve it (text n-grams; anything the reader does
    /// not recognize): predictions then stay on ML.NET's engine.
    /// </summary>
    private static ModelScorer<TRow>? PortableScorerOf(PipelineSpec<TRow> spec, ITransformer model, Trainer trainer, IReadOnlyList<string>? labelClasses, IReadOnlyList<EnsembleMember> ensemble)
    {
        try
        {
            return ModelScorers.For(spec, PortableModelReader.Read(spec, model, trainer, labelClasses, ensemble), spec.Name);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Made once: the build writes it and the report explains with it, and its covers route the training rows.</remarks>
    PortableModel ITrainedPipeline.ToPortable() =>
        LazyInitializer.EnsureInitialized(ref _portable, () => WithBasis(_scorer?.Model ?? PortableModelReader.Read(Spec, Model, Trainer, LabelClasses, Ensemble)));
}
