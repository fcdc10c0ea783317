using Declarative.Forecasting;

namespace Declarative.Tests.Forecasting;

/// <summary>The models and measures against values computed independently (statsmodels' seasonal_decompose, which is R's decompose, and by hand).</summary>
public sealed class ForecastMethodsTests
{
    // Quarterly, growing, strongly seasonal: 4 years.
    private static readonly double[] Quarterly = [10, 20, 30, 16, 12, 24, 33, 18, 13, 26, 37, 20, 15, 28, 40, 22];

    [Fact]
    public void Naive2_IsTheLastSeasonallyAdjustedValue_WithM4sDecomposition()
    {
        // statsmodels 0.13.5: seasonal_decompose(y, model="multiplicative", period=4).seasonal[:4]
        double[] indices = [0.575675900568, 1.093337845325, 1.527238481721, 0.803747772387];
        var decomposed = Seasonality.Decompose(Quarterly, 4);
        Assert.True(decomposed.Multiplicative);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(indices[i], decomposed.Figure[i], 1e-11);
        }

        // y[15] / s[3] = 22 / 0.8037... = 27.3717..., reseasonalized by s[0], s[1], s[2], s[3], s[0], s[1].
        double[] expected = [15.757268943814614, 29.92659317203298, 41.80322204573565, 22.0, 15.757268943814614, 29.92659317203298];
        var forecast = ForecastMethods.Forecast(Trainer.Naive2, Quarterly, 4, 6).Values;
        Assert.Equal(expected.Length, forecast.Length);
        for (var h = 0; h < expected.Length; h++)
        {
            Assert.Equal(expected[h], forecast[h], 1e-9);
        }
    }

    [Fact]
    public void SeasonalityTest_IsM4s_Acf90PercentRule()
    {
        // acf(4) = 0.69835 against 1.645·√((1 + 2·Σ acf(k)², k < 4) / 16) = 0.56544.
        Assert.Equal(0.6983539094650206, Seasonality.Autocorrelation(Quarterly, 4), 1e-12);
        Assert.True(Seasonality.IsSeasonal(Quarterly, 4));

        // Under three seasons the test is not run: no adjustment.
        Assert.False(Seasonality.IsSeasonal(Quarterly.AsSpan(0, 11), 4));

        // A straight line has no season: Naive2 is the last value.
        var line = Enumerable.Range(0, 20).Select(i => 5.0 + i).ToArray();
        Assert.False(Seasonality.IsSeasonal(line, 4));
        Assert.All(ForecastMethods.Forecast(Trainer.Naive2, line, 4, 3).Values, v => Assert.Equal(24.0, v));
    }

    [Fact]
    public void SeasonalNaive_RepeatsTheLastSeason()
    {
        Assert.Equal([15, 28, 40, 22, 15, 28], ForecastMethods.Forecast(Trainer.SeasonalNaive, Quarterly, 4, 6).Values);
        Assert.Equal([22, 22], ForecastMethods.Forecast(Trainer.SeasonalNaive, Quarterly, 1, 2).Values);
    }

    [Fact]
    public void Measures_AreM4s_ByHand()
    {
        // 200/2 · (10/210 + 20/380)
        Assert.Equal(100 * (10.0 / 210 + 20.0 / 380), ForecastAccuracy.Smape([100, 200], [110, 180]), 1e-12);

        // Scale: the in-sample naive error mean(|2−1|, |4−2|, |7−4|) = 2; MASE = mean(1, 2) / 2.
        var scale = ForecastAccuracy.Scale([1, 2, 4, 7], 1);
        Assert.Equal(2, scale, 1e-12);
        Assert.Equal(0.75, ForecastAccuracy.Mase([9, 10], [8, 12], scale), 1e-12);

        // Seasonal scale at lag 4 on the quarterly series: mean |y(t) − y(t − 4)| over 12 pairs.
        var expected = Enumerable.Range(4, 12).Average(t => Math.Abs(Quarterly[t] - Quarterly[t - 4]));
        Assert.Equal(expected, ForecastAccuracy.Scale(Quarterly, 4), 1e-12);

        // OWA: the mean of the two ratios to Naive2.
        Assert.Equal(0.5 * (8.0 / 10 + 0.9 / 1.2), ForecastAccuracy.Owa(8, 0.9, 10, 1.2), 1e-12);
    }

    [Fact]
    public void ExponentialSmoothing_FollowsATrendAndASeason()
    {
        // A trend plus an additive season of 4, with no noise: the fit must continue both.
        var y = Enumerable.Range(0, 40).Select(t => 100 + 2.0 * t + (t % 4 == 0 ? 10 : t % 4 == 2 ? -10 : 0)).ToArray();
        var fit = ExponentialSmoothing.Fit(y, 4);
        Assert.Equal(EtsTrend.Additive, fit.Trend);
        Assert.Equal(4, fit.Season);
        var forecast = fit.Forecast(8);
        for (var h = 0; h < 8; h++)
        {
            var t = 40 + h;
            Assert.Equal(100 + 2.0 * t + (t % 4 == 0 ? 10 : t % 4 == 2 ? -10 : 0), forecast[h], 0.5);
        }
    }

    [Theory]
    [InlineData((int)EtsTrend.Damped, 12)]
    [InlineData((int)EtsTrend.None, 12)]
    [InlineData((int)EtsTrend.Additive, 1)]
    public void ExponentialSmoothing_InitialStates_AreTheLeastSquaresOnes(int form, int season)
    {
        var trend = (EtsTrend)form;
        // A noisy trend and a season of 12 that drifts, so the rule of thumb (the first seasons' decomposition) is off:
        // under fixed smoothing, the fitted states err less than the rule's, and moving any one of them errs more.
        var random = new Random(7);
        var y = Enumerable.Range(0, 120).Select(t => 50 + 0.3 * t + (8 + 0.05 * t) * Math.Sin(2 * Math.PI * t / 12) + random.NextDouble() * 4).ToArray();
        var p = new EtsParameters(0.3, trend == EtsTrend.None ? 0 : 0.05, season > 1 ? 0.1 : 0, trend switch { EtsTrend.None => 0, EtsTrend.Additive => 1, _ => 0.95 });
        var best = ExponentialSmoothing.BestStates(y, p, trend, ExponentialSmoothing.Initial(y, trend, season))!;
        Assert.Equal(season > 1 ? season : 0, best.Seasons.Length);
        Assert.Equal(0, best.Seasons.Sum(), 1e-9);
        var sse = ExponentialSmoothing.Run(y, p, best, out _);
        Assert.True(sse < ExponentialSmoothing.Run(y, p, ExponentialSmoothing.Initial(y, trend, season), out _));

        // Level, slope (with a trend), and each season index but the last (which is minus the others).
        var moves = new List<Func<double, EtsStart>> { delta => best with { Level = best.Level + delta } };
        if (trend != EtsTrend.None)
        {
            moves.Add(delta => best with { Slope = best.Slope + delta });
        }

        for (var i = 0; i < best.Seasons.Length - 1; i++)
        {
            var index = i;
            moves.Add(delta =>
            {
                var seasons = (double[])best.Seasons.Clone();
                seasons[index] += delta;
                seasons[^1] -= delta;
                return best with { Seasons = seasons };
            });
        }

        for (var j = 0; j < moves.Count; j++)
        {
            foreach (var delta in (double[])[-0.01, 0.01])
            {
                Assert.True(ExponentialSmoothing.Run(y, p, moves[j](delta), out _) > sse, $"state {j} moved by {delta}");
            }
        }
    }

    [Fact]
    public void ExponentialSmoothing_FollowsAMultiplicativeSeason()
    {
        // A trend with a season of 4 whose swing grows with the level (±10 % of it), no noise: an additive season cannot
        // follow it, a multiplicative one continues it.
        var y = Enumerable.Range(0, 60).Select(t => (100 + 3.0 * t) * (t % 4 == 0 ? 1.1 : t % 4 == 2 ? 0.9 : 1)).ToArray();
        var fit = ExponentialSmoothing.Fit(y, 4);
        Assert.Equal(EtsSeason.Multiplicative, fit.Form.Season);
        Assert.Equal(EtsTrend.Additive, fit.Trend);
        var forecast = fit.Forecast(8);
        for (var h = 0; h < 8; h++)
        {
            var t = 60 + h;
            Assert.Equal((100 + 3.0 * t) * (t % 4 == 0 ? 1.1 : t % 4 == 2 ? 0.9 : 1), forecast[h], 1.0);
        }
    }

    [Fact]
    public void ExponentialSmoothing_ErrorsThatGrowWithTheLevel_AreMultiplicative()
    {
        // A level that climbs from 10 to about 1,000 with noise of 5 % of it: the relative errors' likelihood fits far
        // better than one error variance for the whole series. A series that is not positive keeps additive errors.
        var random = new Random(3);
        var y = Enumerable.Range(0, 200).Select(t => 10 * Math.Exp(0.023 * t) * (1 + 0.05 * (random.NextDouble() - 0.5) * 2)).ToArray();
        Assert.Equal(EtsError.Multiplicative, ExponentialSmoothing.Fit(y, 1).Form.Error);
        Assert.Equal(EtsError.Additive, ExponentialSmoothing.Fit([.. y.Select(v => v - 50)], 1).Form.Error);
    }

    [Fact]
    public void ExponentialSmoothing_RelativeLoss_IsTheMultiplicativeLikelihood()
    {
        // By hand on three points, simple smoothing (α = 0.5) from a level of 10: forecasts 10, 11, 10.5 for 12, 10, 11.
        double[] y = [12, 10, 11];
        var p = new EtsParameters(0.5, 0, 0, 0);
        var loss = ExponentialSmoothing.RelativeLoss(y, p, new EtsStart(10, 0, []), out var final);
        double[] forecasts = [10, 11, 10.5];
        var relative = Enumerable.Range(0, 3).Sum(t => Math.Pow((y[t] - forecasts[t]) / forecasts[t], 2));
        Assert.Equal(3 * Math.Log(relative / 3) + 2 * forecasts.Sum(Math.Log), loss, 1e-12);
        Assert.Equal(10.75, final.Level, 1e-12);
    }

    [Theory]
    [InlineData((int)EtsTrend.Additive, true)]
    [InlineData((int)EtsTrend.Damped, true)]
    [InlineData((int)EtsTrend.Additive, false)]
    [InlineData((int)EtsTrend.None, false)]
    public void ExponentialSmoothing_MultiplicativeErrorStates_LowerTheirOwnLikelihood(int form, bool multiplicativeSeason)
    {
        // Errors that scale with a level drifting from 50 to 230: the states with the least squared error (the additive
        // errors' fit) are not those with the least relative error, so Gauss–Newton steps on the relative errors lower
        // the multiplicative errors' likelihood, and the season's indices keep their sum (m) or mean (1).
        var trend = (EtsTrend)form;
        var random = new Random(11);
        var y = Enumerable.Range(0, 180).Select(t => (50 + t) * (1 + 0.2 * Math.Sin(2 * Math.PI * t / 12)) * (1 + 0.08 * (random.NextDouble() - 0.5))).ToArray();
        var p = new EtsParameters(0.3, trend == EtsTrend.None ? 0 : 0.05, 0.1, trend switch { EtsTrend.None => 0, EtsTrend.Additive => 1, _ => 0.9 });
        var squared = ExponentialSmoothing.Initial(y, trend, 12, multiplicativeSeason);
        for (var step = 0; step < 5 && ExponentialSmoothing.BestStates(y, p, trend, squared) is { } next; step++)
        {
            squared = next;
        }

        var before = ExponentialSmoothing.RelativeLoss(y, p, squared, out _);
        var relative = ExponentialSmoothing.RelativeStates(y, p, trend, squared, before);

        Assert.NotNull(relative);
        Assert.True(ExponentialSmoothing.RelativeLoss(y, p, relative, out _) < before);
        Assert.Equal(multiplicativeSeason, relative.MultiplicativeSeason);
        Assert.Equal(multiplicativeSeason ? 1 : 0, relative.Seasons.Average(), 1e-9);
        Assert.Null(ExponentialSmoothing.RelativeStates(y, p, trend, relative, double.NegativeInfinity));
    }

    [Theory]
    [InlineData((int)EtsTrend.Additive)]
    [InlineData((int)EtsTrend.None)]
    public void ExponentialSmoothing_MultiplicativeSeasonStates_AreALeastSquaresMinimum(int form)
    {
        // The same drifting series as above but with a season that multiplies: a Gauss–Newton step errs less than the
        // rule's states, its indices average 1, and a few steps reach states where moving any one of them errs more.
        var trend = (EtsTrend)form;
        var random = new Random(7);
        var y = Enumerable.Range(0, 120).Select(t => (50 + 0.3 * t) * (1 + (0.15 + 0.001 * t) * Math.Sin(2 * Math.PI * t / 12)) + random.NextDouble() * 4).ToArray();
        var p = new EtsParameters(0.3, trend == EtsTrend.None ? 0 : 0.05, 0.1, trend == EtsTrend.None ? 0 : 1);
        var rule = ExponentialSmoothing.Initial(y, trend, 12, multiplicative: true);
        var best = ExponentialSmoothing.BestStates(y, p, trend, rule)!;
        Assert.True(best.MultiplicativeSeason);
        Assert.True(ExponentialSmoothing.Run(y, p, best, out _) < ExponentialSmoothing.Run(y, p, rule, out _));
        for (var step = 0; step < 5 && ExponentialSmoothing.BestStates(y, p, trend, best) is { } next; step++)
        {
            best = next;
        }

        Assert.Equal(1, best.Seasons.Average(), 1e-9);
        var sse = ExponentialSmoothing.Run(y, p, best, out _);
        foreach (var delta in (double[])[-0.01, 0.01])
        {
            Assert.True(ExponentialSmoothing.Run(y, p, best with { Level = best.Level + delta }, out _) > sse);
            for (var i = 0; i < 11; i++)
            {
                var seasons = (double[])best.Seasons.Clone();
                seasons[i] += delta / 100;
                seasons[^1] -= delta / 100;
                Assert.True(ExponentialSmoothing.Run(y, p, best with { Seasons = seasons }, out _) > sse, $"index {i} moved by {delta / 100}");
            }
        }
    }

    [Fact]
    public void Theta_IsHalfTheTrendPlusSmoothedLineTwo()
    {
        // On a straight line, line 2 is the line itself, smoothed to its last value; the forecast is the mean of the
        // line's extrapolation and that value: the trend at half its slope.
        var y = Enumerable.Range(1, 30).Select(t => 3.0 + 2 * t).ToArray();
        var (forecast, _) = ThetaMethod.Forecast(y, 4);
        for (var h = 1; h <= 4; h++)
        {
            Assert.Equal(0.5 * (3 + 2 * (30 + h)) + 0.5 * y[^1], forecast[h - 1], 1e-3);
        }
    }

    [Theory]
    [InlineData(Trainer.SeasonalNaive)]
    [InlineData(Trainer.Naive2)]
    [InlineData(Trainer.ExponentialSmoothing)]
    [InlineData(Trainer.Theta)]
    [InlineData(Trainer.Autoregression)]
    [InlineData(Trainer.Arima)]
    [InlineData(Trainer.OptimizedTheta)]
    public void EveryModel_ForecastsNoValueBelowZero_ForASeriesNeverBelowIt(Trainer model)
    {
        // A falling series of counts is not forecast below none by any model (M4's Theta code floors its own), with or
        // without a covariate whose line is put back over the horizon.
        var falling = Enumerable.Range(0, 20).Select(t => 40.0 - (2 * t) + (t % 3)).ToArray();
        double[][] covariate = [[.. Enumerable.Range(0, 50).Select(t => (double)(t % 2))]];
        Assert.All(ForecastMethods.Forecast(model, falling, 1, 30).Values, v => Assert.True(v >= 0));
        Assert.All(ForecastMethods.Forecast(model, falling, 1, 30, covariates: covariate).Values, v => Assert.True(v >= 0));
        Assert.All(ForecastMethods.Forecast(model, falling, 4, 30).Values, v => Assert.True(v >= 0));
    }

    [Theory]
    [InlineData(Trainer.Theta)]
    [InlineData(Trainer.OptimizedTheta)]
    public void TrendingModels_ReachZero_AndGoBelowIt_OnlyForASeriesThatHas(Trainer model)
    {
        // The floor is what holds the falling counts: unfloored, these models follow the fall below zero. A series
        // that has been below zero can go there again, and keeps its forecast.
        var falling = Enumerable.Range(0, 20).Select(t => 40.0 - (2 * t) + (t % 3)).ToArray();
        Assert.Equal(0, ForecastMethods.Forecast(model, falling, 1, 30).Values[^1]);
        falling[5] = -1;
        Assert.True(ForecastMethods.Forecast(model, falling, 1, 30).Values[^1] < 0);
    }

    [Fact]
    public void Interval_StopsAtZero_ForASeriesNeverBelowIt()
    {
        // Two series of small counts, one of which has been below zero once: the interval of the first keeps to what
        // the series can reach, the second's goes below zero as its errors say.
        var counts = Enumerable.Range(0, 60).Select(t => (double)((t * 7919) % 5)).ToArray();
        var once = (double[])counts.Clone();
        once[10] = -1;
        var series = new[] { ("counts", counts), ("once", once) }.Select(s => new TimeSeries(s.Item1, [.. Enumerable.Range(0, 60).Select(t => (long)t)], s.Item2)).ToList();
        var outcome = ForecastTraining.Train(series, new ForecastSettings(4, 1, 0.8, new TimeStep(1, 0)), [Trainer.Theta], null, dates: false, seed: 1);

        Assert.All(outcome.Forecasts[0].Lower, v => Assert.True(v >= 0));
        Assert.All(outcome.TestWindows[0].Bands!.Value.Lower, v => Assert.True(v >= 0));
        Assert.Contains(outcome.Forecasts[1].Lower, v => v < 0);
        Assert.Contains(outcome.TestWindows[1].Bands!.Value.Lower, v => v < 0);
    }

    [Fact]
    public void Autoregression_RecoversANoiselessProcess()
    {
        // y(t) = 10 + 0.6·y(t − 1) − 0.3·y(t − 2): a damped cycle the least-squares fit must continue exactly.
        var y = new List<double> { 5, 30 };
        for (var t = 2; t < 80; t++)
        {
            y.Add(10 + 0.6 * y[t - 1] - 0.3 * y[t - 2]);
        }

        var (forecast, order, _) = Autoregression.Forecast([.. y], 1, 5);
        Assert.InRange(order, 2, 12);
        var next = new List<double>(y);
        for (var h = 0; h < 5; h++)
        {
            next.Add(10 + 0.6 * next[^1] - 0.3 * next[^2]);
            Assert.Equal(next[^1], forecast[h], 1e-4);
        }
    }

    [Fact]
    public void Autoregression_ChosenOrder_IsItsOwnLeastSquaresFit()
    {
        // Every order's normal equations are read off the largest order's (summed once); the chosen order's forecast
        // must be that of a least-squares fit of that order alone, on the same rows (from the largest order on).
        var random = new Random(5);
        var y = new double[600];
        for (var t = 0; t < y.Length; t++)
        {
            y[t] = 50 + (10 * Math.Sin(2 * Math.PI * t / 24)) + (3 * Math.Sin(2 * Math.PI * t / 7)) + random.NextDouble();
        }

        const int season = 24;
        var (forecast, order, _) = Autoregression.Forecast(y, season, 6);
        Assert.InRange(order, 1, 48);
        var from = Math.Min(Math.Clamp(2 * season, 12, 48), y.Length / 5);
        var d = order + 1;
        var a = new double[d, d];
        var b = new double[d];
        for (var t = from; t < y.Length; t++)
        {
            for (var i = 0; i < d; i++)
            {
                var xi = i == 0 ? 1 : y[t - i];
                b[i] += xi * y[t];
                for (var j = 0; j < d; j++)
                {
                    a[i, j] += xi * (j == 0 ? 1 : y[t - j]);
                }
            }
        }

        var c = GaussianElimination(a, b);
        var path = new List<double>(y);
        for (var h = 0; h < 6; h++)
        {
            var next = c[0];
            for (var k = 1; k < d; k++)
            {
                next += c[k] * path[^k];
            }

            path.Add(next);
            Assert.Equal(next, forecast[h], 1e-6 * Math.Abs(next));
        }
    }

    private static double[] GaussianElimination(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            for (var k = 0; k < n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var r = col + 1; r < n; r++)
            {
                var f = a[r, col] / a[col, col];
                for (var k = col; k < n; k++)
                {
                    a[r, k] -= f * a[col, k];
                }

                b[r] -= f * b[col];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var k = r + 1; k < n; k++)
            {
                sum -= a[r, k] * x[k];
            }

            x[r] = sum / a[r, r];
        }

        return x;
    }

    [Fact]
    public void DotProduct_KeepsItsOrder_WhereAnotherOrderWouldRoundOtherwise()
    {
        // 1e16 + 1 rounds back to 1e16, so only this order gives 0: (1e16 + 1) + (−1e16 + 1). Pairing the sums
        // otherwise, (1e16 − 1e16) + (1 + 1), gives 2; adding the last step (1) after them rather than to the first
        // sum gives 1.
        double[] x = [1e16, 1, -1e16, 1];
        double[] ones = [1, 1, 1, 1, 1];
        Assert.Equal(0, NormalEquations.Dot(x, ones));
        Assert.Equal(0, NormalEquations.Dot([.. x, 1], ones));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 0)]
    [InlineData(7, 1)]
    [InlineData(901, 2)]
    public void DotProduct_AddsInFourRunningSums_ToTheBit(int n, int offset)
    {
        // The order the sums are added in is what makes a fit the same on every machine and under Native AOT: four
        // running sums over the steps t mod 4, the rest added to the first, then (s0 + s1) + (s2 + s3).
        var random = new Random(n);
        var x = Enumerable.Range(0, n + offset).Select(_ => random.NextDouble() - 0.4).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 1e3) - 300).ToArray();
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var t = 0;
        for (; t + 3 < n; t += 4)
        {
            s0 += x[offset + t] * y[t];
            s1 += x[offset + t + 1] * y[t + 1];
            s2 += x[offset + t + 2] * y[t + 2];
            s3 += x[offset + t + 3] * y[t + 3];
        }

        for (; t < n; t++)
        {
            s0 += x[offset + t] * y[t];
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits((s0 + s1) + (s2 + s3)), BitConverter.DoubleToInt64Bits(NormalEquations.Dot(x.AsSpan(offset), y)));
    }

    [Fact]
    public void Autoregression_WithACovariate_RecoversALineWithAutoregressiveErrors()
    {
        // y(t) = 100 + 40·x(t) + u(t), u(t) = 0.6·u(t − 1) − 0.3·u(t − 2) + e(t): x marks every ninth step, e is a fixed
        // pseudo-random shock up to the last value and zero after it, so the forecast is the line plus u's own decay.
        var random = new Random(7);
        const int n = 300;
        const int h = 12;
        var x = Enumerable.Range(0, n + h).Select(t => t % 9 == 4 ? 1.0 : 0.0).ToArray();
        var u = new double[n + h];
        for (var t = 2; t < n + h; t++)
        {
            u[t] = (0.6 * u[t - 1]) - (0.3 * u[t - 2]) + (t < n ? random.NextDouble() - 0.5 : 0);
        }

        var y = Enumerable.Range(0, n).Select(t => 100 + (40 * x[t]) + u[t]).ToArray();
        var (forecast, order, _) = Autoregression.Forecast(y, 1, h, [x]);
        Assert.InRange(order, 1, 12);
        for (var j = 0; j < h; j++)
        {
            Assert.Equal(100 + (40 * x[n + j]) + u[n + j], forecast[j], 0.15);
        }

        // The covariate's weight is in the forecast: a marked step is ~40 above its neighbours, not carried to the next.
        var marked = Enumerable.Range(0, h).First(j => x[n + j] == 1);
        Assert.InRange(forecast[marked] - forecast[marked + 1], 35, 45);

        // Covariates must reach over the horizon.
        Assert.Throws<InvalidOperationException>(() => Autoregression.Forecast(y, 1, h, [x[..(n + 3)]]));
    }

    [Fact]
    public void ExponentialSmoothing_TakesASeasonLongerThan24Out_AndHoldsAShorterOneAsStates()
    {
        // Two weeks of five-minute readings (a daily season of 288) with a day-shaped profile and noise: the season is
        // taken out by classical decomposition and the fit is non-seasonal (R's ets holds at most 24 seasonal states);
        // the same profile at an hourly step (24) is a seasonal form. Both forecast the profile back.
        var random = new Random(5);
        static double Day(double phase) => 100 + (40 * Math.Sin(2 * Math.PI * phase));
        var fiveMinutes = Enumerable.Range(0, 14 * 288).Select(t => Day(t / 288.0) + random.NextDouble()).ToArray();
        var hourly = Enumerable.Range(0, 30 * 24).Select(t => Day(t / 24.0) + random.NextDouble()).ToArray();

        var adjusted = ForecastMethods.Forecast(Trainer.ExponentialSmoothing, fiveMinutes, 288, 36);
        var seasonal = ForecastMethods.Forecast(Trainer.ExponentialSmoothing, hourly, 24, 24);

        Assert.EndsWith("multiplicative season of 288", adjusted.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("gamma", adjusted.Detail, StringComparison.Ordinal);
        Assert.Contains("gamma", seasonal.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("season of", seasonal.Detail, StringComparison.Ordinal);
        for (var j = 0; j < 36; j++)
        {
            Assert.Equal(Day((fiveMinutes.Length + j) / 288.0) + 0.5, adjusted.Values[j], 1.5);
        }

        for (var j = 0; j < 24; j++)
        {
            Assert.Equal(Day((hourly.Length + j) / 24.0) + 0.5, seasonal.Values[j], 1.5);
        }
    }

    [Theory]
    [InlineData(Trainer.ExponentialSmoothing)]
    [InlineData(Trainer.Theta)]
    [InlineData(Trainer.Arima)]
    [InlineData(Trainer.OptimizedTheta)]
    public void SmoothingThetaAndArima_WithACovariate_ForecastWhatItsLineLeaves(Trainer method)
    {
        // A level with a season of 7 and noise, 60 higher on the steps a covariate marks (every eleventh): the model
        // forecasts the series without the marked steps' lift, and the lift comes back where the covariate marks a
        // step of the horizon. Without the covariate the same model cannot know which step that is.
        var random = new Random(3);
        const int n = 280;
        const int h = 14;
        var x = Enumerable.Range(0, n + h).Select(t => t % 11 == 5 ? 1.0 : 0.0).ToArray();
        double Plain(int t) => 200 + (t % 7 == 0 ? -30 : t % 7 == 3 ? 20 : 0);
        var y = Enumerable.Range(0, n).Select(t => Plain(t) + (60 * x[t]) + (random.NextDouble() * 4) - 2).ToArray();

        var forecast = ForecastMethods.Forecast(method, y, 7, h, covariates: [x]);
        Assert.Contains("covariate", forecast.Detail, StringComparison.Ordinal);
        for (var j = 0; j < h; j++)
        {
            Assert.Equal(Plain(n + j) + (60 * x[n + j]), forecast.Values[j], 5.0);
        }

        var blind = ForecastMethods.Forecast(method, y, 7, h).Values;
        var marked = Enumerable.Range(0, h).First(j => x[n + j] == 1);
        Assert.True(Math.Abs(blind[marked] - (Plain(n + marked) + 60)) > 40, $"without the covariate {blind[marked]}");

        // Covariates must reach over the horizon; the naive benchmarks never read them.
        Assert.Throws<InvalidOperationException>(() => ForecastMethods.Forecast(method, y, 7, h, covariates: [x[..(n + 3)]]));
        Assert.True(ForecastMethods.ReadsCovariates(method, null));
        Assert.False(ForecastMethods.ReadsCovariates(Trainer.Naive2, null));
        Assert.False(ForecastMethods.ReadsCovariates(Trainer.ForecastCombination, [Trainer.SeasonalNaive, Trainer.Naive2]));
        Assert.True(ForecastMethods.ReadsCovariates(Trainer.ForecastCombination, [Trainer.SeasonalNaive, method]));
    }

    [Fact]
    public void ConformalQuantiles_TakeTheRankOfTheLevel_AtEachStep()
    {
        // 99 errors per step, 1..99: the 0.8 quantile's rank is ⌈100 · 0.8⌉ = 80. Each step keeps its own (errors of
        // hourly data rise and fall with the hour, so forcing later steps wider over-covers).
        var errors = Enumerable.Range(1, 99).Select(i => new[] { (double)i, i / 2.0 }).ToList();
        var q = ForecastTraining.Quantiles(errors, 2, 0.8);
        Assert.Equal(80, q[0]);
        Assert.Equal(40, q[1]);

        // Few errors: neighbouring steps are pooled until 60 are in (3 origins × 20 steps here: all of them).
        var few = Enumerable.Range(1, 3).Select(o => Enumerable.Range(0, 20).Select(j => (double)(o * 100 + j)).ToArray()).ToList();
        var pooled = ForecastTraining.Quantiles(few, 20, 0.5);
        Assert.All(pooled, v => Assert.Equal(pooled[10], v, 1e-9));
    }

    [Fact]
    public void RollingOrigins_AreOneHorizonApart_AndLeaveHalfTheHistory_ButTheLatestAlwaysCounts()
    {
        // Sunspots: 299 years before the test part, horizon 10: origins from 289 years back to 149 (half of 299), 15 of them.
        Assert.Equal(Enumerable.Range(0, 15).Select(k => 289 - (10 * k)), ForecastTraining.Origins(309, 10, 1, 20));
        // A long series keeps all twenty; the two seasons' floor still holds.
        Assert.Equal(20, ForecastTraining.Origins(10_320, 48, 48, 20).Length);
        Assert.Empty(ForecastTraining.Origins(100, 4, 48, 20));
        // A short series keeps its latest origin even with less than half the history: something to choose and calibrate by.
        Assert.Equal([5], ForecastTraining.Origins(25, 10, 1, 20));
    }

    [Fact]
    public void GlobalTrees_AreFittedForEverySecondOfTwentyOrigins_AndRefitsChangeOnlyTheOrigins()
    {
        // Two seasonal series of 170 integer steps (season 8, horizon 4): 20 rolling origins each, the earliest with 86
        // steps of history (at least half the test part's 166).
        var series = Enumerable.Range(0, 2).Select(s => new TimeSeries(s.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [.. Enumerable.Range(0, 170).Select(t => (long)t)],
            [.. Enumerable.Range(0, 170).Select(t => 50 + (10 * s) + (0.1 * t) + (8 * Math.Sin(2 * Math.PI * t / 8)) + ((t * 7919 % 13) / 4.0))])).ToList();
        // 20 trees, not 200: which origins a fit serves does not depend on how many rounds it boosts.
        var settings = new ForecastSettings(4, 8, 0.8, new TimeStep(1, 0)) { Trees = 20 };
        ForecastOutcome Train(int refit) => ForecastTraining.Train(series, settings with { RefitEvery = refit }, [Trainer.GlobalLightGbm], null, dates: false, seed: 1);

        var byDefault = Train(0);
        Assert.Equal(20, byDefault.Origins);
        var everySecond = Train(20 / ForecastTraining.EarlyFits);
        var once = Train(20);
        var everyOrigin = Train(1);

        // Twenty origins and at most ten fits: the default fits for every second origin, the same interval to the bit.
        Assert.Equal(everySecond.Quantiles, byDefault.Quantiles);
        Assert.Equal(everySecond.Validation[0].Mase, byDefault.Validation[0].Mase);
        // Refitting more or less often moves the origins' errors (and so the interval), never the test part's model or the forecasts.
        Assert.NotEqual(once.Validation[0].Mase, byDefault.Validation[0].Mase);
        Assert.NotEqual(everyOrigin.Validation[0].Mase, byDefault.Validation[0].Mase);
        Assert.Equal(once.Test[0].Mase, byDefault.Test[0].Mase);
        Assert.Equal(once.Forecasts[0].Values, everyOrigin.Forecasts[0].Values);
    }

    [Fact]
    public void GlobalTrees_AreTheSameOnOneThreadAsOnTheDefault_WhichLargerFitsKeep()
    {
        // The two seasonal series above (340 rows of 19 features, under the one-thread bound) and the taxi file's last
        // 3,000 half-hours (about 300,000 feature values, over it): each fitted on one thread and on LightGBM's default.
        var seasonal = Enumerable.Range(0, 2).Select(s => new TimeSeries(s.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [.. Enumerable.Range(0, 170).Select(t => (long)t)],
            [.. Enumerable.Range(0, 170).Select(t => 50 + (10 * s) + (0.1 * t) + (8 * Math.Sin(2 * Math.PI * t / 8)) + ((t * 7919 % 13) / 4.0))])).ToList();
        var taxi = File.ReadLines(Repository.PathOf("datasets", "nab-nyc-taxi", "nyc_taxi.csv")).Skip(1).TakeLast(3_000)
            .Select(line => double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var sets = new[]
        {
            (Series: (IReadOnlyList<TimeSeries>)seasonal, Features: LagFeatures.For(8, new TimeStep(1, 0), dates: false), Small: true),
            ([new TimeSeries("taxi", [.. Enumerable.Range(0, taxi.Length).Select(t => (long)t)], taxi)], LagFeatures.For(48, new TimeStep(1, 0), dates: false), false),
        };

        foreach (var (series, features, small) in sets)
        {
            var lengths = series.Select(s => s.Length).ToArray();
            // A fit's rows: every point after the first of each series (one step ahead).
            Assert.Equal(small, GlobalTrees.OnOneThread(series.Sum(s => s.Length - 1), features.Count));
            var one = GlobalTrees.Fit(series, lengths, features, 4, seed: 1, oneThread: true);
            var many = GlobalTrees.Fit(series, lengths, features, 4, seed: 1, oneThread: false);
            var chosen = GlobalTrees.Fit(series, lengths, features, 4, seed: 1);
            Assert.Equal(200, one.Trees.Count);
            Assert.Equal(Shape(one), Shape(many));
            Assert.Equal(Shape(one), Shape(chosen));
        }

        static IEnumerable<string> Shape(GlobalTrees trees) => trees.Trees.Select(t =>
            string.Join(";", string.Join(",", t.Left), string.Join(",", t.Right), string.Join(",", t.Feature), string.Join(",", t.Threshold.Select(v => BitConverter.SingleToInt32Bits(v))), string.Join(",", t.Leaves.Select(BitConverter.DoubleToInt64Bits))));
    }

    [Fact]
    public void RollingOrigins_ScoredAllAtOnce_GiveWhatOneAfterAnotherGives_ToTheBit()
    {
        // One series (its twenty origins once scored one after another) and two, every model tuned: each window is
        // scored on its own, so the order they run in changes nothing.
        foreach (var count in new[] { 1, 2 })
        {
            var series = Enumerable.Range(0, count).Select(s => new TimeSeries(s.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [.. Enumerable.Range(0, 170).Select(t => (long)t)],
                [.. Enumerable.Range(0, 170).Select(t => 50 + (10 * s) + (0.1 * t) + (8 * Math.Sin(2 * Math.PI * t / 8)) + ((t * 7919 % 13) / 4.0))])).ToList();
            var settings = new ForecastSettings(4, 8, 0.8, new TimeStep(1, 0)) { Trees = 20 }; // the order is what is tested, not the trees
            ForecastOutcome Train(bool serial) => ForecastTraining.Train(series, settings with { SerialOrigins = serial }, [.. ForecastMethods.All], nameof(ForecastingMetric.Owa), dates: false, seed: 1);

            var (serial, parallel) = (Train(serial: true), Train(serial: false));

            Assert.Equal(serial.Method, parallel.Method);
            Assert.Equal(serial.Validation, parallel.Validation);
            Assert.Equal(serial.Test, parallel.Test);
            Assert.Equal(serial.Quantiles, parallel.Quantiles);
            Assert.Equal(serial.Forecasts.SelectMany(f => f.Values.Concat(f.Lower).Concat(f.Upper)), parallel.Forecasts.SelectMany(f => f.Values.Concat(f.Lower).Concat(f.Upper)));
        }
    }

    [Fact]
    public void TheOptimisedTheta_IsComparedOnlyWhenDeclared()
    {
        // [Tune] with one model declared compares every model but the declared-only ones; naming one brings it in, alone
        // or in a list, and a combination then takes members from it too.
        Assert.DoesNotContain(Trainer.OptimizedTheta, ForecastMethods.Candidates([Trainer.GlobalLightGbm], tuned: true));
        Assert.Equal(ForecastMethods.All.Count - 1, ForecastMethods.Candidates([Trainer.GlobalLightGbm], tuned: true).Count);
        Assert.Equal([Trainer.OptimizedTheta, .. ForecastMethods.All.Where(t => t != Trainer.OptimizedTheta)], ForecastMethods.Candidates([Trainer.OptimizedTheta], tuned: true));
        Assert.Equal([Trainer.Theta, Trainer.OptimizedTheta], ForecastMethods.Candidates([Trainer.Theta, Trainer.OptimizedTheta], tuned: true));
        Assert.DoesNotContain(Trainer.OptimizedTheta, ForecastMethods.CombinationPool([Trainer.ForecastCombination]));
        Assert.Equal(ForecastMethods.All, ForecastMethods.CombinationPool([Trainer.ForecastCombination, Trainer.OptimizedTheta]));
    }

    [Fact]
    public void Combination_IsTheStepByStepMedianOfItsMembers_TheBestOnTheOrigins()
    {
        // The two seasonal series of the test above, the combination declared alone: every other model is scored.
        var series = Enumerable.Range(0, 2).Select(s => new TimeSeries(s.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [.. Enumerable.Range(0, 160).Select(t => (long)t)],
            [.. Enumerable.Range(0, 160).Select(t => 50 + (10 * s) + (0.1 * t) + (8 * Math.Sin(2 * Math.PI * t / 8)) + ((t * 7919 % 13) / 4.0))])).ToList();
        var settings = new ForecastSettings(4, 8, 0.8, new TimeStep(1, 0)) { Trees = 20 }; // the median is what is tested, not the trees
        var outcome = ForecastTraining.Train(series, settings, [Trainer.ForecastCombination], null, dates: false, seed: 1);

        Assert.Equal(Trainer.ForecastCombination, outcome.Method);
        var others = outcome.Validation.Where(v => v.Method != Trainer.ForecastCombination).ToList();
        Assert.Equal(ForecastMethods.CombinationPool([Trainer.ForecastCombination]).Count - 1, others.Count);
        Assert.DoesNotContain(others, v => v.Method == Trainer.OptimizedTheta);
        Assert.Null(outcome.Combined!.Weights);
        Assert.Equal(others.OrderBy(v => v.Owa).Take(ForecastTraining.CombinedModels).Select(v => v.Method).Order(), outcome.Combined.Members.Order());
        foreach (var window in outcome.TestWindows)
        {
            var combined = window.Forecasts[Trainer.ForecastCombination].Values;
            for (var h = 0; h < combined.Length; h++)
            {
                var members = outcome.Combined.Members.Select(m => window.Forecasts[m].Values[h]).Order().ToArray();
                Assert.Equal(members[1], combined[h]);
            }
        }

        // Of two members, their mean.
        var two = new ForecastBlend([Trainer.SeasonalNaive, Trainer.Theta], null).Forecast([new([1, 4], "a"), new([3, 2], "b")]);
        Assert.Equal([2.0, 3.0], two.Values);

        // The backtest's weighted combination: the best single model on the origins is its first pick, the weights are
        // twentieths summing to 1, and it forecasts their weighted mean.
        var weighed = ForecastTraining.Train(series, settings with { WeighedCombination = true }, [Trainer.ForecastCombination], null, dates: false, seed: 1);
        var blend = weighed.Combined!;
        Assert.Contains(others.MinBy(v => v.Owa)!.Method, blend.Members);
        var weights = blend.Weights!;
        Assert.Equal(1.0, weights.Sum(), 12);
        Assert.All(weights, w => Assert.Equal(Math.Round(w * ForecastBlend.Picks), w * ForecastBlend.Picks, 9));
        foreach (var window in weighed.TestWindows)
        {
            var combined = window.Forecasts[Trainer.ForecastCombination].Values;
            for (var h = 0; h < combined.Length; h++)
            {
                Assert.Equal(blend.Members.Select((m, i) => weights[i] * window.Forecasts[m].Values[h]).Sum(), combined[h], 9);
            }
        }
    }

    [Fact]
    public void BlendSelection_FindsTheWeightsThatCancelTheMembersErrors_AndNeverWeighsABadModel()
    {
        // Every window's actual value is 10: seasonal naive says 11, Theta 7, Naive2 20. Three parts of the first and
        // one of the second forecast 10 exactly; greedy selection finds that on its fourth pick and keeps it.
        Window Constant(double actual) => new(
            new() { [Trainer.SeasonalNaive] = new([11, 11], "a"), [Trainer.Theta] = new([7, 7], "b"), [Trainer.Naive2] = new([20, 20], "c") },
            new() { [Trainer.Naive2] = ForecastAccuracy.Smape([actual, actual], [20, 20]) },
            new() { [Trainer.Naive2] = ForecastAccuracy.Mase([actual, actual], [20, 20], 1) },
            [], [actual, actual], 1, null);
        var blend = ForecastBlend.Weighed([Trainer.Naive2, Trainer.Theta, Trainer.SeasonalNaive], [Constant(10), Constant(10)], nameof(ForecastingMetric.Owa));

        Assert.Equal([Trainer.SeasonalNaive, Trainer.Theta], blend.Members);
        Assert.Equal([0.75, 0.25], blend.Weights);
        Assert.Equal([10.0, 10.0], blend.Forecast([new([11, 11], "a"), new([7, 7], "b")]).Values);
        Assert.Equal("SeasonalNaive 0.75, Theta 0.25", blend.ToString());
    }
}
