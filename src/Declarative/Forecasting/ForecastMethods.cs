using System.Globalization;

namespace Declarative.Forecasting;

/// <summary>
/// The forecasting models, each a function of one series' past: what it forecasts for the next steps, and what it
/// chose on the way (for the report). Every model but seasonal naive sees the seasonally adjusted series the M4
/// benchmarks use, except exponential smoothing, whose own season competes by AICc.
/// </summary>
internal static class ForecastMethods
{
    private static readonly Trainer[] Ordered = [Trainer.SeasonalNaive, Trainer.Naive2, Trainer.ExponentialSmoothing, Trainer.Theta, Trainer.ForecastCombination, Trainer.GlobalLightGbm, Trainer.Autoregression, Trainer.Arima, Trainer.OptimizedTheta];

    /// <summary>
    /// The models <c>[Tune]</c> compares only when <c>[Trainers]</c> names them. The optimised Theta model is better than
    /// Theta alone on some bundled sets and worse on others, and as one more candidate it was chosen on a few windows
    /// where it did worse (docs/forecasting-log.md, "Optimised Theta"): a close candidate costs more in choices than it adds.
    /// </summary>
    private static readonly Trainer[] DeclaredOnly = [Trainer.OptimizedTheta];

    private static readonly Trainer[] Searched = [.. Ordered.Except(DeclaredOnly)];

    /// <summary>Every forecasting model, in the order a tuned pipeline tries them.</summary>
    public static IReadOnlyList<Trainer> All => Ordered;

    /// <summary>
    /// The models a forecaster compares, its declared model first (the one kept unless another is clearly better): the
    /// declared model alone without <c>[Tune]</c>; with it, the declared models, or, when one is declared, it and every
    /// model but those compared only when declared.
    /// </summary>
    public static IReadOnlyList<Trainer> Candidates(IReadOnlyList<Trainer> declared, bool tuned) =>
        !tuned ? [declared[0]] : declared.Count > 1 ? declared : [declared[0], .. Searched.Where(t => t != declared[0])];

    /// <summary>
    /// The models scored to choose the combination's members from among <paramref name="candidates"/>: every model but
    /// those compared only when declared, and the declared ones.
    /// </summary>
    public static IReadOnlyList<Trainer> CombinationPool(IReadOnlyList<Trainer> candidates) =>
        [.. Ordered.Where(t => !DeclaredOnly.Contains(t) || candidates.Contains(t))];

    /// <summary>
    /// Whether training fits the global trees when it compares <paramref name="candidates"/>: they are compared
    /// themselves, or the combination is, whose members come from every model. (The generator's DCL0045 reads the same
    /// rule off the declaration; a test holds the two together.)
    /// </summary>
    public static bool TrainsTrees(IReadOnlyList<Trainer> candidates) =>
        candidates.Contains(Trainer.GlobalLightGbm) || candidates.Contains(Trainer.ForecastCombination);

    /// <summary>Whether <paramref name="trainer"/> is a forecasting model.</summary>
    public static bool IsForecaster(Trainer trainer) => Rank(trainer) >= 0;

    /// <summary>The place of <paramref name="trainer"/> in <see cref="All"/> (ties between models go to the earlier); −1 for another trainer.</summary>
    public static int Rank(Trainer trainer) => Array.IndexOf(Ordered, trainer);

    /// <summary>
    /// Whether <paramref name="method"/> (a combination of <paramref name="members"/>) reads covariates at the steps it
    /// forecasts, when the series has them: every model but the two naive benchmarks (and a combination of those).
    /// </summary>
    public static bool ReadsCovariates(Trainer method, IReadOnlyList<Trainer>? members) =>
        method == Trainer.ForecastCombination ? members?.Any(m => ReadsCovariates(m, null)) == true : method is not (Trainer.SeasonalNaive or Trainer.Naive2);

    /// <summary>
    /// Whether <paramref name="method"/> (a combination of <paramref name="members"/>) may read past covariates, when the
    /// series has them: the global trees, and the autoregression when they tell it more than the series' own past.
    /// </summary>
    public static bool ReadsPastCovariates(Trainer method, IReadOnlyList<Trainer>? members) =>
        method == Trainer.ForecastCombination ? members?.Any(m => ReadsPastCovariates(m, null)) == true : method is Trainer.GlobalLightGbm or Trainer.Autoregression;

