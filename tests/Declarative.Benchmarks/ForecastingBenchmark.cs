using System.Diagnostics;
using Declarative.Evaluation;
using Declarative.Forecasting;
using Declarative.Schema;
using Declarative.Training;

namespace Declarative.Benchmarks;

/// <summary>The bundled series, the last Horizon steps held out: every forecasting model on the rolling origins and the test part, the interval's coverage, the time.</summary>
public sealed class BenchTaxiReading
{
    [Time, Column("timestamp")]
    public DateTime At { get; set; }

    [Label, Column("value")]
    public float Passengers { get; set; }
}

public sealed class BenchSunspotYear
{
    [Time, Column("YEAR")]
    public int Year { get; set; }

    [Label, Column("SUNACTIVITY")]
    public double Activity { get; set; }
}

[Forecasting<BenchTaxiReading>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv", Horizon = 48)]
[Tune]
public partial class BenchTaxiForecast;

[Forecasting<BenchSunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10)]
[Tune]
public partial class BenchSunspotForecast;

/// <summary>The same with the solar cycle declared as the season (a yearly step implies none): the choice backtest's "sunspots, Season = 11" row.</summary>
[Forecasting<BenchSunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10, Season = 11)]
[Tune]
public partial class BenchSunspotCycleForecast;

public sealed class BenchCo2Week
{
    [Time, Column("date", Format = "yyyyMMdd")]
    public DateOnly Week { get; set; }

    [Label, Column("co2")]
    public float Ppm { get; set; }
}

[Forecasting<BenchCo2Week>(Data = "datasets/co2/co2.csv", Horizon = 13, FillGaps = true)]
[Tune]
public partial class BenchCo2Forecast;

/// <summary>A monthly series (M4's largest kind): the euro area's turnover index of electrical equipment, M4's monthly horizon; its rows are the tests'.</summary>
[Forecasting<Declarative.Tests.Pipelines.ElecEquipMonth>(Data = "datasets/elec-equip/elec_equip.csv", Horizon = 18)]
[Tune]
public partial class BenchElecEquipForecast;

/// <summary>Five quarterly series (M4's quarterly horizon), written 1959Q1; its rows are the tests'.</summary>
[Forecasting<Declarative.Tests.Pipelines.MacroQuarter>(Data = "datasets/us-macro/quarterly.csv", Horizon = 8)]
[Tune]
public partial class BenchMacroQuarterForecast;

/// <summary>A short quarterly series (55 quarters, M4's quarterly horizon) with four past covariates, as init writes it; its rows are the tests'.</summary>
[Forecasting<Declarative.Tests.Pipelines.DanishQuarter>(Data = "datasets/danish-money/data.csv", Horizon = 8)]
[Tune]
public partial class BenchDanishForecast;

/// <summary>Grunfeld's investment a year a row for eleven firms (a panel in long form), as <c>dotnet declarative init</c> writes it.</summary>
public sealed class BenchGrunfeldYear
{
    [Label]
    public float Invest { get; set; }

    [PastCovariate]
    public float Value { get; set; }

    [PastCovariate]
    public float Capital { get; set; }

    [SeriesId]
    public string Firm { get; set; } = "";

    [Time]
    public int Year { get; set; }
}

/// <summary>Eleven short yearly series (twenty years a firm, M4's yearly horizon) with two past covariates.</summary>
[Forecasting<BenchGrunfeldYear>(Data = "datasets/grunfeld/grunfeld.csv", Horizon = 6)]
[Tune]
public partial class BenchGrunfeldForecast;

// The births' rows are the tests' (Declarative.Tests.Pipelines): with the holiday, and without it.
[Forecasting<Declarative.Tests.Pipelines.BirthDay>(Data = "datasets/us-births/births.csv", Horizon = 14)]
[Tune]
public partial class BenchBirthsForecast;

[Forecasting<Declarative.Tests.Pipelines.BirthDayAlone>(Data = "datasets/us-births/births.csv", Horizon = 14)]
[Tune]
public partial class BenchBirthsAloneForecast;

/// <summary>US real GDP alone from the wide file (the other series left unread).</summary>
public sealed class BenchMacroGdpQuarter
{
    [Time, Column(Format = "yyyy'Q'q")]
    public DateOnly Quarter { get; set; }

    [Label]
    public float Realgdp { get; set; }
}

/// <summary>GDP from the wide file, the other four series past covariates (the tests' row).</summary>
[Forecasting<Declarative.Tests.Pipelines.MacroWideQuarter>(Horizon = 8)]
[Tune]
public partial class BenchMacroWideForecast;

[Forecasting<BenchMacroGdpQuarter>(Horizon = 8)]
[Tune]
public partial class BenchMacroGdpForecast;

/// <summary>The other four series declared known ahead, as a wide file's columns were read before [PastCovariate]: the evaluation reads them at the quarters it scores.</summary>
[Forecasting<Declarative.Tests.Pipelines.MacroWideQuarterAhead>(Horizon = 8)]
[Tune]
public partial class BenchMacroWideAheadForecast;

/// <summary>Investment from the wide file alone.</summary>
public sealed class BenchMacroInvQuarter
{
    [Time, Column(Format = "yyyy'Q'q")]
    public DateOnly Quarter { get; set; }

    [Label]
    public float Realinv { get; set; }
}

/// <summary>Investment from the wide file, the other four series past covariates.</summary>
public sealed class BenchMacroInvWideQuarter
{
    [Time, Column(Format = "yyyy'Q'q")]
    public DateOnly Quarter { get; set; }

    [PastCovariate]
    public float Realgdp { get; set; }

