using Declarative.Forecasting;
using System.Globalization;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Forecasting;

/// <summary>
/// <c>[PastCovariate]</c> on the bundled US aggregates written wide (a quarter, then GDP and four series measured beside
/// it): the global trees read the other series up to the origin only, so the evaluation cannot read a future it would not
/// have, and a forecast needs no rows after the last quarter.
/// </summary>
public sealed class PastCovariateTests(PastCovariateTests.WideFile wide) : IClassFixture<PastCovariateTests.WideFile>
{
    private static readonly string Quarterly = Repository.PathOf("datasets", "us-macro", "quarterly.csv");

    [Fact]
    public void TheEvaluation_NeverReadsAPastCovariateAtOrAfterTheStepsItScores()
    {
        using var dir = new TempDirectory();
        var changed = MacroWideFile.Write(Quarterly, dir.Path, "changed.csv", testPartFactor: 1.5);

        // The other series' last eight quarters (the test part) changed by half: nothing the evaluation scores moves,
        // neither the rolling origins nor the test part.
        var (report, again) = (wide.Past.Value.Evaluate(), MacroWideForecast.Train(changed).Evaluate());
        Assert.Equal(report.TestMetrics, again.TestMetrics);
        Assert.Equal(report.Models, again.Models);
        Assert.Equal(report.Samples[0].Forecast, again.Samples[0].Forecast);
        Assert.True(double.IsFinite(report.TestMetrics["Owa"]), $"OWA {report.TestMetrics["Owa"]}");

        // Declared known ahead, the same change moves the test part's forecasts: that evaluation read the quarters it
        // forecast, which a wide file's other series do not give before they happen.
        var (ahead, aheadChanged) = (wide.Ahead.Value.Evaluate(), MacroWideAheadForecast.Train(changed).Evaluate());
        Assert.NotEqual(ahead.TestMetrics["SymmetricMape"], aheadChanged.TestMetrics["SymmetricMape"]);
    }

    [Fact]
    public void AForecasterWithPastCovariates_ForecastsFromTheFileAlone_AndAHistoryGivenNow()
    {
        using var dir = new TempDirectory();
        var model = wide.Past.Value;
        Assert.Equal("Realcons, Realinv, Realgovt, Realdpi", model.Pipeline.Hyperparameters["PastCovariates"]);
        Assert.False(model.Pipeline.Hyperparameters.ContainsKey("Covariates"));

        // The file ends with its last quarter (2009Q3), and no row after it is needed.
        var next = model.Forecast();
        Assert.Equal(Enumerable.Range(0, 8).Select(q => new DateOnly(2009, 10, 1).AddMonths(3 * q)), next.Select(p => p.Time));
        Assert.All(next, p => Assert.True(double.IsFinite(p.Value) && p.Lower <= p.Value && p.Value <= p.Upper, $"{p}"));

        // The same declaration with the series known ahead asks for their future, which the file does not give.
        Assert.Throws<InvalidOperationException>(() => wide.Ahead.Value.Forecast());

        // Saved and loaded, and from the rows given now: the same forecasts. A history's other series are read at its
        // last quarter.
        var saved = Path.Combine(dir.Path, "macro.mlnet");
        model.Save(saved);
        Assert.Equal(next, MacroWideForecast.Load(saved).Forecast());
        var rows = Rows(wide.Path);
        Assert.Equal(next, model.Forecast(rows));
        var earlier = model.Forecast(rows.Take(150));
        var last = rows[149];
        var earlierChanged = model.Forecast(rows.Take(149).Append(new MacroWideQuarter { Quarter = last.Quarter, Realgdp = last.Realgdp, Realcons = 2 * last.Realcons, Realinv = 2 * last.Realinv, Realgovt = 2 * last.Realgovt, Realdpi = 2 * last.Realdpi }));
        Assert.NotEqual(earlier, earlierChanged);
    }

    [Fact]
    public void AMissingPastCovariate_IsALocatedError()
    {
        using var dir = new TempDirectory();
        var file = MacroWideFile.Write(Quarterly, dir.Path, "macro.csv");
        var lines = File.ReadAllLines(file);
        var fields = lines[100].Split(',');
        fields[2] = "";
        lines[100] = string.Join(',', fields);
        File.WriteAllLines(file, lines);

        var error = Assert.Throws<DataFileException>(() => MacroWideForecast.Train(file));
        Assert.Contains("macro.csv(101)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the past covariate Realcons is missing at 1983Q4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAutoregression_ReadsTheOtherSeriesPast_WhereItTellsMore()
    {
        // Investment, the most volatile of the five, with the other four up to each origin: over its last twenty
        // windows of eight quarters (one after another) the autoregression reading them errs less than the
        // autoregression alone (tests/bench/forecasting-backtest.sh measures the same windows through the evaluation).
        var rows = Rows(wide.Path);
        var investment = rows.Select(r => (double)r.Realinv).ToArray();
        double[][] others = [[.. rows.Select(r => (double)r.Realgdp)], [.. rows.Select(r => (double)r.Realcons)], [.. rows.Select(r => (double)r.Realgovt)], [.. rows.Select(r => (double)r.Realdpi)]];
        var (alone, joint, read) = (0.0, 0.0, 0);
        for (var window = 0; window < 20; window++)
        {
            var origin = investment.Length - (8 * (window + 1));
            var actual = investment.AsSpan(origin, 8);
            var one = ForecastMethods.Forecast(Trainer.Autoregression, investment[..origin], 4, 8);
            var all = ForecastMethods.Forecast(Trainer.Autoregression, investment[..origin], 4, 8, past: [.. others.Select(o => o[..origin])]);
            alone += ForecastAccuracy.Smape(actual, one.Values);
            joint += ForecastAccuracy.Smape(actual, all.Values);
            read += all.Detail.Contains("past covariate", StringComparison.Ordinal) ? 1 : 0;
            Assert.DoesNotContain("past covariate", one.Detail, StringComparison.Ordinal);
        }

        Assert.InRange(read, 10, 20);
        Assert.True(joint < alone * 0.95, $"mean sMAPE with the others' past {joint / 20:F2}, alone {alone / 20:F2}");
    }

    private static List<MacroWideQuarter> Rows(string file) =>
        [.. File.ReadLines(file).Skip(1).Select(line => line.Split(',')).Select(f => new MacroWideQuarter
        {
            Quarter = new DateOnly(int.Parse(f[0][..4], CultureInfo.InvariantCulture), (3 * (f[0][5] - '1')) + 1, 1),
            Realgdp = float.Parse(f[1], CultureInfo.InvariantCulture),
            Realcons = float.Parse(f[2], CultureInfo.InvariantCulture),
            Realinv = float.Parse(f[3], CultureInfo.InvariantCulture),
            Realgovt = float.Parse(f[4], CultureInfo.InvariantCulture),
            Realdpi = float.Parse(f[5], CultureInfo.InvariantCulture),
        })];

    /// <summary>The wide file, and the declarations with past covariates and with the same series known ahead trained on it once for the class.</summary>
    public sealed class WideFile : IDisposable
    {
        private readonly TempDirectory _directory = new();

        public WideFile()
        {
            Path = MacroWideFile.Write(Quarterly, _directory.Path, "macro.csv");
            Past = new(() => MacroWideForecast.Train(Path));
            Ahead = new(() => MacroWideAheadForecast.Train(Path));
        }

        public string Path { get; }

        public Lazy<MacroWideForecast> Past { get; }

        public Lazy<MacroWideAheadForecast> Ahead { get; }

        public void Dispose() => _directory.Dispose();
    }
}