    /// <summary>The next <paramref name="horizon"/> values of <paramref name="y"/> by <paramref name="method"/> (a combination of <paramref name="combined"/>).</summary>
    public static MethodForecast Forecast(Trainer method, double[] y, int season, int horizon, Func<MethodForecast>? global = null, ForecastBlend? combined = null, double[][]? covariates = null, double[][]? past = null) =>
        ForecastEach([method], y, season, horizon, global, combined, covariates, past)[method];

    /// <summary>
    /// The forecasts of several models from one series, each model fitted once: the combination reuses its members'
    /// (<paramref name="combined"/>, chosen on the rolling origins). The result may hold more models than asked for (a
    /// combination's members). A global model's forecast comes from <paramref name="global"/> (it was fitted on every
    /// series, not on this one alone). Every model but the two naive benchmarks reads <paramref name="covariates"/> (each
    /// over the history's steps and on over the horizon's) when there are any, through one <see cref="CovariateLine"/>
    /// fitted for all of them. The autoregression also reads <paramref name="past"/> (the past covariates, each over at
    /// least the history's steps, of which it reads only those) when they tell it more than the series' own past
    /// (<see cref="VectorAutoregression"/>).
    /// </summary>
    public static Dictionary<Trainer, MethodForecast> ForecastEach(IReadOnlyList<Trainer> methods, double[] y, int season, int horizon, Func<MethodForecast>? global = null, ForecastBlend? combined = null, double[][]? covariates = null, double[][]? past = null)
    {
        var done = new Dictionary<Trainer, MethodForecast>();
        var floored = NeverBelowZero(y);
        var line = new Lazy<CovariateLine?>(() => CovariateLine.Fit(y, season, horizon, covariates), LazyThreadSafetyMode.None);
        MethodForecast Get(Trainer method)
        {
            if (!done.TryGetValue(method, out var forecast))
            {
                forecast = method switch
                {
                    Trainer.SeasonalNaive => new(SeasonalNaive(y, season, horizon), season > 1 && y.Length >= season ? $"season {season}" : "last value"),
                    Trainer.Naive2 => Naive2(y, season, horizon),
                    Trainer.ExponentialSmoothing => OnCovariates(y, horizon, line.Value, adjusted => Ets(adjusted, season, horizon)),
                    Trainer.Theta => OnCovariates(y, horizon, line.Value, adjusted => Theta(adjusted, season, horizon)),
                    Trainer.ForecastCombination => combined is { Members.Count: > 0 } ? combined.Forecast([.. combined.Members.Select(Get)]) : throw new InvalidOperationException("The combination's models were not chosen."),
                    Trainer.Autoregression => Ar(y, season, horizon, line.Value, past),
                    Trainer.Arima => OnCovariates(y, horizon, line.Value, adjusted => ArimaForecast(adjusted, season, horizon)),
                    Trainer.OptimizedTheta => OnCovariates(y, horizon, line.Value, adjusted => OptimizedTheta(adjusted, season, horizon)),
                    Trainer.GlobalLightGbm => global?.Invoke() ?? throw new InvalidOperationException("The global model was not fitted."),
                    _ => throw new ArgumentOutOfRangeException(nameof(methods), method, "Not a forecasting model."),
                };
                done[method] = forecast = floored ? NotBelowZero(forecast) : forecast;
            }

            return forecast;
        }

        foreach (var method in methods)
        {
            Get(method);
        }

        return done;
    }

    /// <summary>The value one season before each step (the last value without a season).</summary>
    public static double[] SeasonalNaive(double[] y, int season, int horizon)
    {
        var m = season > 1 && y.Length >= season ? season : 1;
        var forecast = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            forecast[h] = y[y.Length - m + h % m];
        }

