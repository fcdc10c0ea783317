using System.Globalization;
using NativeAot;

// Published with PublishAot=true this is a native executable: no JIT, no ML.NET. Load() reads each model's portable
// form (IncomeModel.scorer.json, ...) that `dotnet build` wrote and checked against ML.NET beside the .mlnet.
// Run on the JIT (dotnet NativeAot.dll --mlnet), the same code predicts through ML.NET's engine instead, for comparison:
// the build marks this project scorer-only, as the native app is, so both switches turn that off before any model loads.
if (args.Contains("--mlnet"))
{
    AppContext.SetSwitch(Declarative.DeclarativeSwitches.PortableScorerOnly, false);
    AppContext.SetSwitch(Declarative.DeclarativeSwitches.UseMLNetEngine, true);
}

var culture = CultureInfo.InvariantCulture;
var income = IncomeModel.Load();
Adult[] people =
[
    new() { Age = 52, Workclass = "Self-emp-inc", Education = "Doctorate", EducationYears = 16, MaritalStatus = "Married-civ-spouse",
            Occupation = "Exec-managerial", Relationship = "Husband", Sex = "Male", CapitalGain = 15_024, HoursPerWeek = 60 },
    new() { Age = 23, Workclass = "Private", Education = "HS-grad", EducationYears = 9, MaritalStatus = "Never-married",
            Occupation = "Handlers-cleaners", Relationship = "Own-child", Sex = "Female", HoursPerWeek = 30 },
    new() { Age = 41, Workclass = "?", Education = "Bachelors", EducationYears = 13, MaritalStatus = "Married-civ-spouse",
            Occupation = "Prof-specialty", Relationship = "Wife", Sex = "Female", HoursPerWeek = 45 },
];
foreach (var prediction in income.Predict(people))
{
    Console.WriteLine(string.Create(culture, $"income\t{prediction.PredictedLabel}\t{prediction.Score:R}\t{prediction.Probability:R}"));
}

var housing = HousingModel.Load();
House[] houses =
[
    new() { CrimesPerCapita = 0.00632f, PercentResidental = 18, PercentNonRetail = 2.31f, NitricOxides = 0.538f, RoomsPerDwelling = 6.575f, PercentPre40s = 65.2f,
            EmploymentDistance = 4.09f, HighwayDistance = 1, TaxRate = 296, TeacherRatio = 15.3f, BlackIndex = 396.9f, PercentLowIncome = 4.98f },
    new() { CrimesPerCapita = 8.98f, CharlesRiver = true, PercentNonRetail = 18.1f, NitricOxides = 0.77f, RoomsPerDwelling = 6.2f, PercentPre40s = 97,
            EmploymentDistance = 2.1f, HighwayDistance = 24, TaxRate = 666, TeacherRatio = 20.2f, BlackIndex = 377f, PercentLowIncome = 17.6f },
];
foreach (var house in houses)
{
    Console.WriteLine(string.Create(culture, $"housing\t{housing.Predict(house).Score:R}"));
}

var iris = IrisModel.Load();
Iris[] flowers =
[
    new() { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f },
    new() { SepalLength = 6.4f, SepalWidth = 3.2f, PetalLength = 4.5f, PetalWidth = 1.5f },
    new() { SepalLength = 6.3f, SepalWidth = 3.3f, PetalLength = 6.0f, PetalWidth = 2.5f },
];
foreach (var flower in flowers)
{
    var prediction = iris.Predict(flower);
    Console.WriteLine(string.Create(culture, $"iris\t{prediction.PredictedLabel}\t{string.Join(' ', prediction.Scores.Select(s => s.ToString("R", culture)))}"));
}
