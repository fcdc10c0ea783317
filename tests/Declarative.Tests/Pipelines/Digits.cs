namespace Declarative.Tests.Pipelines;

/// <summary>
/// A row of the UCI handwritten digits as scikit-learn ships them: 64 pixel counts (0–16) of an 8×8 image, then
/// the digit; no header, so the run is by position and the label follows it.
/// </summary>
public sealed class Digit
{
    [Columns(StartIndex = 0, Count = 64)]
    public float[] Pixels { get; set; } = [];

    [Label]
    public int Value { get; set; }
}

/// <summary>The same rows under a header <c>p0,...,p63,digit</c>: the run by its first and last names.</summary>
public sealed class NamedDigit
{
    [Columns("p0", "p63")]
    public float[] Pixels { get; set; } = [];

    [Label]
    [Column("digit")]
    public int Value { get; set; }
}

[MulticlassClassification<Digit>(Data = "datasets/optdigits/digits.csv", HasHeader = false)]
[Split(TestFraction = 0.2, Seed = 1)]
[Trainers(Trainer.SdcaMaximumEntropy)]
public partial class DigitModel;

[MulticlassClassification<NamedDigit>(Data = "datasets/optdigits/digits-with-header.csv")]
[Split(TestFraction = 0.2, Seed = 1)]
[Trainers(Trainer.SdcaMaximumEntropy)]
public partial class NamedDigitModel;