        return forecast;
    }

    /// <summary>M4's Naive2: the last seasonally adjusted value, the season put back.</summary>
    private static MethodForecast Naive2(double[] y, int season, int horizon)
    {
        var indices = Seasonality.For(y, season);
        var adjusted = indices.Adjust(y);
        var flat = Enumerable.Repeat(adjusted[^1], horizon).ToArray();
        return new(indices.Restore(flat, y.Length), Adjusted(indices));
    }

    /// <summary>
    /// <paramref name="model"/>'s forecast of what the covariates' <paramref name="line"/> leaves of the series, with the
    /// line put back over the horizon: a regression with that model's errors. Without covariates, the model's forecast of the series.
    /// </summary>
    private static MethodForecast OnCovariates(double[] y, int horizon, CovariateLine? line, Func<double[], MethodForecast> model)
    {
        if (line is null)
        {
            return model(y);
        }

        var n = y.Length;
        var adjusted = new double[n];
        for (var t = 0; t < n; t++)
        {
            adjusted[t] = y[t] - line.At(t);
        }

        var forecast = model(adjusted);
        var values = new double[horizon];
        for (var j = 0; j < horizon; j++)
        {
            values[j] = forecast.Values[j] + line.At(n + j);
        }

        return new(values, string.Create(CultureInfo.InvariantCulture, $"{forecast.Detail}, of what a line in {line.Count} covariate(s) leaves"));
    }

    /// <summary>
    /// The forecast of a series never below zero (<see cref="NeverBelowZero"/>), each negative value zero: for every
    /// model, on the forecast itself (the season and any covariates' line put back). Zero is nearer than a negative value
    /// to every value at or above zero, so the floor lowers no error there. M4's Theta code does the same (its other
    /// benchmarks do not). A series that has been negative keeps its forecast.
    /// </summary>
    private static MethodForecast NotBelowZero(MethodForecast forecast) =>
        forecast with { Values = [.. forecast.Values.Select(v => Math.Max(0, v))] };

    /// <summary>Whether <paramref name="y"/> has values and none below zero: its forecasts and their intervals are floored at zero.</summary>
    internal static bool NeverBelowZero(ReadOnlySpan<double> y)
    {
        foreach (var v in y)
        {
            if (v < 0)
            {
                return false;
            }
        }

        return y.Length > 0;
    }

    private static MethodForecast Ets(double[] y, int season, int horizon)
    {
        // A season longer than ExponentialSmoothing.MaxSeason is taken out first, as Theta and ARIMA take theirs out.
        var indices = season > ExponentialSmoothing.MaxSeason ? Seasonality.For(y, season) : null;
        var fit = ExponentialSmoothing.Fit(indices?.Adjust(y) ?? y, indices is null ? season : 1);
        var p = fit.Parameters;
        var forecast = fit.Forecast(horizon);
        return new(indices?.Restore(forecast, y.Length) ?? forecast, string.Create(CultureInfo.InvariantCulture,
            $"{fit.Form}, alpha {p.Alpha:0.###}{(fit.Trend == EtsTrend.None ? "" : $", beta {p.Beta:0.###}")}{(fit.Season > 1 ? $", gamma {p.Gamma:0.###}" : "")}{(fit.Trend == EtsTrend.Damped ? $", phi {p.Phi:0.###}" : "")}{(indices is null ? "" : $", {Adjusted(indices)}")}"));
    }

    private static MethodForecast Ar(double[] y, int season, int horizon, CovariateLine? line, double[][]? past)
    {
        var (forecast, order, read) = line is null ? Autoregression.Forecast(y, season, horizon, past: past) : Autoregression.Forecast(y, season, horizon, line, past);
        var detail = string.Create(CultureInfo.InvariantCulture, $"order {order}{(read > 0 ? $", with {read} of {past!.Length} past covariate(s)" : "")}");
        return new(forecast, line is null ? detail : string.Create(CultureInfo.InvariantCulture, $"{detail}, errors of a line in {line.Count} covariate(s)"));
    }

    private static MethodForecast ArimaForecast(double[] y, int season, int horizon)
    {
        var indices = Seasonality.For(y, season);
        var fit = Arima.Fit(indices.Adjust(y));
        return new(indices.Restore(fit.Forecast(horizon), y.Length), $"{fit.Form}, {Adjusted(indices)}");
    }

    private static MethodForecast Theta(double[] y, int season, int horizon)
    {
        var indices = Seasonality.For(y, season);
        var (forecast, alpha) = ThetaMethod.Forecast(indices.Adjust(y), horizon);
        return new(indices.Restore(forecast, y.Length), string.Create(CultureInfo.InvariantCulture, $"theta 2, alpha {alpha:0.###}, {Adjusted(indices)}"));
    }

    private static MethodForecast OptimizedTheta(double[] y, int season, int horizon)
    {
        var indices = Seasonality.For(y, season);
        var fit = Forecasting.OptimizedTheta.Fit(indices.Adjust(y));
        return new(indices.Restore(fit.Forecast(horizon), y.Length), string.Create(CultureInfo.InvariantCulture, $"theta {fit.Theta:0.###}, alpha {fit.Alpha:0.###}, {Adjusted(indices)}"));
    }

    private static string Adjusted(SeasonalIndices indices) =>
        indices.Figure.Length == 0 ? "no seasonal adjustment" : string.Create(CultureInfo.InvariantCulture, $"{(indices.Multiplicative ? "multiplicative" : "additive")} season of {indices.Figure.Length}");
}

/// <summary>A model's forecast and what it chose (its form and parameters, in words).</summary>
internal sealed record MethodForecast(double[] Values, string Detail);
