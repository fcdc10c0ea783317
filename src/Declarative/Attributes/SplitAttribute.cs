namespace Declarative;

/// <summary>
/// How the data is split into a training part and a held-out test part on which <c>TestMetrics</c> are
/// measured. Without this attribute a pipeline holds out 20% with seed 1.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SplitAttribute : Attribute
{
    /// <summary>The default share of rows held out for testing.</summary>
    public const double DefaultTestFraction = 0.2;

    /// <summary>The default seed of the split and of every trainer.</summary>
    public const int DefaultSeed = 1;

    /// <summary>The share of rows held out for testing, strictly between 0 and 1.</summary>
    public double TestFraction { get; set; } = DefaultTestFraction;

    /// <summary>The seed of the split and of every random choice in training: the same seed gives the same model.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>
    /// Split by time instead of at random: the property (a date, time or number feature; <c>nameof(Row.When)</c>) whose
    /// last <see cref="TestFraction"/> of rows, in its order, is the test part. Tuning then validates forward (train on
    /// the past, validate on the next block), and so does the report's cross-validation.
    /// </summary>
    public string? OrderBy { get; set; }
}