    [PastCovariate]
    public float Realcons { get; set; }

    [Label]
    public float Realinv { get; set; }

    [PastCovariate]
    public float Realgovt { get; set; }

    [PastCovariate]
    public float Realdpi { get; set; }
}

/// <summary>Consumption from the wide file alone.</summary>
public sealed class BenchMacroConsQuarter
{
    [Time, Column(Format = "yyyy'Q'q")]
    public DateOnly Quarter { get; set; }

    [Label]
    public float Realcons { get; set; }
}

/// <summary>Consumption from the wide file, the other four series past covariates.</summary>
public sealed class BenchMacroConsWideQuarter
{
    [Time, Column(Format = "yyyy'Q'q")]
    public DateOnly Quarter { get; set; }

    [PastCovariate]
    public float Realgdp { get; set; }

    [Label]
    public float Realcons { get; set; }

    [PastCovariate]
    public float Realinv { get; set; }

    [PastCovariate]
    public float Realgovt { get; set; }

    [PastCovariate]
    public float Realdpi { get; set; }
}

[Forecasting<BenchMacroInvQuarter>(Horizon = 8)]
[Tune]
public partial class BenchMacroInvForecast;

[Forecasting<BenchMacroInvWideQuarter>(Horizon = 8)]
[Tune]
public partial class BenchMacroInvWideForecast;

[Forecasting<BenchMacroConsQuarter>(Horizon = 8)]
[Tune]
public partial class BenchMacroConsForecast;

[Forecasting<BenchMacroConsWideQuarter>(Horizon = 8)]
[Tune]
public partial class BenchMacroConsWideForecast;

