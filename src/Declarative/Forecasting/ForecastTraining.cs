namespace Declarative.Forecasting;

/// <summary>
/// Trains a forecaster the way the M4 competition evaluates one: the last <c>Horizon</c> points of every series are the
/// test part, never seen by training or selection; the models are compared on rolling origins before it (each origin
/// one horizon earlier), where their errors also give the interval (split conformal: a quantile of the scaled absolute
/// errors at each step ahead). The model then forecasts from each whole series.
/// </summary>
internal static class ForecastTraining
{
    /// <summary>The steps ahead whose errors are pooled grow until this many are pooled (a few series, few origins).</summary>
    private const int PooledErrors = 60;

    /// <summary>
    /// The most times the global model is fitted for the rolling origins (20 origins: a fit every second one). Each fit
    /// serves the origins after it, so the fewer fits, the staler the model an origin is scored by and the wider the
    /// interval: over the taxi series' last nineteen windows, one fit covered 88.8 % at 80 %, five 85.1 %, ten 83.0 %,
    /// twenty 81.1 % (docs/forecasting-log.md), each fit about a second there.
    /// </summary>
    internal const int EarlyFits = 10;

    /// <summary>Scores <paramref name="candidates"/> on the rolling origins and the test part, and keeps one.</summary>
    /// <param name="series">Every series, whole (the test part is cut here).</param>
    /// <param name="settings">Horizon, season, interval and the harness's settings.</param>
    /// <param name="candidates">The models compared, the declared one first: without <paramref name="selectBy"/> it is the model; with it, it is kept unless another is clearly better (<see cref="ForecastChoice"/>).</param>
    /// <param name="selectBy">The metric <c>[Tune]</c> chooses by; null without <c>[Tune]</c>.</param>
    /// <param name="dates">Whether the times are dates (calendar features for the global trees).</param>
    /// <param name="seed">The global trees' seed.</param>
    public static ForecastOutcome Train(IReadOnlyList<TimeSeries> series, ForecastSettings settings, IReadOnlyList<Trainer> candidates, string? selectBy, bool dates, int seed)
    {
        var h = settings.Horizon;
        var m = settings.Season;
        // About 40 windows in all (20 for one series, 2 from 20 series on): enough errors to choose and to calibrate by,
        // while a set of many series pays for two origins only. On the taxi series 20 origins instead of 10 took the
        // interval's coverage of the test day from 100 % to 89.6 % (at 80 %) and left the choice as it was.
        var planned = Math.Clamp((int)Math.Ceiling(40.0 / series.Count), 2, 20);
        var cuts = series.Select(s => Origins(s.Length, h, m, planned)).ToArray();
        var origins = cuts.Max(c => c.Length);

        // Naive2 is scored always: OWA is relative to it. The combination takes its members from every other model
        // (those compared only when declared, when they are).
        var combines = candidates.Contains(Trainer.ForecastCombination);
        var scored = (combines ? ForecastMethods.CombinationPool(candidates) : candidates).Append(Trainer.Naive2).Append(Trainer.SeasonalNaive).Distinct().ToArray();
        var bases = scored.Where(method => method != Trainer.ForecastCombination).ToArray();
        var global = ForecastMethods.TrainsTrees(candidates);
        var features = LagFeatures.For(m, settings.Step, dates, settings.DirectTrees, series[0].Covariates.Length, series.Max(s => s.Times[^1] - s.Times[0]), series[0].Past.Length, settings.ConsecutiveLags);

        // A global model is fitted before the origins it scores (every origin lies after what it saw; at most
        // EarlyFits of them), once on the training parts for the test, and once on the whole series for the forecasts.
        (GlobalTrees[] Fits, int Every)? early = global ? FitsForOrigins(series, cuts, settings, features, seed) : null;
        // Every (series, origin) window is scored on its own, so one series' twenty origins use every core too (the trees
        // are fitted already; the statistical models are fitted per window). Each window's result is the same in
        // any order.
        var scoredWindows = cuts.Select(c => new Window[c.Length]).ToArray();
        Window ScoreAt(int s, int k) => Score(bases, series[s], cuts[s][k], settings, early?.Fits[Math.Min(k / early.Value.Every, early.Value.Fits.Length - 1)]);
        if (settings.SerialOrigins)
        {
            Parallel.For(0, series.Count, s =>
            {
                for (var k = 0; k < cuts[s].Length; k++)
                {
                    scoredWindows[s][k] = ScoreAt(s, k);
                }
            });
        }
        else
        {
            var pairs = cuts.SelectMany((c, s) => Enumerable.Range(0, c.Length).Select(k => (Series: s, Origin: k))).ToArray();
            Parallel.For(0, pairs.Length, i => scoredWindows[pairs[i].Series][pairs[i].Origin] = ScoreAt(pairs[i].Series, pairs[i].Origin));
        }

        var windows = scoredWindows.Select(w => w.ToList()).ToArray();

        // The combination's members are the best on the origins; an origin's own combination takes the best on the
        // others, so its score there is not flattered by having chosen its members on it.
        var metric = selectBy ?? nameof(ForecastingMetric.Owa);
        ForecastBlend Blend(IReadOnlyList<Window> on) => settings.WeighedCombination && on.Count > 0 ? ForecastBlend.Weighed(bases, on, metric) : new(Best(bases, on, metric), null);
        var combined = combines ? Blend(windows.SelectMany(w => w).ToList()) : null;
        if (combined is not null)
        {
            for (var k = 0; k < origins; k++)
            {
                var others = windows.SelectMany(w => w.Where((_, i) => i != k)).ToList();
                var chosenOnOthers = others.Count > 0 ? Blend(others) : combined;
                for (var s = 0; s < series.Count; s++)
                {
                    if (k < windows[s].Count)
                    {
                        windows[s][k] = Combined(windows[s][k], chosenOnOthers, series[s], cuts[s][k], settings);
                    }
                }
            }
        }

        var rolling = windows.SelectMany(w => w).ToList();
        var validation = Aggregate(scored, rolling);
        var (chosen, reason) = selectBy is null
            ? (candidates[0], ForecastChoice.Untuned(candidates[0], validation, rolling))
            : ForecastChoice.Choose(candidates, validation, rolling, selectBy);
        var quantiles = Quantiles(rolling.Select(w => w.ScaledErrors[chosen]).ToList(), h, settings.Interval);

        var trained = global ? GlobalTrees.Fit(series, series.Select(s => s.Length - h).ToArray(), features, h, seed, trees: settings.Trees) : null;
        var tests = new Window[series.Count];
        Parallel.For(0, series.Count, s =>
        {
            var one = series[s];
            tests[s] = Score(bases, one, one.Length - h, settings, trained);
            tests[s] = combined is null ? tests[s] : Combined(tests[s], combined, one, one.Length - h, settings);
            var test = tests[s].Forecasts[chosen];
            var past = one.Values.AsSpan(0, one.Length - h);
            tests[s] = tests[s] with { Bands = Bands(test.Values, quantiles, ForecastAccuracy.Scale(past, m), ForecastMethods.NeverBelowZero(past)) };
        });

        var members = chosen == Trainer.ForecastCombination ? combined : null;
        var final = chosen == Trainer.GlobalLightGbm || members?.Members.Contains(Trainer.GlobalLightGbm) == true ? GlobalTrees.Fit(series, series.Select(s => s.Length).ToArray(), features, h, seed, trees: settings.Trees) : null;
        var finals = new SeriesForecast[series.Count];
        Parallel.For(0, series.Count, s => finals[s] = Final(series[s], chosen, settings, quantiles, final, members));

        var test = Aggregate(scored, tests);
        var covered = 0;
        for (var s = 0; s < series.Count; s++)
        {
            var y = series[s].Values;
            var (lower, upper) = tests[s].Bands!.Value;
            for (var j = 0; j < h; j++)
            {
                var actual = y[y.Length - h + j];
                covered += actual >= lower[j] && actual <= upper[j] ? 1 : 0;
            }
        }

        var stepErrors = new double[h];
        for (var j = 0; j < h; j++)
        {
            stepErrors[j] = tests.Average(t => t.ScaledErrors[chosen][j]);
        }

        return new ForecastOutcome(chosen, validation, test, quantiles, (double)covered / (series.Count * h), stepErrors, tests, finals, origins, final) { Combined = members, Choice = reason, RollingWindows = rolling };
    }

