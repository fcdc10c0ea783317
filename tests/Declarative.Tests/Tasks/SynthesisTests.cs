using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Tasks;

/// <summary>Synthesizers on adult, housing, iris and breast-cancer through the generated API: valid rows, seeds, and an honest report.</summary>
public sealed class SynthesisTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TooFewRowsToHoldAnyOut_IsAClearError(int rows)
    {
        var few = IrisSynthesizer.Train().Sample(rows, seed: 1);

        var error = Assert.Throws<DataFileException>(() => IrisSynthesizer.Train(few));

        Assert.Contains($"Pipeline IrisSynthesizer has {rows} rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("a synthesizer needs some of each", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_IsTheSameForASeed_AndValidForEveryProperty()
    {
        var model = AdultSynthesizer.Train();
        var rows = model.Sample(2_000, seed: 3);

        Assert.Equal(2_000, rows.Count);
        Assert.Equal(rows.Select(Key), model.Sample(2_000, seed: 3).Select(Key));
        Assert.NotEqual(rows.Select(Key), model.Sample(2_000, seed: 4).Select(Key));

        var training = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "datasets", "adult", "adult.txt")).Skip(1)
            .Select(l => l.Split(',').Select(f => f.Trim()).ToArray()).Where(f => f.Length > 14).ToArray();
        var workclasses = training.Select(f => f[1]).ToHashSet();
        var ages = training.Select(f => float.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(rows, r =>
        {
            Assert.True(r.Workclass.Length == 0 || workclasses.Contains(r.Workclass), r.Workclass);
            Assert.InRange(r.Age, ages.Min(), ages.Max());
            Assert.Equal(Math.Round(r.Age), r.Age); // ages are whole in the data, so they are in the sample
        });
        Assert.InRange(rows.Count(r => r.IsOver50K) / 2_000.0, 0.18, 0.30); // 24% in the data
    }

    [Fact]
    public void NullableAndIntegerProperties_KeepTheirMissingShareAndWholeness()
    {
        var model = TumorSynthesizer.Train();
        var rows = model.Sample(5_000, seed: 1);

        Assert.All(rows, r => Assert.Equal(Math.Round((double)r.Mitoses), r.Mitoses));
        Assert.All(rows.Where(r => r.BareNuclei is not null), r => Assert.InRange(r.BareNuclei!.Value, 1, 10));
        var missing = rows.Count(r => r.BareNuclei is null) / 5_000.0;
        Assert.InRange(missing, 0.0, 0.01); // 1 of 699 is missing in the file
    }

    [Fact]
    public void ARunOfColumns_ComesBackAsAnArrayOfItsWidth()
    {
        var model = DigitSynthesizer.Train();
        var rows = model.Sample(200, seed: 1);

        Assert.All(rows, r =>
        {
            Assert.Equal(64, r.Pixels.Length);
            Assert.All(r.Pixels, p => Assert.True(p is >= 0 and <= 16 && p == MathF.Round(p), $"{p}"));
            Assert.InRange(r.Value, 0, 9);
        });
        Assert.True(model.Evaluate().Methods[0].Utility > 0.5, "digits drawn from trees are still digits a classifier can learn");
    }

    [Fact]
    public void ADate_IsModelledWhole_AndComesBackAsADateSeenInTraining()
    {
        var model = TaxiDemandSynthesizer.Train();
        var seen = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "datasets", "nab-nyc-taxi", "nyc_taxi.csv")).Skip(1)
            .Select(l => DateTime.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var rows = model.Sample(500, seed: 4);

        Assert.All(rows, r => Assert.Contains(r.When, seen));
        Assert.All(rows, r => Assert.Equal(0, r.When.Minute % 30)); // half-hourly, as the data is
        Assert.True(rows.Select(r => r.When).Distinct().Count() > 400, "dates spread over the data, not a few repeated");
    }

    [Theory]
    [InlineData("copula")]
    [InlineData("trees")]
    public void Report_OnAdult_BeatsIndependentMarginalsOnFidelityAndUtility_AndResamplingOnPrivacy(string kind)
    {
        var report = kind == "copula" ? AdultSynthesizer.Train().Evaluate() : AdultTreeSynthesizer.Train().Evaluate();
        var own = report.Methods[0];
        var independent = report.Methods.Single(m => m.Method == "IndependentMarginals");
        var resampling = report.Methods.Single(m => m.Method == "Resampling");

        Assert.True(own.CorrelationDifference < independent.CorrelationDifference, $"{own} against {independent}");
        Assert.True(own.Utility > independent.Utility, $"{own} against {independent}");
        Assert.True(own.ExactCopyShare < resampling.ExactCopyShare, $"{own} against {resampling}");
        Assert.True(own.DistanceRatio > resampling.DistanceRatio, $"{own} against {resampling}");
        Assert.Equal("AreaUnderRocCurve", report.UtilityMetric);
        Assert.True(report.RealUtility > own.Utility, "real rows train a better model than synthetic ones");
        Assert.Equal(15, report.Columns.Count);
        Assert.Contains(report.Columns, c => c.Measure == "KS");
        Assert.Contains(report.Columns, c => c.Measure == "TVD");
    }

    [Fact]
    public void PrivacyCheck_CatchesASynthesizerThatCopiesRows()
    {
        // Resampling the training rows is the synthesizer that copies: most of its rows are training rows exactly, and
        // its rows sit far closer to the training rows than new real rows do.
        var report = HousingSynthesizer.Train().Evaluate();
        var copier = report.Methods.Single(m => m.Method == "Resampling");

        Assert.True(copier.ExactCopyShare > 0.9, copier.ToString());
        Assert.True(copier.DistanceRatio < 0.1, copier.ToString());
        Assert.True(report.Methods[0].ExactCopyShare < 0.01, report.Methods[0].ToString());
    }

    [Fact]
    public void Regression_AndMulticlassLabels_AreMeasuredByTheirTasksMetric()
    {
        Assert.Equal("RSquared", HousingTreeSynthesizer.Train().Evaluate().UtilityMetric);
        var iris = IrisSynthesizer.Train();
        Assert.Equal("MacroAccuracy", iris.Evaluate().UtilityMetric);
        Assert.All(iris.Sample(300, seed: 2), r => Assert.True(Enum.IsDefined(r.Label)));
    }

    [Fact]
    public void SavedSynthesizers_LoadAndSampleTheSameRows()
    {
        using var directory = new TempDirectory();
        var copula = IrisSynthesizer.Train();
        copula.Save(Path.Combine(directory.Path, "copula.mlnet"));
        Assert.Equal(copula.Sample(100, 5).Select(IrisKey), IrisSynthesizer.Load(Path.Combine(directory.Path, "copula.mlnet")).Sample(100, 5).Select(IrisKey));

        var trees = IrisTreeSynthesizer.Train();
        trees.Save(Path.Combine(directory.Path, "trees.mlnet"));
        Assert.Equal(trees.Sample(100, 5).Select(IrisKey), IrisTreeSynthesizer.Load(Path.Combine(directory.Path, "trees.mlnet")).Sample(100, 5).Select(IrisKey));
    }

    [Fact]
    public void AModelOfAnotherKind_DoesNotLoad()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "synthesizer.mlnet");
        IrisSynthesizer.Train().Save(path);

        var error = Assert.Throws<ModelFileException>(() => IrisTreeSynthesizer.Load(path));
        Assert.Contains("another row schema or kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingTwice_GivesTheSameModelBytesAndReport_ForBothKinds()
    {
        static (byte[] Model, string Report) Trained(Func<Synthesizer<House>> train)
        {
            var model = train();
            using var stream = new MemoryStream();
            model.Save(stream);
            return (stream.ToArray(), model.Evaluate().ToJson());
        }

        foreach (var train in new Func<Synthesizer<House>>[] { () => HousingSynthesizer.Train().Pipeline, () => HousingTreeSynthesizer.Train().Pipeline })
        {
            var (first, second) = (Trained(train), Trained(train));
            Assert.Equal(first.Model, second.Model);
            Assert.Equal(first.Report, second.Report);
        }
    }

    [Fact]
    public void ADamagedModelFile_IsAModelFileError_NotACrashWhenSampling()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "trees.mlnet");
        IrisTreeSynthesizer.Train().Save(path);
        var json = File.ReadAllText(path);

        // A split on a column the tree cannot see (a later one), as a hand-edited or corrupted file might hold.
        File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(json, "\"Feature\":[0-9]+", "\"Feature\":99", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("a tree that does not fit its columns", Assert.Throws<ModelFileException>(() => IrisTreeSynthesizer.Load(path)).Message, StringComparison.Ordinal);

        File.WriteAllText(path, json[..(json.Length / 2)]);
        Assert.Contains("not a synthesizer model", Assert.Throws<ModelFileException>(() => IrisTreeSynthesizer.Load(path)).Message, StringComparison.Ordinal);
    }

    private static string Key(Adult r) => $"{r.Age}|{r.Workclass}|{r.Education}|{r.HoursPerWeek}|{r.IsOver50K}";

    private static string IrisKey(Iris r) => $"{r.Label}|{r.SepalLength}|{r.SepalWidth}|{r.PetalLength}|{r.PetalWidth}";

    [Fact]
    public void ABuiltSynthesizerEditedAfterTheBuild_IsRefusedOnLoad()
    {
        using var dir = new TempDirectory();
        var built = Declarative.Build.ArtifactBuilder.Build(PipelineRegistry.For(typeof(IrisSynthesizer)), dir.Path);
        Assert.NotNull(IrisSynthesizer.Load(built.ModelPath));

        File.WriteAllText(built.ModelPath, File.ReadAllText(built.ModelPath) + " ");
        var error = Assert.Throws<ModelFileException>(() => IrisSynthesizer.Load(built.ModelPath));
        Assert.Equal(built.ModelPath, error.FilePath);
        Assert.Contains("is not the one its manifest describes", error.Message, StringComparison.Ordinal);
    }
}
