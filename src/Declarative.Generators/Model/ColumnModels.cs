namespace Declarative.Generators.Model
{
    /// <summary>How a feature is read; mirrors the runtime's <c>ColumnKind</c> factory methods.</summary>
    internal enum FeatureKind
    {
        Numeric,
        Boolean,
        Categorical,
        Text,
    }

    /// <summary>How the label is read; one per task.</summary>
    internal enum LabelKind
    {
        Boolean,
        Numeric,
        Class,
    }

    /// <summary>
    /// One feature. <see cref="Getter"/> is the lambda body that reads the property into the runtime's storage type
    /// (for example <c>(float)row.Rooms</c>); <see cref="CategoryType"/> names the type whose values are categories.
    /// </summary>
    internal sealed record FeatureModel(string PropertyName, string? ColumnName, int Index, FeatureKind Kind, string Getter, string? CategoryType);

    /// <summary>
    /// The label. <see cref="Type"/> is the label's C# type as written in generated code, <see cref="Codec"/> the
    /// runtime expression that reads class labels of that type.
    /// </summary>
    internal sealed record LabelModel(string PropertyName, string? ColumnName, int Index, LabelKind Kind, string Type, string Getter, string? Codec);
}