    /// <summary>
    /// Where a series of <paramref name="length"/> points is cut for its rolling origins, the latest first: one horizon
    /// apart before the test part, each leaving at least two seasons (and three points). Every origin but the latest
    /// also leaves at least half the history the test part's model sees: an origin scores a model as the test part
    /// will, and a model fitted on a small part of the history errs more than it will there. On sunspots (299 years
    /// before the test part) the origins back to 100 years had widened the interval to 89.5 % at 80 % over the series'
    /// last nineteen windows; from 150 years on it covers 82.6 % (docs/forecasting-log.md).
    /// </summary>
    internal static int[] Origins(int length, int h, int season, int planned)
    {
        var least = Math.Max(2 * season, 3);
        var half = (length - h) / 2;
        return [.. Enumerable.Range(1, planned).Select(k => length - h - (k * h)).Where((o, k) => o >= least && (k == 0 || o >= half))];
    }

    /// <summary>How many models the combination takes the median of.</summary>
    internal const int CombinedModels = 3;

    /// <summary>The <see cref="CombinedModels"/> models with the best mean metric over <paramref name="windows"/> (ties in <see cref="ForecastMethods.All"/>'s order).</summary>
    private static Trainer[] Best(IReadOnlyList<Trainer> methods, IReadOnlyList<Window> windows, string metric) =>
        [.. Aggregate(methods, windows).OrderBy(score => Metric(score, metric)).ThenBy(score => ForecastMethods.Rank(score.Method)).Take(CombinedModels).Select(score => score.Method).OrderBy(ForecastMethods.Rank)];

