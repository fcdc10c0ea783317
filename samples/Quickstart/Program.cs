using Declarative.Artifacts;
using Quickstart;

// `dotnet build` trained the model (see IncomeModel in Adult.cs) and put IncomeModel.mlnet and its manifest
// IncomeModel.model.json next to this app. Load() reads it and checks it fits the Adult row type.
var model = IncomeModel.Load();
var manifest = ModelManifest.TryRead(Path.Combine(AppContext.BaseDirectory, "IncomeModel.model.json"))!;
Console.WriteLine($"Model trained at build time with {manifest.Trainer} (seed {manifest.Seed}) on {manifest.DataFile}");
Console.WriteLine($"Test AUC {manifest.TestMetrics["AreaUnderRocCurve"]:F3}, accuracy {manifest.TestMetrics["Accuracy"]:F3}, F1 {manifest.TestMetrics["F1Score"]:F3}");
Console.WriteLine();

// Predict: typed rows in, typed predictions out. Predict is safe to call from many threads.
Adult[] people =
[
    new() { Age = 52, Workclass = "Self-emp-inc", Education = "Doctorate", EducationYears = 16, MaritalStatus = "Married-civ-spouse",
            Occupation = "Exec-managerial", Relationship = "Husband", Sex = "Male", CapitalGain = 15_024, HoursPerWeek = 60 },
    new() { Age = 23, Workclass = "Private", Education = "HS-grad", EducationYears = 9, MaritalStatus = "Never-married",
            Occupation = "Handlers-cleaners", Relationship = "Own-child", Sex = "Female", HoursPerWeek = 30 },
    new() { Age = 41, Workclass = "Private", Education = "Bachelors", EducationYears = 13, MaritalStatus = "Married-civ-spouse",
            Occupation = "Prof-specialty", Relationship = "Wife", Sex = "Female", HoursPerWeek = 45 },
];

foreach (var (person, prediction) in people.Zip(model.Predict(people)))
{
    Console.WriteLine($"{person.Age,3} y, {person.Education,-10} {person.Occupation,-18} -> over 50K: {prediction.PredictedLabel,-5} (p = {prediction.Probability:F2})");
}

Console.WriteLine();
Console.WriteLine($"The build's report on this model: {Path.Combine(AppContext.BaseDirectory, "IncomeModel.report.html")}");

// Training in the app is still possible: IncomeModel.Train() gives the same model for the same data and seed.
