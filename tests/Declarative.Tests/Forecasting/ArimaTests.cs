using Declarative.Forecasting;

namespace Declarative.Tests.Forecasting;

/// <summary>ARIMA against processes of known coefficients, and on sunspots as statsmodels chose.</summary>
public sealed class ArimaTests
{
    [Fact]
    public void PartialAutocorrelations_MapToStationaryCoefficients()
    {
        // Durbin–Levinson: φ(1) = r1·(1 − r2), φ(2) = r2 for an AR(2); an MA's are the negatives of that map.
        var ar = new double[2];
        var ma = new double[1];
        Arima.Unpack([Math.Atanh(0.5), Math.Atanh(-0.4), Math.Atanh(0.3)], ar, ma);
        Assert.Equal(0.5 * 1.4, ar[0], 1e-12);
        Assert.Equal(-0.4, ar[1], 1e-12);
        Assert.Equal(-0.3, ma[0], 1e-12);

        // However far the search goes (tanh(40) is 1 in doubles), the AR(2) stays inside the stationary triangle and
        // the MA(1) invertible.
        Arima.Unpack([40, 40, -40], ar, ma);
        Assert.True(ar[1] < 1 && ar[0] + ar[1] < 1 && ar[1] - ar[0] < 1 && Math.Abs(ma[0]) < 1, string.Join(", ", ar.Concat(ma)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(0, 1)]
    [InlineData(0, 2)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void OneStepErrors_AreThePlainRecursions_ToTheBit(int p, int q)
    {
        // The sum of squares is unrolled for speed; its errors must be the textbook recursion's, term by term in the
        // same order (lags 1 to p of the series, then 1 to q of the errors), so every fit is what the plain loops give.
        var y = SunspotValues.All;
        var fit = Arima.Fit(y, p, q, y.Average(), hasConstant: true)!;
        var z = y.Select(v => v - fit.Constant).ToArray();
        var errors = new double[z.Length];
        for (var t = Arima.MaxP; t < z.Length; t++)
        {
            var e = z[t];
            for (var i = 0; i < p; i++)
            {
                e -= fit.Ar[i] * z[t - 1 - i];
            }

            for (var j = 0; j < q; j++)
            {
                e -= fit.Ma[j] * errors[t - 1 - j];
            }

            errors[t] = e;
        }

        Assert.Equal(errors.Select(BitConverter.DoubleToInt64Bits), fit.Errors.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void ConditionalLeastSquares_RecoversAnArmaProcess()
    {
        // z(t) = 0.7·z(t − 1) + e(t) + 0.4·e(t − 1), 4,000 steps of uniform noise around 50.
        var (z, _) = Simulate(4_000, seed: 11, (z, e, t) => (0.7 * z[t - 1]) + e[t] + (0.4 * e[t - 1]));
        var y = z.Select(v => v + 50).ToArray();
        var fit = Arima.Fit(y, 1, 1, y.Average(), hasConstant: true)!;
        Assert.Equal(0.7, fit.Ar[0], 0.03);
        Assert.Equal(0.4, fit.Ma[0], 0.03);

        // Chosen by AICc: no differencing, the mean, and a moving average (an AR(3) alone fits it worse).
        var chosen = Arima.Fit(y);
        Assert.Equal(0, chosen.D);
        Assert.True(chosen.HasConstant);
        Assert.NotEmpty(chosen.Ma);
        Assert.StartsWith("ARIMA(", chosen.Form, StringComparison.Ordinal);
        Assert.EndsWith(",0," + chosen.Ma.Length + ") with a mean", chosen.Form, StringComparison.Ordinal);

        // The forecast decays towards the mean: e(n) is known, later errors are not.
        var forecast = chosen.Forecast(40);
        Assert.Equal(50, forecast[^1], 0.5);
    }

    [Fact]
    public void RandomWalks_AreMostlyDifferenced_AndForecastFromTheirLastValue()
    {
        // y(t) = y(t − 1) + u(t) + 0.5·u(t − 1): ARIMA(0,1,1), whose forecast is flat at y(n) + 0.5·u(n). AICc compares
        // d = 0 and d = 1 on the same steps, and like any likelihood criterion it keeps d = 0 on a walk that happens to
        // look mean-reverting (6 of these 10 are differenced; docs/forecasting-log.md): then with autoregressive weights
        // summing to nearly 1, so the next steps are forecast nearly as the walk's are.
        var differenced = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            var (steps, noise) = Simulate(2_000, seed, (_, e, t) => e[t] + (0.5 * e[t - 1]));
            var y = new double[steps.Length];
            for (var t = 1; t < y.Length; t++)
            {
                y[t] = y[t - 1] + steps[t];
            }

            var fit = Arima.Fit(y);
            differenced += fit.D;
            Assert.Equal(fit.D == 0, fit.HasConstant);
            Assert.True(fit.D == 1 || fit.Ar.Sum() > 0.98, fit.Form + ": " + string.Join(", ", fit.Ar));
            Assert.Equal(y[^1] + (0.5 * noise[^1]), fit.Forecast(1)[0], 0.15);
            Assert.Equal(fit.Forecast(1)[0], fit.Forecast(5)[^1], 0.5);
        }

        Assert.Equal(6, differenced);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(3e12)]
    public void AConstantSeries_ForecastsItself(double level)
    {
        // Every order fits it without error: the fewest parameters win, and nothing divides by the zero variance.
        var forecast = ForecastMethods.Forecast(Trainer.Arima, Enumerable.Repeat(level, 40).ToArray(), 4, 6);
        Assert.All(forecast.Values, v => Assert.Equal(level, v));
    }

    [Fact]
    public void ASeriesTooShortForAnyOrder_ForecastsItsLastValue()
    {
        var fit = Arima.Fit([4, 7, 5, 6]);
        Assert.Equal([6, 6, 6], fit.Forecast(3));
        Assert.Equal([0, 0], Arima.Fit([]).Forecast(2));
    }

    [Fact]
    public void OnSunspots_ItDifferencesAsStatsmodelsChose_AndForecastsTheCycle()
    {
        // statsmodels' ARIMA by AIC over the same orders chose (3,1,2) for the 299 years before the test part; so does ours.
        var history = SunspotValues.All[..^10];
        var forecast = ForecastMethods.Forecast(Trainer.Arima, history, 1, 10);
        Assert.StartsWith("ARIMA(3,1,2), no seasonal adjustment", forecast.Detail, StringComparison.Ordinal);
        Assert.All(forecast.Values, v => Assert.True(double.IsFinite(v)));

        // The cycle turns: the forecast falls from 1999's high towards the 2008 minimum, as the years did.
        Assert.True(forecast.Values[^1] < forecast.Values[0] / 2, string.Join(", ", forecast.Values));
    }

    /// <summary>A process driven by seeded uniform noise in (−1, 1), the first step zero.</summary>
    private static (double[] Values, double[] Noise) Simulate(int n, int seed, Func<double[], double[], int, double> next)
    {
        var random = new Random(seed);
        var e = Enumerable.Range(0, n).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        var z = new double[n];
        for (var t = 1; t < n; t++)
        {
            z[t] = next(z, e, t);
        }

        return (z, e);
    }
}