    /// <summary>
    /// The global models the rolling origins are scored by, the latest origins first: one per <c>Every</c> origins, each
    /// fitted up to the earliest origin it serves. <see cref="ForecastSettings.RefitEvery"/> sets <c>Every</c> (the
    /// backtest compares); by default it is the smallest that keeps to <see cref="EarlyFits"/> fits.
    /// </summary>
    private static (GlobalTrees[] Fits, int Every) FitsForOrigins(IReadOnlyList<TimeSeries> series, int[][] cuts, ForecastSettings settings, LagFeatures features, int seed)
    {
        var h = settings.Horizon;
        var origins = Math.Max(cuts.Max(c => c.Length), 1);
        var every = settings.RefitEvery > 0 ? settings.RefitEvery : (origins + EarlyFits - 1) / EarlyFits;
        var groups = (origins + every - 1) / every;
        GlobalTrees[] fits = [.. Enumerable.Range(0, groups).Select(g => GlobalTrees.Fit(series,
            cuts.Select((c, s) => c.Length == 0 ? series[s].Length - h : c[Math.Min(((g + 1) * every) - 1, c.Length - 1)]).ToArray(), features, h, seed, trees: settings.Trees))];
        return (fits, every);
    }

    /// <summary>The model's forecast from a whole series, with its interval (what <c>Forecast</c> returns).</summary>
    public static SeriesForecast Final(TimeSeries series, Trainer method, ForecastSettings settings, double[] quantiles, GlobalTrees? global, ForecastBlend? combined = null)
    {
        if (!KnowsCovariates(series, series.Length, settings.Horizon, method, combined, global))
        {
            // The model reads covariates the data does not give past the last value: no forecast to keep for this series.
            return new SeriesForecast(series.Id, [], [], [], [], "no covariates after the last value");
        }

        var forecast = ForecastMethods.Forecast(method, series.Values, settings.Season, settings.Horizon, Global(global, series, series.Length, settings), combined, series.Covariates, series.Past);
        var (lower, upper) = Bands(forecast.Values, quantiles, ForecastAccuracy.Scale(series.Values, settings.Season), ForecastMethods.NeverBelowZero(series.Values));
        var times = new long[settings.Horizon];
        for (var j = 0; j < times.Length; j++)
        {
            times[j] = settings.Step.After(series.Times[^1], j + 1);
        }

        return new SeriesForecast(series.Id, times, forecast.Values, lower, upper, forecast.Detail);
    }

    /// <summary>
    /// Whether <paramref name="series"/> gives the covariates <paramref name="method"/> (a combination of
    /// <paramref name="combined"/>) reads for the <paramref name="horizon"/> steps after its first <paramref name="length"/> points.
    /// </summary>
    public static bool KnowsCovariates(TimeSeries series, int length, int horizon, Trainer method, ForecastBlend? combined, GlobalTrees? global) =>
        global?.KnowsCovariates(series, length, horizon) != false
        && (!ForecastMethods.ReadsCovariates(method, combined?.Members) || series.Covariates.All(c => c.Length >= length + horizon));

