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

    /// <summary>A line of the data file, as a row in memory (tests and benchmarks feed rows the file holds).</summary>
    public static House Parse(string line)
    {
        var v = line.Split('\t').Select(x => float.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new House
        {
            MedianHomeValue = v[0], CrimesPerCapita = v[1], PercentResidental = v[2], PercentNonRetail = v[3], CharlesRiver = v[4] != 0, NitricOxides = v[5],
            RoomsPerDwelling = v[6], PercentPre40s = v[7], EmploymentDistance = v[8], HighwayDistance = (int)v[9], TaxRate = v[10], TeacherRatio = v[11],
            BlackIndex = v[12], PercentLowIncome = v[13],
        };
    }
}

[Regression<House>(Data = "datasets/housing/housing.txt")]
[Split(TestFraction = 0.2, Seed = 5)]
[Trainers(Trainer.FastTree)]
public partial class HousingModel;
