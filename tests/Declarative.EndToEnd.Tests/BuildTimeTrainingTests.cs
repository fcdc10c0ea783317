using System.Security.Cryptography;

namespace Declarative.EndToEnd.Tests;

/// <summary>`dotnet build` of a fresh project that references the package trains its models, as a user would see it.</summary>
[Collection(PackageCollection.Name)]
public sealed class BuildTimeTrainingTests(PackageFixture package)
{
    private const string App = $$"""
        using Declarative;

        var model = TumorModel.Load();
        var benign = model.Predict(new Tumor { Thickness = 2, UniformSize = 1, UniformShape = 1, BareNuclei = 1 });
        var malignant = model.Predict(new Tumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10 });
        Console.WriteLine($"benign -> {benign.PredictedLabel}, malignant -> {malignant.PredictedLabel} (p = {malignant.Probability:F2})");

        {{TumorSources.Row}}

        [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt")]
        [Trainers(Trainer.FastTree)]
        public partial class TumorModel;
        """;

    [Fact]
    public void Build_TrainsOnce_LoadPredicts_TouchRetrains_PublishCarries_CleanRemoves()
    {
        var project = package.NewProject("BuildApp", App, (TumorSources.Dataset, "data/breast-cancer.txt"));
        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        var manifest = Path.Combine(output, "TumorModel.model.json");

        var first = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: trained TumorModel with FastTree", first);
        Assert.True(File.Exists(Path.Combine(output, "TumorModel.mlnet")));
        Assert.Contains("\"dataFile\": \"breast-cancer.txt\"", File.ReadAllText(manifest));
        Assert.Contains("data-chart=\"roc\"", File.ReadAllText(Path.Combine(output, "TumorModel.report.html")));
        Assert.Contains("\"rocCurve\"", File.ReadAllText(Path.Combine(output, "TumorModel.report.json")));

        var run = DotNet.Succeed(project, "run", "--no-build");
        Assert.Contains("benign -> False, malignant -> True", run);

        var trainedAt = File.GetLastWriteTimeUtc(manifest);
        var second = DotNet.Succeed(project, "build");
        Assert.DoesNotContain("Declarative: trained", second);
        Assert.Equal(trainedAt, File.GetLastWriteTimeUtc(manifest));

        File.SetLastWriteTimeUtc(Path.Combine(project, "data", "breast-cancer.txt"), DateTime.UtcNow);
        var third = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: trained TumorModel", third);
        Assert.True(File.GetLastWriteTimeUtc(manifest) > trainedAt);

        var published = Path.Combine(project, "published");
        DotNet.Succeed(project, "publish", "-o", published);
        Assert.True(File.Exists(Path.Combine(published, "TumorModel.mlnet")));
        Assert.True(File.Exists(Path.Combine(published, "TumorModel.model.json")));

        DotNet.Succeed(project, "clean");
        Assert.False(File.Exists(manifest));
        Assert.False(File.Exists(Path.Combine(output, "TumorModel.mlnet")));
        // (publish built Release; clean cleans the Debug build it is asked to.)
        Assert.Empty(Directory.GetFiles(Path.Combine(project, "obj", "Debug"), "TumorModel.*", SearchOption.AllDirectories));
    }

    [Fact]
    public void ReportOff_SkipsTheReport_AndTurningItBackOn_WritesIt()
    {
        var project = package.NewProject("ReportToggleApp", App, (TumorSources.Dataset, "data/breast-cancer.txt"));
        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        var report = Path.Combine(output, "TumorModel.report.html");

        var quick = DotNet.Succeed(project, "build", "-p:DeclarativeReport=false");
        Assert.Contains("Declarative: trained TumorModel with FastTree", quick);
        Assert.Contains("(no report)", quick);
        Assert.Contains("\"testMetrics\"", File.ReadAllText(Path.Combine(output, "TumorModel.model.json")));
        Assert.False(File.Exists(report));

        // Nothing but the property changed: the build must still notice and write the report the model lacks.
        var full = DotNet.Succeed(project, "build");
        Assert.Contains("report written to", full);
        Assert.True(File.Exists(report));
    }

