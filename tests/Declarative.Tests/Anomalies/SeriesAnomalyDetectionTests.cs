using System.Globalization;
using System.Text;
using Declarative.Anomalies;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Anomalies;

/// <summary>Series anomaly detection end to end on NAB's NYC taxi series and its labelled windows.</summary>
public sealed class SeriesAnomalyDetectionTests : IDisposable
{
    private static readonly TaxiCount[] Taxi = File.ReadLines("datasets/nab-nyc-taxi/nyc_taxi.csv").Skip(1)
        .Select(l => l.Split(','))
        .Select(f => new TaxiCount { At = DateTime.Parse(f[0], CultureInfo.InvariantCulture), Passengers = float.Parse(f[1], CultureInfo.InvariantCulture) })
        .ToArray();

    private static readonly (DateTime Start, DateTime End)[] Windows = ReadWindows();

    private readonly string _folder = Directory.CreateTempSubdirectory("series-anomalies-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheDefaultDetector_FindsTheLabelledEvents_AndScoresTheSameStreamedOneAtATime()
    {
        var model = TaxiAnomalies.Train();

        var batch = model.Detect(Taxi);
        var stream = model.Detector();
        var streamed = Taxi.Select(stream.Observe).ToArray();

        Assert.Equal(Trainer.SequenceNovelty, model.Pipeline.Trainer);
        Assert.Equal(0.75, model.Threshold);
        Assert.Equal(batch, streamed);
        Assert.All(batch, p => Assert.InRange(p.Score, 0, 1));
        var detected = Taxi.Where((_, i) => batch[i].IsAnomaly).Select(r => r.At).ToArray();
        Assert.NotEmpty(detected);

        // What it flags at its default threshold lies in NAB's labelled windows (the marathon, holidays, the blizzard): no false alarm.
        Assert.All(detected, t => Assert.Contains(Windows, w => t >= w.Start && t <= w.End));
    }

    [Fact]
    public void ASeriesInOpeningHours_FollowsADayOfItsSlots()
    {
        // The taxi's weekday half-hours from 07:00 to 19:30 alone: the season the detector follows is a day of the open
        // slots (26), as a forecaster's is, not the 48 half-hours of a whole day; the whole series keeps 48.
        var hours = Taxi.Where(r => r.At.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && r.At.TimeOfDay >= TimeSpan.FromHours(7) && r.At.TimeOfDay <= TimeSpan.FromHours(19.5)).ToArray();

        Assert.Equal("26", TaxiAnomalies.Train(hours).Pipeline.Hyperparameters["Season"]);
        Assert.Equal("48", TaxiAnomalies.Train().Pipeline.Hyperparameters["Season"]);
    }

    [Fact]
    public void RowsInAnyOrder_AreScoredInTimeOrder_AndReturnedInTheirOwnOrder()
    {
        var model = TaxiAnomalies.Train();
        var inOrder = model.Detect(Taxi);

        var shuffled = Taxi.Select((row, i) => (row, i)).OrderBy(p => (p.i * 7919) % Taxi.Length).ToArray();
        var scored = model.Detect(shuffled.Select(p => p.row));

        for (var j = 0; j < shuffled.Length; j++)
        {
            Assert.Equal(inOrder[shuffled[j].i], scored[j]);
        }
    }

    [Fact]
    public void SeveralValues_APointScoresItsMostUnusual()
    {
        static TwoGauges Gauge(int step, float pressure, double flow) => new() { Step = step, Pressure = pressure, Flow = flow };
        var rows = Enumerable.Range(0, 1000).Select(i => Gauge(i, (float)Math.Sin(2 * Math.PI * i / 50), Math.Cos(2 * Math.PI * i / 100))).ToArray();
        var model = GaugeAnomalies.Train(rows);

        var usual = model.Detect(rows);
        var flowSpike = model.Detect(rows.Select(r => Gauge(r.Step, r.Pressure, r.Step == 800 ? 9 : r.Flow)).ToArray());

        Assert.DoesNotContain(usual.Skip(200), p => p.IsAnomaly); // two waves repeating their cycles (50 and 100 steps)
        Assert.Equal(1.0, flowSpike[800].Score); // the flow far beyond its trained range, while the pressure is as ever
        Assert.True(flowSpike[800].IsAnomaly);
        Assert.Equal(usual.Take(800), flowSpike.Take(800));
    }

    [Fact]
    public void ATimeThatIsNotAStep_IsAnErrorAtItsLine()
    {
        var path = Path.Combine(_folder, "gauges.csv");
        File.WriteAllLines(path, ["Step,Pressure,Flow", "1,0.5,0.2", "2,0.6,0.1", "three,0.7,0.3"]);

        var error = Assert.Throws<DataFileException>(() => GaugeAnomalies.Train(path));

        Assert.Equal(4, error.Line);
        Assert.Contains("three", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStream_RefusesARowThatGoesBackInTime()
    {
        var stream = TaxiAnomalies.Train().Detector();
        stream.Observe(Taxi[10]);

        var error = Assert.Throws<ArgumentException>(() => stream.Observe(Taxi[9]));

        Assert.Contains("went back in time (a row at 2014-07-01 04:30:00 after one at 2014-07-01 05:00:00)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASavedDetector_LoadsAndScoresTheSame()
    {
        var model = TaxiAnomalies.Train();
        var path = Path.Combine(_folder, "taxi.mlnet");
        model.Save(path);

        var loaded = TaxiAnomalies.Load(path);

        Assert.Equal(model.Detect(Taxi), loaded.Detect(Taxi));
        Assert.Equal(model.Threshold, loaded.Threshold);
    }

    [Fact]
    public void WithoutALabel_TheReportSaysThereIsNoScore_AndDrawsTheSeries()
    {
        var report = TaxiAnomalies.Train().Evaluate();

        Assert.Equal(0, report.LabelledWindows);
        Assert.Empty(report.Detectors);
        Assert.DoesNotContain("NabStandard", report.TestMetrics.Keys);
        Assert.InRange(report.TestMetrics["AnomalyShare"], 0, 0.01);
        var sample = Assert.Single(report.Samples);
        Assert.InRange(sample.Steps.Count, 100, 2100); // thinned for drawing
        var page = Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.For(MLTask.SeriesAnomalyDetection));
        Assert.Contains("No label marks the anomalies", page, StringComparison.Ordinal);
        Assert.Contains("each scored against the points before it", page, StringComparison.Ordinal);
    }

    [Fact]
    public void TuningWithoutALabelledAnomaly_IsAnErrorNamingTheLabel()
    {
        var path = Path.Combine(_folder, "unlabelled.csv");
        File.WriteAllLines(path, Taxi.Take(500).Select(r => string.Create(CultureInfo.InvariantCulture, $"nyc,{r.At:yyyy-MM-dd HH:mm:ss},{r.Passengers},false")).Prepend("City,At,Passengers,Anomaly"));

        var error = Assert.Throws<DataFileException>(() => TunedTaxiAnomalies.Train(path));

        Assert.Contains("no row's Anomaly is true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBuild_WritesTheDetectorsArtifacts_AndAnEditedModelIsRefused()
    {
        var built = Declarative.Build.ArtifactBuilder.Build(PipelineRegistry.For(typeof(TaxiAnomalies)), _folder);
        Assert.Equal(Declarative.Build.ArtifactStatus.Trained, built.Status);
        Assert.Equal(Artifacts.ArtifactHash.OfFile(built.ModelPath), built.Manifest.ModelHash);
        Assert.True(File.Exists(Path.Combine(_folder, "TaxiAnomalies.report.html")));
        Assert.Equal(TaxiAnomalies.Train().Detect(Taxi), TaxiAnomalies.Load(built.ModelPath).Detect(Taxi));
        Assert.Equal(Declarative.Build.ArtifactStatus.UpToDate, Declarative.Build.ArtifactBuilder.Build(PipelineRegistry.For(typeof(TaxiAnomalies)), _folder).Status);

        // A lower threshold written into the model would flag more: the manifest's hash refuses it.
        File.WriteAllText(built.ModelPath, File.ReadAllText(built.ModelPath).Replace("\"Threshold\":0.75", "\"Threshold\":0.05", StringComparison.Ordinal));
        var error = Assert.Throws<ModelFileException>(() => TaxiAnomalies.Load(built.ModelPath));
        Assert.Equal(built.ModelPath, error.FilePath);
        Assert.Contains("is not the one its manifest describes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADamagedModelFile_IsAClearError()
    {
        var path = Path.Combine(_folder, "damaged.mlnet");
        TaxiAnomalies.Train().Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"Threshold\":0.75", "\"Threshold\":7.5", StringComparison.Ordinal));

        var error = Assert.Throws<ModelFileException>(() => TaxiAnomalies.Load(path));

        Assert.Contains("is damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contamination_SetsTheThreshold_FromTheTrainingScores()
    {
        var model = ContaminatedTaxiAnomalies.Train();

        var share = model.Detect(Taxi).Count(p => p.IsAnomaly) / (double)Taxi.Length;

        Assert.Equal(Trainer.WindowedGaussian, model.Pipeline.Trainer);
        Assert.InRange(share, 0.005, 0.02);
    }

    [Fact]
    public void Tuning_ComparesEveryDetector_OnTheLabelledWindows_OfSeveralSeries()
    {
        // Two series in one file: the taxi counts, and the same counts doubled (another city, the same events).
        var path = Path.Combine(_folder, "labelled-taxi.csv");
        var csv = new StringBuilder("City,At,Passengers,Anomaly\n");
        foreach (var (city, scale) in new[] { ("nyc", 1f), ("twin", 2f) })
        {
            foreach (var row in Taxi)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{city},{row.At:yyyy-MM-dd HH:mm:ss},{row.Passengers * scale},{(Windows.Any(w => row.At >= w.Start && row.At <= w.End) ? "true" : "false")}\n");
            }
        }

        File.WriteAllText(path, csv.ToString());

        var model = TunedTaxiAnomalies.Train(path);
        var report = model.Evaluate();

        Assert.Equal(4, report.Detectors.Count);
        Assert.Equal(model.Pipeline.Trainer, report.Detectors[0].Detector);
        Assert.Equal(report.Detectors.Max(d => d.NabScore), report.Detectors[0].NabScore);
        Assert.Equal(10, report.LabelledWindows);
        Assert.InRange(report.TestMetrics["NabStandard"], 50, 100);
        Assert.Equal(["nyc", "twin"], model.Pipeline.SeriesIds);

        // A city training never saw learns its range from its first 200 points (scored 0), then flags a surge beyond it.
        var paris = Taxi.Take(600).Select((r, i) => new LabelledTaxiCount { City = "paris", At = r.At, Passengers = i == 500 ? 5 * r.Passengers + 90000 : r.Passengers / 3 }).ToArray();
        var scored = model.Detect(paris);
        Assert.All(scored.Take(SeriesState.WarmupPoints), p => Assert.Equal(0, p.Score));
        Assert.True(scored[500].IsAnomaly);
        var live = model.Detector();
        Assert.Equal(scored, paris.Select(live.Observe).ToArray());

        var html = Path.Combine(_folder, "report.html");
        model.SaveReport(html);
        var page = File.ReadAllText(html);
        Assert.Contains("Anomalies in time", page, StringComparison.Ordinal);
        Assert.Contains($"{model.Pipeline.Trainer} (the model)", page, StringComparison.Ordinal);
    }

    private static (DateTime, DateTime)[] ReadWindows()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes("datasets/nab-nyc-taxi/combined_windows.json"));
        return json.RootElement.GetProperty("realKnownCause/nyc_taxi.csv").EnumerateArray()
            .Select(w => (DateTime.Parse(w[0].GetString()!, CultureInfo.InvariantCulture), DateTime.Parse(w[1].GetString()!, CultureInfo.InvariantCulture)))
            .ToArray();
    }
}