    private static Func<MethodForecast>? Global(GlobalTrees? global, TimeSeries series, int length, ForecastSettings settings) =>
        global is null ? null : () => new MethodForecast(global.Forecast(series, length, settings.Horizon, settings.Step), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{global.Trees.Count} trees over {(global.Features.Near > 0 ? $"{global.Features.LagCount} of the last {global.Features.Lags}" : global.Features.Lags)} lags, {(global.Features.Direct ? "direct" : "recursive")}"));

    /// <summary>Every model's forecast from the first <paramref name="origin"/> points, against the next horizon.</summary>
    private static Window Score(IReadOnlyList<Trainer> methods, TimeSeries series, int origin, ForecastSettings settings, GlobalTrees? global)
    {
        var (h, m) = (settings.Horizon, settings.Season);
        var history = series.Values[..origin];
        // The past covariates whole: a model reads them only over the history's steps (PastCovariateTests holds it).
        return Measured(ForecastMethods.ForecastEach(methods, history, m, h, Global(global, series, origin, settings), covariates: series.Covariates, past: series.Past), series, origin, settings);
    }

    /// <summary>The window with the combination <paramref name="blend"/> added, from its members' forecasts there.</summary>
    private static Window Combined(Window window, ForecastBlend blend, TimeSeries series, int origin, ForecastSettings settings) =>
        Measured(new(window.Forecasts) { [Trainer.ForecastCombination] = blend.Forecast([.. blend.Members.Select(member => window.Forecasts[member])]) }, series, origin, settings);

    /// <summary>Each forecast's errors against the horizon after <paramref name="origin"/>.</summary>
    private static Window Measured(Dictionary<Trainer, MethodForecast> forecasts, TimeSeries series, int origin, ForecastSettings settings)
    {
        var (h, m) = (settings.Horizon, settings.Season);
        var actual = series.Values.AsSpan(origin, h);
        var scale = ForecastAccuracy.Scale(series.Values.AsSpan(0, origin), m);
        var smape = new Dictionary<Trainer, double>();
        var mase = new Dictionary<Trainer, double>();
        var scaled = new Dictionary<Trainer, double[]>();
        foreach (var (method, forecast) in forecasts)
        {
            smape[method] = ForecastAccuracy.Smape(actual, forecast.Values);
            mase[method] = ForecastAccuracy.Mase(actual, forecast.Values, scale);
            var errors = new double[h];
            for (var j = 0; j < h; j++)
            {
                errors[j] = Math.Abs(actual[j] - forecast.Values[j]) / scale;
            }

            scaled[method] = errors;
        }

        return new Window(forecasts, smape, mase, scaled, actual.ToArray(), scale, null);
    }

    private static List<MethodScore> Aggregate(IReadOnlyList<Trainer> methods, IReadOnlyList<Window> windows)
    {
        if (windows.Count == 0)
        {
            return methods.Select(m => new MethodScore(m, double.NaN, double.NaN, double.NaN)).ToList();
        }

        var naiveSmape = windows.Average(w => w.Smape[Trainer.Naive2]);
        var naiveMase = windows.Average(w => w.Mase[Trainer.Naive2]);
        return methods.Select(method =>
        {
            var smape = windows.Average(w => w.Smape[method]);
            var mase = windows.Average(w => w.Mase[method]);
            return new MethodScore(method, smape, mase, ForecastAccuracy.Owa(smape, mase, naiveSmape, naiveMase));
        }).ToList();
    }

    /// <summary>The declared metric of <paramref name="score"/> (OWA by default); a non-finite value counts as the largest.</summary>
    internal static double Metric(MethodScore score, string metric) => metric switch
    {
        nameof(ForecastingMetric.SymmetricMape) => score.SymmetricMape,
        nameof(ForecastingMetric.Mase) => score.Mase,
        _ => score.Owa,
    } is var value && double.IsFinite(value) ? value : double.MaxValue;

    /// <summary>
    /// Per step ahead, the <paramref name="level"/> quantile of the scaled absolute errors (the conformal rank
    /// ⌈(n + 1)·level⌉), pooling neighbouring steps until enough errors are in. Each step keeps its own: forcing later
    /// steps at least as wide as earlier ones over-covered hourly series, whose errors rise and fall with the hour
    /// (87 % at 80 % over 400 M4 Hourly series, 82 % without).
    /// </summary>
    internal static double[] Quantiles(IReadOnlyList<double[]> errors, int h, double level)
    {
        var quantiles = new double[h];
        if (errors.Count == 0)
        {
            return quantiles;
        }

        for (var j = 0; j < h; j++)
        {
            var pooled = new List<double>();
            for (var width = 0; width < h && (pooled.Count < PooledErrors || width == 0); width++)
            {
                pooled.Clear();
                for (var i = Math.Max(0, j - width); i <= Math.Min(h - 1, j + width); i++)
                {
                    pooled.AddRange(errors.Select(e => e[i]));
                }
            }

            pooled.Sort();
            var rank = Math.Min(pooled.Count, (int)Math.Ceiling((pooled.Count + 1) * level));
            quantiles[j] = pooled[Math.Max(rank - 1, 0)];
        }

        return quantiles;
    }

    /// <summary>
    /// The interval around <paramref name="forecast"/>: each step's quantile of the scaled errors either side. For a series
    /// never below zero (<paramref name="notBelowZero"/>) the lower bound stops at zero, as the forecast does: every value
    /// such a series can take that the interval covered, it still covers.
    /// </summary>
    private static (double[] Lower, double[] Upper) Bands(double[] forecast, double[] quantiles, double scale, bool notBelowZero)
    {
        var lower = new double[forecast.Length];
        var upper = new double[forecast.Length];
        for (var j = 0; j < forecast.Length; j++)
        {
            var below = forecast[j] - quantiles[j] * scale;
            lower[j] = notBelowZero ? Math.Max(0, below) : below;
            upper[j] = forecast[j] + quantiles[j] * scale;
        }

        return (lower, upper);
    }
}

/// <summary>What a forecaster is set to: the steps it forecasts, the season its models use, the interval's coverage and
/// the series' time step; <see cref="DirectTrees"/> (declared, or the harness's comparison) makes the global trees direct,
/// <see cref="RefitEvery"/> (the backtest's) fits them for every that many rolling origins instead of the default's
/// (at most <see cref="ForecastTraining.EarlyFits"/> fits), and <see cref="WeighedCombination"/> (the backtest's) makes
/// the combination a weighted mean chosen by greedy selection instead of the median of the best three.</summary>
internal sealed record ForecastSettings(int Horizon, int Season, double Interval, TimeStep Step, bool DirectTrees = false, int RefitEvery = 0, bool WeighedCombination = false)
{
    /// <summary>Each series' origins scored one after another (the series in parallel): the harness's baseline for scoring every window in parallel.</summary>
    public bool SerialOrigins { get; init; }