    [Fact]
    public async Task TwoBuildsTrainingAtOnce_BothEndWell_AndTrainOnce()
    {
        var project = package.NewProject("OverlapApp", App, (TumorSources.Dataset, "data/breast-cancer.txt"));
        DotNet.Succeed(project, "build", "-p:DeclarativeTrainOnBuild=false");

        // Two builds at once, as an IDE and a terminal would start them; the compile is already up to date in both.
        var runs = Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => DotNet.Run(project, "build", "--no-restore")))
            .ToArray();
        var outputs = await Task.WhenAll(runs);
        Assert.All(outputs, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.True(outputs.Count(r => r.Output.Contains("Declarative: trained TumorModel", StringComparison.Ordinal)) == 1,
            string.Join("\n----\n", outputs.Select(r => r.Output)));
        Assert.DoesNotContain(outputs, r => r.Output.Contains(": error ", StringComparison.Ordinal));
        // The other build waited for the lock, or found the model up to date, or (when it reached the target after the
        // first had written its stamp) MSBuild skipped the stale check without a word: all three end well, and none of
        // them trains. Which one happens is timing, so it is not asserted (asserting one of the first two failed a
        // clean-clone run where both builds printed neither).
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "TumorModel.mlnet")));
    }

    [Fact]
    public void AProjectThatPublishesAot_StillTrainsAtBuild()
    {
        // PublishAot turns reflection-based JSON off in the app's runtimeconfig, which the build host runs under: the
        // manifest, report and model metadata must be written through source-generated JSON.
        var project = package.NewProject("AotFlagApp", App, (TumorSources.Dataset, "data/breast-cancer.txt"));
        var csproj = Path.Combine(project, "AotFlagApp.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</TreatWarningsAsErrors>", "</TreatWarningsAsErrors>\n    <PublishAot>true</PublishAot>", StringComparison.Ordinal));
        var output = Path.Combine(project, "bin", "Debug", "net10.0");

        var build = DotNet.Succeed(project, "build");

        Assert.Contains("Declarative: trained TumorModel with FastTree", build);
        Assert.Contains("\"System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault\": false", File.ReadAllText(Path.Combine(output, "AotFlagApp.runtimeconfig.json")));
        Assert.Contains("\"testMetrics\"", File.ReadAllText(Path.Combine(output, "TumorModel.model.json")));
        Assert.Contains("\"rocCurve\"", File.ReadAllText(Path.Combine(output, "TumorModel.report.json")));
        Assert.Contains("benign -> False, malignant -> True", DotNet.Succeed(project, "run", "--no-build"));
    }

    private const string NativeApp = $$"""
        using System.Globalization;
        using Declarative;

        // With --mlnet (on the JIT only) the same code predicts through ML.NET's engine, for comparison.
        if (args.Contains("--mlnet"))
        {
            AppContext.SetSwitch(DeclarativeSwitches.PortableScorerOnly, false);
            AppContext.SetSwitch(DeclarativeSwitches.UseMLNetEngine, true);
            // The ensemble's weighted sum is ML.NET's expression transform, which compiles code: allowed on the JIT.
            AppContext.SetSwitch("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported", true);
        }

        var model = TumorModel.Load();
        Console.WriteLine(model.Pipeline.UsesPortableScorer ? "scorer" : "ml.net");
        Console.WriteLine($"members {model.Ensemble.Count} {string.Join(' ', model.Ensemble.Select(m => m.Trainer))}");
        for (var i = 1; i <= 10; i++)
        {
            var p = model.Predict(new Tumor { Thickness = i, UniformSize = 11 - i, UniformShape = (i % 4) + 1, BareNuclei = i % 3 == 0 ? float.NaN : i });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.PredictedLabel} {p.Score:R} {p.Probability:R}"));
        }

        // Why, from the portable model alone: the base value, the score, the sum of the contributions, one typed.
        if (model.Pipeline.UsesPortableScorer)
        {
            var why = model.Explain(new Tumor { Thickness = 8, UniformSize = 7, UniformShape = 5, BareNuclei = 10 });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"why {why.BaseValue:R} {why.Value:R} {why.Contributions.Sum(c => c.Value):R} {why.ByProperty.Thickness:R}"));
        }

        // A multiclass ensemble: its members' class probabilities, weighted, from the portable model alone.
        var wine = WineModel.Load();
        Console.WriteLine($"wine-members {wine.Ensemble.Count}");
        foreach (var line in new[] { "14.23,1.71,2.43,15.6,127,2.8,3.06,0.28,2.29,5.64,1.04,3.92,1065", "12.33,0.99,1.95,14.8,136,1.9,1.85,0.35,2.76,3.4,1.06,2.31,750", "13.32,3.24,2.38,21.5,92,1.93,0.76,0.45,1.25,8.42,0.55,1.62,650", "13,2,2.4,19,100,2.2,1.5,0.35,1.6,5,0.9,2.5,800" })
        {
            var v = line.Split(',').Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var p = wine.Predict(new Wine { Alcohol = v[0], MalicAcid = v[1], Ash = v[2], Alcalinity = v[3], Magnesium = v[4], Phenols = v[5], Flavanoids = v[6], Nonflavanoid = v[7], Proanthocyanins = v[8], Color = v[9], Hue = v[10], Od280 = v[11], Proline = v[12] });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wine {p.PredictedLabel} {string.Join(' ', p.Scores.Select(s => s.ToString("R", CultureInfo.InvariantCulture)))}"));
        }

        // A forecaster is plain C# (the global trees among the combination's members are in its model file): the next ten
        // years from the whole series, and from a history given now (the models fitted to rows the app builds).
        var spots = SunspotModel.Load();
        Console.WriteLine($"combined {spots.Pipeline.Hyperparameters["Combined"].Replace(", ", " ", StringComparison.Ordinal)}");
        foreach (var p in spots.Forecast())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forecast {p.Time} {p.Value:R} {p.Lower:R} {p.Upper:R}"));
        }

        var history = Enumerable.Range(1900, 60).Select(y => new Sunspots { Year = y, Activity = 60 + 50 * Math.Sin(2 * Math.PI * (y - 1900) / 11.0) }).ToArray();
        foreach (var p in spots.Forecast(history))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forecast {p.Time} {p.Value:R} {p.Lower:R} {p.Upper:R}"));
        }

        // The optimised Theta model fitted natively to the same history: its three values searched as on the JIT.
        foreach (var p in SunspotThetaModel.Load().Forecast(history))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"theta {p.Time} {p.Value:R} {p.Lower:R} {p.Upper:R}"));
        }

        // The trees declared direct (each year ahead from the same history): their lines only when the model says so.
        var direct = SunspotDirectModel.Load();
        foreach (var p in direct.Pipeline.Hyperparameters.GetValueOrDefault("DirectTrees") == "true" ? direct.Forecast(history) : [])
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forecast-direct {p.Time} {p.Value:R} {p.Lower:R} {p.Upper:R}"));
        }

        // Covariates known ahead: eight weeks of births and the next fortnight's holidays (New Year's Day), no births.
        var births = BirthsModel.Load();
        var weeks = Enumerable.Range(0, 70).Select(d => new BirthDay { Day = new DateTime(2004, 1, 1).AddDays(d - 56), Births = d < 56 ? 11000 + 1500 * ((d + 3) % 7 < 5 ? 1 : -1) : float.NaN, Holiday = d == 56 });
        foreach (var p in births.Forecast(weeks))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"covariate {p.Time:yyyy-MM-dd} {p.Value:R} {p.Lower:R} {p.Upper:R}"));
        }

        // A past covariate (the holiday read up to the last day only) and a long declared season (read sparsely by the
        // trees): the next fortnight from the file alone, natively as on the JIT.
        foreach (var p in BirthsPastModel.Load().Forecast())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"past {p.Time:yyyy-MM-dd} {p.Value:R} {p.Lower:R} {p.Upper:R}"));
        }

        // Opening hours (the taxi's weekday half-hours from 07:00 to 19:30) by the autoregression, from the last ten open
        // days read now: the step after Friday 19:30 is Monday 07:00, natively as on the JIT.
        var hours = File.ReadLines("data/taxi_hours.csv").Skip(1).Select(l => l.Split(',')).Select(f => new TaxiHour { At = DateTime.Parse(f[0], CultureInfo.InvariantCulture), Passengers = float.Parse(f[1], CultureInfo.InvariantCulture) }).ToArray();
        foreach (var p in TaxiHoursModel.Load().Forecast(hours[^260..]))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hours {p.Time:yyyy-MM-ddTHH:mm} {p.Value:R} {p.Lower:R} {p.Upper:R}"));
        }

        // The autoregression with a past covariate (the holiday up to the last day), fitted natively to the last year read now.
        var year = File.ReadLines("data/births.csv").Skip(1).Select(l => l.Split(',')).Select(f => new BirthDayPast { Day = DateTime.Parse(f[0], CultureInfo.InvariantCulture), Births = float.Parse(f[1], CultureInfo.InvariantCulture), WasHoliday = f[2] == "true" }).ToArray()[^365..];
        foreach (var p in BirthsVarModel.Load().Forecast(year))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"var {p.Time:yyyy-MM-dd} {p.Value:R} {p.Lower:R} {p.Upper:R}"));
        }

        // A series anomaly detector is plain C# too: a day pattern at the trained taxi's scale, a spike far above it at step 300.
        var watch = TaxiWatch.Load();
        var day = Enumerable.Range(0, 400).Select(i => new TaxiCount { At = new DateTime(2015, 3, 1).AddMinutes(30 * i), Passengers = i == 300 ? 60000 : 15000 + 10000 * (float)Math.Sin(2 * Math.PI * i / 48) }).ToArray();
        var scored = watch.Detect(day);
        var live = watch.Detector();
        Console.WriteLine($"stream {day.Select(live.Observe).SequenceEqual(scored)}");
        foreach (var (p, i) in scored.Select((p, i) => (p, i)).Where(x => x.p.Score > 0))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"anomaly {i} {p.Score:R} {p.IsAnomaly}"));
        }

        {{TumorSources.Row}}

        public sealed class TaxiCount
        {
            [Time, Column("timestamp")] public DateTime At { get; set; }
            [Column("value")] public float Passengers { get; set; }
        }

        [SeriesAnomalyDetection<TaxiCount>(Data = "data/nyc_taxi.csv")]
        public partial class TaxiWatch;

        public sealed class TaxiHour
        {
            [Time, Column("timestamp")] public DateTime At { get; set; }
            [Label, Column("value")] public float Passengers { get; set; }
        }

        // Opening hours: 26 half-hours a weekday, a day of them ahead.
        [Forecasting<TaxiHour>(Data = "data/taxi_hours.csv", Horizon = 26)]
        [Trainers(Trainer.Autoregression)]
        public partial class TaxiHoursModel;

        public sealed class BirthDay
        {
            [Time, Column("date")] public DateTime Day { get; set; }
            [Label, Column("births")] public float Births { get; set; }
            [Column("holiday")] public bool Holiday { get; set; }
        }

        // The combination again: on births its members are the global trees and the autoregression, both reading the
        // holiday, and exponential smoothing.
        [Forecasting<BirthDay>(Data = "data/births.csv", Horizon = 14)]
        [Trainers(Trainer.ForecastCombination)]
        public partial class BirthsModel;

        public sealed class BirthDayPast
        {
            [Time, Column("date")] public DateTime Day { get; set; }
            [Label, Column("births")] public float Births { get; set; }
            [PastCovariate, Column("holiday")] public bool WasHoliday { get; set; }
        }

        // The trees alone, reading the holiday as of the origin, with a season of 105 days: the nearest 48 lags and the three around it.
        [Forecasting<BirthDayPast>(Data = "data/births.csv", Horizon = 14, Season = 105)]
        public partial class BirthsPastModel;

        // The autoregression, reading the past holiday as a vector autoregression where it tells the births more.
        [Forecasting<BirthDayPast>(Data = "data/births.csv", Horizon = 14)]
        [Trainers(Trainer.Autoregression)]
        public partial class BirthsVarModel;

        public sealed class Sunspots
        {
            [Time, Column("YEAR")] public int Year { get; set; }
            [Label, Column("SUNACTIVITY")] public double Activity { get; set; }
        }

        // The combination: the median of the three models best on the rolling origins (on sunspots the global trees, the
        // autoregression and ARIMA), each forecasting natively.
        [Forecasting<Sunspots>(Data = "data/sunspots.csv", Horizon = 10)]
        [Trainers(Trainer.ForecastCombination)]
        public partial class SunspotModel;

        [Forecasting<Sunspots>(Data = "data/sunspots.csv", Horizon = 10)]
        [Trainers(Trainer.OptimizedTheta)]
        public partial class SunspotThetaModel;

        [Forecasting<Sunspots>(Data = "data/sunspots.csv", Horizon = 10, DirectTrees = true)]
        [Trainers(Trainer.GlobalLightGbm)]
        public partial class SunspotDirectModel;

        // The columns by position: the file's first line holds counts and class names, not column names.
        public sealed class Wine
        {
            [Column(Index = 0)] public float Alcohol { get; set; }
            [Column(Index = 1)] public float MalicAcid { get; set; }
            [Column(Index = 2)] public float Ash { get; set; }
            [Column(Index = 3)] public float Alcalinity { get; set; }
            [Column(Index = 4)] public float Magnesium { get; set; }
            [Column(Index = 5)] public float Phenols { get; set; }
            [Column(Index = 6)] public float Flavanoids { get; set; }
            [Column(Index = 7)] public float Nonflavanoid { get; set; }
            [Column(Index = 8)] public float Proanthocyanins { get; set; }
            [Column(Index = 9)] public float Color { get; set; }
            [Column(Index = 10)] public float Hue { get; set; }
            [Column(Index = 11)] public float Od280 { get; set; }
            [Column(Index = 12)] public float Proline { get; set; }
            [Label, Column(Index = 13)] public int Cultivar { get; set; }
        }

        [MulticlassClassification<Wine>(Data = "data/wine.csv")]
        [Trainers(Trainer.LightGbm, Trainer.FastForest, Trainer.LbfgsMaximumEntropy)]
        [Tune(MaxTrials = 9, Metric = MulticlassMetric.LogLoss)]
        public partial class WineModel;

        // A tuned ensemble of trees and a linear model (on its own scaling of the features): the native app scores and
        // explains the blend from the portable model alone.
        [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt")]
        [Trainers(Trainer.FastTree, Trainer.LbfgsLogisticRegression)]
        [Tune(MaxTrials = 8, Metric = BinaryMetric.LogLoss, Ensemble = true)]
        public partial class TumorModel;
        """;

    [Fact]
    public void PublishAot_TheNativeBinaryPredictsAsTheJitApp_AndAsMLNet_WithNoTrimWarning()
    {
        var project = package.NewProject("NativeApp", NativeApp, (TumorSources.Dataset, "data/breast-cancer.txt"), ("sunspots/sunspots.csv", "data/sunspots.csv"), ("nab-nyc-taxi/nyc_taxi.csv", "data/nyc_taxi.csv"), ("us-births/births.csv", "data/births.csv"), ("wine/wine_data.csv", "data/wine.csv"));
        var csproj = Path.Combine(project, "NativeApp.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</TreatWarningsAsErrors>", "</TreatWarningsAsErrors>\n    <PublishAot>true</PublishAot>", StringComparison.Ordinal));
        var taxi = File.ReadAllLines(Path.Combine(project, "data", "nyc_taxi.csv"));
        File.WriteAllLines(Path.Combine(project, "data", "taxi_hours.csv"), taxi.Take(1).Concat(taxi.Skip(1).Where(l =>
            DateTime.Parse(l[..19], System.Globalization.CultureInfo.InvariantCulture) is var t && t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && t.TimeOfDay >= TimeSpan.FromHours(7) && t.TimeOfDay <= TimeSpan.FromHours(19.5))));
        var published = Path.Combine(project, "native");

        // Warnings are errors in this project, so a trim or AOT warning (IL2xxx, IL3xxx) would fail the publish.
        var publish = DotNet.Succeed(project, "publish", "-r", "linux-x64", "-c", "Release", "-o", published);
        Assert.DoesNotMatch(@"warning IL\d{4}", publish);
        Assert.Matches(@"portable model .*TumorModel\.scorer\.json checked on \d+ held-out rows", publish);
        Assert.True(File.Exists(Path.Combine(published, "TumorModel.scorer.json")));

        var (nativeExit, native) = DotNet.RunProgram(Path.Combine(published, "NativeApp"), published);
        Assert.True(nativeExit == 0, native);
        var jitDll = Path.Combine(project, "bin", "Release", "net10.0", "linux-x64", "NativeApp.dll");
        var jit = DotNet.Succeed(published, jitDll);
        var mlnet = DotNet.Succeed(published, jitDll, "--mlnet");

        Assert.StartsWith("scorer", native, StringComparison.Ordinal);
        var members = Lines(native).Single(l => l[0] == "members");
        Assert.True(int.Parse(members[1], System.Globalization.CultureInfo.InvariantCulture) >= 2, string.Join(' ', members));
        Assert.Contains("FastTree", members);
        Assert.Contains("LbfgsLogisticRegression", members);
        // The forecaster forecasts natively as on the JIT (and as through ML.NET's switches, which it never reads), within 1e-5.
        Assert.Contains("GlobalLightGbm", Lines(native).Single(l => l[0] == "combined"));
        Assert.Contains("Arima", Lines(native).Single(l => l[0] == "combined"));
        var (nativeForecasts, jitForecasts) = (Lines(native).Where(l => l[0] == "forecast").ToArray(), Lines(jit).Where(l => l[0] == "forecast").ToArray());
        Assert.Equal(20, nativeForecasts.Length);
        Assert.Equal(jitForecasts.Select(l => l[1]), nativeForecasts.Select(l => l[1]));
        Assert.Equal(Enumerable.Range(2009, 10).Concat(Enumerable.Range(1960, 10)).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), nativeForecasts.Select(l => l[1]));
        WithinOneIn100000(nativeForecasts, jitForecasts);

        // The covariate forecaster too: fourteen days from New Year's Day 2004, natively as on the JIT within 1e-5.
        var (nativeCovariates, jitCovariates) = (Lines(native).Where(l => l[0] == "covariate").ToArray(), Lines(jit).Where(l => l[0] == "covariate").ToArray());
        Assert.Equal(14, nativeCovariates.Length);
        Assert.Equal("2004-01-01", nativeCovariates[0][1]);
        Assert.Equal(jitCovariates.Select(l => l[1]), nativeCovariates.Select(l => l[1]));
        WithinOneIn100000(nativeCovariates, jitCovariates);

        // The direct trees too: ten years from the history given, natively as on the JIT within 1e-5.
        var (nativeDirect, jitDirect) = (Lines(native).Where(l => l[0] == "forecast-direct").ToArray(), Lines(jit).Where(l => l[0] == "forecast-direct").ToArray());
        Assert.Equal(Enumerable.Range(1960, 10).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), nativeDirect.Select(l => l[1]));
        Assert.Equal(jitDirect.Select(l => l[1]), nativeDirect.Select(l => l[1]));
        WithinOneIn100000(nativeDirect, jitDirect);

        // The optimised Theta model too: ten years from the history given, natively as on the JIT within 1e-5.
        var (nativeTheta, jitTheta) = (Lines(native).Where(l => l[0] == "theta").ToArray(), Lines(jit).Where(l => l[0] == "theta").ToArray());
        Assert.Equal(Enumerable.Range(1960, 10).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), nativeTheta.Select(l => l[1]));
        WithinOneIn100000(nativeTheta, jitTheta);

        // A forecast line's value and bounds (fields 2–4), native against JIT, within 1e-5 relative (absolute below 1).
        static void WithinOneIn100000(string[][] native, string[][] jit) => Assert.All(native.Zip(jit), p => Assert.All(Enumerable.Range(2, 3), v =>
        {
            var (a, e) = (double.Parse(p.First[v], System.Globalization.CultureInfo.InvariantCulture), double.Parse(p.Second[v], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(Math.Abs(e - a) <= 1e-5 * Math.Max(1, Math.Abs(e)), $"{string.Join(' ', p.First)} against {string.Join(' ', p.Second)}");
        }));

        // The past covariate and the sparse lags too: the fortnight after the file's last day, natively as on the JIT within 1e-5.
        var (nativePast, jitPast) = (Lines(native).Where(l => l[0] == "past").ToArray(), Lines(jit).Where(l => l[0] == "past").ToArray());
        Assert.Equal(Enumerable.Range(1, 14).Select(d => $"2004-01-{d:00}"), nativePast.Select(l => l[1]));
        Assert.Equal(jitPast.Select(l => l[1]), nativePast.Select(l => l[1]));
        WithinOneIn100000(nativePast, jitPast);

        // Opening hours and the autoregression with a past covariate: forecast from rows read now, natively as on the JIT within 1e-5.
        var (nativeHours, jitHours) = (Lines(native).Where(l => l[0] == "hours").ToArray(), Lines(jit).Where(l => l[0] == "hours").ToArray());
        Assert.Equal(26, nativeHours.Length);
        Assert.Equal(("2015-02-02T07:00", "2015-02-02T19:30"), (nativeHours[0][1], nativeHours[^1][1]));
        Assert.Equal(jitHours.Select(l => l[1]), nativeHours.Select(l => l[1]));
        WithinOneIn100000(nativeHours, jitHours);
        var (nativeVar, jitVar) = (Lines(native).Where(l => l[0] == "var").ToArray(), Lines(jit).Where(l => l[0] == "var").ToArray());
        Assert.Equal(Enumerable.Range(1, 14).Select(d => $"2004-01-{d:00}"), nativeVar.Select(l => l[1]));
        WithinOneIn100000(nativeVar, jitVar);

        // The series detector scores natively exactly as on the JIT, a stream as Detect, and the spike is the anomaly.
        var (nativeAnomalies, jitAnomalies) = (Lines(native).Where(l => l[0] == "anomaly").ToArray(), Lines(jit).Where(l => l[0] == "anomaly").ToArray());
        Assert.Equal(jitAnomalies.Select(l => string.Join(' ', l)), nativeAnomalies.Select(l => string.Join(' ', l)));
        Assert.Contains(nativeAnomalies, l => l[1] == "300" && l[3] == "True");
        Assert.Contains("stream True", native);

        // Predictions are the same bits; an explanation within 1e-6 (TreeSHAP's quadrature is padded to the vector
        // width, which differs between the JIT's instruction set and Native AOT's, so the last digits may).
        static bool Exact(string l) => !l.StartsWith("why", StringComparison.Ordinal) && !l.StartsWith("forecast", StringComparison.Ordinal) && !l.StartsWith("covariate", StringComparison.Ordinal) && !l.StartsWith("past", StringComparison.Ordinal) && !l.StartsWith("hours", StringComparison.Ordinal) && !l.StartsWith("var", StringComparison.Ordinal) && !l.StartsWith("theta", StringComparison.Ordinal);
        Assert.Equal(native.Split('\n').Where(Exact), jit.Split('\n').Where(Exact));
        Assert.Contains(native.Split('\n'), l => l.StartsWith("anomaly 300 ", StringComparison.Ordinal));
        var (nativeWhy, jitWhy) = (Lines(native).Single(l => l[0] == "why"), Lines(jit).Single(l => l[0] == "why"));
        Assert.Equal(nativeWhy.Length, jitWhy.Length);
        Assert.All(nativeWhy.Skip(1).Zip(jitWhy.Skip(1)), p => Assert.True(
            Math.Abs(double.Parse(p.First, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(p.Second, System.Globalization.CultureInfo.InvariantCulture)) <= 1e-6, $"{p.First} against {p.Second}"));
        Assert.StartsWith("ml.net", mlnet, StringComparison.Ordinal);
        var expected = Lines(mlnet).Where(l => l[0] is not "members" and not "combined" and not "forecast" and not "forecast-direct" and not "covariate" and not "past" and not "hours" and not "var" and not "theta" and not "anomaly" and not "stream" and not "wine" and not "wine-members").ToArray();
        var actual = Lines(native).Where(l => l[0] is not "why" and not "members" and not "combined" and not "forecast" and not "forecast-direct" and not "covariate" and not "past" and not "hours" and not "var" and not "theta" and not "anomaly" and not "stream" and not "wine" and not "wine-members").ToArray();
        Assert.Equal(10, actual.Length);
        // The native app explains without ML.NET, as the JIT app does (the outputs are equal above), and it adds up.
        var why = Lines(native).Single(l => l[0] == "why").Skip(1).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(Math.Abs(why[0] + why[2] - why[1]) <= 1e-6, string.Join(' ', why));
        Assert.NotEqual(0, why[3]);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i][0], actual[i][0]);
            for (var v = 1; v < 3; v++)
            {
                var (e, a) = (double.Parse(expected[i][v], System.Globalization.CultureInfo.InvariantCulture), double.Parse(actual[i][v], System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(Math.Abs(e - a) <= 1e-5 * Math.Max(1, Math.Abs(e)), $"row {i + 1}: ML.NET {e}, native {a}");
            }
        }

        // The multiclass blend: several members; natively the same class as ML.NET's engine and each probability within 1e-5.
        Assert.True(int.Parse(Lines(native).Single(l => l[0] == "wine-members")[1], System.Globalization.CultureInfo.InvariantCulture) >= 2, native);
        var (nativeWine, mlnetWine) = (Lines(native).Where(l => l[0] == "wine").ToArray(), Lines(mlnet).Where(l => l[0] == "wine").ToArray());
        Assert.Equal(4, nativeWine.Length);
        Assert.Equal(["0", "1", "2"], nativeWine.Take(3).Select(l => l[1]));
        Assert.Equal(mlnetWine.Select(l => l[1]), nativeWine.Select(l => l[1]));
        Assert.All(nativeWine.Zip(mlnetWine), p => Assert.All(Enumerable.Range(2, 3), v => Assert.True(
            Math.Abs(double.Parse(p.First[v], System.Globalization.CultureInfo.InvariantCulture) - double.Parse(p.Second[v], System.Globalization.CultureInfo.InvariantCulture)) <= 1e-5,
            $"{string.Join(' ', p.First)} against ML.NET's {string.Join(' ', p.Second)}")));

        // The native app checks what it reads against the manifest: an edited portable model, or a model file replaced
        // with other bytes, stops it with the file named instead of predicting something else.
        var scorer = Path.Combine(published, "TumorModel.scorer.json");
        var original = File.ReadAllText(scorer);
        File.WriteAllText(scorer, original.Replace("\"leaves\":[", "\"leaves\":[-", StringComparison.Ordinal));
        var (editedExit, edited) = DotNet.RunProgram(Path.Combine(published, "NativeApp"), published);
        Assert.True(editedExit != 0, edited);
        Assert.Contains("TumorModel.scorer.json: The portable model file is not the one its manifest describes", edited, StringComparison.Ordinal);

        File.WriteAllText(scorer, original);
        File.WriteAllBytes(Path.Combine(published, "TumorModel.mlnet"), new byte[] { 80, 75, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8 });
        var (replacedExit, replaced) = DotNet.RunProgram(Path.Combine(published, "NativeApp"), published);
        Assert.True(replacedExit != 0, replaced);
        Assert.Contains("TumorModel.mlnet: The model file is not the one its manifest describes", replaced, StringComparison.Ordinal);

        static string[][] Lines(string output) =>
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(' ')).ToArray();
    }

    [Fact]
    public void ExportOnnx_NeedsOnnxRuntime_ThenWritesAnOnnxModelCheckedAgainstMLNet()
    {
        var project = package.NewProject("OnnxApp", App, (TumorSources.Dataset, "data/breast-cancer.txt"));
        var csproj = Path.Combine(project, "OnnxApp.csproj");
        var output = Path.Combine(project, "bin", "Debug", "net10.0");

        // Without ONNX Runtime the build cannot check the export: a compile error says which package to add.
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</TreatWarningsAsErrors>", "</TreatWarningsAsErrors>\n    <DeclarativeExportOnnx>true</DeclarativeExportOnnx>", StringComparison.Ordinal));
        var (exitCode, missing) = DotNet.Run(project, "build");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error DCL0029: DeclarativeExportOnnx is set, but the project does not reference Microsoft.ML.OnnxRuntime", missing);

        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<PackageReference Include=\"Declarative\"", "<PackageReference Include=\"Microsoft.ML.OnnxRuntime\" Version=\"1.31.1\" />\n    <PackageReference Include=\"Declarative\"", StringComparison.Ordinal));
        var build = DotNet.Succeed(project, "build");

        Assert.Contains("Declarative: trained TumorModel with FastTree", build);
        Assert.Matches(@"ONNX export .*TumorModel\.onnx checked on \d+ held-out rows: largest difference from ML.NET", build);
        Assert.True(File.Exists(Path.Combine(output, "TumorModel.onnx")));
        Assert.Contains("benign -> False, malignant -> True", DotNet.Succeed(project, "run", "--no-build"));

        // Turned off again: the model retrains (the declaration changed) and no export is left behind anywhere.
        var off = DotNet.Succeed(project, "build", "-p:DeclarativeExportOnnx=false");
        Assert.Contains("Declarative: trained TumorModel", off);
        Assert.False(File.Exists(Path.Combine(output, "TumorModel.onnx")));
        Assert.True(File.Exists(Path.Combine(output, "TumorModel.report.html")));
    }

    [Fact]
    public void BadValueInData_FailsTheBuildAtItsFileAndLine()
    {
        var project = package.NewProject("BadDataApp", App, (TumorSources.Dataset, "data/breast-cancer.txt"));
        var data = Path.Combine(project, "data", "breast-cancer.txt");
        var lines = File.ReadAllLines(data);
        lines[20] = lines[20].Replace("0\t3\t1\t1", "0\tthree\t1\t1", StringComparison.Ordinal); // line 21
        File.WriteAllLines(data, lines);

        var (exitCode, output) = DotNet.Run(project, "build");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{data}(21,3): error DCL1001: 'three' in column 'thickness' (property Tumor.Thickness) is not a number.", output);
        Assert.False(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "TumorModel.mlnet")));
        Assert.DoesNotContain("DCL1000", output, StringComparison.Ordinal); // the host said what failed; no second, generic error
    }

    [Fact]
    public void CleanBuildsOfALibrary_GiveByteIdenticalModelsAndReports_ForLightGbmFastTreeAndSdca()
    {
        const string library = $$"""
            using Declarative;

            namespace Models;

            {{TumorSources.Row}}

            [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt"), Trainers(Trainer.LightGbm)]
            public partial class GbmModel;

            [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt"), Trainers(Trainer.FastTree)]
            public partial class TreeModel;

            [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt"), Trainers(Trainer.SdcaLogisticRegression)]
            public partial class SdcaModel;
            """;
        var project = package.NewProject("ModelsLibrary", "Library", library, (TumorSources.Dataset, "data/breast-cancer.txt"));
        string[] models = ["GbmModel", "TreeModel", "SdcaModel"];

        var off = DotNet.Succeed(project, "build", "-p:DeclarativeTrainOnBuild=false");
        Assert.DoesNotContain("Declarative: trained", off);
        Assert.Empty(Directory.GetFiles(project, "*.mlnet", SearchOption.AllDirectories));

        // An IDE's design-time build never trains.
        var designTime = DotNet.Succeed(project, "build", "-p:DesignTimeBuild=true");
        Assert.DoesNotContain("Declarative: trained", designTime);
        Assert.Empty(Directory.GetFiles(project, "*.mlnet", SearchOption.AllDirectories));

        var hashes = new List<string[]>();
        for (var build = 0; build < 2; build++)
        {
            Directory.Delete(Path.Combine(project, "bin"), recursive: true);
            Directory.Delete(Path.Combine(project, "obj"), recursive: true);
            var output = DotNet.Succeed(project, "build");
            Assert.All(models, m => Assert.Contains($"Declarative: trained {m}", output));
            // The reports too: cross-validation and importance run concurrently, yet each build writes the same numbers.
            hashes.Add(models.SelectMany(m => new[] { m + ".mlnet", m + ".report.json" })
                .Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(project, "bin", "Debug", "net10.0", f))))).ToArray());
        }

        Assert.Equal(hashes[0], hashes[1]);
    }

    [Fact]
    public void TunedPipeline_ShowsTrials_WritesALock_ThenRefits_UntilRetuned()
    {
        const string source = $$"""
            using Declarative;

            Console.WriteLine(TunedModel.Load().Predict(new Tumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10 }).PredictedLabel);

            {{TumorSources.Row}}

            [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt"), Trainers(Trainer.FastTree, Trainer.SdcaLogisticRegression)]
            [Tune(MaxTrials = 5, Folds = 1)]
            public partial class TunedModel;

            [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt"), Trainers(Trainer.SdcaLogisticRegression)]
            [Tune(MaxTrials = 2, TimeBudgetSeconds = 600)]
            public partial class BudgetedModel;
            """;
        var project = package.NewProject("TunedApp", source, (TumorSources.Dataset, "data/breast-cancer.txt"));
        var lockFile = Path.Combine(project, "TunedModel.tuning.json");

        var first = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: TunedModel trial 1/5 FastTree AreaUnderRocCurve", first);
        Assert.Contains("Declarative: TunedModel trial 5/5", first);
        Assert.Contains("warning DCL1003: pipeline BudgetedModel tunes with TimeBudgetSeconds = 600", first);
        Assert.Contains("This build ran 2 of 2 trials.", first); // nothing left out: the budget was not reached
        Assert.DoesNotContain("BudgetedModel tunes", first.Replace("pipeline BudgetedModel tunes", "", StringComparison.Ordinal)); // only that pipeline warns
        Assert.True(File.Exists(lockFile));
        var locked = File.ReadAllText(lockFile);

        // A code edit runs the host, which refits nothing: the lock and the data are unchanged.
        File.AppendAllText(Path.Combine(project, "Program.cs"), "\n// edited\n");
        var second = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: TunedModel is up to date", second);
        Assert.DoesNotContain("trial", second);
        Assert.Contains("True", DotNet.Succeed(project, "run", "--no-build"));

        var retuned = DotNet.Succeed(project, "build", "-p:DeclarativeRetune=true");
        Assert.Contains("Declarative: TunedModel trial 5/5", retuned);
        Assert.Equal(locked, File.ReadAllText(lockFile)); // same seed, same budget: the same winner
    }

    [Fact]
    public void ClusteringAndAnomalyDetection_TrainAtBuild_WithTuningManifestAndReport()
    {
        const string source = $$"""
            using Declarative;

            var clusters = FlowerClusters.Load();
            var flower = clusters.Predict(new Flower { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f });
            Console.WriteLine($"cluster {flower.ClusterId} of {flower.Distances.Length}");
            var detector = TumorDetector.Load();
            var odd = detector.Predict(new Tumor { Thickness = 10, UniformSize = 10, UniformShape = 10, BareNuclei = 10 });
            Console.WriteLine($"anomaly {odd.IsAnomaly} score {odd.Score:F2}");

            {{TumorSources.Row}}

            public sealed class Flower
            {
                [Column("Sepal length")] public float SepalLength { get; set; }
                [Column("Sepal width")] public float SepalWidth { get; set; }
                [Column("Petal length")] public float PetalLength { get; set; }
                [Column("Petal width")] public float PetalWidth { get; set; }
            }

            [Clustering<Flower>(Data = "data/iris.txt")]
            public partial class FlowerClusters;

            [AnomalyDetection<Tumor>(Data = "data/breast-cancer.txt", Contamination = 0.1)]
            public partial class TumorDetector;
            """;
        var project = package.NewProject("UnsupervisedApp", source, (TumorSources.Dataset, "data/breast-cancer.txt"), ("iris/iris.txt", "data/iris.txt"));
        var output = Path.Combine(project, "bin", "Debug", "net10.0");

        var build = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: FlowerClusters trial 9/9 KMeans DaviesBouldinIndex", build);
        Assert.Contains("Declarative: trained TumorDetector with KMeans", build);
        var clusterManifest = File.ReadAllText(Path.Combine(output, "FlowerClusters.model.json"));
        Assert.Contains("\"task\": \"Clustering\"", clusterManifest);
        Assert.Contains("\"DaviesBouldinIndex\"", clusterManifest);
        Assert.Contains("data-chart=\"cluster-sizes\"", File.ReadAllText(Path.Combine(output, "FlowerClusters.report.html")));
        Assert.Contains("data-chart=\"roc\"", File.ReadAllText(Path.Combine(output, "TumorDetector.report.html")));
        Assert.False(File.Exists(Path.Combine(output, "TumorDetector.scorer.json"))); // the portable scorer serves neither task yet

        var run = DotNet.Succeed(project, "run", "--no-build");
        Assert.Matches(@"cluster \d of \d", run);
        Assert.Contains("anomaly True", run);
    }

    [Fact]
    public void Ranking_FromSvmLightFiles_TrainsAtBuild_AndRetrainsWhenTheQueryFileChanges()
    {
        const string source = """
            using Declarative;

            var model = SearchModel.Load();
            var rows = Enumerable.Range(0, 4).Select(i => new Result { Query = 1, Features = Enumerable.Range(0, 300).Select(j => (float)((i + j) % 5) / 5).ToArray() });
            Console.WriteLine($"ranked {model.Pipeline.Rank(rows).Count} rows");

            public sealed class Result
            {
                [Label] public float Relevance { get; set; }
                [GroupId] public int Query { get; set; }
                [Columns(Count = 300)] public float[] Features { get; set; } = [];
            }

            [Ranking<Result>(Data = "data/rank.train", TestData = "data/rank.test", Format = DataFormat.SvmLight)]
            public partial class SearchModel;
            """;
        const string folder = "yahoo-ltr-lightgbm/";
        var project = package.NewProject("RankingApp", source,
            (folder + "rank.train", "data/rank.train"), (folder + "rank.train.query", "data/rank.train.query"),
            (folder + "rank.test", "data/rank.test"), (folder + "rank.test.query", "data/rank.test.query"));
        var output = Path.Combine(project, "bin", "Debug", "net10.0");

        var build = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: trained SearchModel with LightGbm", build);
        Assert.Contains("\"NdcgAt10\"", File.ReadAllText(Path.Combine(output, "SearchModel.model.json")));
        Assert.Contains("data-chart=\"ndcg-by-cutoff\"", File.ReadAllText(Path.Combine(output, "SearchModel.report.html")));
        Assert.True(File.Exists(Path.Combine(output, "SearchModel.scorer.json")), "the portable scorer serves ranking, checked against ML.NET by the build");
        Assert.Contains("ranked 4 rows", DotNet.Succeed(project, "run", "--no-build"));

        // The groups live in the query file: regrouping the rows (the last two groups as one) is new data.
        var queries = Path.Combine(project, "data", "rank.train.query");
        var sizes = File.ReadAllLines(queries).Where(l => l.Length > 0).Select(int.Parse).ToList();
        File.WriteAllLines(queries, sizes.SkipLast(2).Append(sizes[^2] + sizes[^1]).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Declarative: trained SearchModel", DotNet.Succeed(project, "build"));

        // A ranker exports to ONNX like a regressor: the build checks its scores on every held-out row.
        var csproj = Path.Combine(project, "RankingApp.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<PackageReference Include=\"Declarative\"", "<PackageReference Include=\"Microsoft.ML.OnnxRuntime\" Version=\"1.31.1\" />\n    <PackageReference Include=\"Declarative\"", StringComparison.Ordinal));
        Assert.Matches(@"ONNX export .*SearchModel\.onnx checked on \d+ held-out rows: largest difference from ML.NET", DotNet.Succeed(project, "build", "-p:DeclarativeExportOnnx=true"));
        Assert.True(File.Exists(Path.Combine(output, "SearchModel.onnx")));
    }

    [Fact]
    public void MiniLMText_NeedsItsPackage_ThenTrainsAtBuild_AndPredicts()
    {
        const string source = """
            using Declarative;

            var model = ReviewModel.Load();
            var good = model.Predict(new Review { Sentence = "Wonderful food and the friendliest staff, we loved it." });
            var bad = model.Predict(new Review { Sentence = "Cold, bland and overpriced; the waiter was rude." });
            Console.WriteLine($"good {good.PredictedLabel}, bad {bad.PredictedLabel}");

            public sealed class Review
            {
                [Text(Encoder = TextEncoder.MiniLM), Column(Index = 0)] public string Sentence { get; set; } = "";
                [Label, Column(Index = 1)] public bool Positive { get; set; }
            }

            [BinaryClassification<Review>(Data = "data/yelp.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
            public partial class ReviewModel;
            """;
        var project = package.NewProject("EmbeddingsApp", source, ("sentiment-sentences/yelp_labelled.txt", "data/yelp.txt"));

        var (exitCode, missing) = DotNet.Run(project, "build");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error DCL0037", missing);
        Assert.Contains("<PackageReference Include=\"Declarative.Embeddings\" />", missing);

        // With the package (and TreatWarningsAsErrors, as the fresh project has): no NuGet warning, and the build trains.
        package.AddPackage(project, "Declarative.Embeddings");
        var build = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: trained ReviewModel with SdcaLogisticRegression", build);
        Assert.DoesNotContain("NU1603", build);
        Assert.Contains("good True, bad False", DotNet.Succeed(project, "run", "--no-build"));
    }

    [Fact]
    public void Images_NeedTheirPackage_ThenAFolderTrainsAtBuild_TheSameBytesFromACleanBuild()
    {
        const string source = """
            using Declarative;

            var model = FashionModel.Load();
            var trouser = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "photos", "trouser")).Order(StringComparer.Ordinal).First();
            Console.WriteLine($"trouser -> {model.Predict(new Photo { File = trouser }).PredictedLabel}");

            public sealed class Photo
            {
                [Image] public string File { get; set; } = "";
                [Label] public string Kind { get; set; } = "";
            }

            [MulticlassClassification<Photo>(Data = "data/photos/")]
            [Split(TestFraction = 0.5)]
            public partial class FashionModel;
            """;
        var project = package.NewProject("VisionApp", source);
        CopyFolder(Path.Combine(package.RepositoryRoot, "datasets", "fashion-mnist-photos"), Path.Combine(project, "data", "photos"), "*.png");

        var (exitCode, missing) = DotNet.Run(project, "build");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error DCL0043", missing);
        Assert.Contains("<PackageReference Include=\"Declarative.Vision\" />", missing);

        package.AddPackage(project, "Declarative.Vision");
        var build = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: trained FashionModel with SdcaMaximumEntropy", build);
        Assert.Contains("trouser -> trouser", DotNet.Succeed(project, "run", "--no-build"));

        // The build's report shows test images inline, with what the model predicted.
        var report = File.ReadAllText(Path.Combine(project, "bin", "Debug", "net10.0", "FashionModel.report.html"));
        Assert.Contains("<h2>Test images</h2>", report);
        Assert.Contains("data:image/png;base64,", report);

        // A clean build encodes every image again and trains the same bytes; an image renamed away trains again.
        var model = Path.Combine(project, "bin", "Debug", "net10.0", "FashionModel.mlnet");
        var first = File.ReadAllBytes(model);
        Directory.Delete(Path.Combine(project, "bin"), recursive: true);
        Directory.Delete(Path.Combine(project, "obj"), recursive: true);
        Assert.Contains("Declarative: trained FashionModel", DotNet.Succeed(project, "build"));
        Assert.Equal(first, File.ReadAllBytes(model));
        Assert.DoesNotContain("Declarative: trained", DotNet.Succeed(project, "build"));
    }

    private static void CopyFolder(string from, string to, string pattern)
    {
        foreach (var file in Directory.GetFiles(from, pattern, SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void TrialsOnAnOrleansSilo_NeedTheirPackage_ThenTrainTheSameModelAsTheBuildAlone()
    {
        const string source = $$"""
            using Declarative;

            Console.WriteLine(TumorModel.Load().Trials.Count);

            {{TumorSources.Row}}

            [BinaryClassification<Tumor>(Data = "data/breast-cancer.txt")]
            [Trainers(Trainer.LightGbm, Trainer.SdcaLogisticRegression)]
            [Tune(MaxTrials = 8)]
            public partial class TumorModel;
            """;
        var project = package.NewProject("ClusterApp", source, (TumorSources.Dataset, "data/breast-cancer.txt"));
        var model = Path.Combine(project, "bin", "Debug", "net10.0", "TumorModel.mlnet");

        var (exitCode, missing) = DotNet.Run(project, "build", "-p:DeclarativeTrialCluster=localhost");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("does not reference the Declarative.Orleans package", missing);

        package.AddPackage(project, "Declarative.Orleans");
        var onSilo = DotNet.Succeed(project, "build", "-p:DeclarativeTrialCluster=localhost");
        Assert.Contains("trials run on an Orleans silo in this process", onSilo);
        Assert.Contains("Declarative: trained TumorModel", onSilo);
        var siloBytes = File.ReadAllBytes(model);

        // Tuned again in the build's own process: the same trials, so the same model, byte for byte.
        Assert.Contains("Declarative: trained TumorModel", DotNet.Succeed(project, "build", "-p:DeclarativeRetune=true"));
        Assert.Equal(siloBytes, File.ReadAllBytes(model));
    }

    [Fact]
    public void Synthesizer_TrainsAtBuild_WithItsReport_AndTheAppSamplesTheSameRowsForASeed()
    {
        const string source = $$"""
            using Declarative;

            var model = TumorSynthesizer.Load();
            var first = model.Sample(500, seed: 9);
            var again = model.Sample(500, seed: 9);
            Console.WriteLine($"sampled {first.Count}, same {first.Select(Key).SequenceEqual(again.Select(Key))}, malignant {first.Count(t => t.Malignant)}");
            static string Key(Tumor t) => $"{t.Malignant}|{t.Thickness}|{t.UniformSize}|{t.UniformShape}|{t.BareNuclei}";

            {{TumorSources.Row}}

            [Synthesizer<Tumor>(Data = "data/breast-cancer.txt", Kind = SynthesizerKind.SequentialTrees)]
            public partial class TumorSynthesizer;
            """;
        var project = package.NewProject("SynthesisApp", source, (TumorSources.Dataset, "data/breast-cancer.txt"));
        var output = Path.Combine(project, "bin", "Debug", "net10.0");

        var build = DotNet.Succeed(project, "build");
        Assert.Contains("Declarative: trained TumorSynthesizer with SequentialTrees", build);
        Assert.Contains("\"ColumnDistance\"", File.ReadAllText(Path.Combine(output, "TumorSynthesizer.model.json")));
        Assert.Contains("data-chart=\"column-fidelity\"", File.ReadAllText(Path.Combine(output, "TumorSynthesizer.report.html")));
        Assert.Matches(@"sampled 500, same True, malignant \d+", DotNet.Succeed(project, "run", "--no-build"));
    }

    [Fact]
    public void DataProfileWarnings_AreBuildWarningsAtTheDataFile()
    {
        const string source = """
            using Declarative;

            Console.WriteLine(ConstantModel.Load().Predict(new Sample { Value = 3 }).PredictedLabel);

            public sealed class Sample
            {
                [Label] public bool Flag { get; set; }
                public float Constant { get; set; }
                public float Value { get; set; }
            }

            [BinaryClassification<Sample>(Data = "data/samples.csv"), Trainers(Trainer.FastTree)]
            public partial class ConstantModel;
            """;
        var project = package.NewProject("WarningsApp", source);
        var data = Path.Combine(project, "data", "samples.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        File.WriteAllLines(data, ["Flag,Constant,Value", .. Enumerable.Range(0, 200).Select(i => $"{i % 3 == 0},7,{(i * 37) % 11}")]);

        var output = DotNet.Succeed(project, "build");

        Assert.Contains($"{data} : warning DCL2001: Column 'Constant' holds one value only (7)", output);
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "ConstantModel.report.html")));
    }
}
