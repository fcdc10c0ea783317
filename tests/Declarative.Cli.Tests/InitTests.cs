using Declarative.Cli.Init;

namespace Declarative.Cli.Tests;

/// <summary>
/// <c>init</c> on every bundled dataset and on messy files: what it writes compiles with the generator without a
/// warning, trains on the file, and declares what the values say.
/// </summary>
public sealed class InitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("declarative-init").FullName;

    [Theory]
    [InlineData("adult/adult.txt", "label(IsOver50K)", "Binary", "AreaUnderRocCurve", 0.85)]
    [InlineData("breast-cancer/breast-cancer-withheader.txt", "label", "Binary", "AreaUnderRocCurve", 0.95)]
    [InlineData("housing/housing.txt", "MedianHomeValue", "Regression", "RSquared", 0.6)]
    [InlineData("iris/iris.txt", "#Label", "Multiclass", "MacroAccuracy", 0.85)]
    [InlineData("wikipedia-detox/wikipedia-detox-250-line-data.tsv", "Sentiment", "Binary", "AreaUnderRocCurve", 0.6)]
    [InlineData("taxi-fare/taxi-fare-test.csv", "fare_amount", "Regression", "RSquared", 0.7)]
    [InlineData("optdigits/digits-with-header.csv", "digit", "Multiclass", "MacroAccuracy", 0.85)]
    [InlineData("sentiment-sentences/yelp_labelled.txt", "Column2", "Binary", "AreaUnderRocCurve", 0.7)]
    [InlineData("nab-nyc-taxi/nyc_taxi.csv", "value", "Regression", "RSquared", 0.5)]
    [InlineData("wine/wine_data.csv", "Column14", "Multiclass", "MacroAccuracy", 0.85)]
    [InlineData("modechoice/modechoice.csv", "choice", "Binary", "AreaUnderRocCurve", 0.95)]
    public void EveryBundledDataset_GivesADeclarationThatCompilesAndTrains(string dataset, string label, string task, string metric, double atLeast)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", dataset);

        // Untuned here, to keep the suite's time: ATunedDeclaration_TunesWithItsBudget trains one as init writes it.
        var result = InitCommand.Write(new InitOptions(data, label, null, TaskChoice.Auto, Path.Combine(_directory, "Model.cs"), Force: false, NoTune: true));

        Assert.Equal(Enum.Parse<TaskChoice>(task), result.Label.Task);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, Path.GetFileNameWithoutExtension(dataset))).Train(data);
        Assert.True(trained.TestMetricValues[metric] >= atLeast, $"{dataset}: {metric} {trained.TestMetricValues[metric]}\n{result.Source}");
    }

    [Fact]
    public void AMessyFile_IsDeclaredAsItsValuesSay()
    {
        // Quoted separators, a header with spaces and symbols, empty cells, a YES/NO label, dates (ISO, and a spreadsheet's
        // US dates and times), an id, a constant.
        var rows = Enumerable.Range(0, 60).Select(i => string.Join(',',
            $"{1000 + i}",
            $"\"Smith, Person {i}\"",
            i % 7 == 0 ? "" : (20 + (i % 40)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"2024-0{1 + (i % 9)}-1{i % 10}",
            $"{1 + (i % 12)}/{1 + (i % 28)}/2025 {1 + (i % 12)}:{i % 60:00} {(i % 2 == 0 ? "AM" : "PM")}",
            i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue",
            "same",
            $"\"{(i % 2 == 0 ? "a long comment that goes on for a while, with words" : "another long remark about the order, in several words")} {i}\"",
            i % 4 == 0 ? "YES" : "NO"));
        var path = Path.Combine(_directory, "customers.csv");
        File.WriteAllLines(path, rows.Prepend("Customer ID,Full name,Age (years),Signed up,Last seen,Favourite colour,Plan,Comment,Churned?"));

        var result = InitCommand.Write(new InitOptions(path, "Churned?", "ChurnModel", TaskChoice.Auto, Path.Combine(_directory, "Churn.cs"), Force: false));

        var byHeader = result.Columns.ToDictionary(c => c.Header!);
        Assert.Equal((ColumnKind.Identifier, "CustomerID"), (byHeader["Customer ID"].Kind, byHeader["Customer ID"].Property));
        Assert.Equal(ColumnKind.Identifier, byHeader["Full name"].Kind); // unique per row
        Assert.Equal(("float?", "AgeYears"), (byHeader["Age (years)"].Type, byHeader["Age (years)"].Property));
        Assert.Equal(("System.DateOnly", ColumnKind.Date), (byHeader["Signed up"].Type, byHeader["Signed up"].Kind));
        Assert.Equal(("System.DateTime", ColumnKind.Date, "M/d/yyyy h:mm tt"), (byHeader["Last seen"].Type, byHeader["Last seen"].Kind, byHeader["Last seen"].Format));
        Assert.Contains("[Column(\"Last seen\", Format = \"M/d/yyyy h:mm tt\")]", result.Source, StringComparison.Ordinal);
        Assert.Equal(ColumnKind.Categorical, byHeader["Favourite colour"].Kind);
        Assert.Equal(ColumnKind.Constant, byHeader["Plan"].Kind);
        Assert.Equal(ColumnKind.Text, byHeader["Comment"].Kind);
        Assert.Equal((TaskChoice.Binary, "bool"), (result.Label.Task, result.Label.Type));
        Assert.Contains("[Column(\"Age (years)\")]", result.Source, StringComparison.Ordinal);
        Assert.Contains("[Ignore]\n    [Column(\"Customer ID\")]", result.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "Churn")).Train(path);
        Assert.Contains("AreaUnderRocCurve", trained.TestMetricValues.Keys);
    }

    [Fact]
    public void ATwoValuedStringLabel_GetsTheRarerValueAsPositive()
    {
        var path = Path.Combine(_directory, "mail.tsv");
        File.WriteAllLines(path, Enumerable.Range(0, 40).Select(i => $"{(i % 5 == 0 ? "spam" : "ham")}\t{i % 9}\t{(i % 5 == 0 ? 3 : 1) + (i % 2)}").Prepend("kind\tlinks\tcaps"));

        var result = InitCommand.Write(new InitOptions(path, "kind", null, TaskChoice.Auto, Path.Combine(_directory, "Mail.cs"), Force: false));

        Assert.Equal(("string", "spam"), (result.Label.Type, result.Label.Positive));
        Assert.Contains("[Label(Positive = \"spam\")]", result.Source, StringComparison.Ordinal);

        // 40 rows: a fold of eight could hold no spam, so init writes no [Tune] and says why; and names the linear
        // model, as LightGbm's leaves of 20 rows allow no split on 32 training rows.
        Assert.Contains("// Not tuned: 40 rows are too few to cross-validate", result.Source, StringComparison.Ordinal);
        Assert.Contains("[Trainers(Trainer.LbfgsLogisticRegression)] // 40 rows: a linear model;", result.Source, StringComparison.Ordinal);
        Assert.Equal("Untuned: fewer than 100 rows to tune on; LbfgsLogisticRegression, a linear model, trains it (LightGbm's trees hardly split on so few rows).", result.Tuning);
        Assert.Equal(Trainer.LbfgsLogisticRegression, PipelineRegistry.For(Compiled.Pipeline(result.Source, "Mail")).Train(path).Trainer);
    }

    [Theory]
    [InlineData("iris/iris.txt", "#Label", "SdcaMaximumEntropy")]
    [InlineData("housing/housing.txt", "MedianHomeValue", "Sdca")]
    [InlineData("breast-cancer/breast-cancer-withheader.txt", "label", "LbfgsLogisticRegression")]
    [InlineData("wikipedia-detox/wikipedia-detox-250-line-data.tsv", "Sentiment", null)] // text: linear by default already
    public void AFileOfAFewDozenRows_NamesTheTasksLinearModel_ForTheTreesHardlySplit(string dataset, string label, string? trainer)
    {
        // The bundled file's header and a spread of 60 of its rows (every class in them).
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", dataset)).Where(l => !l.StartsWith("//", StringComparison.Ordinal) && l.Trim().Length > 0).ToList();
        var data = Path.Combine(_directory, Path.GetFileName(dataset));
        File.WriteAllLines(data, lines.Take(1).Concat(lines.Skip(1).Where((_, i) => i % ((lines.Count - 1) / 60) == 0).Take(60)));

        var result = InitCommand.Write(new InitOptions(data, label, null, TaskChoice.Auto, Path.Combine(_directory, "Few.cs"), Force: false));

        Assert.Equal(trainer is not null, result.Source.Contains("[Trainers(", StringComparison.Ordinal));
        if (trainer is not null)
        {
            Assert.Contains($"[Trainers(Trainer.{trainer})] // 60 rows: a linear model;", result.Source, StringComparison.Ordinal);
            Assert.Equal(Enum.Parse<Trainer>(trainer), PipelineRegistry.For(Compiled.Pipeline(result.Source, "few" + trainer)).Train(data).Trainer);
        }
    }

    [Fact]
    public void ATunedDeclaration_TunesWithItsBudget_AndNoTuneLeavesTheAttributeOut()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer", "breast-cancer-withheader.txt");

        var tuned = InitCommand.Write(new InitOptions(data, "label", "TumorModel", TaskChoice.Auto, Path.Combine(_directory, "Tuned.cs"), Force: false));
        var untuned = InitCommand.Write(new InitOptions(data, "label", "TumorModel", TaskChoice.Auto, Path.Combine(_directory, "Untuned.cs"), Force: false, NoTune: true));

        // Under the cross-validation line: the small-data budget, and the summary says so.
        Assert.Matches(@"\[Tune\(MaxTrials = 20\)\] // [0-9,]+ rows: 20 trials; remove for an untuned, faster build", tuned.Source);
        Assert.Equal("Tuned with 20 trials of LightGbm, FastTree, FastForest, SdcaLogisticRegression and LbfgsLogisticRegression at build time, blended into an ensemble where that beats the best trial on the validation rows; --no-tune writes no [Tune].", tuned.Tuning);
        Assert.DoesNotContain("[Tune", untuned.Source, StringComparison.Ordinal);
        Assert.StartsWith("Untuned (--no-tune)", untuned.Tuning, StringComparison.Ordinal);

        var trained = PipelineRegistry.For(Compiled.Pipeline(tuned.Source, "breast-cancer-tuned")).Train(data);
        Assert.Equal(20, trained.Trials.Count);
        // No [Trainers]: the tuning searches the task's trees and linear models, each tried once before any twice.
        Assert.Equal(
            [Trainer.LightGbm, Trainer.FastTree, Trainer.FastForest, Trainer.SdcaLogisticRegression, Trainer.LbfgsLogisticRegression],
            trained.Trials.Take(5).Select(t => t.Trainer));
        Assert.True(trained.TestMetricValues["AreaUnderRocCurve"] >= 0.95, $"AUC {trained.TestMetricValues["AreaUnderRocCurve"]}");
    }

    [Fact]
    public void AFileWithText_IsTunedWithItsLinearTrainer_NamedInTheDeclaration()
    {
        // Trees over the n-grams would make the first build 20-50 times as long (docs/tuning.md): init names the linear
        // trainer, and its comment says how to search the trees too.
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "sentiment-sentences", "yelp_labelled.txt");
        var written = InitCommand.Write(new InitOptions(data, "Column2", "YelpModel", TaskChoice.Auto, Path.Combine(_directory, "Yelp.cs"), Force: false));

        Assert.Contains("[Trainers(Trainer.SdcaLogisticRegression)] // text: the linear trainer tunes in seconds; remove to search the trees too (20-50x the time)\n[Tune(MaxTrials = 20)]", written.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith("Tuned with 20 trials of SdcaLogisticRegression at build time", written.Tuning, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(written.Source, "yelp-tuned")).Train(data);
        Assert.Equal(20, trained.Trials.Count);
        Assert.All(trained.Trials, t => Assert.Equal(Trainer.SdcaLogisticRegression, t.Trainer));
        Assert.True(trained.TestMetricValues["AreaUnderRocCurve"] >= 0.8, $"AUC {trained.TestMetricValues["AreaUnderRocCurve"]}");
    }

    [Fact]
    public void Penguins_AnUnseenFileWithRsNAs_IsTunedOverTreesAndLinearModels()
    {
        // One of the files the quality issue's new user tried: R's NA for missing numbers and text, species by name.
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "penguins", "penguins.csv");
        var written = InitCommand.Write(new InitOptions(data, "species", "PenguinModel", TaskChoice.Auto, Path.Combine(_directory, "Penguins.cs"), Force: false));

        Assert.Contains("public float? BillLengthMm { get; set; }", written.Source, StringComparison.Ordinal);
        Assert.Contains("[MulticlassClassification<PenguinsRow>(Data = ", written.Source, StringComparison.Ordinal);
        Assert.Contains("[Tune(MaxTrials = 20)]", written.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("[Trainers", written.Source, StringComparison.Ordinal);

        var trained = PipelineRegistry.For(Compiled.Pipeline(written.Source, "penguins")).Train(data);
        Assert.Equal(
            [Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaMaximumEntropy, Trainer.LbfgsMaximumEntropy],
            trained.Trials.Select(t => t.Trainer).Distinct());
        // 0.989 on the test part (the best trial; no blend beat it on the validation rows); the untuned default
        // (--no-tune: LightGbm) reaches 0.967 there.
        Assert.True(trained.TestMetricValues["MacroAccuracy"] >= 0.97, $"macro accuracy {trained.TestMetricValues["MacroAccuracy"]}");
    }

    [Fact]
    public void ATravellersRepeatedRows_AreAGroupTheSplitKeepsTogether_NotAFeature()
    {
        // statsmodels' modechoice: four rows a traveller (one per way to travel, one chosen), the traveller numbered 1 to
        // 210. Read as a number it would be a feature, and a random split would score the model on travellers it learned.
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "modechoice", "modechoice.csv");
        var written = InitCommand.Write(new InitOptions(data, "choice", null, TaskChoice.Auto, Path.Combine(_directory, "ModeChoice.cs"), Force: false));

        Assert.Contains("    [GroupId]\n    public int Individual { get; set; } // 210 groups of 4 rows on average: the split keeps each group's rows together", written.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("binary on 'choice', 7 features, 0 left out, 840 rows; the split keeps each 'individual' (210 of them) on one side", written.Summary, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(written.Source, "modechoice")).Train(data);
        Assert.True(trained.TestMetricValues["AreaUnderRocCurve"] >= 0.95, $"AUC {trained.TestMetricValues["AreaUnderRocCurve"]}");

        // A repeated number not named for who a row is about stays a feature (a sorted file repeats its ages too), and so
        // does an id that never repeats or repeats over fewer than ten values.
        var ages = Path.Combine(_directory, "ages.csv");
        File.WriteAllLines(ages, ["age,patient_id,ward,visits", .. Enumerable.Range(0, 60).Select(i => $"{20 + (i / 3)},{i},{i % 4},{i % 7}")]);
        var features = InitCommand.Write(new InitOptions(ages, "visits", null, TaskChoice.Regression, Path.Combine(_directory, "Ages.cs"), Force: false));
        Assert.DoesNotContain("[GroupId]", features.Source, StringComparison.Ordinal);
        var patients = Path.Combine(_directory, "patients.csv");
        File.WriteAllLines(patients, ["PatientId,dose,response", .. Enumerable.Range(0, 60).Select(i => $"P{i / 3},{i % 5},{i % 7}")]);
        Assert.Contains("[GroupId]\n    public string PatientId { get; set; } = \"\"; // 20 groups of 3 rows", InitCommand.Write(
            new InitOptions(patients, "response", null, TaskChoice.Regression, Path.Combine(_directory, "Patients.cs"), Force: false)).Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOfPaddedColumns_IsReadAsSpaceSeparated_AndTrainsAsTheTabFileDoes()
    {
        // The housing data as UCI first shipped it: columns padded with spaces to line up (here with the tab file's
        // header), no tab or comma anywhere. The same values, so the same declaration but for its file, and the same model.
        var tabs = Path.Combine(_directory, "housing.txt");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "datasets", "housing", "housing.txt"), tabs);
        var rows = File.ReadAllLines(tabs).Select(l => l.Split('\t')).ToArray();
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length) + 2).ToArray();
        var padded = Path.Combine(_directory, "housing.data");
        File.WriteAllLines(padded, rows.Select(r => string.Concat(r.Select((v, c) => v.PadLeft(widths[c])))));

        var options = new InitOptions(padded, "MedianHomeValue", "HousingModel", TaskChoice.Auto, Path.Combine(_directory, "Padded.cs"), Force: false, NoTune: true);
        var fromPadded = InitCommand.Write(options);
        var fromTabs = InitCommand.Write(options with { DataPath = tabs, OutputPath = Path.Combine(_directory, "Tabs.cs") });

        Assert.Equal(' ', DataSample.Read(padded).Separator);
        Assert.Equal(fromTabs.Source.Replace("housing.txt", "housing.data", StringComparison.Ordinal), fromPadded.Source);
        var (a, b) = (PipelineRegistry.For(Compiled.Pipeline(fromPadded.Source, "padded")).Train(padded), PipelineRegistry.For(Compiled.Pipeline(fromTabs.Source, "tabs")).Train(tabs));
        Assert.Equal(b.TestMetricValues, a.TestMetricValues);
    }

    [Theory]
    [InlineData(12, false, 0)]
    [InlineData(99, false, 0)]
    [InlineData(100, false, 20)]
    [InlineData(699, false, 20)]
    [InlineData(19_999, false, 20)]
    [InlineData(20_000, false, 12)]
    [InlineData(199_999, false, 12)]
    [InlineData(200_000, true, 6)]
    public void TheTrialBudget_FallsWithTheRows(int rows, bool more, int trials) =>
        Assert.Equal(trials, TuningBudget.Trials(rows, more));

    [Fact]
    public void TheAdultDeclaration_IsTheApprovedOne()
    {
        // A project folder with its data beside it: the path is written relative to the project, the namespace is the project's.
        var project = Directory.CreateDirectory(Path.Combine(_directory, "Census.App")).FullName;
        File.WriteAllText(Path.Combine(project, "Census.App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var data = Path.Combine(Directory.CreateDirectory(Path.Combine(project, "data")).FullName, "adult.txt");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "datasets", "adult", "adult.txt"), data);

        var source = InitCommand.Write(new InitOptions(data, "label(IsOver50K)", "IncomeModel", TaskChoice.Auto, Path.Combine(project, "Models", "Income.cs"), Force: false)).Source;

        Assert.Contains("namespace CensusApp;", source, StringComparison.Ordinal);
        Assert.Contains("(Data = \"data/adult.txt\")]", source, StringComparison.Ordinal);

        var approved = Path.Combine(Repository.Root, "tests", "Declarative.Cli.Tests", "Approved", "IncomeModel.cs.txt");
        if (Environment.GetEnvironmentVariable("DECLARATIVE_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approved, source);
        }

        Assert.Equal(File.ReadAllText(approved).ReplaceLineEndings("\n"), source.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AnExistingFile_IsNotOverwrittenWithoutForce()
    {
        var output = Path.Combine(_directory, "Iris.cs");
        File.WriteAllText(output, "// mine");
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "iris", "iris.txt");

        var error = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(data, "#Label", null, TaskChoice.Auto, output, Force: false)));

        Assert.Contains("pass --force", error.Message, StringComparison.Ordinal);
        Assert.Equal("// mine", File.ReadAllText(output));
        InitCommand.Write(new InitOptions(data, "#Label", null, TaskChoice.Auto, output, Force: true));
        Assert.Contains("[MulticlassClassification<IrisRow>", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Species", "Auto", "The file has no column 'Species'. Its columns: '#Label', 'Sepal length'")]
    [InlineData("#Label", "Binary", "The label has 3 distinct values; binary classification needs two.")]
    public void AWrongLabelOrTask_SaysWhatTheFileHas(string label, string task, string message)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "iris", "iris.txt");

        var error = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(data, label, null, Enum.Parse<TaskChoice>(task), Path.Combine(_directory, "X.cs"), Force: false)));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-births/births.csv", "births", "[Time]", "public System.DateOnly Date", 14, "FillGaps", 1)]
    [InlineData("nab-nyc-taxi/nyc_taxi.csv", "value", "[Time]", "public System.DateTime Timestamp", 48, "FillGaps", 0)]
    [InlineData("co2/co2.csv", "co2", "[Column(Format = \"yyyyMMdd\")]", "public System.DateOnly Date", 13, "[SeriesId]", 0)]
    [InlineData("sunspots/sunspots.csv", "SUNACTIVITY", "[Time]", "public int YEAR", 6, "FillGaps", 0)]
    [InlineData("elec-equip/elec_equip.csv", "STS.M.I7.W.TOVT.NS0016.4.000", "[Column(Format = \"MMM-d-yyyy\")]", "public System.DateOnly DATE", 18, "FillGaps", 0)]
    public void ASeriesFile_WithTaskForecasting_GivesAForecasterThatCompilesAndTrains(string dataset, string label, string has, string time, int horizon, string hasNot, int covariates)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", dataset);

        var result = InitCommand.Write(new InitOptions(data, label, null, TaskChoice.Forecasting, Path.Combine(_directory, "Model.cs"), Force: false, NoTune: true));

        // The first column of dates is the time, M4's horizon for its step, the other numbers and booleans covariates.
        Assert.Contains(has, result.Source, StringComparison.Ordinal);
        Assert.Contains(time, result.Source, StringComparison.Ordinal);
        Assert.Matches($"Horizon = {horizon}[,)]", result.Source);
        Assert.DoesNotContain(hasNot, result.Source, StringComparison.Ordinal);
        Assert.Contains($"{covariates} covariate(s)", result.Summary, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, Path.GetFileNameWithoutExtension(dataset))).Train(data);
        Assert.True(trained.TestMetricValues["Owa"] < 1, $"{dataset}: OWA {trained.TestMetricValues["Owa"]}\n{result.Source}");
    }

    [Fact]
    public void AYearARowWithItsMonthsAsColumns_SaysHowToWriteTheMonthlySeries_WhichThenReadsAsMonths()
    {
        // elec-equip's months laid out as NOAA's El Niño table is: a year a row, JAN to DEC beside it. Asked for JAN, init
        // forecasts January over the years, as asked, and says how to write the months as one series; written so, they
        // read as a monthly series.
        var months = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "elec-equip", "elec_equip.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(f => (Date: DateTime.ParseExact(f[0], "MMM-d-yyyy", System.Globalization.CultureInfo.InvariantCulture), Value: f[1])).ToList();
        var years = months.GroupBy(m => m.Date.Year).Where(g => g.Count() == 12).ToList();
        var wide = Path.Combine(_directory, "wide.csv");
        File.WriteAllLines(wide, years.Select(g => $"{g.Key}," + string.Join(',', g.OrderBy(m => m.Date).Select(m => m.Value)))
            .Prepend("\"YEAR\",\"JAN\",\"FEB\",\"MAR\",\"APR\",\"MAY\",\"JUN\",\"JUL\",\"AUG\",\"SEP\",\"OCT\",\"NOV\",\"DEC\""));

        var asked = InitCommand.Write(new InitOptions(wide, "JAN", null, TaskChoice.Forecasting, Path.Combine(_directory, "Wide.cs"), Force: false, NoTune: true));
        Assert.EndsWith($"its columns are the twelve months of each year: to forecast the months as one monthly series, write a row a month ({years[0].Key}-01,{years[0].OrderBy(m => m.Date).First().Value}) and run init on that file", asked.Summary, StringComparison.Ordinal);

        var monthly = Path.Combine(_directory, "monthly.csv");
        File.WriteAllLines(monthly, years.SelectMany(g => g.OrderBy(m => m.Date)).Select(m => $"{m.Date:yyyy-MM},{m.Value}").Prepend("month,value"));
        var meant = InitCommand.Write(new InitOptions(monthly, "value", null, TaskChoice.Forecasting, Path.Combine(_directory, "Monthly.cs"), Force: false, NoTune: true));
        Assert.StartsWith("forecasting 'value' 18 steps of a month ahead, one series", meant.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("twelve months", meant.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuarterlyFile_IsReadAsQuarters_WithM4sQuarterlyHorizon_AndTrains()
    {
        // Five US aggregates in long form, each quarter written as pandas writes it (1959Q1): no .NET format reads it.
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "us-macro", "quarterly.csv");

        var result = InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Forecasting, Path.Combine(_directory, "Quarterly.cs"), Force: false, NoTune: true));

        Assert.Contains("[Column(Format = \"yyyy'Q'q\")]\n    public System.DateOnly Quarter", result.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("[Time]: dates as yyyy'Q'q, a step of a quarter", result.Source, StringComparison.Ordinal);
        Assert.Contains("[SeriesId]\n    public string Series", result.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Matches("Horizon = 8[,)]", result.Source);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "quarterly")).Train(data);

        // Trained on the five series' first 195 quarters and scored on the last eight. (Those are the 2008–09 recession,
        // where the untuned trees, like every trend model here and in statsmodels, err more than Naive2:
        // docs/forecasting.md.)
        var report = Assert.IsType<Declarative.Evaluation.ForecastingReport>(trained.Evaluate());
        Assert.Equal((5, 5 * 195, 5 * 8, "3 months"), (report.Series, report.TrainRows, report.TestRows, report.Step));
        Assert.True(double.IsFinite(report.TestMetrics["SymmetricMape"]), $"sMAPE {report.TestMetrics["SymmetricMape"]}");
    }

    [Theory]
    [InlineData("M/d/yyyy")]
    [InlineData("dd/MM/yyyy")]
    [InlineData("dd.MM.yyyy")]
    [InlineData("yyyy/MM/dd")]
    public void ASeriesWithDatesInAnotherSpelling_IsReadWithTheirFormat(string spelling)
    {
        // The bundled births, their ISO dates written as a spreadsheet of another country would write them.
        var source = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "us-births", "births.csv"));
        var data = Path.Combine(_directory, "births.csv");
        File.WriteAllLines(data, source.Take(1).Concat(source.Skip(1).Select(line =>
        {
            var date = DateOnly.ParseExact(line[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return date.ToString(spelling, System.Globalization.CultureInfo.InvariantCulture) + line[10..];
        })));

        var result = InitCommand.Write(new InitOptions(data, "births", null, TaskChoice.Forecasting, Path.Combine(_directory, "Births.cs"), Force: false, NoTune: true));

        // Month-first and day-first are told apart by the days past 12; the format names the spelling (d reads dd too).
        var format = spelling.Replace("dd", "d", StringComparison.Ordinal).Replace("MM", "M", StringComparison.Ordinal);
        Assert.Contains($"[Column(Format = \"{format}\")]\n    public System.DateOnly Date", result.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"[Time]: dates as {format}, a step of a day", result.Source, StringComparison.Ordinal);
        Assert.Contains("Horizon = 14", result.Source, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "Births" + string.Concat(spelling.Select(c => char.IsLetterOrDigit(c) ? c.ToString() : $"_{(int)c}")))).Train(data);
        Assert.True(trained.TestMetricValues["Owa"] < 1, $"{spelling}: OWA {trained.TestMetricValues["Owa"]}\n{result.Source}");
    }

    [Fact]
    public void ASeriesWhoseTimesSkipSteps_GetsFillGaps_SayingHowManyAndWhere()
    {
        // NAB's hourly office temperature: the times skip 621 hours in ten places. Without FillGaps the build refuses the
        // file at its first gap, so init writes it, and says what it fills.
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "nab-ambient-temperature", "ambient_temperature_system_failure.csv");

        var result = InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Forecasting, Path.Combine(_directory, "Temperature.cs"), Force: false, NoTune: true));

        const string Skipped = "the times skip 621 steps in 10 places (7.87 % of 7,888; the first: the time jumps from 2013-07-28 01:00:00 to 2013-07-28 03:00:00, line 580)";
        Assert.Contains($"// FillGaps: {Skipped}; the missing steps are filled by linear interpolation.", result.Source, StringComparison.Ordinal);
        Assert.Contains("Horizon = 48, FillGaps = true)]", result.Source, StringComparison.Ordinal);
        Assert.Contains($"; {Skipped}: FillGaps = true interpolates them", result.Summary, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "ambient")).Train(data);
        var report = Assert.IsType<Declarative.Evaluation.ForecastingReport>(trained.Evaluate());
        Assert.Equal(621, report.FilledPoints);
        Assert.True(report.TestMetrics["Owa"] < 1, $"OWA {report.TestMetrics["Owa"]}\n{result.Source}");
    }

    [Fact]
    public void YearsWithOneMissing_AreStillTheTime_WithFillGaps()
    {
        // The bundled sunspots without 1800: the years are whole numbers at a step of one but for that hole.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "sunspots", "sunspots.csv")).ToList();
        var at = lines.FindIndex(l => l.StartsWith("1800", StringComparison.Ordinal));
        lines.RemoveAt(at);
        var data = Path.Combine(_directory, "sunspots.csv");
        File.WriteAllLines(data, lines);

        var result = InitCommand.Write(new InitOptions(data, "SUNACTIVITY", null, TaskChoice.Forecasting, Path.Combine(_directory, "Sunspots.cs"), Force: false, NoTune: true));

        Assert.Contains("public int YEAR", result.Source, StringComparison.Ordinal);
        Assert.Contains("Horizon = 6, FillGaps = true)]", result.Source, StringComparison.Ordinal);
        Assert.Contains($"the times skip 1 step in 1 place (0.32 % of 309; the first: the time jumps from 1799 to 1801, line {at + 1})", result.Source, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "sunspotsgap")).Train(data);
        Assert.Equal(1, Assert.IsType<Declarative.Evaluation.ForecastingReport>(trained.Evaluate()).FilledPoints);
    }

    [Fact]
    public void MonthsOnTheirLastDays_AreOneRegularStep()
    {
        // The bundled elec-equip months written as pandas' month-end frequency writes them (2016-02-29, 2016-03-31).
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "elec-equip", "elec_equip.csv"));
        var data = Path.Combine(_directory, "month-ends.csv");
        File.WriteAllLines(data, lines.Take(1).Concat(lines.Skip(1).Select(line =>
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var first = DateOnly.ParseExact(line[..comma], "MMM-d-yyyy", System.Globalization.CultureInfo.InvariantCulture);
            return $"{new DateOnly(first.Year, first.Month, DateTime.DaysInMonth(first.Year, first.Month)):yyyy-MM-dd}{line[comma..]}";
        })));

        var result = InitCommand.Write(new InitOptions(data, "STS.M.I7.W.TOVT.NS0016.4.000", null, TaskChoice.Forecasting, Path.Combine(_directory, "MonthEnds.cs"), Force: false, NoTune: true));

        Assert.Contains("a step of a month", result.Source, StringComparison.Ordinal);
        Assert.Contains("Horizon = 18)]", result.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("FillGaps", result.Source, StringComparison.Ordinal);
        var model = PipelineRegistry.For(Compiled.Pipeline(result.Source, "monthends")).Train(data);
        Assert.True(model.TestMetricValues["Owa"] < 1, $"OWA {model.TestMetricValues["Owa"]}");
    }

    [Fact]
    public void AShortQuarterlyFileWithAByteOrderMark_IsTuned_AndKeepsTheLowestMeanOnItsFewOrigins()
    {
        // statsmodels' Danish money data as it ships: a UTF-8 byte order mark before `period`, 55 quarters written
        // 1974Q1, four other series beside the one forecast. The first model a user sees is init's tuned one.
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "danish-money", "data.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(data)[..3]);

        var result = InitCommand.Write(new InitOptions(data, "lrm", null, TaskChoice.Forecasting, Path.Combine(_directory, "Danish.cs"), Force: false, NoTune: false));

        var source = result.Source.ReplaceLineEndings("\n");
        Assert.Contains("[Column(Format = \"yyyy'Q'q\")]\n    public System.DateOnly Period", source, StringComparison.Ordinal);
        Assert.Equal(4, source.Split("[PastCovariate]\n    public float ").Length - 1);
        Assert.Contains("[Tune]", source, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "danish")).Train(data);

        // Three rolling origins: too few to lean towards the default trees, so the lowest mean is kept, below Naive2.
        var report = Assert.IsType<Declarative.Evaluation.ForecastingReport>(trained.Evaluate());
        Assert.Equal(3, report.Origins);
        Assert.Equal(report.Models.MinBy(m => m.ValidationOwa)!.Model, trained.Trainer);
        Assert.True(trained.TestMetricValues["Owa"] < 1, $"OWA {trained.TestMetricValues["Owa"]}: {report.Choice}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APanelOfFirmsByYear_IsASeriesPerFirm_OverItsWholeYears(bool numbered)
    {
        // Grunfeld's investment data as statsmodels ships it: eleven firms' twenty years in long form, so the years repeat
        // once per firm and only the firm tells the series apart. Numbered (firm 101–111, the first column), the firm is
        // still the series and the years the time, though each of the two tells the other's rows apart.
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "grunfeld", "grunfeld.csv");
        if (numbered)
        {
            var lines = File.ReadAllLines(data);
            var firms = lines.Skip(1).Select(l => l.Split(',')[3]).Distinct().ToList();
            data = Path.Combine(_directory, "grunfeld-numbered.csv");
            File.WriteAllLines(data, lines.Take(1).Select(_ => "firm,invest,value,capital,year")
                .Concat(lines.Skip(1).Select(l => l.Split(',') is var f ? $"{101 + firms.IndexOf(f[3])},{f[0]},{f[1]},{f[2]},{f[4]}" : "")));
        }

        var result = InitCommand.Write(new InitOptions(data, "invest", null, TaskChoice.Forecasting, Path.Combine(_directory, "Grunfeld.cs"), Force: false, NoTune: false));

        var source = result.Source.ReplaceLineEndings("\n");
        Assert.Contains($"[SeriesId]\n    public {(numbered ? "long" : "string")} Firm", source, StringComparison.Ordinal);
        Assert.Contains("[Time]\n    public int Year", source, StringComparison.Ordinal);
        Assert.Contains("Horizon = 6)]", source, StringComparison.Ordinal);
        Assert.StartsWith("forecasting 'invest' 6 steps of a year ahead, series by 'firm'", result.Summary, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, numbered ? "grunfeldNumbered" : "grunfeld")).Train(data);
        Assert.True(double.IsFinite(trained.TestMetricValues["Owa"]), $"OWA {trained.TestMetricValues["Owa"]}");

        // Each firm forecast after its own last year, 1954.
        var next = (IReadOnlyList<ForecastPoint>)trained.GetType().GetMethod("Forecast", [typeof(string)])!.Invoke(trained, [numbered ? "101" : "General Motors"])!;
        Assert.Equal([1955L, 1956, 1957, 1958, 1959, 1960], next.Select(p => p.Time));
        Assert.All(next, p => Assert.True(double.IsFinite(p.Value) && p.Lower <= p.Value && p.Value <= p.Upper, $"{p}"));
    }

    [Fact]
    public void WholeNumbersSeldomRepeated_AreACountToRegress_NotClasses()
    {
        // A count per row as statsmodels' committee has it (bills per committee, 20 committees): 20 whole numbers in 20
        // rows would be 20 classes of one row each, which no split can both learn and test. The same numbers repeated
        // five times a value are classes, and --task multiclass reads the counts as classes when asked.
        var counts = Path.Combine(_directory, "committee.csv");
        File.WriteAllLines(counts, ["size,staff,bills", .. Enumerable.Range(0, 20).Select(i => $"{10 + (i * 3)},{20 + (i * 7 % 13)},{5 + (i * i % 97)}")]);
        var regressed = InitCommand.Write(new InitOptions(counts, "bills", null, TaskChoice.Auto, Path.Combine(_directory, "Committee.cs"), Force: false));
        Assert.Equal(TaskChoice.Regression, regressed.Label.Task);
        Assert.EndsWith("20 values in 20 rows: too seldom repeated to be classes (--task multiclass reads them as classes)", regressed.Label.Note, StringComparison.Ordinal);
        Assert.Contains("public float Bills { get; set; } // whole numbers from 5 to ", regressed.Source, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(regressed.Source, "committee")).Train(counts);
        Assert.True(double.IsFinite(trained.TestMetricValues["RSquared"]), regressed.Source);
        Assert.Equal(TaskChoice.Multiclass, InitCommand.Write(new InitOptions(counts, "bills", null, TaskChoice.Multiclass, Path.Combine(_directory, "CommitteeClasses.cs"), Force: false)).Label.Task);

        var codes = Path.Combine(_directory, "codes.csv");
        File.WriteAllLines(codes, ["size,staff,grade", .. Enumerable.Range(0, 100).Select(i => $"{10 + (i * 3)},{20 + (i * 7 % 13)},{i % 20}")]);
        var classes = InitCommand.Write(new InitOptions(codes, "grade", null, TaskChoice.Auto, Path.Combine(_directory, "Codes.cs"), Force: false));
        Assert.Equal(TaskChoice.Multiclass, classes.Label.Task);
    }

    [Fact]
    public void YearsAsColumnNames_AreAHeader_AndForecastingSaysToWriteTheFileLong()
    {
        // The World Bank's layout (statsmodels' fertility): a row a country, a column a year, the last years empty. The
        // years are numbers, which alone would have read as a first row of values.
        var wide = YearsWide("fertility.csv");
        var regressed = InitCommand.Write(new InitOptions(wide, "1963", null, TaskChoice.Regression, Path.Combine(_directory, "Fertility.cs"), Force: false));
        Assert.Contains("[Column(\"1960\")]", regressed.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("HasHeader = false", regressed.Source, StringComparison.Ordinal);

        var empty = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(wide, "1964", null, TaskChoice.Auto, Path.Combine(_directory, "Empty.cs"), Force: false)));
        Assert.Equal("The label '1964' has no value in the 30 rows read: every one is empty.", empty.Message);

        var forecast = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(wide, "1963", null, TaskChoice.Forecasting, Path.Combine(_directory, "Forecast.cs"), Force: false)));
        Assert.EndsWith("Its columns '1960' to '1964' are years, a series a row: to forecast each 'Country Name' over the years, write a row a Country Name and year " +
            "(Country Name,Year,Value: Country 0,1960,5) and run init on that file.", forecast.Message, StringComparison.Ordinal);

        // A first row of consecutive numbers alone is still data.
        var numbers = Path.Combine(_directory, "numbers.csv");
        File.WriteAllLines(numbers, ["1,2,3,4", .. Enumerable.Range(0, 30).Select(i => $"{i},{i * 2},{i % 5},{i % 2}")]);
        Assert.Contains("HasHeader = false", InitCommand.Write(new InitOptions(numbers, "Column4", null, TaskChoice.Auto, Path.Combine(_directory, "Numbers.cs"), Force: false)).Source, StringComparison.Ordinal);
    }

    [Fact]
    public void LinesAboveTheTable_ArePassedOver_AndAFieldCountThatChangesOtherwiseIsAnErrorNamingTheLine()
    {
        // The World Bank's layout, a column a year, under the notes its own download opens with: the table starts at line
        // 5, and the declaration passes over the four lines above it.
        var wide = YearsWide("fertility-table.csv");
        var download = Path.Combine(_directory, "API_fertility.csv");
        File.WriteAllLines(download, ["\"Data Source\",\"World Development Indicators\",", "", "\"Last Updated Date\",\"2024-06-28\",", "", .. File.ReadLines(wide)]);
        var notes = InitCommand.Write(new InitOptions(download, "1963", null, TaskChoice.Regression, Path.Combine(_directory, "Download.cs"), Force: false, NoTune: true));
        Assert.Contains("(Data = \"API_fertility.csv\", SkipLines = 4)]", notes.Source, StringComparison.Ordinal);
        Assert.Contains("[Column(\"1960\")]", notes.Source, StringComparison.Ordinal);
        Assert.EndsWith("; SkipLines = 4 passes over the 4 lines above the table (notes: 3 fields where the table has 8)", notes.Summary, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(notes.Source, "download")).Train(download);
        Assert.Equal(30, trained.TrainedOn!.Table.RowCount);

        // Errors name the file's own lines: a bad value on the download's line 9 is said to be there.
        var bad = File.ReadAllLines(download);
        bad[8] = bad[8].Replace(",5,", ",five,", StringComparison.Ordinal).Replace(",6,", ",six,", StringComparison.Ordinal).Replace(",7,", ",seven,", StringComparison.Ordinal);
        File.WriteAllLines(download, bad);
        var located = Assert.Throws<DataFileException>(() => PipelineRegistry.For(Compiled.Pipeline(notes.Source, "download-bad")).Train(download));
        Assert.Equal(9, located.Line);

        // scikit-learn's files open with their counts (breast_cancer.csv: "569,30,malignant,benign"), then the rows.
        var counted = Path.Combine(_directory, "counted.csv");
        File.WriteAllLines(counted, ["3,2,no,yes", "1.5,2,1", "2.5,3,0", "3.5,1,1"]);
        var countsFirst = InitCommand.Write(new InitOptions(counted, "Column3", null, TaskChoice.Auto, Path.Combine(_directory, "Counted.cs"), Force: false, NoTune: true));
        Assert.Contains("(Data = \"counted.csv\", SkipLines = 1, HasHeader = false)]", countsFirst.Source, StringComparison.Ordinal);
        Assert.Contains("SkipLines = 1 passes over its first line (3 rows and 2 features: scikit-learn's counts)", countsFirst.Summary, StringComparison.Ordinal);

        // Counts with empty fields over a line of names (scikit-learn's boston_house_prices.csv): the names are the header.
        var countsOverNames = Path.Combine(_directory, "prices.csv");
        File.WriteAllLines(countsOverNames, ["40,2,", "\"ROOMS\",\"AGE\",\"PRICE\"", .. Enumerable.Range(0, 40).Select(i => FormattableString.Invariant($"{4 + (i % 5)},{10 + (i * 7 % 50)},{100 + (i * 13 % 70)}"))]);
        var prices = InitCommand.Write(new InitOptions(countsOverNames, "PRICE", null, TaskChoice.Auto, Path.Combine(_directory, "Prices.cs"), Force: false, NoTune: true));
        Assert.Contains("(Data = \"prices.csv\", SkipLines = 1)]", prices.Source, StringComparison.Ordinal);
        Assert.Contains("public float PRICE { get; set; }", prices.Source, StringComparison.Ordinal);
        Assert.Contains("SkipLines = 1 passes over its first line (40 rows and 2 features: scikit-learn's counts, over the line of names)", prices.Summary, StringComparison.Ordinal);

        // As wide as its rows (iris.csv: 150,4 and the three classes over rows of four numbers and a class code).
        var asWide = Path.Combine(_directory, "flowers.csv");
        File.WriteAllLines(asWide, ["30,3,red,blue", .. Enumerable.Range(0, 30).Select(i => FormattableString.Invariant($"{1.5 + (i % 4)},{2.5 + (i % 3)},{i % 2},x"))]);
        var flowers = InitCommand.Write(new InitOptions(asWide, "Column3", null, TaskChoice.Auto, Path.Combine(_directory, "Flowers.cs"), Force: false, NoTune: true));
        Assert.Contains("(Data = \"flowers.csv\", SkipLines = 1, HasHeader = false)]", flowers.Source, StringComparison.Ordinal);
        Assert.Contains("public float Column1 { get; set; }", flowers.Source, StringComparison.Ordinal);
        Assert.Equal(40, PipelineRegistry.For(Compiled.Pipeline(prices.Source, "prices")).Train(countsOverNames).TrainedOn!.Table.RowCount);

        // A header one name short of its rows (row names written without one) is said as that, not passed over.
        var rowNames = Path.Combine(_directory, "rownames.csv");
        File.WriteAllLines(rowNames, ["size,grade", "a,1,2", "b,3,4", "c,5,6"]);
        var shortHeader = Assert.Throws<DataFileException>(() => InitCommand.Write(new InitOptions(rowNames, "grade", null, TaskChoice.Auto, Path.Combine(_directory, "RowNames.cs"), Force: false)));
        Assert.EndsWith("line 1 has 2, line 2 has 3, as every line after it does: the first line names one column fewer than the rows hold, as R's write.table writes row names (write it with row.names = FALSE).", shortHeader.Detail, StringComparison.Ordinal);

        // Nor is a header two names short (a first line that is not scikit-learn's counts).
        var twoShort = Path.Combine(_directory, "twoshort.csv");
        File.WriteAllLines(twoShort, ["size,grade", "1,2,3,4", "5,6,7,8", "9,10,11,12"]);
        Assert.EndsWith("line 1 has 2, line 2 has 4, as every line after it does.", Assert.Throws<DataFileException>(() =>
            InitCommand.Write(new InitOptions(twoShort, "Column4", null, TaskChoice.Auto, Path.Combine(_directory, "TwoShort.cs"), Force: false))).Detail, StringComparison.Ordinal);

        // A count that changes again below is no table under notes.
        var ragged = Path.Combine(_directory, "ragged.csv");
        File.WriteAllLines(ragged, ["a,b,c", "1,2,3", "4,5", "6,7,8"]);
        var raggedError = Assert.Throws<DataFileException>(() => InitCommand.Write(new InitOptions(ragged, "c", null, TaskChoice.Auto, Path.Combine(_directory, "Ragged.cs"), Force: false)));
        Assert.EndsWith("line 1 has 3, line 3 has 2.", raggedError.Detail, StringComparison.Ordinal);
    }

    /// <summary>The World Bank's layout (statsmodels' fertility): a row a country, a column a year, the last year empty.</summary>
    private string YearsWide(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, ["Country Name,Country Code,Indicator Name,1960,1961,1962,1963,1964",
            .. Enumerable.Range(0, 30).Select(i => FormattableString.Invariant($"Country {i},C{i:00},\"Fertility rate, total\",{5 + (i % 3)},{4.9 + (i % 3)},{4.7 + (i % 3)},{4.6 + (i % 3)},"))]);
        return path;
    }

    [Fact]
    public void YearsBesideARowNumber_AreTheTime()
    {
        // statsmodels' longley numbers its rows ("Obs", 1-16) before its YEAR: both keep a step, and the years are the
        // time (a yearly horizon), not the row numbers. Here the bundled sunspots with such a column first.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "sunspots", "sunspots.csv"));
        var data = Path.Combine(_directory, "numbered.csv");
        File.WriteAllLines(data, lines.Take(1).Select(l => "\"Obs\"," + l).Concat(lines.Skip(1).Select((l, i) => $"{i + 1},{l}")));

        var result = InitCommand.Write(new InitOptions(data, "SUNACTIVITY", null, TaskChoice.Forecasting, Path.Combine(_directory, "Numbered.cs"), Force: false, NoTune: true));

        Assert.Contains("[Time]\n    public int YEAR", result.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith("forecasting 'SUNACTIVITY' 6 steps of a year ahead", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedWholeNumbersThatNeitherAreYearsNorTellApart_AreNotGuessedAtAsAPanel()
    {
        // Firms numbered 1–11 beside years read as well as a year and its month written apart, and a step number 0–19
        // beside firm numbers says nothing of which is the time: init asks instead of guessing.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "grunfeld", "grunfeld.csv"));
        var firms = lines.Skip(1).Select(l => l.Split(',')[3]).Distinct().ToList();
        foreach (var (name, time) in new (string, Func<string, string>)[] { ("years", year => year), ("steps", year => (int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) - 1935).ToString(System.Globalization.CultureInfo.InvariantCulture)) })
        {
            var data = Path.Combine(_directory, $"grunfeld-{name}.csv");
            File.WriteAllLines(data, lines.Take(1).Select(_ => "invest,firm,t")
                .Concat(lines.Skip(1).Select(l => l.Split(',') is var f ? $"{f[0]},{1 + firms.IndexOf(f[3])},{time(f[4])}" : "")));

            var error = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(data, "invest", null, TaskChoice.Forecasting, Path.Combine(_directory, $"{name}.cs"), Force: false, NoTune: false)));
            Assert.StartsWith($"A forecaster needs a column of dates or times for [Time], and no column of grunfeld-{name}.csv reads as one", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AWideFilesOtherColumns_ArePastCovariates_AndTheModelForecastsFromTheFileAlone()
    {
        // statsmodels' macrodata with its year and quarter written as one column, as init's hint for it says: a quarter,
        // then twelve series side by side, none given after the last quarter.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "us-macro", "macrodata.csv"));
        var data = Path.Combine(_directory, "macro.csv");
        File.WriteAllLines(data, lines.Take(1).Select(line => "quarter," + string.Join(',', line.Replace("\"", "", StringComparison.Ordinal).Split(',')[2..]))
            .Concat(lines.Skip(1).Select(line => line.Split(',') is var f ? $"{f[0]}Q{f[1]}," + string.Join(',', f[2..]) : "")));

        var result = InitCommand.Write(new InitOptions(data, "realgdp", null, TaskChoice.Forecasting, Path.Combine(_directory, "Macro.cs"), Force: false, NoTune: true));

        // The other eleven numbers are read up to the last row: no evaluation reads them at the quarters it scores.
        Assert.Equal(11, result.Source.Split("[PastCovariate]\n    public float ").Length - 1);
        Assert.Contains("0 covariate(s), 11 past covariate(s) (read up to the last row)", result.Summary, StringComparison.Ordinal);
        Assert.Contains("// [PastCovariate]: no rows after the last value give Realcons, Realinv,", result.Source, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "macro")).Train(data);
        Assert.StartsWith("Realcons, Realinv, Realgovt, Realdpi, Cpi, M1,", trained.Hyperparameters["PastCovariates"], StringComparison.Ordinal);
        Assert.True(double.IsFinite(trained.TestMetricValues["Owa"]), $"OWA {trained.TestMetricValues["Owa"]}");

        // The next eight quarters, from the file alone (with the columns known ahead this threw: no rows gave their future).
        var next = (IReadOnlyList<ForecastPoint>)trained.GetType().GetMethod("Forecast", [typeof(string)])!.Invoke(trained, [""])!;
        Assert.Equal(8, next.Count);
        Assert.All(next, p => Assert.True(double.IsFinite(p.Value), $"{p}"));
    }

    [Fact]
    public void NumbersThatArePartsOfTheTime_AreLeftOut_AndTheModelForecastsFromTheFileAlone()
    {
        // The bundled taxi's first six weeks with the columns a prepared file often carries beside its time: the hour,
        // the weekday (Monday 0), the month, a weekend flag, the hour on a 12-hour clock, an afternoon flag and an office
        // hours flag (Monday to Friday, 09:00-17:00). Another number that is the hour on all rows but one is a reading.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "nab-nyc-taxi", "nyc_taxi.csv")).Take(2017).ToList();
        var data = Path.Combine(_directory, "prepared.csv");
        File.WriteAllLines(data, lines.Take(1).Select(h => h + ",hour,weekday,month,is_weekend,shift,hour12,pm,office").Concat(lines.Skip(1).Select((line, i) =>
        {
            var t = DateTime.ParseExact(line[..19], "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            return $"{line},{t.Hour},{((int)t.DayOfWeek + 6) % 7},{t.Month},{(t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "true" : "false")},{(i == 700 ? 99 : t.Hour)},{t.ToString("%h", System.Globalization.CultureInfo.InvariantCulture)},{(t.Hour >= 12 ? "true" : "false")},{OfficeHours(t)}";
        })));

        var result = InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Forecasting, Path.Combine(_directory, "Prepared.cs"), Force: false, NoTune: true));

        var source = result.Source.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("[Ignore]\n    public float Hour { get; set; } // the time's hour: the trees read it from the time", source, StringComparison.Ordinal);
        Assert.Contains("[Ignore]\n    public float Weekday { get; set; } // the time's day of the week: the trees read it from the time", source, StringComparison.Ordinal);
        Assert.Contains("[Ignore]\n    public float Month { get; set; } // the time's month: the trees read it from the time", source, StringComparison.Ordinal);
        Assert.Contains("public bool IsWeekend { get; set; } // the time's weekend flag: the trees read it from the time", source, StringComparison.Ordinal);
        Assert.Contains("[PastCovariate]\n    public float Shift", source, StringComparison.Ordinal);
        Assert.Contains("0 covariate(s), 1 past covariate(s)", result.Summary, StringComparison.Ordinal);
        Assert.Contains("[Ignore]\n    public float Hour12 { get; set; } // the time's hour on a 12-hour clock: the trees read it from the time", source, StringComparison.Ordinal);
        Assert.Contains("public bool Pm { get; set; } // the time's afternoon flag: the trees read it from the time", source, StringComparison.Ordinal);
        Assert.Contains("public bool Office { get; set; } // the time's flag of the weekday and time of day: the trees read it from the time", source, StringComparison.Ordinal);
        Assert.EndsWith("; 'hour', 'weekday', 'month', 'is_weekend', 'hour12', 'pm', 'office' are parts of the time, left out", result.Summary, StringComparison.Ordinal);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "prepared")).Train(data);
        var next = (IReadOnlyList<ForecastPoint>)trained.GetType().GetMethod("Forecast", [typeof(string)])!.Invoke(trained, [""])!;
        Assert.Equal(48, next.Count);
        Assert.All(next, p => Assert.True(double.IsFinite(p.Value), $"{p}"));
    }

    [Fact]
    public void AFlagOfTheWeeksHours_IsAPartOfTheTime_ButNotOneThatDiffersInOneWeek()
    {
        // Office hours (Monday to Friday, 09:00-17:00) set by the clock alone, and the same but for one Monday's, as a
        // holiday's flag is: that one carries news the time does not, so it stays a covariate. Three weeks of
        // half-hours: each weekday and time of day on three rows.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "nab-nyc-taxi", "nyc_taxi.csv")).Take(1 + (21 * 48)).ToList();
        var data = Path.Combine(_directory, "office.csv");
        File.WriteAllLines(data, lines.Take(1).Select(h => h + ",office,open").Concat(lines.Skip(1).Select(line =>
        {
            var t = DateTime.ParseExact(line[..19], "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            return $"{line},{OfficeHours(t)},{(t.Date == new DateTime(2014, 7, 14) ? "false" : OfficeHours(t))}";
        })));

        var result = InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Forecasting, Path.Combine(_directory, "Office.cs"), Force: false, NoTune: true));

        var source = result.Source.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("[Ignore]\n    public bool Office { get; set; } // the time's flag of the weekday and time of day: the trees read it from the time", source, StringComparison.Ordinal);
        Assert.Contains("public bool Open { get; set; } // covariate, needed ahead", source, StringComparison.Ordinal);
        Assert.EndsWith("; 'office' is a part of the time, left out", result.Summary, StringComparison.Ordinal);

        // Two weeks are too few to tell the clock's pattern from chance: the flag stays.
        File.WriteAllLines(data, File.ReadAllLines(data).Take(1 + (14 * 48)));
        var shorter = InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Forecasting, Path.Combine(_directory, "Office2.cs"), Force: false, NoTune: true));
        Assert.DoesNotContain("part of the time", shorter.Summary, StringComparison.Ordinal);
    }

    private static string OfficeHours(DateTime t) => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.Hour is >= 9 and < 17 ? "true" : "false";

    [Fact]
    public void OpeningHours_AreTheStep_NotGapsToFill()
    {
        // The bundled taxi's weekday half-hours from 07:00 to 19:30 alone, as a market's or an office's figures come: the
        // nights and weekends are closed, not missing, so no FillGaps, and the horizon is a day of opening hours.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "nab-nyc-taxi", "nyc_taxi.csv"));
        var data = Path.Combine(_directory, "hours.csv");
        File.WriteAllLines(data, lines.Take(1).Concat(lines.Skip(1).Where(line =>
            DateTime.ParseExact(line[..19], "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) is var t
            && t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.TimeOfDay >= TimeSpan.FromHours(7) && t.TimeOfDay <= TimeSpan.FromHours(19.5))));

        var result = InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Forecasting, Path.Combine(_directory, "Hours.cs"), Force: false, NoTune: true));

        Assert.Contains("26 steps of 30 minutes (07:00–19:30, Monday to Friday) ahead", result.Summary, StringComparison.Ordinal);
        Assert.Contains("[Time]: ISO 8601 dates and times, a step of 30 minutes (07:00–19:30", result.Source, StringComparison.Ordinal);
        Assert.Contains("Horizon = 26)]", result.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("FillGaps", result.Source, StringComparison.Ordinal);
        var model = PipelineRegistry.For(Compiled.Pipeline(result.Source, "hours")).Train(data);
        Assert.Equal("26", model.Hyperparameters["Season"]);
        var next = (IReadOnlyList<ForecastPoint>)model.GetType().GetMethod("Forecast", [typeof(string)])!.Invoke(model, [""])!;
        Assert.Equal((new DateTime(2015, 2, 2, 7, 0, 0), new DateTime(2015, 2, 2, 19, 30, 0)), (new DateTime(next[0].Time), new DateTime(next[^1].Time)));
    }

    [Fact]
    public void EveningHours_PastMidnight_AreTheStep_NotGapsToFill()
    {
        // The bundled taxi's half-hours from 18:00 to 01:30 alone, as a bar's figures come: the hours run past midnight,
        // and the afternoons between are closed, not missing.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "nab-nyc-taxi", "nyc_taxi.csv"));
        var data = Path.Combine(_directory, "evenings.csv");
        File.WriteAllLines(data, lines.Take(1).Concat(lines.Skip(1).Where(line =>
            DateTime.ParseExact(line[..19], "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture).TimeOfDay is var t
            && (t >= TimeSpan.FromHours(18) || t <= TimeSpan.FromHours(1.5)))));

        var result = InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Forecasting, Path.Combine(_directory, "Evenings.cs"), Force: false, NoTune: true));

        Assert.Contains("16 steps of 30 minutes (18:00–01:30, every day) ahead", result.Summary, StringComparison.Ordinal);
        Assert.Contains("Horizon = 16)]", result.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("FillGaps", result.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void WeekdaysOnly_AreBusinessDays_NotGapsToFill()
    {
        // The bundled births on weekdays alone, as prices and office figures come: no FillGaps for the weekends.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "us-births", "births.csv"));
        var data = Path.Combine(_directory, "weekdays.csv");
        File.WriteAllLines(data, lines.Take(1).Concat(lines.Skip(1).Where(line =>
            DateOnly.ParseExact(line[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))));

        var result = InitCommand.Write(new InitOptions(data, "births", null, TaskChoice.Forecasting, Path.Combine(_directory, "Weekdays.cs"), Force: false, NoTune: true));

        Assert.Contains("[Time]: ISO 8601 dates, a step of a business day", result.Source, StringComparison.Ordinal);
        Assert.Contains("Horizon = 14)]", result.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("FillGaps", result.Source, StringComparison.Ordinal);
        var model = PipelineRegistry.For(Compiled.Pipeline(result.Source, "weekdays")).Train(data);
        Assert.Equal("5", model.Hyperparameters["Season"]);
    }

    [Theory]
    [InlineData("offgrid", "Line 203 of offgrid.csv: the time jumps from 2014-07-05 04:00:00 to 2014-07-05 04:40:00, not a whole number of steps of 30 minutes (the series' usual step). A forecaster needs one regular step")]
    [InlineData("repeated", "The times in 'timestamp' repeat (2014-07-01 05:00:00 on lines 12 and 402), and no column of categories or whole numbers tells the series apart")]
    public void TimesNoFillGapsCanMend_AreRefused_NamingTheLine(string kind, string message)
    {
        // The bundled taxi's first 400 half-hours, one time moved off the half-hour grid, or one time given twice.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "nab-nyc-taxi", "nyc_taxi.csv")).Take(401).ToList();
        if (kind == "offgrid")
        {
            Assert.StartsWith("2014-07-05 04:30:00,", lines[202], StringComparison.Ordinal);
            lines[202] = "2014-07-05 04:40:00" + lines[202][19..];
        }
        else
        {
            lines.Add(lines[11][..19] + ",1234");
        }

        var data = Path.Combine(_directory, kind + ".csv");
        File.WriteAllLines(data, lines);
        var output = Path.Combine(_directory, "Series.cs");

        var error = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Forecasting, output, Force: false)));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void ADatedNumber_ReadAsRegression_MentionsForecasting()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "nab-nyc-taxi", "nyc_taxi.csv");

        var result = InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Auto, Path.Combine(_directory, "Taxi.cs"), Force: false));
        var regression = InitCommand.Write(new InitOptions(data, "value", null, TaskChoice.Regression, Path.Combine(_directory, "Taxi.cs"), Force: true));

        Assert.Equal(TaskChoice.Regression, result.Label.Task);
        Assert.EndsWith("with its dates ('timestamp') it may be a series: --task forecasting forecasts it ahead instead", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("--task forecasting", regression.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("north", "south", "string")]
    [InlineData("1", "2", "long")]
    public void ASeriesFileWithSeveralSeries_DeclaresTheSeriesColumn_AndIgnoresWhatIsNotANumber(string first, string second, string type)
    {
        // Two stores' daily sales, a promotion flag and a weather word: the store (a name or a number) tells the series
        // apart (its times repeat), the flag is a covariate, the word is not a number and is ignored.
        var lines = new List<string> { "day,store,sales,promo,weather" };
        for (var d = 0; d < 120; d++)
        {
            foreach (var store in new[] { first, second })
            {
                var day = new DateOnly(2024, 1, 1).AddDays(d);
                var sales = (store == first ? 100 : 60) + (10 * ((d % 7) < 5 ? 1 : -1)) + (d % 7 == 3 ? 25 : 0);
                lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},{store},{sales},{(d % 7 == 3 ? "true" : "false")},{(d % 3 == 0 ? "rain" : "sun")}"));
            }
        }

        var data = Path.Combine(_directory, "sales.csv");
        File.WriteAllLines(data, lines);

        var result = InitCommand.Write(new InitOptions(data, "sales", null, TaskChoice.Forecasting, Path.Combine(_directory, "Sales.cs"), Force: false, NoTune: false, Horizon: 7));

        Assert.Contains($"[SeriesId]\n    public {type} Store", result.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("[Ignore]\n    public string Weather", result.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("public bool Promo", result.Source, StringComparison.Ordinal);
        Assert.Contains("Horizon = 7)]", result.Source, StringComparison.Ordinal);
        Assert.Contains("[Tune]", result.Source, StringComparison.Ordinal);
        var model = PipelineRegistry.For(Compiled.Pipeline(result.Source, "Sales" + type)).Train(data);
        Assert.Equal("7", model.Hyperparameters["Horizon"]);
    }

    [Theory]
    [InlineData("iris/iris.txt", "#Label", null, "A forecaster needs a column of dates or times for [Time], and no column of iris.txt reads as one")]
    [InlineData("us-macro/macrodata.csv", "realgdp", null, "A forecaster needs a column of dates or times for [Time], and no column of macrodata.csv reads as one (its columns: 'year', 'quarter', 'realgdp', 'realcons', 'realinv', 'realgovt', 'realdpi', 'cpi', 'm1', 'tbilrate', 'unemp', 'pop', 'infl', 'realint'), nor as whole numbers at a regular step. 'year' and 'quarter' read as a year and its quarter in two columns: write them as one column (1959Q1), which reads as dates with [Column(Format = \"yyyy'Q'q\")].")]
    [InlineData("words.csv", "kind", null, "The label is not numeric in every row; forecasting needs numbers. The first that is not: 'busy'.")]
    [InlineData("commas.csv", "wert", null, "The label is not numeric in every row; forecasting needs numbers. The first that is not: '100,5' (a decimal comma: numbers are read with a '.').")]
    [InlineData("nab-nyc-taxi/nyc_taxi.csv", "value", 0, "--horizon 0: a forecaster forecasts one step or more.")]
    public void AFileAForecasterCannotReadAsASeries_IsRefused_SayingWhy(string dataset, string label, int? horizon, string message)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", dataset);
        if (dataset == "words.csv")
        {
            data = Path.Combine(_directory, dataset);
            File.WriteAllLines(data, Enumerable.Range(1, 30).Select(d => $"2024-01-{d:00},{(d % 2 == 0 ? "calm" : "busy")}").Prepend("day,kind"));
        }

        if (dataset == "commas.csv")
        {
            // A European spreadsheet's export: ';' between fields, ',' in numbers.
            data = Path.Combine(_directory, dataset);
            File.WriteAllLines(data, Enumerable.Range(1, 30).Select(d => $"{d:00}.01.2024;{99 + d},5").Prepend("datum;wert"));
        }

        var output = Path.Combine(_directory, "Series.cs");

        var error = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(data, label, null, TaskChoice.Forecasting, output, Force: false, Horizon: horizon)));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        var tabular = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(Path.Combine(AppContext.BaseDirectory, "datasets", "iris", "iris.txt"), "#Label", null, TaskChoice.Auto, output, Force: false, Horizon: 5)));
        Assert.Equal("--horizon is for --task forecasting.", tabular.Message);
    }

    [Theory]
    [InlineData("class", "it is a C# keyword")]
    [InlineData("1bad name", "it must start with a letter or '_'")]
    [InlineData("Bad Name", "it may hold only letters, digits and '_'")]
    [InlineData("model", "CS8981")]
    public void ANameThatCannotBeAClass_IsRefused_BeforeAnythingIsWritten(string name, string why)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "datasets", "iris", "iris.txt");
        var output = Path.Combine(_directory, "Named.cs");

        var error = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(data, "#Label", name, TaskChoice.Auto, output, Force: false)));

        Assert.StartsWith($"--name '{name}' cannot name a C# class: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("label\n1\n0\n1\n0\n", "the label is its only column")]
    [InlineData("size,label\n7,1\n7,0\n7,1\n7,0\n7,1\n", "every other column is left out: 'size'")]
    public void AFileWithNothingToLearnFrom_IsRefused(string content, string message)
    {
        var data = Path.Combine(_directory, "few.csv");
        File.WriteAllText(data, content);
        var output = Path.Combine(_directory, "Few.cs");

        var error = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(data, "label", null, TaskChoice.Auto, output, Force: false)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("A model needs at least one feature.", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void ADuplicatedHeader_IsRefused_NamingItsColumns()
    {
        var data = Path.Combine(_directory, "twice.csv");
        File.WriteAllText(data, "size,weight,Size,label\n1,2,3,1\n4,5,6,0\n7,8,9,1\n1,5,3,0\n");

        var error = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(data, "label", null, TaskChoice.Auto, Path.Combine(_directory, "Twice.cs"), Force: false)));

        Assert.Contains("names 'size' more than once (columns 1 and 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderOfImages_GivesAnImageClassifierThatCompilesAndTrains()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "datasets", "fashion-mnist-photos");

        var result = InitCommand.Write(new InitOptions(folder, "", "FashionModel", TaskChoice.Auto, Path.Combine(_directory, "FashionModel.cs"), Force: false, NoTune: true));

        Assert.Equal(TaskChoice.Multiclass, result.Label.Task);
        Assert.Contains("[Image]", result.Source);
        Assert.Contains("coat (40), dress (40), pullover (40), t-shirt (40), trouser (40)", result.Source);
        Assert.Contains("<PackageReference Include=\"Declarative.Vision\" />", result.Source);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "FashionInit")).Train(folder);
        Assert.True(trained.TestMetricValues["MacroAccuracy"] >= 0.7, $"{trained.TestMetricValues["MacroAccuracy"]}\n{result.Source}");

        // Tuned, the linear trainer is named: trees over the encoder's numbers take about 30x as long (tests/bench/images.sh).
        var tuned = InitCommand.Write(new InitOptions(folder, "", "FashionModel", TaskChoice.Auto, Path.Combine(_directory, "TunedFashionModel.cs"), Force: false));
        Assert.Contains("[Trainers(Trainer.SdcaMaximumEntropy)] // images: the linear trainer tunes in seconds; remove to search the trees too (about 30x the time)\n[Tune(MaxTrials = 20)]", tuned.Source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith("Tuned with 20 trials of SdcaMaximumEntropy at build time", tuned.Tuning, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoClassFolders_AreBinary_WithTheRarerPositive_AndOneIsRefused()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "datasets", "fashion-mnist-photos");
        var folder = Path.Combine(_directory, "garments");
        foreach (var (kind, take) in new[] { ("dress", 40), ("trouser", 25) })
        {
            Directory.CreateDirectory(Path.Combine(folder, kind));
            foreach (var file in Directory.GetFiles(Path.Combine(source, kind)).Order(StringComparer.Ordinal).Take(take))
            {
                File.Copy(file, Path.Combine(folder, kind, Path.GetFileName(file)));
            }
        }

        var result = InitCommand.Write(new InitOptions(folder, "Kind", null, TaskChoice.Auto, Path.Combine(_directory, "Garments.cs"), Force: false, NoTune: true));
        var forecast = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(folder, "Kind", null, TaskChoice.Forecasting, Path.Combine(_directory, "Series.cs"), Force: false)));

        Assert.Contains("classify them with --task binary or multiclass", forecast.Message, StringComparison.Ordinal);
        Assert.Equal(TaskChoice.Binary, result.Label.Task);
        Assert.Contains("[Label(Positive = \"trouser\")]", result.Source);
        Assert.Contains("public string Kind { get; set; }", result.Source);
        var trained = PipelineRegistry.For(Compiled.Pipeline(result.Source, "GarmentsInit")).Train(folder);
        Assert.True(trained.TestMetricValues["AreaUnderRocCurve"] >= 0.9, $"{trained.TestMetricValues["AreaUnderRocCurve"]}");

        Directory.Delete(Path.Combine(folder, "dress"), recursive: true);
        var e = Assert.Throws<InitException>(() => InitCommand.Write(new InitOptions(folder, "", null, TaskChoice.Auto, Path.Combine(_directory, "One.cs"), Force: false)));
        Assert.Contains("one class only ('trouser')", e.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
