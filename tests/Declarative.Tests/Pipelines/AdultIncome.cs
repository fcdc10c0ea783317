namespace Declarative.Tests.Pipelines;

/// <summary>A row of the adult census data: comma-and-space separated, '?' for missing categories.</summary>
public sealed class Adult
{
    public float Age { get; set; }

    public string Workclass { get; set; } = "";

    [Column("fnlwgt")]
    public float FinalWeight { get; set; }

    public string Education { get; set; } = "";

    [Column("education-num")]
    public float EducationYears { get; set; }

    [Column("marital-status")]
    public string MaritalStatus { get; set; } = "";

    public string Occupation { get; set; } = "";

    public string Relationship { get; set; } = "";

    public string Ethnicity { get; set; } = "";

    public string Sex { get; set; } = "";

    [Column("capital-gain")]
    public float CapitalGain { get; set; }

    [Column("capital-loss")]
    public float CapitalLoss { get; set; }

    [Column("hours-per-week")]
    public float HoursPerWeek { get; set; }

    [Column("native-country")]
    public string NativeCountry { get; set; } = "";

    [Label]
    [Column("label(IsOver50K)")]
    public bool IsOver50K { get; set; }

    /// <summary>A line of the data file, as a row in memory (tests and benchmarks feed rows the file holds).</summary>
    public static Adult Parse(string line)
    {
        var f = line.Split(',').Select(v => v.Trim()).ToArray();
        float Number(string text) => float.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return new Adult
        {
            Age = Number(f[0]), Workclass = f[1], FinalWeight = Number(f[2]), Education = f[3], EducationYears = Number(f[4]), MaritalStatus = f[5],
            Occupation = f[6], Relationship = f[7], Ethnicity = f[8], Sex = f[9], CapitalGain = Number(f[10]), CapitalLoss = Number(f[11]),
            HoursPerWeek = Number(f[12]), NativeCountry = f[13],
        };
    }
}

[BinaryClassification<Adult>(Data = "datasets/adult/adult.txt")]
[Split(TestFraction = 0.2, Seed = 7)]
[Trainers(Trainer.LightGbm)]
public partial class AdultIncomeModel;
