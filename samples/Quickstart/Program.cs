using Quickstart;

// Train: load the CSV, hold out 20% for testing, featurize, fit LightGBM, evaluate.
var model = IncomeModel.Train();
var metrics = model.TestMetrics;
Console.WriteLine($"Trained {model.Pipeline.Trainer} on {model.Pipeline.DataPath} in {model.Pipeline.TrainingTime?.TotalSeconds:F1} s");
Console.WriteLine($"Test AUC {metrics.AreaUnderRocCurve:F3}, accuracy {metrics.Accuracy:F3}, F1 {metrics.F1Score:F3}");
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

// Save and load: the file carries a schema hash, so a model never runs against a row type it was not trained for.
var path = Path.Combine(Path.GetTempPath(), "IncomeModel.mlnet");
model.Save(path);
var loaded = IncomeModel.Load(path);
Console.WriteLine();
Console.WriteLine($"Saved to {path}; the loaded model agrees: {loaded.Predict(people[0]).PredictedLabel == model.Predict(people[0]).PredictedLabel}");
