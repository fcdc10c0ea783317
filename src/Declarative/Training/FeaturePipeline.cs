using Declarative.Schema;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Declarative.Training;

/// <summary>
/// Turns a pipeline's columns into one feature vector: numeric columns with missing values replaced by the mean,
/// categorical columns one-hot encoded, text columns as normalized word and character n-grams.
/// </summary>
internal static class FeaturePipeline
{
    public static IEstimator<ITransformer> Build<TRow>(MLContext ml, PipelineSpec<TRow> spec, FeatureScaling scaling)
    {
        var parts = new List<string>();
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();

        var numeric = spec.Features.Where(f => f.Kind is ColumnKind.Numeric or ColumnKind.Boolean or ColumnKind.DatePart).Select(f => f.PropertyName).ToArray();
        if (numeric.Length > 0)
        {
            chain = chain
                .Append(ml.Transforms.Concatenate(ColumnNames.NumericFeatures, numeric))
                .Append(ml.Transforms.ReplaceMissingValues(ColumnNames.NumericFeatures, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
            parts.Add(ColumnNames.NumericFeatures);
        }

        foreach (var column in spec.Features.Where(f => f.Kind == ColumnKind.Categorical))
        {
            var output = ColumnNames.Categorical(column.PropertyName);
            chain = chain.Append(ml.Transforms.Categorical.OneHotEncoding(output, column.PropertyName, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue));
            parts.Add(output);
        }

        foreach (var column in spec.Features.Where(f => f.Kind == ColumnKind.Text))
        {
            var output = ColumnNames.Text(column.PropertyName);
            chain = chain.Append(ml.Transforms.Text.FeaturizeText(output, column.PropertyName));
            parts.Add(output);
        }

        chain = chain.Append(ml.Transforms.Concatenate(ColumnNames.Features, [.. parts]));
        chain = scaling switch
        {
            FeatureScaling.MinMax => chain.Append(ml.Transforms.NormalizeMinMax(ColumnNames.Features)),
            // ML.NET's default (fixZero) divides by the root mean square, not the standard deviation: a feature far
            // from zero (wine's alcohol, 13 ± 0.8) shrinks to nothing. Centre it, unless text n-grams (sparse,
            // already unit length) are in the vector: centring would make it dense.
            FeatureScaling.Standardize => chain.Append(ml.Transforms.NormalizeMeanVariance(ColumnNames.Features, fixZero: spec.NGramText is not null)),
            _ => chain,
        };

        return chain;
    }
}
