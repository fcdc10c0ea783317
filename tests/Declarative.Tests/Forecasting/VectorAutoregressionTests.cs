using Declarative.Forecasting;

namespace Declarative.Tests.Forecasting;

/// <summary>
/// The autoregression with past covariates: a covariate whose past tells the series' next value is read (and the series
/// forecast with it, the covariate forecast alongside), one that does not is left out, and with none read the forecast is
/// the autoregression of the series alone, to the bit.
/// </summary>
public sealed class VectorAutoregressionTests
{
    [Fact]
    public void ALeadingCovariate_IsRead_AndForecastAlongside()
    {
        // x is an autoregression of its own; y follows x one step later. Alone, y's past tells little of its next value;
        // with x's past it is nearly known, and two steps ahead it needs x's own forecast.
        var (y, x) = Leading(400, seed: 3);
        var n = y.Length - 2;
        var (alone, _, none) = Autoregression.Forecast(y[..n], 1, 2);
        var (joint, order, read) = Autoregression.Forecast(y[..n], 1, 2, past: [x[..n]]);
        Assert.Equal(0, none);
        Assert.Equal(1, read);
        Assert.InRange(order, 1, 24);
        Assert.Equal(y[n], joint[0], 0.5); // y(n) = 5 + 2·x(n − 1) + noise of 0.1: x(n − 1) is in the history

        // Over fifty origins: one step ahead nearly known, two steps ahead (x's own forecast read) still closer.
        var errors = new double[2, 2];
        for (var origin = 340; origin < 390; origin++)
        {
            var (a, _, _) = Autoregression.Forecast(y[..origin], 1, 2);
            var (j, _, _) = Autoregression.Forecast(y[..origin], 1, 2, past: [x[..origin]]);
            for (var h = 0; h < 2; h++)
            {
                errors[h, 0] += Math.Abs(y[origin + h] - a[h]);
                errors[h, 1] += Math.Abs(y[origin + h] - j[h]);
            }
        }

        Assert.True(errors[0, 1] < errors[0, 0] / 10, $"one step: joint {errors[0, 1]}, alone {errors[0, 0]}");
        Assert.True(errors[1, 1] < errors[1, 0], $"two steps: joint {errors[1, 1]}, alone {errors[1, 0]}");
    }

    [Fact]
    public void AnUnrelatedCovariate_IsNotRead_AndTheForecastIsTheSeriesAlones()
    {
        var (y, _) = Leading(300, seed: 4);
        var random = new Random(9);
        var noise = Enumerable.Range(0, y.Length).Select(_ => 100 + random.NextDouble()).ToArray();
        var (alone, aloneOrder, _) = Autoregression.Forecast(y, 1, 6);
        var (withNoise, order, read) = Autoregression.Forecast(y, 1, 6, past: [noise]);

        Assert.Equal(0, read);
        Assert.Equal(aloneOrder, order);
        Assert.Equal(alone, withNoise);
    }

    [Fact]
    public void OfSeveralCovariates_OnlyTheLeadingOneIsRead()
    {
        var (y, x) = Leading(400, seed: 5);
        var random = new Random(11);
        var noise = Enumerable.Range(0, y.Length).Select(_ => random.NextDouble() * 50).ToArray();
        var flat = Enumerable.Repeat(7.0, y.Length).ToArray(); // a covariate that never changes: singular, never chosen
        var (_, _, read) = Autoregression.Forecast(y, 1, 4, past: [noise, flat, x]);
        Assert.Equal(1, read);
    }

    [Fact]
    public void OfManyCovariates_TheLeadingOneIsStillFound()
    {
        // More covariates than the choice fits (VectorAutoregression.MaxCandidates): the candidates are those whose last
        // value correlates most with what the series alone leaves, and the leading one, last of twenty, is among them.
        var (y, x) = Leading(400, seed: 7);
        var random = new Random(17);
        double[][] past = [.. Enumerable.Range(0, 19).Select(_ => Enumerable.Range(0, y.Length).Select(_ => random.NextDouble() * 50).ToArray()), x];
        Assert.True(past.Length > VectorAutoregression.MaxCandidates);
        var (forecast, _, read) = Autoregression.Forecast(y[..^1], 1, 1, past: [.. past.Select(p => p[..^1])]);
        Assert.InRange(read, 1, 2);
        Assert.Equal(y[^1], forecast[0], 0.5);
    }

    [Fact]
    public void WithCovariatesKnownAhead_WhatTheirLineLeaves_ReadsThePastOnesToo()
    {
        // y = 3·k(t) (known ahead) + 2·x(t − 1) (past) + noise: the line takes k's share, the leading covariate tells the rest.
        var (lead, x) = Leading(400, seed: 6);
        var random = new Random(13);
        var k = Enumerable.Range(0, lead.Length + 3).Select(t => t % 7 == 0 ? 10.0 : 0).ToArray();
        var y = Enumerable.Range(0, lead.Length).Select(t => 3 * k[t] + lead[t]).ToArray();
        var (forecast, _, read) = Autoregression.Forecast(y[..^1], 1, 3, covariates: [k[..(lead.Length + 2)]], past: [x[..^1]]);
        Assert.Equal(1, read);
        Assert.Equal(y[^1], forecast[0], 0.5);
    }

    /// <summary>x(t) = 0.8·x(t − 1) + e(t), y(t) = 5 + 2·x(t − 1) + 0.1·u(t).</summary>
    private static (double[] Y, double[] X) Leading(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (var t = 1; t < n; t++)
        {
            x[t] = (0.8 * x[t - 1]) + (random.NextDouble() - 0.5) * 4;
            y[t] = 5 + (2 * x[t - 1]) + ((random.NextDouble() - 0.5) * 0.2);
        }

        return (y, x);
    }
}
