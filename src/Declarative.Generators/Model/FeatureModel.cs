namespace Declarative.Generators.Model
{
    /// <summary>How a feature is featurized; mirrors the runtime's <c>ColumnKind</c> factory methods.</summary>
    internal enum FeatureKind
    {
        Numeric,
        Boolean,
        Categorical,
        Text,
        Date,
        Run,
        Image,
    }

    /// <summary>
    /// One feature, as facts: the property, the file column it maps to, how it is featurized, and the property's
    /// type (<see cref="TypeName"/> is its fully qualified underlying type, <see cref="IsNullable"/> whether it is
    /// <c>Nullable&lt;T&gt;</c>). The emitter derives the getter from these.
    /// </summary>
    internal sealed record FeatureModel(
        string PropertyName, string? ColumnName, int Index, FeatureKind Kind, ValueType ValueType, bool IsNullable, string TypeName, string? Format = null)
    {
        /// <summary>For a run of columns: the header names of its first and last column (null for a run by position).</summary>
        public string? RunLast { get; init; }

        /// <summary>For a run of columns: how many.</summary>
        public int RunCount { get; init; }

        /// <summary>For text: how it becomes numbers.</summary>
        public Shared.TextEncoder Encoder { get; init; }

        /// <summary>For an image: the network that encodes it.</summary>
        public Shared.ImageEncoder ImageEncoder { get; init; }

        /// <summary>For a forecaster's covariate: whether it is known only up to the last value (<c>[PastCovariate]</c>).</summary>
        public bool Past { get; init; }

        /// <summary>For an image: whether the property holds the encoded bytes (a <c>byte[]</c>) rather than a path.</summary>
        public bool ImageBytes { get; init; }
    }
}
