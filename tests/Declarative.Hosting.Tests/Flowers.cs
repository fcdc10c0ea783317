namespace Declarative.Hosting.Tests;

/// <summary>A row of the iris data (tab separated, the label first, named '#Label').</summary>
public sealed class Flower
{
    [Label]
    public int Label { get; set; }

    public float SepalLength { get; set; }

    public float SepalWidth { get; set; }

    public float PetalLength { get; set; }

    public float PetalWidth { get; set; }
}

[MulticlassClassification<Flower>(Data = "datasets/iris/iris.txt")]
[Split(TestFraction = 0.2, Seed = 2)]
[Trainers(Trainer.SdcaMaximumEntropy)]
public partial class FlowerModel;
