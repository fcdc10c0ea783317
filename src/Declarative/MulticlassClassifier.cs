using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative;

/// <summary>A trained multiclass classification pipeline whose classes are values of <typeparamref name="TLabel"/>.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TLabel">The label's C# type.</typeparam>
public sealed class MulticlassClassifier<TRow, TLabel> : TrainedPipeline<TRow, MulticlassPrediction<TLabel>, MulticlassClassificationReport>
{
    private MulticlassClassifier(PipelineState<TRow> state)
        : base(state)
    {
        var codec = state.Spec.Label?.Codec as LabelCodec<TLabel>
            ?? throw new ArgumentException($"Pipeline {state.Spec.Name}: the label is not read as {typeof(TLabel).Name}.", nameof(state));

        Classes = ClassNames(state).Select(codec.FromText).ToArray();
    }

    /// <summary>The classes the model knows, in the order of <see cref="MulticlassPrediction{TLabel}.Scores"/>.</summary>
    public IReadOnlyList<TLabel> Classes { get; }

    /// <summary>Why the model gives <paramref name="row"/> the raw score of its predicted class: each property's exact Shapley value.</summary>
    /// <exception cref="NotSupportedException">The model has no portable form (text n-grams, an encoder), or its files predate explanations.</exception>
    public Explanation Explain(TRow row) => ExplainRow(row);

    /// <summary>Explains many rows (each its predicted class), one at a time as the result is enumerated.</summary>
    public IEnumerable<Explanation> Explain(IEnumerable<TRow> rows) => ExplainRows(rows);

    /// <inheritdoc/>
    private protected override int ExplainedOutput(TRow row) => ClassIndex(Predict(row).PredictedLabel);

    /// <summary>Why the model gives <paramref name="row"/> the raw score it gives <paramref name="forClass"/>: each property's exact Shapley value.</summary>
    /// <exception cref="ArgumentException"><paramref name="forClass"/> is not one of <see cref="Classes"/>.</exception>
    public Explanation Explain(TRow row, TLabel forClass) => ExplainOutput(row, ClassIndex(forClass));

    private int ClassIndex(TLabel label)
    {
        for (var i = 0; i < Classes.Count; i++)
        {
            if (EqualityComparer<TLabel>.Default.Equals(Classes[i], label))
            {
                return i;
            }
        }

        throw new ArgumentException($"Pipeline {Spec.Name}: '{label}' is not one of the model's classes ({string.Join(", ", Classes)}).", nameof(label));
    }

    /// <summary>The metrics on the held-out test part. Only a trained model has them.</summary>
    public MulticlassClassificationMetrics TestMetrics => TestMetricsAs<MulticlassClassificationMetrics>();

    /// <summary>Loads, splits, tunes (when declared), trains and evaluates the pipeline.</summary>
#pragma warning disable RS0027 // Train(spec, rows, test, options) overloads by type, not by count.
    public static MulticlassClassifier<TRow, TLabel> Train(PipelineSpec<TRow> spec, string? dataPath = null, TrainOptions? options = null) =>
        new(Trained(spec, MLTask.MulticlassClassification, dataPath, options));
#pragma warning restore RS0027

    /// <summary>
    /// Trains on rows in memory: with <paramref name="test"/>, scores those rows and does not split; without, holds out
    /// the declared test fraction (the same rows in the same order give the same model as a file of them).
    /// </summary>
    public static MulticlassClassifier<TRow, TLabel> Train(PipelineSpec<TRow> spec, IEnumerable<TRow> rows, IEnumerable<TRow>? test, TrainOptions? options) =>
        new(Trained(spec, MLTask.MulticlassClassification, rows, test, options));

    /// <summary>Loads a model saved by <c>Save(string)</c>.</summary>
    public static MulticlassClassifier<TRow, TLabel> Load(PipelineSpec<TRow> spec, string path) => new(Loaded(spec, MLTask.MulticlassClassification, path));

    /// <summary>Reads a model saved by <c>Save(Stream)</c>.</summary>
    public static MulticlassClassifier<TRow, TLabel> Load(PipelineSpec<TRow> spec, Stream stream) => new(Loaded(spec, MLTask.MulticlassClassification, stream));

    /// <summary>The classes as text, in score order: the portable model's list, or the slot names of ML.NET's score vector (which follow the label's key order).</summary>
    private static IEnumerable<string> ClassNames(PipelineState<TRow> state)
    {
        if (NativeAot.PortableScorerOnly || state.Model is null)
        {
            return state.Scorer!.Model.Classes!;
        }

        return Data.ViewColumns.SlotNames(state.Model.GetOutputSchema(Data.ViewSchema.For(state.Spec))[ColumnNames.Score]);
    }

    /// <inheritdoc/>
    private protected override MulticlassPrediction<TLabel> FromScores(ReadOnlySpan<float> scores)
    {
        // The first highest score wins, as ML.NET's argmax picks it.
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return new MulticlassPrediction<TLabel>(Classes[best], scores.ToArray());
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
}
