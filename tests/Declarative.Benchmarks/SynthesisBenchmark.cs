using System.Diagnostics;
using System.Globalization;
using Declarative.Evaluation;
using Declarative.Tests.Pipelines;

namespace Declarative.Benchmarks;

/// <summary>
/// Synthesizers against their baselines on adult, housing, iris and breast-cancer (tests/bench/synthesis.sh): the
/// report's fidelity, utility and privacy for each method, with training time and sampling speed for each (a kind's
/// speed builds typed rows; a baseline's samples columns only).
/// </summary>
internal static class SynthesisBenchmark
{
    private const int SampleRows = 20_000;

    public static void Run()
    {
        Console.WriteLine("| data | method | column distance | correlation difference | TSTR (TRTR) | closest-record ratio | exact copies (held-out real) | train s | rows/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        Measure("adult", () => AdultSynthesizer.Train().Pipeline, () => AdultTreeSynthesizer.Train().Pipeline);
        Measure("housing", () => HousingSynthesizer.Train().Pipeline, () => HousingTreeSynthesizer.Train().Pipeline);
        Measure("iris", () => IrisSynthesizer.Train().Pipeline, () => IrisTreeSynthesizer.Train().Pipeline);
        Measure("breast-cancer", () => TumorSynthesizer.Train().Pipeline, null);
    }

    private static void Measure<TRow>(string data, Func<Synthesizer<TRow>> copula, Func<Synthesizer<TRow>>? trees)
    {
        var (model, seconds) = Timed(copula);
        var report = model.Evaluate();
        Row(data, report, report.Methods[0], seconds, Speed(model));
        if (trees is not null)
        {
            var (treeModel, treeSeconds) = Timed(trees);
            var treeReport = treeModel.Evaluate();
            Row(data, treeReport, treeReport.Methods[0], treeSeconds, Speed(treeModel));
        }

        // The baselines, fitted and sampled as the report does, on the same training rows.
        var train = ((Data.TableDataView)((ITrainedPipeline)model).TrainedOn!.TrainPart!).ToTable();
        var columns = Synthesis.SynthColumn.Of(model.Spec, train);
        var (independent, independentSeconds) = Timed(() => Synthesis.GaussianCopula.Fit(columns, independent: true));
        var (resampler, resamplerSeconds) = Timed(() => (Synthesis.IRowSampler)new Synthesis.Resampler(independent.Marginals, columns));
        Row(data, report, report.Methods[1], independentSeconds, Speed(independent));
        Row(data, report, report.Methods[2], resamplerSeconds, Speed(resampler));
    }

    private static double Speed(Synthesis.IRowSampler sampler)
    {
        sampler.Sample(100, new Random(1));
        var stopwatch = Stopwatch.StartNew();
        sampler.Sample(SampleRows, new Random(2));
        return SampleRows / stopwatch.Elapsed.TotalSeconds;
    }

    private static double Speed<TRow>(Synthesizer<TRow> model)
    {
        using (var file = new MemoryStream())
        {
            model.Save(file);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model.Name}: model file {file.Length / 1024.0:N0} KB"));
        }

        model.Sample(100, 1);
        var stopwatch = Stopwatch.StartNew();
        model.Sample(SampleRows, 2);
        return SampleRows / stopwatch.Elapsed.TotalSeconds;
    }

    private static (T Result, double Seconds) Timed<T>(Func<T> work)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = work();
        return (result, stopwatch.Elapsed.TotalSeconds);
    }

    private static void Row(string data, SynthesisReport report, SynthesisScore m, double? seconds, double? speed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {data} | {m.Method} | {m.ColumnDistance:F3} | {m.CorrelationDifference:F3} | {(m.Utility is { } u ? $"{u:F3} ({report.RealUtility:F3} {report.UtilityMetric})" : "-")} | {m.DistanceRatio:F2} | {m.ExactCopyShare:P1} ({report.HoldoutCopyShare:P1}) | {(seconds is { } s ? s.ToString("F1", CultureInfo.InvariantCulture) : "-")} | {(speed is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "-")} |"));
}
