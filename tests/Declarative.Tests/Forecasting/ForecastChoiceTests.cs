using Declarative.Forecasting;

namespace Declarative.Tests.Forecasting;

/// <summary>The one-standard-error rule a tuned forecaster keeps its model by, on hand-made origins.</summary>
public sealed class ForecastChoiceTests
{
    private static readonly Trainer[] Candidates = [Trainer.GlobalLightGbm, Trainer.ExponentialSmoothing, Trainer.Theta];

    /// <summary>Origins where Naive2 scores 10 / 1, the trees <paramref name="trees"/>, ETS <paramref name="ets"/> and Theta 9 / 0.9 (sMAPE / MASE).</summary>
    private static List<Window> Origins(double[] trees, double[] ets) =>
        [.. trees.Zip(ets, (t, e) => new Window([],
            new() { [Trainer.Naive2] = 10, [Trainer.GlobalLightGbm] = t, [Trainer.ExponentialSmoothing] = e, [Trainer.Theta] = 9 },
            new() { [Trainer.Naive2] = 1, [Trainer.GlobalLightGbm] = t / 10, [Trainer.ExponentialSmoothing] = e / 10, [Trainer.Theta] = 0.9 },
            [], [], 1, null))];

    private static List<MethodScore> Means(List<Window> origins) =>
        [.. Candidates.Append(Trainer.Naive2).Select(m =>
        {
            var (smape, mase) = (origins.Average(w => w.Smape[m]), origins.Average(w => w.Mase[m]));
            return new MethodScore(m, smape, mase, ForecastAccuracy.Owa(smape, mase, 10, 1));
        })];

