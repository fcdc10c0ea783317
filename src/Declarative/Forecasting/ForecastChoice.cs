using System.Globalization;

namespace Declarative.Forecasting;

/// <summary>
/// Which model a tuned forecaster keeps: the declared one (its first trainer: the global trees unless it says otherwise)
/// unless the model best on the rolling origins beats it by more than one standard error of their paired differences
/// over the origins. This is the one-standard-error rule (Hastie, Tibshirani and Friedman, <i>The Elements of
/// Statistical Learning</i>, §7.10) leaning towards the declared model: twenty origins of one series are too few to tell
/// close models apart, and choosing the lowest mean alone took a close second on births' windows where the trees were
/// better (over its last twenty windows 3.28 sMAPE against 2.95 by this rule; docs/forecasting-log.md). The rule needs
/// <see cref="LeastWindows"/> windows; on fewer the lowest mean wins.
/// </summary>
internal static class ForecastChoice
{
    /// <summary>
    /// The fewest windows (series × origins) whose differences give a standard error to lean on. An error estimated
    /// from n differences is itself off by about 1/√(2(n − 1)) of its size, more than a quarter below ten; and on short
    /// series, where a few origins are all there are, leaning towards the default trees kept them where they were the
    /// worst model (M4's weekly series cut to 80–200 points, each alone: OWA 1.004–1.047 against the lowest mean's
    /// 0.973–1.032; tests/bench/forecasting-short.sh). Sunspots' early windows, where the trees are best, lost by it
    /// (docs/forecasting-log.md, "Short series").
    /// </summary>
    internal const int LeastWindows = 10;

    /// <summary>
    /// The model kept among <paramref name="candidates"/> (the declared model first) by the declared
    /// <paramref name="metric"/> on the rolling <paramref name="origins"/> (every series' windows, scored by every model),
    /// and why in words. With fewer than <see cref="LeastWindows"/> windows the lowest mean wins.
    /// </summary>
    public static (Trainer Method, string Reason) Choose(IReadOnlyList<Trainer> candidates, IReadOnlyList<MethodScore> validation, IReadOnlyList<Window> origins, string metric)
    {
        var declared = candidates[0];
        if (candidates.Count == 1)
        {
            return (declared, "the declared model (no other was compared)");
        }

        double Mean(Trainer method) => ForecastTraining.Metric(validation.First(v => v.Method == method), metric);
        var best = candidates.MinBy(Mean)!;
        if (best == declared)
        {
            return (declared, Say($"the declared model, the best on the rolling origins ({Name(metric)} {Mean(declared):F3})"));
        }

        if (origins.Count < LeastWindows)
        {
            return (best, Say($"the best on the rolling origins ({Name(metric)} {Mean(best):F3} against the declared {declared}'s {Mean(declared):F3}; {origins.Count} {(origins.Count == 1 ? "window is" : "windows are")} too few to lean towards the declared model)"));
        }

        if (LeadOn(origins, best, declared, metric) is not (var gain, var error))
        {
            return (best, Say($"the best on the rolling origins ({Name(metric)} {Mean(best):F3} against the declared {declared}'s {Mean(declared):F3})"));
        }

        return gain > error
            ? (best, Say($"the best on the rolling origins: {Name(metric)} {Mean(best):F3} against the declared {declared}'s {Mean(declared):F3}, ahead by more than one standard error ({error:F3})"))
            : (declared, Say($"the declared model: {best}'s {Name(metric)} on the rolling origins ({Mean(best):F3} against {Mean(declared):F3}) is not ahead by more than one standard error ({error:F3})"));
    }

    /// <summary>
    /// Why an untuned forecaster keeps its declared model, and a word of advice when seasonal naive (which every
    /// forecaster scores) beat it on the rolling origins by more than one standard error of their OWA differences: the
    /// declared model stays (no <c>[Tune]</c>, no choice), but the report says that a baseline did better and that
    /// <c>[Tune]</c> would compare every model (on M4's hourly series the default trees' OWA is 0.866 there against
    /// seasonal naive's 0.659).
    /// </summary>
    public static string Untuned(Trainer declared, IReadOnlyList<MethodScore> validation, IReadOnlyList<Window> origins)
    {
        const string Kept = "the declared model (no [Tune])";
        double Owa(Trainer method) => validation.First(v => v.Method == method).Owa;
        return declared is not (Trainer.SeasonalNaive or Trainer.Naive2)
            && LeadOn(origins, Trainer.SeasonalNaive, declared, nameof(ForecastingMetric.Owa)) is (var gain, var error) && gain > error
            ? Say($"{Kept}; {Trainer.SeasonalNaive} was ahead of it on the rolling origins by more than one standard error (OWA {Owa(Trainer.SeasonalNaive):F3} against {Owa(declared):F3}, error {error:F3}): [Tune] would compare every model")
            : Kept;
    }

    /// <summary>
    /// <paramref name="challenger"/>'s lead over <paramref name="incumbent"/> on the origins by <paramref name="metric"/>
    /// and its standard error (<see cref="Lead"/>); null when there is none: fewer than two origins, or a term the
    /// metric could not score (<see cref="ForecastTraining.Metric"/> gives it the largest double).
    /// </summary>
    private static (double Gain, double Error)? LeadOn(IReadOnlyList<Window> origins, Trainer challenger, Trainer incumbent, string metric)
    {
        var (ofChallenger, ofIncumbent) = (Terms(origins, challenger, metric).ToArray(), Terms(origins, incumbent, metric).ToArray());
        return ofChallenger.Length < 2 || ofChallenger.Concat(ofIncumbent).Any(term => term == double.MaxValue) ? null : Lead(ofChallenger, ofIncumbent);
    }

    /// <summary>
    /// Each origin's share of <paramref name="method"/>'s mean metric: the declared metric of its score there, OWA taken
    /// against Naive2's means over all origins, so that the terms average to the metric itself.
    /// </summary>
    internal static IEnumerable<double> Terms(IReadOnlyList<Window> origins, Trainer method, string metric)
    {
        var (naiveSmape, naiveMase) = (origins.Average(w => w.Smape[Trainer.Naive2]), origins.Average(w => w.Mase[Trainer.Naive2]));
        return origins.Select(w => ForecastTraining.Metric(
            new MethodScore(method, w.Smape[method], w.Mase[method], ForecastAccuracy.Owa(w.Smape[method], w.Mase[method], naiveSmape, naiveMase)), metric));
    }

    /// <summary>
    /// How far <paramref name="challenger"/>'s terms lie below <paramref name="incumbent"/>'s on the same origins (the
    /// mean of their differences, positive when the challenger is better) and the standard error of those differences;
    /// the challenger is clearly ahead when the gain exceeds the error. Needs two origins or more.
    /// </summary>
    internal static (double Gain, double Error) Lead(IReadOnlyList<double> challenger, IReadOnlyList<double> incumbent)
    {
        var differences = challenger.Zip(incumbent, (c, i) => c - i).ToArray();
        var mean = differences.Average();
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (differences.Length - 1);
        return (-mean, Math.Sqrt(variance / differences.Length));
    }

    private static string Name(string metric) => metric switch
    {
        nameof(ForecastingMetric.SymmetricMape) => "sMAPE",
        nameof(ForecastingMetric.Mase) => "MASE",
        _ => "OWA",
    };

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
