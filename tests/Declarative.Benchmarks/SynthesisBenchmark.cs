using System.Diagnostics;
using System.Globalization;
using Declarative.Evaluation;
using Declarative.Tests.Pipelines;

namespace Declarative.Benchmarks;

/// <summary>
/// Synthesizers against their baselines on adult, housing, iris and breast-cancer (tests/bench/synthesis.sh): the
/// report's fidelity, utility and privacy for each method, with training time (one run: training is what the quality
/// columns measure) and sampling speed for each (a kind's speed builds typed rows; a baseline's samples columns only):
/// the methods of a data set sample in turn, A B C D A B C D ..., five rounds, and the speed is the slowest / median
/// round's rows per second.
/// </summary>
internal static class SynthesisBenchmark
{
    private const int SampleRows = 20_000;

    private const int Rounds = 5;

    public static void Run()
    {
        Console.WriteLine($"rows/s: the slowest / median of {Rounds} rounds, the methods of a data set sampling in turn.");
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
        (Synthesizer<TRow> Result, double Seconds)? treeModel = trees is null ? null : Timed(trees);

        // The baselines, fitted and sampled as the report does, on the same training rows.
        var train = ((Data.TableDataView)((ITrainedPipeline)model).TrainedOn!.TrainPart!).ToTable();
        var columns = Synthesis.SynthColumn.Of(model.Spec, train);
        var (independent, independentSeconds) = Timed(() => Synthesis.GaussianCopula.Fit(columns, independent: true));
        var (resampler, resamplerSeconds) = Timed(() => (Synthesis.IRowSampler)new Synthesis.Resampler(independent.Marginals, columns));

        List<Func<double>> samplers = [Speed(model)];
        if (treeModel is { } tree)
        {
            samplers.Add(Speed(tree.Result));
        }

        samplers.Add(Speed(independent));
        samplers.Add(Speed(resampler));
        var speeds = Alternating.Run(Rounds, [.. samplers]).Select(Spread.Of).ToArray();
        var next = 0;
        Row(data, report, report.Methods[0], seconds, speeds[next++]);
        if (treeModel is { } trained)
        {
            var treeReport = trained.Result.Evaluate();
            Row(data, treeReport, treeReport.Methods[0], trained.Seconds, speeds[next++]);
        }

        Row(data, report, report.Methods[1], independentSeconds, speeds[next++]);
        Row(data, report, report.Methods[2], resamplerSeconds, speeds[next]);
    }

    /// <summary>Rows per second of one round of sampling, after a warm-up.</summary>
    private static Func<double> Speed(Synthesis.IRowSampler sampler)
    {
        sampler.Sample(100, new Random(1));
        return () =>
        {
            var stopwatch = Stopwatch.StartNew();
            sampler.Sample(SampleRows, new Random(2));
            return SampleRows / stopwatch.Elapsed.TotalSeconds;
        };
    }

    private static Func<double> Speed<TRow>(Synthesizer<TRow> model)
    {
        using (var file = new MemoryStream())
        {
            model.Save(file);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model.Name}: model file {file.Length / 1024.0:N0} KB"));
        }

        model.Sample(100, 1);
        return () =>
        {
            var stopwatch = Stopwatch.StartNew();
            model.Sample(SampleRows, 2);
            return SampleRows / stopwatch.Elapsed.TotalSeconds;
        };
    }

    private static (T Result, double Seconds) Timed<T>(Func<T> work)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = work();
        return (result, stopwatch.Elapsed.TotalSeconds);
    }

    private static void Row(string data, SynthesisReport report, SynthesisScore m, double seconds, Spread speed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {data} | {m.Method} | {m.ColumnDistance:F3} | {m.CorrelationDifference:F3} | {(m.Utility is { } u ? $"{u:F3} ({report.RealUtility:F3} {report.UtilityMetric})" : "-")} | {m.DistanceRatio:F2} | {m.ExactCopyShare:P1} ({report.HoldoutCopyShare:P1}) | {seconds.ToString("F1", CultureInfo.InvariantCulture)} | {speed.Format("N0")} |"));
}
