using System.Globalization;

namespace Declarative.Forecasting;

/// <summary>
/// The combination's members and how their forecasts are combined: by default the step-by-step median of the three
/// models best on the rolling origins (robust to any one of them going astray; of two, their mean). With weights, a
/// weighted mean, the weights chosen on the origins by greedy selection with replacement (<see cref="Weighed"/>): the
/// backtest's comparison, not the model's, as it lost to the median on sunspots (docs/forecasting-log.md).
/// </summary>
/// <param name="Members">The models combined, in <see cref="ForecastMethods.All"/>'s order; none a combination.</param>
/// <param name="Weights">Each member's share (positive, summing to 1), or null for the median.</param>
internal sealed record ForecastBlend(IReadOnlyList<Trainer> Members, IReadOnlyList<double>? Weights)
{
    /// <summary>Rounds of greedy selection: weights in twentieths (eight models need no finer steps).</summary>
    public const int Picks = 20;

    /// <summary>The combination of the members' <paramref name="forecasts"/> (in <see cref="Members"/>' order), step by step.</summary>
    public MethodForecast Forecast(IReadOnlyList<MethodForecast> forecasts)
    {
        var values = new double[forecasts[0].Values.Length];
        var step = new double[forecasts.Count];
        for (var h = 0; h < values.Length; h++)
        {
            for (var i = 0; i < step.Length; i++)
            {
                step[i] = forecasts[i].Values[h];
            }

            if (Weights is null)
            {
                Array.Sort(step);
                values[h] = step.Length % 2 == 1 ? step[step.Length / 2] : (step[(step.Length / 2) - 1] + step[step.Length / 2]) / 2;
            }
            else
            {
                for (var i = 0; i < step.Length; i++)
                {
                    values[h] += Weights[i] * step[i];
                }
            }
        }

        var members = string.Join("; ", Members.Select((m, i) => $"{Named(i)} ({forecasts[i].Detail})"));
        return new(values, Weights is null ? $"median of {members}" : $"weighted mean of {members}");
    }

    /// <summary>The members (and weights) in words: <c>Theta, GlobalLightGbm, Autoregression</c> or <c>GlobalLightGbm 0.6, Autoregression 0.4</c>.</summary>
    public override string ToString() => string.Join(", ", Members.Select((_, i) => Named(i)));

    private string Named(int i) => Weights is null ? Members[i].ToString() : $"{Members[i]} {Weights[i].ToString("0.##", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Greedy selection with replacement (Caruana et al. 2004) over <paramref name="windows"/> (each holding every
    /// method's forecast, the actual values and the scale): starting empty, each of <see cref="Picks"/> rounds adds the
    /// model whose addition gives the lowest mean <paramref name="metric"/>, and the best round's picks are kept, each
    /// pick one share of the weight. Ties go to the earlier model in <see cref="ForecastMethods.All"/>'s order, so the
    /// same windows always give the same blend. <paramref name="windows"/> must not be empty.
    /// </summary>
    public static ForecastBlend Weighed(IReadOnlyList<Trainer> methods, IReadOnlyList<Window> windows, string metric)
    {
        var candidates = methods.Where(m => m != Trainer.ForecastCombination).OrderBy(ForecastMethods.Rank).ToArray();
        var naiveSmape = windows.Average(w => w.Smape[Trainer.Naive2]);
        var naiveMase = windows.Average(w => w.Mase[Trainer.Naive2]);
        var sums = windows.Select(w => new double[w.Actual.Length]).ToArray();
        var trial = windows.Select(w => new double[w.Actual.Length]).ToArray();
        var counts = new int[candidates.Length];
        var bestCounts = (int[])counts.Clone();
        var bestScore = double.PositiveInfinity;
        for (var pick = 1; pick <= Picks; pick++)
        {
            // A score is never above double.MaxValue (a non-finite one counts as that), so the first candidate is always taken.
            var chosen = 0;
            var chosenScore = double.PositiveInfinity;
            for (var c = 0; c < candidates.Length; c++)
            {
                var (smape, mase) = (0.0, 0.0);
                for (var w = 0; w < windows.Count; w++)
                {
                    var member = windows[w].Forecasts[candidates[c]].Values;
                    for (var h = 0; h < member.Length; h++)
                    {
                        trial[w][h] = (sums[w][h] + member[h]) / pick;
                    }

                    smape += ForecastAccuracy.Smape(windows[w].Actual, trial[w]);
                    mase += ForecastAccuracy.Mase(windows[w].Actual, trial[w], windows[w].Scale);
                }

                var (meanSmape, meanMase) = (smape / windows.Count, mase / windows.Count);
                var score = ForecastTraining.Metric(new(Trainer.ForecastCombination, meanSmape, meanMase, ForecastAccuracy.Owa(meanSmape, meanMase, naiveSmape, naiveMase)), metric);
                if (score < chosenScore)
                {
                    (chosen, chosenScore) = (c, score);
                }
            }

            counts[chosen]++;
            for (var w = 0; w < windows.Count; w++)
            {
                var member = windows[w].Forecasts[candidates[chosen]].Values;
                for (var h = 0; h < member.Length; h++)
                {
                    sums[w][h] += member[h];
                }
            }

            if (chosenScore < bestScore)
            {
                bestScore = chosenScore;
                counts.CopyTo(bestCounts, 0);
            }
        }

        var total = (double)bestCounts.Sum();
        var kept = Enumerable.Range(0, candidates.Length).Where(c => bestCounts[c] > 0).ToArray();
        return new ForecastBlend([.. kept.Select(c => candidates[c])], [.. kept.Select(c => bestCounts[c] / total)]);
    }
}