    /// <summary>Every lag of a long season read one by one, as before sparse lags: the harness's baseline for them.</summary>
    public bool ConsecutiveLags { get; init; }

    /// <summary>The global trees' boosting rounds: fewer only in tests of what does not depend on them (which origins a
    /// fit serves, the order windows are scored in), so they fit in a fraction of the time.</summary>
    public int Trees { get; init; } = GlobalTrees.Iterations;

    /// <summary>The declared options on series of <paramref name="step"/>: the declared season, or the step's own when it is 0.</summary>
    public static ForecastSettings For(Schema.ForecastingOptions options, TimeStep step) =>
        new(options.Horizon, options.Season > 0 ? options.Season : step.DefaultSeason(), options.Interval, step, options.DirectTrees);
}

/// <summary>
/// Every model's forecast of one window, its errors, the values it forecast and its MASE scale (the combination's
/// weights are chosen on them), and (for the test window) the chosen model's interval.
/// </summary>
internal sealed record Window(
    Dictionary<Trainer, MethodForecast> Forecasts, Dictionary<Trainer, double> Smape, Dictionary<Trainer, double> Mase, Dictionary<Trainer, double[]> ScaledErrors,
    double[] Actual, double Scale, (double[] Lower, double[] Upper)? Bands);

/// <summary>A model's mean sMAPE and MASE over windows, and its OWA against Naive2 on the same windows.</summary>
internal sealed record MethodScore(Trainer Method, double SymmetricMape, double Mase, double Owa);

/// <summary>A series' forecast: its times, values and interval, and what the model chose for it.</summary>
internal sealed record SeriesForecast(string Id, long[] Times, double[] Values, double[] Lower, double[] Upper, string Detail);

/// <summary>What training found: the chosen model, the scores on rolling origins and on the test part, the interval's quantiles and the forecasts.</summary>
internal sealed record ForecastOutcome(
    Trainer Method, IReadOnlyList<MethodScore> Validation, IReadOnlyList<MethodScore> Test, double[] Quantiles, double Coverage, double[] StepErrors,
    IReadOnlyList<Window> TestWindows, IReadOnlyList<SeriesForecast> Forecasts, int Origins, GlobalTrees? Global)
{
    /// <summary>The chosen combination's members and weights; null when another model was chosen.</summary>
    public ForecastBlend? Combined { get; init; }

    /// <summary>Why the model was chosen, in words (the report says it).</summary>
    public string Choice { get; init; } = "";

    /// <summary>Every series' rolling-origin windows, scored by every model (the harness pairs two trainings' origins).</summary>
    public IReadOnlyList<Window> RollingWindows { get; init; } = [];
}
