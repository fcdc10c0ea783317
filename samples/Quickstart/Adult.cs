using Declarative;

namespace Quickstart;

/// <summary>
/// One person of the 1994 US census extract (datasets/adult). Properties map to the file's header by name;
/// [Column] names the headers that are no C# identifiers. Strings are categorical unless marked [Text].
/// </summary>
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

    [Column("capital-loss")]
    public float CapitalLoss { get; set; }

    [Column("hours-per-week")]
    public float HoursPerWeek { get; set; }

    [Label]
    [Column("label(IsOver50K)")]
    public bool EarnsOver50K { get; set; }
}

/// <summary>Predicts whether a person earns over $50K a year. The generator writes Train, Predict, Save and Load.</summary>
[BinaryClassification<Adult>(Data = "data/adult.txt")]
[Split(TestFraction = 0.2, Seed = 42)]
[Trainers(Trainer.LightGbm)]
public partial class IncomeModel;
