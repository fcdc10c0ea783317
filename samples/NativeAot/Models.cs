using Declarative;

namespace NativeAot;

/// <summary>A person of the 1994 US census extract (datasets/adult): numbers, categories and a bool label.</summary>
public sealed class Adult
{
    public float Age { get; set; }

    public string Workclass { get; set; } = "";

    public string Education { get; set; } = "";

    [Column("education-num")]
    public float EducationYears { get; set; }

    [Column("marital-status")]
    public string MaritalStatus { get; set; } = "";

    public string Occupation { get; set; } = "";

    public string Relationship { get; set; } = "";

    public string Sex { get; set; } = "";

    [Column("capital-gain")]
    public float CapitalGain { get; set; }

    [Column("hours-per-week")]
    public float HoursPerWeek { get; set; }

    [Label]
    [Column("label(IsOver50K)")]
    public bool EarnsOver50K { get; set; }
}

/// <summary>Binary classification with LightGbm's trees over one-hot categories.</summary>
[BinaryClassification<Adult>(Data = "data/adult.txt")]
[Split(TestFraction = 0.2, Seed = 42)]
[Trainers(Trainer.LightGbm)]
public partial class IncomeModel;

/// <summary>A Boston suburb (datasets/housing): tab separated, the label first, a bool column.</summary>
public sealed class House
{
    [Label]
    public float MedianHomeValue { get; set; }

    public float CrimesPerCapita { get; set; }

    public float PercentResidental { get; set; }

    public float PercentNonRetail { get; set; }

    public bool CharlesRiver { get; set; }

    public float NitricOxides { get; set; }

    public float RoomsPerDwelling { get; set; }

    public float PercentPre40s { get; set; }

    public float EmploymentDistance { get; set; }

    public int HighwayDistance { get; set; }

    public float TaxRate { get; set; }

    public float TeacherRatio { get; set; }

    public float BlackIndex { get; set; }

    public float PercentLowIncome { get; set; }
}

/// <summary>Regression with FastTree.</summary>
[Regression<House>(Data = "data/housing.txt")]
[Split(TestFraction = 0.2, Seed = 5)]
[Trainers(Trainer.FastTree)]
public partial class HousingModel;

/// <summary>An iris flower (datasets/iris): the species as text.</summary>
public sealed class Iris
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

/// <summary>Multiclass classification with a linear model over normalized features.</summary>
[MulticlassClassification<Iris>(Data = "data/iris.txt")]
[Split(TestFraction = 0.3, Seed = 3)]
[Trainers(Trainer.SdcaMaximumEntropy)]
public partial class IrisModel;