    [Fact]
    public void TheDeclaredModel_IsKept_WhenTheBestIsAheadByLessThanOneStandardError()
    {
        // ETS is ahead on average (OWA 0.75 against 0.775) but wins by 0.3 and loses by 0.25 in turn: its lead of 0.025
        // is under one standard error of the twenty differences (about 0.28 / √20 ≈ 0.063).
        var trees = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 6.5 : 9.0).ToArray();
        var ets = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 9.0 : 6.0).ToArray();
        var origins = Origins(trees, ets);
        var means = Means(origins);
        Assert.True(means.First(m => m.Method == Trainer.ExponentialSmoothing).Owa < means.First(m => m.Method == Trainer.GlobalLightGbm).Owa);

        var (method, reason) = ForecastChoice.Choose(Candidates, means, origins, nameof(ForecastingMetric.Owa));
        Assert.Equal(Trainer.GlobalLightGbm, method);
        Assert.Equal("the declared model: ExponentialSmoothing's OWA on the rolling origins (0.750 against 0.775) is not ahead by more than one standard error (0.063)", reason);
    }

    [Fact]
    public void AnotherModel_IsChosen_WhenItIsAheadByMoreThanOneStandardError()
    {
        // The same means, but ETS is ahead on every origin by about the same margin.
        var trees = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 7.5 : 8.0).ToArray();
        var ets = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 7.3 : 7.7).ToArray();
        var origins = Origins(trees, ets);

        var (method, reason) = ForecastChoice.Choose(Candidates, Means(origins), origins, nameof(ForecastingMetric.Owa));
        Assert.Equal(Trainer.ExponentialSmoothing, method);
        Assert.StartsWith("the best on the rolling origins: OWA 0.750 against the declared GlobalLightGbm's 0.775, ahead by more than one standard error", reason, StringComparison.Ordinal);

        // By sMAPE the same: the rule reads the declared metric's terms.
        Assert.Equal(Trainer.ExponentialSmoothing, ForecastChoice.Choose(Candidates, Means(origins), origins, nameof(ForecastingMetric.SymmetricMape)).Method);
    }

    [Fact]
    public void WithOneOrigin_TheLowestMeanWins_AndTheDeclaredModelWhenItIsBest()
    {
        var one = Origins([8.0], [7.0]);
        Assert.Equal(Trainer.ExponentialSmoothing, ForecastChoice.Choose(Candidates, Means(one), one, nameof(ForecastingMetric.Owa)).Method);

        var better = Origins([6.0, 6.5], [7.0, 7.5]);
        var (method, reason) = ForecastChoice.Choose(Candidates, Means(better), better, nameof(ForecastingMetric.Owa));
        Assert.Equal(Trainer.GlobalLightGbm, method);
        Assert.StartsWith("the declared model, the best on the rolling origins", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnFewerThanTenWindows_TheLowestMeanWins_ForTheirErrorIsTooUncertainToLeanOn()
    {
        // ETS wins by 3 and loses by 2 in turn: on ten windows (OWA 0.725 against 0.775) its lead is within one
        // standard error (about 0.083), so the declared trees are kept. On nine and on three windows its lead is within
        // one standard error too, and the rule would keep them again; but an error estimated from so few differences
        // is itself too uncertain to lean on: the lowest mean wins.
        double[] Trees(int n) => [.. Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 9.5 : 6.0)];
        double[] Ets(int n) => [.. Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 6.5 : 8.0)];
        var ten = Origins(Trees(10), Ets(10));
        var (kept, why) = ForecastChoice.Choose(Candidates, Means(ten), ten, nameof(ForecastingMetric.Owa));
        Assert.Equal(Trainer.GlobalLightGbm, kept);
        Assert.StartsWith("the declared model: ExponentialSmoothing's OWA", why, StringComparison.Ordinal);

        foreach (var count in new[] { 9, 3 })
        {
            var few = Origins(Trees(count), Ets(count));
            var means = Means(few);
            var (gain, error) = ForecastChoice.Lead([.. ForecastChoice.Terms(few, Trainer.ExponentialSmoothing, nameof(ForecastingMetric.Owa))], [.. ForecastChoice.Terms(few, Trainer.GlobalLightGbm, nameof(ForecastingMetric.Owa))]);
            Assert.True(gain > 0 && gain < error, $"{count} windows: lead {gain} against a standard error of {error}");
            var (method, reason) = ForecastChoice.Choose(Candidates, means, few, nameof(ForecastingMetric.Owa));
            Assert.Equal(Trainer.ExponentialSmoothing, method);
            Assert.EndsWith($"; {count} windows are too few to lean towards the declared model)", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheOriginsTerms_AverageToTheMetric()
    {
        var random = new Random(7);
        var origins = Origins([.. Enumerable.Range(0, 15).Select(_ => 5 + (5 * random.NextDouble()))], [.. Enumerable.Range(0, 15).Select(_ => 5 + (5 * random.NextDouble()))]);
        var means = Means(origins);
        foreach (var method in Candidates)
        {
            var mean = means.First(m => m.Method == method);
            Assert.Equal(mean.Owa, ForecastChoice.Terms(origins, method, nameof(ForecastingMetric.Owa)).Average(), 12);
            Assert.Equal(mean.SymmetricMape, ForecastChoice.Terms(origins, method, nameof(ForecastingMetric.SymmetricMape)).Average(), 12);
            Assert.Equal(mean.Mase, ForecastChoice.Terms(origins, method, nameof(ForecastingMetric.Mase)).Average(), 12);
        }
    }

    /// <summary>Origins where Naive2 scores 10 / 1 and the trees and seasonal naive the sMAPE given (MASE a tenth of it).</summary>
    private static List<Window> Untuned(double[] trees, double[] naive) =>
        [.. trees.Zip(naive, (t, n) => new Window([],
            new() { [Trainer.Naive2] = 10, [Trainer.GlobalLightGbm] = t, [Trainer.SeasonalNaive] = n },
            new() { [Trainer.Naive2] = 1, [Trainer.GlobalLightGbm] = t / 10, [Trainer.SeasonalNaive] = n / 10 },
            [], [], 1, null))];

    private static List<MethodScore> UntunedMeans(List<Window> origins) =>
        [.. new[] { Trainer.GlobalLightGbm, Trainer.SeasonalNaive, Trainer.Naive2 }.Select(m =>
        {
            var (smape, mase) = (origins.Average(w => w.Smape[m]), origins.Average(w => w.Mase[m]));
            return new MethodScore(m, smape, mase, ForecastAccuracy.Owa(smape, mase, 10, 1));
        })];

    [Fact]
    public void Untuned_KeepsTheDeclaredModel_AndSaysWhenSeasonalNaiveWasClearlyAhead()
    {
        // Seasonal naive ahead on every origin (OWA 0.65 against 0.85): the trees stay, and the reason says so.
        var origins = Untuned([.. Enumerable.Repeat(8.5, 10)], [.. Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? 6.4 : 6.6)]);
        Assert.Equal(
            "the declared model (no [Tune]); SeasonalNaive was ahead of it on the rolling origins by more than one standard error (OWA 0.650 against 0.850, error 0.003): [Tune] would compare every model",
            ForecastChoice.Untuned(Trainer.GlobalLightGbm, UntunedMeans(origins), origins));

        // Ahead on average but not by one standard error (it wins by 4 and loses by 3 in turn): no advice.
        var close = Untuned([.. Enumerable.Repeat(8.0, 10)], [.. Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? 4.0 : 11.0)]);
        Assert.Equal("the declared model (no [Tune])", ForecastChoice.Untuned(Trainer.GlobalLightGbm, UntunedMeans(close), close));

        // Behind it, declared itself, or a single origin (no standard error): no advice.
        var behind = Untuned([.. Enumerable.Repeat(6.0, 10)], [.. Enumerable.Repeat(8.0, 10)]);
        Assert.Equal("the declared model (no [Tune])", ForecastChoice.Untuned(Trainer.GlobalLightGbm, UntunedMeans(behind), behind));
        Assert.Equal("the declared model (no [Tune])", ForecastChoice.Untuned(Trainer.SeasonalNaive, UntunedMeans(origins), origins));
        Assert.Equal("the declared model (no [Tune])", ForecastChoice.Untuned(Trainer.GlobalLightGbm, UntunedMeans(origins[..1]), origins[..1]));
    }
}
