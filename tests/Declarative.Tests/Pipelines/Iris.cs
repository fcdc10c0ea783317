namespace Declarative.Tests.Pipelines;

public enum IrisSpecies
{
    Setosa = 0,
    Versicolor = 1,
    Virginica = 2,
}

/// <summary>A row of the iris data: tab separated, a header whose first name is '#Label', the label as 0/1/2.</summary>
public sealed class Iris
{
    [Label]
    public IrisSpecies Label { get; set; }

    public float SepalLength { get; set; }

    public float SepalWidth { get; set; }

    public float PetalLength { get; set; }

    public float PetalWidth { get; set; }
}

/// <summary>The same file read with the label as a string, to show predictions come back in the label's type.</summary>
public sealed class IrisWithStringLabel
{
    [Label]
    [Column("#Label")]
    public string Species { get; set; } = "";

    [Column("Sepal length")]
    public float SepalLength { get; set; }

    [Column("Sepal width")]
    public float SepalWidth { get; set; }

    [Column("Petal length")]
    public float PetalLength { get; set; }

    [Column("Petal width")]
    public float PetalWidth { get; set; }
}

[MulticlassClassification<Iris>(Data = "datasets/iris/iris.txt")]
[Split(TestFraction = 0.3, Seed = 3)]
[Trainers(Trainer.SdcaMaximumEntropy)]
public partial class IrisModel;

[MulticlassClassification<IrisWithStringLabel>(Data = "datasets/iris/iris.txt")]
[Split(TestFraction = 0.3, Seed = 3)]
[Trainers(Trainer.LightGbm)]
public partial class IrisStringModel;

/// <summary>Iris read by position, for a copy of the file without its header line.</summary>
public sealed class IrisByPosition
{
    [Label]
    public int Class { get; set; }

    public float SepalLength { get; set; }

    public float SepalWidth { get; set; }

    [Ignore]
    public string Note { get; set; } = "";

    [Column(Index = 4)]
    public float PetalWidth { get; set; }
}

[MulticlassClassification<IrisByPosition>(HasHeader = false, Separator = '\t')]
[Trainers(Trainer.LbfgsMaximumEntropy)]
public partial class IrisByPositionModel;

/// <summary>Iris as a positional record: no parameterless constructor, init-only properties.</summary>
public sealed record IrisRecord([property: Label] int Label, float SepalLength, float SepalWidth, float PetalLength, float PetalWidth);

[MulticlassClassification<IrisRecord>(Data = "datasets/iris/iris.txt")]
[Trainers(Trainer.SdcaMaximumEntropy)]
public partial class IrisRecordModel;
