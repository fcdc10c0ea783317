using System.Collections.Frozen;

namespace Declarative.Scoring;

/// <summary>
/// Writes a row's feature vector as ML.NET's featurizer would: numbers with missing values replaced by the training
/// mean, one-hot categories, then the slot-wise scaling of linear trainers. An app's rows are read through the
/// declaration's own getters (<see cref="RowFeaturizers.For{TRow}"/>), so dates, runs and conversions are the ones
/// training saw; the build's check reads the loaded table's columns (<see cref="RowFeaturizers.ForTable"/>).
/// </summary>
internal sealed class RowFeaturizer<TRow>
{
    private readonly Func<TRow, float>[] _numeric;
    private readonly string[] _numericNames;
    private readonly float[] _means;
    private readonly Category[] _categories;
    private readonly float[]? _scale;
    private readonly float[]? _offset;

    /// <summary>Binds the model's columns to getters by property name, and checks the pipeline has no feature the model ignores.</summary>
    /// <param name="features">The model's featurization.</param>
    /// <param name="numberOf">The getter of a numeric column by property name, or null when there is none.</param>
    /// <param name="categoryOf">The getter of a categorical column by property name, or null when there is none.</param>
    /// <param name="featureNames">Every feature the caller has, by property name.</param>
    /// <param name="owner">What the getters belong to, for errors (the pipeline).</param>
    /// <param name="source">The model's file, for errors.</param>
    public RowFeaturizer(
        PortableFeatures features, Func<string, Func<TRow, float>?> numberOf, Func<string, Func<TRow, string?>?> categoryOf,
        IEnumerable<string> featureNames, string owner, string source)
    {
        if (features.Means.Count != features.Numeric.Count)
        {
            throw new ModelFileException(source, "The portable model's numeric columns and their means differ in number.");
        }

        _numeric = features.Numeric.Select(name => numberOf(name)
            ?? throw new ModelFileException(source, $"The portable model reads '{name}' as a number, but {owner} has no such number.")).ToArray();
        _means = [.. features.Means];
        _numericNames = [.. features.Numeric];

        var offset = _numeric.Length;
        _categories = features.Categorical.Select(c =>
        {
            var getter = categoryOf(c.Property)
                ?? throw new ModelFileException(source, $"The portable model reads '{c.Property}' as a category, but {owner} has no such category.");
            var slots = c.Values.Select((value, i) => KeyValuePair.Create(value, i)).ToFrozenDictionary(StringComparer.Ordinal);
            var category = new Category(getter, slots, offset);
            offset += c.Values.Count;
            return category;
        }).ToArray();

        Length = offset;
        var unused = featureNames.Except(features.Numeric.Concat(features.Categorical.Select(c => c.Property)), StringComparer.Ordinal).FirstOrDefault();
        if (unused is not null)
        {
            throw new ModelFileException(source, $"{owner} has the feature '{unused}', which the portable model does not read.");
        }

        if ((features.Scale is { } scale && scale.Count != Length) || (features.Offset is { } o && o.Count != Length))
        {
            throw new ModelFileException(source, $"The portable model scales {features.Scale?.Count} slots, but its features have {Length}.");
        }

        _scale = features.Scale is null ? null : [.. features.Scale];
        _offset = features.Offset is null ? null : [.. features.Offset];
    }

    /// <summary>The number of slots.</summary>
    public int Length { get; }

    /// <summary>Fills <paramref name="features"/> (of <see cref="Length"/> slots) from <paramref name="row"/>.</summary>
    public void Featurize(TRow row, Span<float> features)
    {
        features.Clear();
        for (var i = 0; i < _numeric.Length; i++)
        {
            var value = Data.FiniteFeatures.Checked(_numeric[i](row), _numericNames[i]);
            features[i] = float.IsNaN(value) ? _means[i] : value;
        }

        foreach (var category in _categories)
        {
            if (category.Getter(row) is { } text && category.Slots.TryGetValue(text, out var slot))
            {
                features[category.Offset + slot] = 1f;
            }
        }

        if (_scale is { } scale)
        {
            if (_offset is { } offset)
            {
                for (var i = 0; i < scale.Length; i++)
                {
                    features[i] = (features[i] - offset[i]) * scale[i];
                }
            }
            else
            {
                for (var i = 0; i < scale.Length; i++)
                {
                    features[i] *= scale[i];
                }
            }
        }
    }

    private sealed record Category(Func<TRow, string?> Getter, FrozenDictionary<string, int> Slots, int Offset);
}

/// <summary>The two sources of rows a featurizer reads: an app's typed rows and a loaded table's rows by index.</summary>
internal static class RowFeaturizers
{
    public static RowFeaturizer<TRow> For<TRow>(Schema.PipelineSpec<TRow> spec, PortableFeatures features, string source)
    {
        var byName = spec.Features.ToDictionary(f => f.PropertyName, StringComparer.Ordinal);
        return new RowFeaturizer<TRow>(
            features,
            name => byName.GetValueOrDefault(name) is { Kind: not Schema.ColumnKind.Categorical } c ? c.SingleGetter : null,
            name => byName.GetValueOrDefault(name) is { Kind: Schema.ColumnKind.Categorical } c ? c.TextGetter : null,
            byName.Keys,
            $"pipeline {spec.Name}",
            source);
    }

    public static RowFeaturizer<int> ForTable(Data.DataTable table, PortableFeatures features, string source)
    {
        var byName = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return new RowFeaturizer<int>(
            features,
            name => byName.GetValueOrDefault(name) is { Singles: { } values } ? row => values[row] : null,
            name => byName.GetValueOrDefault(name) is { Singles: null, Booleans: null } column ? row => column.Text(row).ToString() : null,
            features.Numeric.Concat(features.Categorical.Select(c => c.Property)),
            "the data table",
            source);
    }
}