internal static class ForecastingBenchmark
{
    /// <summary>The bundled us-macro file written wide (a quarter, then a column per series), where the harness writes its scratch files.</summary>
    private static readonly Lazy<string> MacroWide = new(() => Declarative.Tests.Pipelines.MacroWideFile.Write(
        BenchMacroQuarterForecast.Spec.ResolveDataPath(), Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "declarative-bench")).FullName, "macro-wide.csv"));

    private static readonly BundledSeries[] Bundled =
    [
        BundledSeries.Of("NYC taxi", BenchTaxiForecast.Spec),
        BundledSeries.Of("sunspots", BenchSunspotForecast.Spec),
        BundledSeries.Of("sunspots, Season = 11", BenchSunspotCycleForecast.Spec),
        BundledSeries.Of("co2", BenchCo2Forecast.Spec),
        BundledSeries.Of("births", BenchBirthsForecast.Spec),
        BundledSeries.Of("births without the holiday", BenchBirthsAloneForecast.Spec),
        BundledSeries.Of("elec-equip", BenchElecEquipForecast.Spec),
        BundledSeries.Of("us-macro", BenchMacroQuarterForecast.Spec),
        BundledSeries.Of("danish-money", BenchDanishForecast.Spec),
        BundledSeries.Of("grunfeld", BenchGrunfeldForecast.Spec),
        BundledSeries.Of("us-macro GDP", BenchMacroGdpForecast.Spec, () => MacroWide.Value),
        BundledSeries.Of("us-macro GDP, past covariates", BenchMacroWideForecast.Spec, () => MacroWide.Value),
        BundledSeries.Of("us-macro GDP, covariates read ahead", BenchMacroWideAheadForecast.Spec, () => MacroWide.Value),
        BundledSeries.Of("us-macro investment", BenchMacroInvForecast.Spec, () => MacroWide.Value),
        BundledSeries.Of("us-macro investment, past covariates", BenchMacroInvWideForecast.Spec, () => MacroWide.Value),
        BundledSeries.Of("us-macro consumption", BenchMacroConsForecast.Spec, () => MacroWide.Value),
        BundledSeries.Of("us-macro consumption, past covariates", BenchMacroConsWideForecast.Spec, () => MacroWide.Value),
    ];

    /// <summary>The bundled sets of these <paramref name="names"/> that <paramref name="wanted"/> keeps, in the order named.</summary>
    private static IEnumerable<BundledSeries> Sets(Func<string, bool> wanted, params string[] names) =>
        names.Select(n => Bundled.Single(s => s.Name == n)).Where(s => wanted(s.Name));

    public static void Run(string filter = "")
    {
        bool Wanted(string name) => name.Contains(filter, StringComparison.OrdinalIgnoreCase);
        if (Wanted("NYC taxi"))
        {
            Print(() => BenchTaxiForecast.Train().Evaluate());
        }

        if (Wanted("sunspots"))
        {
            Print(() => BenchSunspotForecast.Train().Evaluate());
        }

        if (Wanted("sunspots, Season = 11"))
        {
            Print(() => BenchSunspotCycleForecast.Train().Evaluate());
        }

        if (Wanted("co2"))
        {
            Print(() => BenchCo2Forecast.Train().Evaluate());
        }

        if (Wanted("births"))
        {
            Print(() => BenchBirthsForecast.Train().Evaluate());
            Print(() => BenchBirthsAloneForecast.Train().Evaluate());
        }

        if (Wanted("elec-equip"))
        {
            Print(() => BenchElecEquipForecast.Train().Evaluate());
        }

        if (Wanted("us-macro"))
        {
            Print(() => BenchMacroQuarterForecast.Train().Evaluate());
        }

        if (Wanted("danish-money"))
        {
            Print(() => BenchDanishForecast.Train().Evaluate());
        }

        if (Wanted("grunfeld"))
        {
            Print(() => BenchGrunfeldForecast.Train().Evaluate());
        }

        if (Wanted("us-macro GDP"))
        {
            // GDP alone, then with the other four series as past covariates: the trees read them up to the origin.
            Print(() => BenchMacroGdpForecast.Train(MacroWide.Value).Evaluate());
            Print(() => BenchMacroWideForecast.Train(MacroWide.Value).Evaluate());

            // Known ahead, they are read at the quarters scored: a leak, as a wide file's columns were read before.
            Print(() => BenchMacroWideAheadForecast.Train(MacroWide.Value).Evaluate());
        }

        if (Wanted("us-macro investment") || Wanted("us-macro consumption"))
        {
            // Two more of the wide file's series, each alone and then with the other four as past covariates.
            Print(() => BenchMacroInvForecast.Train(MacroWide.Value).Evaluate());
            Print(() => BenchMacroInvWideForecast.Train(MacroWide.Value).Evaluate());
            Print(() => BenchMacroConsForecast.Train(MacroWide.Value).Evaluate());
            Print(() => BenchMacroConsWideForecast.Train(MacroWide.Value).Evaluate());
        }

        if (filter.Length > 0)
        {
            return;
        }

        Console.WriteLine("The global trees, recursive against direct (the steps ahead a feature), alternating, two rounds each:");
        Console.WriteLine("| series | variant | sMAPE (test) | MASE (test) | OWA (test) | time min / mean of two |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var set in Sets(_ => true, "NYC taxi", "sunspots", "co2"))
        {
            Variants(set);
        }
    }

    /// <summary>
    /// How well the interval is calibrated, judged on more than the one test window: the tuned choice of each bundled
    /// series trained again on the series cut <c>k</c> horizons short, for k = 0 (the real test window) to
    /// <paramref name="windows"/> − 1, each window's points scored against the interval calibrated only on what came before it.
    /// </summary>
    public static void Backtest(int windows, string filter = "", string part = "")
    {
        bool Wanted(string name) => name.Contains(filter, StringComparison.OrdinalIgnoreCase);
        if (part == "direct")
        {
            Directions(windows, Wanted);
            return;
        }

        if (part is not ("choice" or "blend" or "theta"))
        {
            Coverage(windows, Wanted);
        }

        if (part is not ("coverage" or "blend" or "theta"))
        {
            Choice(windows, Wanted, weighed: false);
        }

        if (part == "theta")
        {
            // Not in the default run: the choice with the optimised Theta model, compared only when declared, among the
            // candidates (against the choice part's rows).
            Choice(windows, Wanted, weighed: false, optimizedTheta: true);
        }

        if (part == "blend")
        {
            // Not in the default run: the combination as a weighted mean chosen by greedy selection, against the median
            // of the best three that the model keeps (the choice part's rows).
            Choice(windows, Wanted, weighed: true);
        }
    }

    /// <summary>
    /// The global trees recursive and direct on each of the last windows, untuned, and two ways of choosing the form on
    /// the window's own rolling origins (the lower OWA; direct only when ahead by more than one standard error, as
    /// <see cref="ForecastChoice"/> rules between models): each rule's test errors averaged over the windows.
    /// </summary>
    private static void Directions(int windows, Func<string, bool> Wanted)
    {
        Console.WriteLine($"The global trees, recursive and direct, on the last {windows} windows (window 1 the real test part); 'by origins': the variant with the lower OWA on the window's rolling origins; 'clearly': direct only when ahead there by more than one standard error ([Tune]'s rule between models).");
        Console.WriteLine("| series | windows | recursive sMAPE / MASE / OWA | direct | by origins (direct chosen) | clearly (direct chosen) | time recursive / direct |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var set in Sets(Wanted, "NYC taxi", "sunspots", "co2", "births", "births without the holiday"))
        {
            Directions(set, windows);
        }
    }

    private static void Directions(BundledSeries set, int windows)
    {
        var (series, settings, dates) = set.Read();
        var h = settings.Horizon;
        var rules = new[] { new List<MethodScore>(), new List<MethodScore>(), new List<MethodScore>(), new List<MethodScore>() };
        var times = new[] { 0d, 0d };
        var (directChosen, clearlyDirect) = (0, 0);
        for (var k = 0; k < windows; k++)
        {
            var cut = series.Select(s => s.Head(s.Length - (k * h))).ToList();
            if (cut.Any(s => s.Length < (2 * settings.Season) + (3 * h)))
            {
                break;
            }

            var outcomes = new ForecastOutcome[2];
            foreach (var direct in new[] { false, true })
            {
                var stopwatch = Stopwatch.StartNew();
                outcomes[direct ? 1 : 0] = ForecastTraining.Train(cut, settings with { DirectTrees = direct }, [Trainer.GlobalLightGbm], null, dates, set.Seed);
                times[direct ? 1 : 0] += stopwatch.Elapsed.TotalSeconds;
            }

            var tests = outcomes.Select(o => o.Test.First(t => t.Method == Trainer.GlobalLightGbm)).ToArray();
            var origins = outcomes.Select(o => o.Validation.First(v => v.Method == Trainer.GlobalLightGbm).Owa).ToArray();
            var pick = origins[1] < origins[0] ? 1 : 0;
            directChosen += pick;
            rules[0].Add(tests[0]);
            rules[1].Add(tests[1]);
            rules[2].Add(tests[pick]);

            // [Tune]'s own rule between models: direct only when ahead by more than one standard error of the two forms'
            // differences origin by origin (both trainings cut the same origins; OWA against the same Naive2).
            double[] Terms(ForecastOutcome o) => [.. ForecastChoice.Terms(o.RollingWindows, Trainer.GlobalLightGbm, nameof(ForecastingMetric.Owa))];
            var (gain, error) = ForecastChoice.Lead(Terms(outcomes[1]), Terms(outcomes[0]));
            var clear = gain > error ? 1 : 0;
            clearlyDirect += clear;
            rules[3].Add(tests[clear]);
        }

        static string Mean(List<MethodScore> rule) => FormattableString.Invariant($"{rule.Average(c => c.SymmetricMape):F2} / {rule.Average(c => c.Mase):F3} / {rule.Average(c => c.Owa):F3}");
        Console.WriteLine(FormattableString.Invariant($"| {set.Name} | {rules[0].Count} | {Mean(rules[0])} | {Mean(rules[1])} | {Mean(rules[2])} ({directChosen}) | {Mean(rules[3])} ({clearlyDirect}) | {times[0]:F0} / {times[1]:F0} s |"));
    }

    private static void Coverage(int windows, Func<string, bool> Wanted)
    {
        Console.WriteLine($"The interval's coverage over the last {windows} test windows of each series (window 1 is the real test part), the tuned model fixed;");
        Console.WriteLine($"fits: how often the global trees are fitted for the rolling origins: as a forecaster does (default: at most {ForecastTraining.EarlyFits} fits, every second of twenty origins), once before the earliest origin, for every fourth or every origin.");
        Console.WriteLine("| series | fits | model | coverage, window 1 | coverage, windows 2 to n | per window (%) | time |");
        Console.WriteLine("|---|---|---|---|---|---|---|");

        // 0 is the default (a fit for every second of twenty origins); 20 fits once before the earliest origin.
        foreach (var refit in new[] { 0, 20, 4, 1 })
        {
            foreach (var set in Sets(Wanted, "NYC taxi", "sunspots", "co2", "births", "elec-equip", "us-macro"))
            {
                Backtest(set, windows, refit);
            }
        }
    }

    private static void Choice(int windows, Func<string, bool> Wanted, bool weighed, bool optimizedTheta = false)
    {
        Console.WriteLine();
        Console.WriteLine($"[Tune]'s choice judged on the same {windows} windows: every model competes again on each window's own rolling origins; the chosen model's test sMAPE, MASE and OWA averaged over the windows.");
        Console.WriteLine(weighed ? "The combination: a weighted mean, weights by greedy selection on the origins (ForecastSettings.WeighedCombination)." : "The combination: the median of the best three on the origins (the model's).");
        if (optimizedTheta)
        {
            Console.WriteLine("The candidates: every model [Tune] compares, and the optimised Theta model (compared only when declared).");
        }

        Console.WriteLine("[Tune]'s rule keeps the declared model (the global trees) unless the best on the origins beats it by more than one standard error, and the lowest mean on fewer than ten windows; beside it, the lowest mean on the origins (the rule until 2026-12-04), and the lowest among the single models.");
        Console.WriteLine("| series | windows | [Tune] chose (times) | sMAPE | MASE | OWA | lowest mean chose (times) | sMAPE | MASE | OWA | lowest single model (times) | sMAPE | MASE | OWA |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var set in Sets(Wanted, "NYC taxi", "sunspots", "sunspots, Season = 11", "co2", "births", "elec-equip", "us-macro", "danish-money", "grunfeld", "us-macro GDP", "us-macro GDP, past covariates", "us-macro GDP, covariates read ahead", "us-macro investment", "us-macro investment, past covariates", "us-macro consumption", "us-macro consumption, past covariates"))
        {
            Selection(set, windows, weighed, optimizedTheta);
        }
    }

    /// <summary>
    /// [Tune]'s rule on each of the last windows (window 1 the real test part): the chosen model's test errors, beside
    /// the lowest mean on the origins (the rule before the declared model was kept unless clearly beaten) and the choice
    /// among the single models alone by that mean (what [Tune] chose before the combination took the best three).
    /// </summary>
    private static void Selection(BundledSeries set, int windows, bool weighed, bool optimizedTheta)
    {
        var (series, declared, dates) = set.Read();
        var settings = declared with { WeighedCombination = weighed };
        var h = settings.Horizon;
        IReadOnlyList<Trainer> candidates = optimizedTheta
            ? [.. ForecastMethods.Candidates(set.Trainers, tuned: true), Trainer.OptimizedTheta]
            : ForecastMethods.Candidates(set.Trainers, tuned: true);
        ForecastOutcome? first = null;
        var rules = new[] { new List<MethodScore>(), new List<MethodScore>(), new List<MethodScore>() };
        var every = new List<MethodScore>();
        for (var k = 0; k < windows; k++)
        {
            var cut = series.Select(s => s.Head(s.Length - (k * h))).ToList();
            if (cut.Any(s => s.Length < (2 * settings.Season) + (3 * h)))
            {
                break;
            }

            var outcome = ForecastTraining.Train(cut, settings, candidates, nameof(ForecastingMetric.Owa), dates, set.Seed);
            first ??= outcome;
            var lowest = outcome.Validation.Where(v => candidates.Contains(v.Method)).MinBy(v => v.Owa)!.Method;
            var single = outcome.Validation.Where(v => candidates.Contains(v.Method) && v.Method != Trainer.ForecastCombination).MinBy(v => v.Owa)!.Method;
            foreach (var (rule, method) in rules.Zip([outcome.Method, lowest, single]))
            {
                rule.Add(outcome.Test.First(t => t.Method == method));
            }

            every.AddRange(outcome.Test);
        }

        string Row(List<MethodScore> rule) =>
            string.Join(", ", rule.GroupBy(c => c.Method).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))
            + FormattableString.Invariant($" | {rule.Average(c => c.SymmetricMape):F2} | {rule.Average(c => c.Mase):F3} | {rule.Average(c => c.Owa):F3}");
        Console.WriteLine($"| {set.Name} | {rules[0].Count} | {Row(rules[0])} | {Row(rules[1])} | {Row(rules[2])} |");
        Console.WriteLine($"{set.Name}, each model's mean over the windows (sMAPE / MASE / OWA): " + string.Join("; ", every.GroupBy(t => t.Method).Select(g =>
            FormattableString.Invariant($"{g.Key} {g.Average(t => t.SymmetricMape):F2} / {g.Average(t => t.Mase):F3} / {g.Average(t => t.Owa):F3}"))));
        Console.WriteLine($"{set.Name}, [Tune]'s choice window by window (sMAPE, window 1 first): " + string.Join(" ", rules[0].Select(c => c.SymmetricMape.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
        if (optimizedTheta && first is not null)
        {
            // The test window (window 1) as the forecasting tables show it: the two Thetas' OWA on the origins and sMAPE /
            // MASE / OWA on the test part, and what the choice kept there.
            string On(Trainer method)
            {
                var test = first.Test.First(t => t.Method == method);
                return FormattableString.Invariant($"{method} {first.Validation.First(v => v.Method == method).Owa:F3} | {test.SymmetricMape:F2} / {test.Mase:F3} / {test.Owa:F3}");
            }
            Console.WriteLine($"{set.Name}, window 1 (origins OWA | test sMAPE / MASE / OWA): chose {On(first.Method)}; {On(Trainer.Theta)}; {On(Trainer.OptimizedTheta)}; the interval covered {first.Coverage:P1}");
        }
    }

    private static void Backtest(BundledSeries set, int windows, int refit)
    {
        var (series, declared, dates) = set.Read();
        var settings = declared with { RefitEvery = refit };
        var (h, season) = (settings.Horizon, settings.Season);
        var stopwatch = Stopwatch.StartNew();
        var chosen = ForecastTraining.Train(series, settings, ForecastMethods.Candidates(set.Trainers, tuned: true), nameof(ForecastingMetric.Owa), dates, set.Seed).Method;
        var coverage = new List<double>();
        for (var k = 0; k < windows; k++)
        {
            var cut = series.Select(s => s.Head(s.Length - (k * h))).ToList();
            if (cut.Any(s => s.Length < (2 * season) + (3 * h)))
            {
                break;
            }

            coverage.Add(ForecastTraining.Train(cut, settings, [chosen], null, dates, set.Seed).Coverage);
        }

        var later = coverage.Skip(1).DefaultIfEmpty(double.NaN).Average();
        var each = string.Join(" ", coverage.Select(c => (100 * c).ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));
        Console.WriteLine(FormattableString.Invariant($"| {set.Name} | {(refit == 0 ? "default" : refit == 20 ? "once" : $"every {refit}")} | {chosen} | {coverage[0]:P1} | {later:P1} ({coverage.Count - 1} windows, {(coverage.Count - 1) * h * series.Count} points) | {each} | {stopwatch.Elapsed.TotalSeconds:F0} s |"));
    }

    /// <summary>
    /// What exponential smoothing's fit costs, one fit of every form on a whole series, alternating, on the bundled taxi
    /// and co2 series and on seeded 10,000-step series with seasons of 24, 48 and 168 (a week of hours): the additive
    /// forms with fitted initial states against the rule of thumb's, then every form (multiplicative errors and seasons
    /// too) against the additive forms.
    /// </summary>
    public static void EtsStates(int rounds, bool longSeasonsOnly = false)
    {
        Console.WriteLine($"Exponential smoothing, one fit of every additive form, fitted initial states against the rule of thumb's, {rounds} rounds alternating (min / median):");
        Console.WriteLine("| series | points | season | rule of thumb, s | fitted, s | ratio | form (fitted) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var cases = new List<(string Name, double[] Values, int Season)>
        {
            ("NYC taxi", Read(BenchTaxiForecast.Spec).Series[0].Values, 48),
            ("co2", Read(BenchCo2Forecast.Spec).Series[0].Values, 52),
        };
        foreach (var season in (int[])[24, 48, 168])
        {
            var random = new Random(season);
            cases.Add(($"seeded, a season of {season}", [.. Enumerable.Range(0, 10_000).Select(t => 100 + (10 * Math.Sin(2 * Math.PI * t / season)) + (5 * random.NextDouble()))], season));
        }

        if (longSeasonsOnly)
        {
            LongSeasons(cases, rounds);
            return;
        }

        Measure(cases, rounds, c => c.Fit(fitStates: false, multiplicative: false), c => c.Fit(fitStates: true, multiplicative: false));
        Console.WriteLine();
        Console.WriteLine($"Exponential smoothing, one fit of every form, the additive forms alone against every form (multiplicative errors and seasons too), fitted states, {rounds} rounds alternating (min / median):");
        Console.WriteLine("| series | points | season | additive forms, s | every form, s | ratio | form (every form) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Measure(cases, rounds, c => c.Fit(fitStates: true, multiplicative: false), c => c.Fit(fitStates: true, multiplicative: true));
        Console.WriteLine();
        Console.WriteLine($"Exponential smoothing, one fit of every form, the multiplicative errors' states the additive fit's against fitted under their own likelihood, {rounds} rounds alternating (min / median):");
        Console.WriteLine("| series | points | season | additive fit's states, s | own states, s | ratio | form (own states) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        cases.Add(("elec-equip", Read(BenchElecEquipForecast.Spec).Series[0].Values, 12));
        Measure(cases, rounds, c => c.Fit(fitStates: true, multiplicative: true, relativeStates: false), c => c.Fit(fitStates: true, multiplicative: true));
        Console.WriteLine();
        LongSeasons(cases, rounds);
    }

    /// <summary>The seasons longer than exponential smoothing holds as states: held anyway against taken out first (the model's way).</summary>
    private static void LongSeasons(List<(string Name, double[] Values, int Season)> cases, int rounds)
    {
        Console.WriteLine($"Exponential smoothing on a season longer than {ExponentialSmoothing.MaxSeason}: every form holding the season as states against the season taken out by classical decomposition first (the model's way), one fit, {rounds} rounds alternating (min / median):");
        Console.WriteLine("| series | points | season | season as states, s | taken out, s | ratio | form (taken out) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var random = new Random(288);
        var longer = cases.Where(c => c.Season > ExponentialSmoothing.MaxSeason)
            .Append(("seeded, two weeks of five minutes", [.. Enumerable.Range(0, 14 * 288).Select(t => 100 + (10 * Math.Sin(2 * Math.PI * t / 288)) + (5 * random.NextDouble()))], 288));
        foreach (var (name, values, season) in longer)
        {
            double Time(Action fit)
            {
                var clock = Stopwatch.StartNew();
                fit();
                return clock.Elapsed.TotalSeconds;
            }

            var results = Alternating.Run(rounds, () => Time(() => ExponentialSmoothing.Fit(values, season)), () => Time(() => ForecastMethods.Forecast(Trainer.ExponentialSmoothing, values, season, 1)));
            var (states, takenOut) = (Spread.Of(results[0]), Spread.Of(results[1]));
            Console.WriteLine($"| {name} | {values.Length:N0} | {season} | {states.Format("F3")} | {takenOut.Format("F3")} | {takenOut.Ratio(states)} | {ForecastMethods.Forecast(Trainer.ExponentialSmoothing, values, season, 1).Detail} |");
        }
    }

    /// <summary>
    /// What one ARIMA fit costs (its whole grid of orders, as a tuned forecaster fits it for each series and window)
    /// against one exponential smoothing fit (every form) of the same series, each through the model's own path (the
    /// seasonal adjustment too), alternating, min / median of <paramref name="rounds"/>.
    /// </summary>
    public static void ArimaCost(int rounds)
    {
        Console.WriteLine($"One ARIMA fit against one exponential smoothing fit of the same series, {rounds} rounds alternating (min / median):");
        Console.WriteLine("| series | points | season | exponential smoothing, s | ARIMA, s | ratio | ARIMA's choice |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var (taxi, sunspots, elec) = (Read(BenchTaxiForecast.Spec), Read(BenchSunspotForecast.Spec), Read(BenchElecEquipForecast.Spec));
        var cases = new (string Name, double[] Values, int Season)[]
        {
            ("NYC taxi, its first 900 half-hours", taxi.Series[0].Values[..900], taxi.Settings.Season),
            ("NYC taxi", taxi.Series[0].Values, taxi.Settings.Season),
            ("sunspots", sunspots.Series[0].Values, sunspots.Settings.Season),
            ("elec-equip", elec.Series[0].Values, elec.Settings.Season),
        };
        foreach (var (name, values, season) in cases)
        {
            double Time(Trainer model)
            {
                var clock = Stopwatch.StartNew();
                ForecastMethods.Forecast(model, values, season, 1);
                return clock.Elapsed.TotalSeconds;
            }

            var results = Alternating.Run(rounds, () => Time(Trainer.ExponentialSmoothing), () => Time(Trainer.Arima));
            var (ets, arima) = (Spread.Of(results[0]), Spread.Of(results[1]));
            Console.WriteLine($"| {name} | {values.Length:N0} | {season} | {ets.Format("F4")} | {arima.Format("F4")} | {arima.Ratio(ets)} | {ForecastMethods.Forecast(Trainer.Arima, values, season, 1).Detail} |");
        }
    }

    /// <summary>
    /// One fit of the global trees on one thread against LightGBM's default (a thread per core), alternating, min /
    /// median of <paramref name="rounds"/>: alone, and two fits at once in the process (as tests run, or two series
    /// sets trained side by side), the time until both end. On each bundled series as the forecaster fits it for its
    /// test part; the feature values (rows × features) say which side of the one-thread bound (<c>GlobalTrees.OnOneThread</c>) it falls.
    /// </summary>
    public static void ThreadsCost(int rounds)
    {
        Console.WriteLine($"One global-trees fit on one thread against LightGBM's default ({Environment.ProcessorCount} cores), {rounds} rounds alternating (min / median), alone and two at once:");
        Console.WriteLine("| series | feature values | alone: one thread, s | alone: default, s | ratio | two at once: one thread, s | two at once: default, s | ratio | the same trees |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var cases = new (string Name, (IReadOnlyList<TimeSeries> Series, ForecastSettings Settings, bool Dates) Read)[]
        {
            ("sunspots", Read(BenchSunspotForecast.Spec)),
            ("births, with the holiday", Read(BenchBirthsForecast.Spec)),
            ("co2", Read(BenchCo2Forecast.Spec)),
            ("NYC taxi", Read(BenchTaxiForecast.Spec)),
        };
        foreach (var (name, (series, settings, dates)) in cases)
        {
            var h = settings.Horizon;
            var features = LagFeatures.For(settings.Season, settings.Step, dates, covariates: series[0].Covariates.Length, span: series.Max(s => s.Times[^1] - s.Times[0]), past: series[0].Past.Length);
            int[] lengths = [.. series.Select(s => s.Length - h)];
            var cells = (long)lengths.Sum(n => n - 1) * features.Count;
            GlobalTrees Fit(bool oneThread) => GlobalTrees.Fit(series, lengths, features, h, seed: 1, oneThread);
            double Time(bool oneThread, int atOnce)
            {
                var clock = Stopwatch.StartNew();
                Parallel.For(0, atOnce, new ParallelOptions { MaxDegreeOfParallelism = atOnce }, _ => Fit(oneThread));
                return clock.Elapsed.TotalSeconds;
            }

            var alone = Alternating.Run(rounds, () => Time(true, 1), () => Time(false, 1));
            var twice = Alternating.Run(rounds, () => Time(true, 2), () => Time(false, 2));
            var (one, all, oneTwice, allTwice) = (Spread.Of(alone[0]), Spread.Of(alone[1]), Spread.Of(twice[0]), Spread.Of(twice[1]));
            var same = Fit(true).Trees.SequenceEqual(Fit(false).Trees, TreeComparer.Instance);
            Console.WriteLine($"| {name} | {cells:N0} | {one.Format("F2")} | {all.Format("F2")} | {one.Ratio(all)} | {oneTwice.Format("F2")} | {allTwice.Format("F2")} | {oneTwice.Ratio(allTwice)} | {(same ? "yes" : "no")} |");
        }
    }

    /// <summary>Trees equal in every split, threshold and leaf value.</summary>
    private sealed class TreeComparer : IEqualityComparer<Scoring.PortableTree>
    {
        public static readonly TreeComparer Instance = new();

        public bool Equals(Scoring.PortableTree? x, Scoring.PortableTree? y) =>
            x is not null && y is not null && x.Left.SequenceEqual(y.Left) && x.Right.SequenceEqual(y.Right)
            && x.Feature.SequenceEqual(y.Feature) && x.Threshold.SequenceEqual(y.Threshold) && x.Leaves.SequenceEqual(y.Leaves);

        public int GetHashCode(Scoring.PortableTree obj) => obj.Leaves.Count;
    }

    /// <summary>
    /// What reading past covariates costs the autoregression (the vector autoregression's choice of covariates and
    /// order, as a tuned forecaster fits it for each series and window) against the autoregression of the series alone,
    /// alternating, min / median of <paramref name="rounds"/>.
    /// </summary>
    public static void VarCost(int rounds)
    {
        Console.WriteLine($"One autoregression fit with past covariates against the series alone, {rounds} rounds alternating (min / median):");
        Console.WriteLine("| series | points | season | past covariates | alone, s | with them, s | ratio | with them: the model |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var wide = Read(BenchMacroInvWideForecast.Spec, MacroWide.Value).Series[0];
        var gdp = Read(BenchMacroWideForecast.Spec, MacroWide.Value).Series[0];
        var taxi = Read(BenchTaxiForecast.Spec).Series[0].Values;
        var random = new Random(48);
        double[][] Noise(int count) => [.. Enumerable.Range(0, count).Select(_ => taxi.Select(_ => random.NextDouble() * 1000).ToArray())];
        var cases = new (string Name, double[] Values, int Season, string Covariates, double[][] Past)[]
        {
            ("us-macro GDP", gdp.Values, 4, "the other four series", gdp.Past),
            ("us-macro investment", wide.Values, 4, "the other four series", wide.Past),
            ("NYC taxi", taxi, 48, "8 seeded noise (every one a candidate, none read)", Noise(8)),
            ("NYC taxi", taxi, 48, "40 seeded noise (8 candidates by correlation)", Noise(40)),
        };
        foreach (var (name, values, season, covariates, past) in cases)
        {
            double Time(double[][]? read)
            {
                var clock = Stopwatch.StartNew();
                ForecastMethods.Forecast(Trainer.Autoregression, values, season, 1, past: read);
                return clock.Elapsed.TotalSeconds;
            }

            var results = Alternating.Run(rounds, () => Time(null), () => Time(past));
            var (alone, with) = (Spread.Of(results[0]), Spread.Of(results[1]));
            Console.WriteLine($"| {name} | {values.Length:N0} | {season} | {covariates} | {alone.Format("F4")} | {with.Format("F4")} | {with.Ratio(alone)} | {ForecastMethods.Forecast(Trainer.Autoregression, values, season, 1, past: past).Detail} |");
        }
    }

    private static void Measure(List<(string Name, double[] Values, int Season)> cases, int rounds, Func<EtsCase, EtsFit> baseline, Func<EtsCase, EtsFit> measured)
    {
        foreach (var (name, values, season) in cases)
        {
            var input = new EtsCase(values, season);
            double Time(Func<EtsCase, EtsFit> fit)
            {
                var clock = Stopwatch.StartNew();
                fit(input);
                return clock.Elapsed.TotalSeconds;
            }

            var results = Alternating.Run(rounds, () => Time(baseline), () => Time(measured));
            var (before, after) = (Spread.Of(results[0]), Spread.Of(results[1]));
            Console.WriteLine($"| {name} | {values.Length:N0} | {season} | {before.Format("F3")} | {after.Format("F3")} | {after.Ratio(before)} | {measured(input).Form} |");
        }
    }

    private sealed record EtsCase(double[] Values, int Season)
    {
        public EtsFit Fit(bool fitStates, bool multiplicative, bool relativeStates = true) => ExponentialSmoothing.Fit(Values, Season, fitStates, multiplicative, relativeStates);
    }

    /// <summary>A bundled pipeline's series as its declaration reads them, the settings it declares and whether its times are dates.</summary>
    internal static (IReadOnlyList<TimeSeries> Series, ForecastSettings Settings, bool Dates) Read<TRow>(PipelineSpec<TRow> spec, string? path = null)
    {
        var options = spec.Options as ForecastingOptions ?? throw new InvalidOperationException("Not a forecaster.");
        var data = PipelineTrainer.LoadDeclared(spec, path);
        var (series, step, _) = SeriesReader.Read(spec, data.Table, data.Path, options.FillGaps);
        return (series, ForecastSettings.For(options, step), spec.Time!.Kind == ColumnKind.DateValue);
    }

    /// <summary>
    /// The tuned forecaster of each bundled series with its rolling-origin windows scored in parallel (every series and
    /// origin at once) against one origin after another (the series in parallel, as before), alternating, min / median
    /// of <paramref name="rounds"/>; and whether both gave the same model, scores and forecasts.
    /// </summary>
    public static void Origins(int rounds, string filter = "")
    {
        Console.WriteLine($"The tuned forecaster, its rolling origins scored one after another against all at once, alternating, {rounds} rounds (min / median):");
        Console.WriteLine("| series | points | origins | one after another, s | all at once, s | ratio | same results |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        bool Wanted(string name) => name.Contains(filter, StringComparison.OrdinalIgnoreCase);
        foreach (var set in Sets(Wanted, "NYC taxi", "sunspots", "co2", "births", "elec-equip", "us-macro"))
        {
            OriginsOf(set, rounds);
        }
    }

    private static void OriginsOf(BundledSeries set, int rounds)
    {
        var (series, settings, dates) = set.Read();
        var candidates = ForecastMethods.Candidates(set.Trainers, tuned: true);
        var times = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        var outcomes = new Dictionary<bool, ForecastOutcome>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var serial in new[] { true, false })
            {
                var stopwatch = Stopwatch.StartNew();
                outcomes[serial] = ForecastTraining.Train(series, settings with { SerialOrigins = serial }, candidates, nameof(ForecastingMetric.Owa), dates, set.Seed);
                times[serial].Add(stopwatch.Elapsed.TotalSeconds);
            }
        }

        static string Fingerprint(ForecastOutcome o) => string.Join(";", o.Validation.Concat(o.Test).Select(v => FormattableString.Invariant($"{v.Method}:{v.SymmetricMape:R}:{v.Mase:R}")))
            + string.Join(";", o.Quantiles.Select(q => q.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
            + string.Join(";", o.Forecasts.SelectMany(f => f.Values.Concat(f.Lower).Concat(f.Upper)).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var (a, b) = (times[true].Order().ToArray(), times[false].Order().ToArray());
        var (minA, medA, minB, medB) = (a[0], a[a.Length / 2], b[0], b[b.Length / 2]);
        var same = outcomes[true].Method == outcomes[false].Method && Fingerprint(outcomes[true]) == Fingerprint(outcomes[false]);
        Console.WriteLine(FormattableString.Invariant($"| {set.Name} | {series.Sum(x => x.Length):N0} | {outcomes[true].Origins} | {minA:F1} / {medA:F1} | {minB:F1} / {medB:F1} | {minA / minB:F2}x / {medA / medB:F2}x | {(same ? "yes" : "NO")} |"));
    }

    /// <summary>The default global trees trained recursively and directly on the same series, ABAB.</summary>
    private static void Variants(BundledSeries set)
    {
        var (series, settings, dates) = set.Read();
        var times = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        var scores = new Dictionary<bool, MethodScore>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var direct in new[] { false, true })
            {
                var stopwatch = Stopwatch.StartNew();
                var outcome = ForecastTraining.Train(series, settings with { DirectTrees = direct }, [Trainer.GlobalLightGbm], null, dates, set.Seed);
                times[direct].Add(stopwatch.Elapsed.TotalSeconds);
                scores[direct] = outcome.Test.First(t => t.Method == Trainer.GlobalLightGbm);
            }
        }

        foreach (var direct in new[] { false, true })
        {
            var t = times[direct].Order().ToArray();
            var m = scores[direct];
            Console.WriteLine(FormattableString.Invariant($"| {set.Name} | {(direct ? "direct" : "recursive")} | {m.SymmetricMape:F2} | {m.Mase:F3} | {m.Owa:F3} | {t[0]:F1} / {(t[0] + t[1]) / 2:F1} s |"));
        }
    }

    private static void Print(Func<ForecastingReport> train)
    {
        var stopwatch = Stopwatch.StartNew();
        var r = train();
        Console.WriteLine($"{r.Pipeline}: {r.Series} series, a point every {r.Step}, season {r.Season}, horizon {r.Horizon}, {r.Origins} origins; chose {r.Trainer} ({r.Choice}); {r.Interval:P0} interval covered {r.Coverage:P1}; {stopwatch.Elapsed.TotalSeconds:F1} s");
        PrintModels(r);
        Console.WriteLine();
    }

    /// <summary>Each model's mean errors on the rolling origins and on the test part.</summary>
    internal static void PrintModels(ForecastingReport r)
    {
        Console.WriteLine("| model | sMAPE (origins) | MASE (origins) | OWA (origins) | sMAPE (test) | MASE (test) | OWA (test) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var m in r.Models)
        {
            Console.WriteLine(FormattableString.Invariant($"| {m.Model}{(m.Model == r.Trainer ? " (chosen)" : "")} | {m.ValidationSymmetricMape:F2} | {m.ValidationMase:F3} | {m.ValidationOwa:F3} | {m.SymmetricMape:F2} | {m.Mase:F3} | {m.Owa:F3} |"));
        }
    }
}
