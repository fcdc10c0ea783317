using Declarative;

namespace PredictionApi;

/// <summary>One person of the 1994 US census extract (datasets/adult), as the API receives it in JSON.</summary>
public sealed class Person
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
    public bool EarnsOver50K { get; set; }
}

/// <summary>Whether a person earns over $50K a year: trained by this project's build, served by the API.</summary>
[BinaryClassification<Person>(Data = "data/adult.txt")]
[Split(TestFraction = 0.2, Seed = 42)]
[Trainers(Trainer.LightGbm)]
public partial class IncomeModel;
