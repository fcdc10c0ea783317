namespace Declarative.Tests.Pipelines;

/// <summary>A row of the Boston housing data: tab separated, the label first.</summary>
public sealed record House
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

[Regression<House>(Data = "datasets/housing/housing.txt")]
[Split(TestFraction = 0.2, Seed = 5)]
[Trainers(Trainer.FastTree)]
public partial class HousingModel;
