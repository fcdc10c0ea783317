using System.Globalization;
using Declarative.Build;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

/// <summary>
/// The host's <c>--predict</c> (what <c>dotnet declarative predict</c> runs): a file's rows, read by the pipeline's
/// mapping, predicted by the trained model file, written one line per row; a bad row is an error at its line and
/// column; and <c>--list</c> says which models are current.
/// </summary>
public sealed class PredictCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void EveryRow_IsWrittenWithItsPrediction_AsTheModelGivesIt()
    {
        var model = AdultIncomeModel.Train();
        model.Save(Path.Combine(_temp.Path, "AdultIncomeModel.mlnet"));
        var lines = File.ReadLines("datasets/adult/adult.txt").Take(41).ToList();
        var input = _temp.File("people.csv");
        File.WriteAllLines(input, lines.Select(l => string.Join(',', l.Split(',').Take(14)))); // no label column
        var output = _temp.File("predictions.csv");
        var log = new StringWriter();

        var exit = BuildHost.Run([typeof(AdultIncomeModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "AdultIncomeModel", input, output], log);

        Assert.True(exit == 0, log.ToString());
        Assert.Contains($"Declarative: predicted 40 rows of {input} with AdultIncomeModel -> {output}", log.ToString());
        var written = File.ReadAllLines(output);
        Assert.Equal("Age,Workclass,FinalWeight,Education,EducationYears,MaritalStatus,Occupation,Relationship,Ethnicity,Sex,CapitalGain,CapitalLoss,HoursPerWeek,NativeCountry,PredictedLabel,Score,Probability", written[0]);
        Assert.Equal(41, written.Length);
        var first = lines[1].Split(',').Select(f => f.Trim()).ToArray();
        var expected = model.Predict(new Adult
        {
            Age = 39, Workclass = first[1], FinalWeight = 77516, Education = first[3], EducationYears = 13, MaritalStatus = first[5], Occupation = first[6],
            Relationship = first[7], Ethnicity = first[8], Sex = first[9], CapitalGain = 2174, CapitalLoss = 0, HoursPerWeek = 40, NativeCountry = first[13],
        });
        Assert.Equal(expected.Probability.ToString("R", CultureInfo.InvariantCulture), written[1].Split(',')[^1]);
    }

    [Fact]
    public void AClusteringModel_WritesEachRowsClusterAndDistances()
    {
        IrisClusterModel.Train().Save(Path.Combine(_temp.Path, "IrisClusterModel.mlnet"));
        var input = _temp.File("flowers.csv");
        File.WriteAllLines(input, ["Sepal length,Sepal width,Petal length,Petal width", "5.1,3.5,1.4,0.2", "6.7,3.0,5.2,2.3"]);
        var output = _temp.File("clusters.csv");
        var log = new StringWriter();

        var exit = BuildHost.Run([typeof(IrisClusterModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "IrisClusterModel", input, output], log);

        Assert.True(exit == 0, log.ToString());
        var written = File.ReadAllLines(output);
        Assert.EndsWith("ClusterId,Distances", written[0], StringComparison.Ordinal);
        Assert.Equal(3, written[1].Split(',')[^1].Split(' ').Length);
        Assert.NotEqual(written[1].Split(',')[^2], written[2].Split(',')[^2]);
    }

    [Fact]
    public void ASynthesizer_IsAClearErrorForThePredictCommand()
    {
        IrisSynthesizer.Train().Save(Path.Combine(_temp.Path, "IrisSynthesizer.mlnet"));
        var input = _temp.File("flowers.csv");
        File.WriteAllLines(input, ["Sepal length,Sepal width,Petal length,Petal width", "5.1,3.5,1.4,0.2"]);
        var log = new StringWriter();

        var exit = BuildHost.Run([typeof(IrisSynthesizer).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "IrisSynthesizer", input, _temp.File("out.csv")], log);

        Assert.Equal(1, exit);
        Assert.Contains("is a synthesizer: it samples new rows", log.ToString());
    }

    [Fact]
    public void AForecaster_ForecastsEachSeriesOfTheFile_FromItsLastRow()
    {
        // The five US aggregates, a series a [SeriesId]: the file's rows are histories, and each series is forecast
        // from its last quarter; the whole file gives each series' trained forecast.
        var model = MacroQuarterForecast.Train();
        model.Save(Path.Combine(_temp.Path, "MacroQuarterForecast.mlnet"));
        var input = MacroQuarterForecast.Spec.ResolveDataPath();
        var output = _temp.File("next.csv");
        var log = new StringWriter();

        var exit = BuildHost.Run([typeof(MacroQuarterForecast).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "MacroQuarterForecast", input, output], log);

        Assert.True(exit == 0, log.ToString());
        Assert.Contains($"Declarative: forecast 40 steps from the series of {input} with MacroQuarterForecast -> {output}", log.ToString(), StringComparison.Ordinal);
        var written = File.ReadAllLines(output);
        Assert.Equal("Series,Quarter,Value,Lower,Upper", written[0]);
        Assert.Equal(1 + (5 * 8), written.Length);
        var expected = model.Pipeline.SeriesIds.SelectMany(id => model.Forecast(id).Select(p => string.Join(',',
            id, p.Time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Value.ToString("R", CultureInfo.InvariantCulture),
            p.Lower.ToString("R", CultureInfo.InvariantCulture), p.Upper.ToString("R", CultureInfo.InvariantCulture))));
        Assert.Equal(expected, written.Skip(1));
        Assert.Equal("realgdp,2009-10-01", string.Join(',', written[1].Split(',').Take(2))); // 2009Q3 is the last quarter
    }

    [Fact]
    public void AForecaster_ReadingCovariatesAhead_ForecastsFromAHistoryEndingWithTheNextStepsCovariates()
    {
        // The autoregression on the births and the holiday: the file ends with the next fortnight's holidays and no births
        // (empty fields), as Forecast(history) asks, and each line is that forecast's, New Year's Day among them.
        var model = BirthsArForecast.Train();
        model.Save(Path.Combine(_temp.Path, "BirthsArForecast.mlnet"));
        var history = File.ReadLines(BirthsArForecast.Spec.ResolveDataPath()).Skip(1).TakeLast(120).ToList();
        var future = Enumerable.Range(1, 14).Select(d => string.Create(CultureInfo.InvariantCulture, $"2004-01-{d:00},,{(d == 1 ? "true" : "false")}")).ToList();
        var input = _temp.File("fortnight.csv");
        File.WriteAllLines(input, ["date,births,holiday", .. history, .. future]);
        var output = _temp.File("next.csv");
        var log = new StringWriter();

        var exit = BuildHost.Run([typeof(BirthsArForecast).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "BirthsArForecast", input, output], log);

        Assert.True(exit == 0, log.ToString());
        var rows = history.Concat(future).Select(l => l.Split(',')).Select(f => new BirthDay
        {
            Day = DateTime.Parse(f[0], CultureInfo.InvariantCulture),
            Births = f[1].Length == 0 ? float.NaN : float.Parse(f[1], CultureInfo.InvariantCulture),
            Holiday = bool.Parse(f[2]),
        });
        var expected = model.Forecast(rows).Select(p => string.Join(',', p.Time.ToString("s", CultureInfo.InvariantCulture),
            p.Value.ToString("R", CultureInfo.InvariantCulture), p.Lower.ToString("R", CultureInfo.InvariantCulture), p.Upper.ToString("R", CultureInfo.InvariantCulture)));
        Assert.Equal(["Day,Births,Lower,Upper", .. expected], File.ReadAllLines(output));
        Assert.StartsWith("2004-01-01T00:00:00,", File.ReadLines(output).ElementAt(1), StringComparison.Ordinal);
    }

    [Fact]
    public void AForecaster_IsAClearError_ForKeepExplainAndAGap_AndNoOutputIsLeft()
    {
        SunspotTreesForecast.Train().Save(Path.Combine(_temp.Path, "SunspotTreesForecast.mlnet"));
        var input = _temp.File("years.csv");
        File.WriteAllLines(input, File.ReadLines(SunspotTreesForecast.Spec.ResolveDataPath()).Take(201));
        string Run(params string[] extra)
        {
            var log = new StringWriter();
            var exit = BuildHost.Run([typeof(SunspotTreesForecast).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "SunspotTreesForecast", input, _temp.File("out.csv"), .. extra], log);
            Assert.Equal(1, exit);
            Assert.False(File.Exists(_temp.File("out.csv")));
            return log.ToString();
        }

        Assert.Contains("is a forecaster: its output lines are the steps after each series' last row", Run(BuildHost.KeepFlag + "YEAR"), StringComparison.Ordinal);
        Assert.Contains("is a forecaster: --explain explains a prediction of a row", Run(BuildHost.ExplainFlag), StringComparison.Ordinal);

        // A year missing from the history (1800) is the forecaster's own error, naming the file rather than "(history)".
        File.WriteAllLines(input, File.ReadLines(SunspotTreesForecast.Spec.ResolveDataPath()).Take(201).Where(l => !l.StartsWith("1800,", StringComparison.Ordinal)));
        var gap = Run();
        Assert.Contains(input, gap, StringComparison.Ordinal);
        Assert.Contains("1801", gap, StringComparison.Ordinal);
        Assert.DoesNotContain("(history)", gap, StringComparison.Ordinal);

        // The history read whole, it forecasts as the trained model does from it.
        File.WriteAllLines(input, File.ReadLines(SunspotTreesForecast.Spec.ResolveDataPath()).Take(201));
        var output = _temp.File("next.csv");
        Assert.Equal(0, BuildHost.Run([typeof(SunspotTreesForecast).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "SunspotTreesForecast", input, output], new StringWriter()));
        Assert.Equal(["Year,Activity,Lower,Upper", .. Enumerable.Range(1900, 10).Select(y => y.ToString(CultureInfo.InvariantCulture))], File.ReadLines(output).Select((l, i) => i == 0 ? l : l.Split(',')[0]));
    }

    [Fact]
    public void ASeriesDetector_WritesEachRowsScore_AsDetectGivesIt()
    {
        var model = TaxiAnomalies.Train();
        model.Save(Path.Combine(_temp.Path, "TaxiAnomalies.mlnet"));
        var input = _temp.File("taxi.csv");
        File.WriteAllLines(input, File.ReadLines("datasets/nab-nyc-taxi/nyc_taxi.csv").Take(401));
        var output = _temp.File("scores.csv");
        var log = new StringWriter();

        var exit = BuildHost.Run([typeof(TaxiAnomalies).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "TaxiAnomalies", input, output], log);

        Assert.True(exit == 0, log.ToString());
        var written = File.ReadAllLines(output);
        Assert.Equal("At,Passengers,Score,IsAnomaly", written[0]);
        Assert.Equal(401, written.Length);
        var rows = File.ReadLines(input).Skip(1).Select(l => l.Split(','))
            .Select(f => new TaxiCount { At = DateTime.Parse(f[0], CultureInfo.InvariantCulture), Passengers = float.Parse(f[1], CultureInfo.InvariantCulture) });
        Assert.Equal(model.Detect(rows).Select(p => p.Score.ToString("R", CultureInfo.InvariantCulture)), written.Skip(1).Select(l => l.Split(',')[2]));
    }

    [Fact]
    public void ADateFeature_IsReadIntoItsDateTimeProperty()
    {
        var model = TaxiDemandModel.Train();
        model.Save(Path.Combine(_temp.Path, "TaxiDemandModel.mlnet"));
        var input = _temp.File("times.csv");
        File.WriteAllLines(input, ["timestamp", "2014-11-02 09:30:00"]);
        var output = _temp.File("demand.csv");
        var log = new StringWriter();

        var exit = BuildHost.Run([typeof(TaxiDemandModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "TaxiDemandModel", input, output], log);

        Assert.True(exit == 0, log.ToString());
        var expected = model.Predict(new TaxiDemand { When = new DateTime(2014, 11, 2, 9, 30, 0) }).Score;
        Assert.Equal(expected.ToString("R", CultureInfo.InvariantCulture), File.ReadAllLines(output)[1].Split(',')[^1]);
    }

    [Fact]
    public void ARowThatCannotBeRead_IsAnErrorAtItsLineAndColumn_AndNoOutputIsLeft()
    {
        TrainedModels.Digits.Save(Path.Combine(_temp.Path, "DigitModel.mlnet"));
        var lines = File.ReadLines("datasets/optdigits/digits.csv").Take(5).ToList();
        var fields = lines[3].Split(',');
        fields[5] = "five";
        lines[3] = string.Join(',', fields);
        var input = _temp.File("digits.csv");
        File.WriteAllLines(input, lines);
        var output = _temp.File("out.csv");
        var log = new StringWriter();

        var exit = BuildHost.Run([typeof(DigitModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "DigitModel", input, output], log);

        Assert.Equal(1, exit);
        Assert.Contains($"{input}(4,{lines[3].IndexOf("five", StringComparison.Ordinal) + 1}): error DCL1001: 'five' cannot be Digit.Pixels[5] (float): not a number [pipeline DigitModel]", log.ToString());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void ARunOfColumns_IsReadIntoItsArray_AndTheScoresWritten()
    {
        var model = TrainedModels.Digits;
        model.Save(Path.Combine(_temp.Path, "DigitModel.mlnet"));
        var input = _temp.File("digits.csv");
        File.WriteAllLines(input, File.ReadLines("datasets/optdigits/digits.csv").Take(20));
        var output = _temp.File("out.csv");

        Assert.Equal(0, BuildHost.Run([typeof(DigitModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "DigitModel", input, output], new StringWriter()));

        var written = File.ReadAllLines(output);
        // One score column per class, named by the class, in the model's order.
        Assert.Equal("Pixels,PredictedLabel," + string.Join(',', model.Classes.Select(c => $"Scores[{c}]")), written[0]);
        var labels = File.ReadLines(input).Select(l => l.Split(',')[^1]).ToArray();
        var predicted = written.Skip(1).Select(l => l.Split(',')[1]).ToArray();
        Assert.True(labels.Zip(predicted).Count(p => p.First == p.Second) >= 17, string.Join(" ", predicted));
        Assert.All(written, line => Assert.Equal(12, line.Split(',').Length));
        Assert.Equal(64, written[1].Split(',')[0].Split(' ').Length);
    }

    [Fact]
    public void KeptColumns_ComeFirst_AsTheInputHasThem_SoTheOutputJoinsBack()
    {
        TrainedModels.Tumor.Save(Path.Combine(_temp.Path, "TumorModel.mlnet"));
        var lines = File.ReadLines(TumorModel.Spec.ResolveDataPath()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).Take(6).ToList();
        var input = _temp.File("tumors.tsv");
        File.WriteAllLines(input, lines);
        var output = _temp.File("out.csv");

        Assert.Equal(0, BuildHost.Run([typeof(TumorModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "TumorModel", input, output, BuildHost.KeepFlag + "label;mitoses"], new StringWriter()));

        var written = File.ReadAllLines(output);
        Assert.StartsWith("label,mitoses,Thickness,", written[0], StringComparison.Ordinal);
        Assert.Equal(lines.Skip(1).Select(l => string.Join(',', l.Split('\t')[0], l.Split('\t')[9])), written.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));

        var log = new StringWriter();
        Assert.Equal(1, BuildHost.Run([typeof(TumorModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "TumorModel", input, _temp.File("none.csv"), BuildHost.KeepFlag + "patient"], log));
        Assert.Contains("--keep names the column 'patient', which the header does not have", log.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("none.csv")));
    }

    [Fact]
    public void AMissingNumber_IsWrittenEmpty_AsTheInputHadIt()
    {
        TrainedModels.Tumor.Save(Path.Combine(_temp.Path, "TumorModel.mlnet"));
        var lines = File.ReadLines(TumorModel.Spec.ResolveDataPath()).ToList();
        var header = lines.FindIndex(l => l.StartsWith("label", StringComparison.Ordinal));
        var row = lines[header + 1].Split('\t');
        row[1] = "?"; // thickness
        var input = _temp.File("tumors.tsv");
        File.WriteAllLines(input, [lines[header], string.Join('\t', row)]);
        var output = _temp.File("out.csv");

        Assert.Equal(0, BuildHost.Run([typeof(TumorModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "TumorModel", input, output], new StringWriter()));

        var written = File.ReadAllLines(output);
        var thickness = Array.IndexOf(written[0].Split(','), "Thickness");
        Assert.Equal("", written[1].Split(',')[thickness]);
        Assert.DoesNotContain("NaN", written[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ABoolLabel_IsWrittenAsTheTrainingFileSpelledIt()
    {
        // The breast cancer data with its 0/1 label spelled No/Yes, as many exported files have it.
        var lines = File.ReadLines(TumorModel.Spec.ResolveDataPath()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).ToList();
        var spelled = lines.Take(1).Concat(lines.Skip(1).Select(l => (l[0] == '1' ? "Yes" : "No") + l[1..])).ToList();
        var data = _temp.File("tumors.tsv");
        File.WriteAllLines(data, spelled);
        var model = TumorModel.Train(data);
        model.Save(Path.Combine(_temp.Path, "TumorModel.mlnet"));
        var output = _temp.File("out.csv");

        Assert.Equal(0, BuildHost.Run([typeof(TumorModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "TumorModel", data, output], new StringWriter()));

        var written = File.ReadAllLines(output);
        var predicted = Array.IndexOf(written[0].Split(','), "PredictedLabel");
        var labels = written.Skip(1).Select(l => l.Split(',')[predicted]).ToArray();
        Assert.Equal(["No", "Yes"], labels.Distinct().Order());
        var first = TumorModel.Load(Path.Combine(_temp.Path, "TumorModel.mlnet")).Predict(TumorRow(spelled[1]));
        Assert.Equal(first.PredictedLabel ? "Yes" : "No", labels[0]);
    }

    [Fact]
    public void Explain_WritesTheBaseValueAndEachPropertysContribution_ThatAddUpToTheScore()
    {
        // As the build leaves a model: its portable model (which holds the trees' covers) beside it.
        var modelPath = Path.Combine(_temp.Path, "TumorModel.mlnet");
        TrainedModels.Tumor.Save(modelPath);
        Declarative.Scoring.PortableModelFile.Write(
            ((ITrainedPipeline)TrainedModels.Tumor.Pipeline).ToPortable() with { ModelHash = Declarative.Artifacts.ArtifactHash.OfFile(modelPath) },
            Declarative.Scoring.PortableModelFile.Beside(modelPath));
        var lines = File.ReadLines(TumorModel.Spec.ResolveDataPath()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).Take(11).ToList();
        var input = _temp.File("tumors.tsv");
        File.WriteAllLines(input, lines);
        var output = _temp.File("out.csv");

        var log = new StringWriter();
        Assert.True(BuildHost.Run([typeof(TumorModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "TumorModel", input, output, BuildHost.ExplainFlag], log) == 0, log.ToString());

        var written = File.ReadAllLines(output);
        var header = written[0].Split(',');
        var (score, baseValue) = (Array.IndexOf(header, "Score"), Array.IndexOf(header, "BaseValue"));
        Assert.Equal(TumorModel.Spec.Features.Select(f => $"Contribution[{f.SourceProperty}]").Distinct(), header[(baseValue + 1)..]);
        foreach (var line in written.Skip(1))
        {
            var values = line.Split(',');
            var sum = values[baseValue..].Sum(v => double.Parse(v, CultureInfo.InvariantCulture));
            Assert.Equal(double.Parse(values[score], CultureInfo.InvariantCulture), sum, 4);
        }
    }

    [Fact]
    public void Explain_OfAModelWithoutARawScore_IsAClearError_AndNoOutputIsLeft()
    {
        IrisClusterModel.Train().Save(Path.Combine(_temp.Path, "IrisClusterModel.mlnet"));
        var input = _temp.File("flowers.csv");
        File.WriteAllLines(input, ["Sepal length,Sepal width,Petal length,Petal width", "5.1,3.5,1.4,0.2"]);
        var log = new StringWriter();

        Assert.Equal(1, BuildHost.Run([typeof(IrisClusterModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "IrisClusterModel", input, _temp.File("out.csv"), BuildHost.ExplainFlag], log));

        Assert.Contains("no raw score to explain", log.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("out.csv")));
    }

    [Fact]
    public void APositionalRecordRow_IsReadToo()
    {
        var model = IrisRecordModel.Train();
        model.Save(Path.Combine(_temp.Path, "IrisRecordModel.mlnet"));
        var output = _temp.File("out.csv");
        var log = new StringWriter();

        Assert.True(BuildHost.Run([typeof(IrisRecordModel).Assembly.Location, _temp.Path, BuildHost.PredictFlag, "IrisRecordModel", "datasets/iris/iris.txt", output], log) == 0, log.ToString());

        var written = File.ReadAllLines(output);
        Assert.Equal(151, written.Length);
        var first = File.ReadLines("datasets/iris/iris.txt").Skip(1).First().Split('\t').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(
            model.Predict(new IrisRecord((int)first[0], first[1], first[2], first[3], first[4])).PredictedLabel.ToString(CultureInfo.InvariantCulture),
            written[1].Split(',')[4]);
    }

    [Fact]
    public void List_SaysWhichModelsAreCurrent_WithoutTraining()
    {
        var log = new StringWriter();

        Assert.Equal(0, BuildHost.Run([typeof(IrisModel).Assembly.Location, _temp.Path, BuildHost.ListFlag], log));

        var iris = log.ToString().Split('\n').Single(l => l.StartsWith($"{BuildHost.ListPrefix}\tIrisModel\t", StringComparison.Ordinal)).TrimEnd();
        Assert.EndsWith("\tnot trained", iris);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.mlnet"));
    }

    private static Tumor TumorRow(string line)
    {
        var f = line.Split('\t').Skip(1).Select(v => v == "?" ? float.NaN : float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new Tumor
        {
            Thickness = f[0], UniformSize = f[1], UniformShape = f[2], Adhesion = f[3], EpithelialSize = f[4], BareNuclei = float.IsNaN(f[5]) ? null : f[5],
            BlandChromatin = f[6], NormalNucleoli = f[7], Mitoses = (int)f[8],
        };
    }

    public void Dispose() => _temp.Dispose();
}
