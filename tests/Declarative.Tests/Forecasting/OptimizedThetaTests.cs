using Declarative.Forecasting;

namespace Declarative.Tests.Forecasting;

/// <summary>The optimised Theta model against M4's Theta at theta 2, and its closed-form forecast (declared: SunspotForecastingTests).</summary>
public sealed class OptimizedThetaTests
{
    /// <summary>A rising line with noise and a slow wave: a series with a trend for the line to carry.</summary>
    private static double[] Trending() => Enumerable.Range(0, 120).Select(t => 50 + (0.8 * t) + (10 * Math.Sin(t / 7.0)) + (new Random(t).NextDouble() * 6)).ToArray();

    public static TheoryData<string> Series => ["sunspots", "trending"];

    private static double[] Of(string name) => name == "sunspots" ? SunspotValues.All : Trending();

    /// <summary>
    /// M4's Theta smooths the theta line 2y − line from its first value with the alpha that fits it best. The optimised
    /// model at theta 2, that alpha, and the level whose doubled value less the line's is where M4 starts (ℓ(0) = y(1) −
    /// line(1)/2) forecasts the same numbers: the two are one model, and the optimised one only frees its three values.
    /// </summary>
    [Theory]
    [MemberData(nameof(Series))]
    public void AtThetaTwo_AndM4sStart_ItIsM4sTheta(string name)
    {
        var y = Of(name);
        var (m4, alpha) = ThetaMethod.Forecast(y, 12);
        var (intercept, slope) = TrendLine.Fit(y);
        var fit = new OptimizedThetaFit(y[0] - ((intercept + slope) / 2), alpha, 2, intercept, slope, y);
        var forecast = fit.Forecast(12);
        for (var h = 0; h < 12; h++)
        {
            Assert.Equal(m4[h], forecast[h], 1e-9 * Math.Max(1, Math.Abs(m4[h])));
        }
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void TheFit_ErrsLessOneStepAhead_ThanM4sSettings(string name)
    {
        var y = Of(name);
        var fit = OptimizedTheta.Fit(y);
        var (_, alpha) = ThetaMethod.Forecast(y, 1);
        var m4 = fit with { Level = y[0] - ((fit.Intercept + fit.Slope) / 2), Alpha = alpha, Theta = 2 };
        Assert.True(fit.SquaredError() <= m4.SquaredError(), $"{fit} {fit.SquaredError()} against {m4.SquaredError()}");
        Assert.InRange(fit.Theta, 1, double.MaxValue);
        Assert.InRange(fit.Alpha, OptimizedTheta.MinAlpha, OptimizedTheta.MaxAlpha);
        Assert.Equal(TrendLine.Fit(y), (fit.Intercept, fit.Slope));
    }

    /// <summary>The h-step forecast's closed form is the one-step forecast taken h times, each forecast the next value (the line fixed).</summary>
    [Fact]
    public void TheForecast_IsTheOneStepForecastTakenAgain()
    {
        var y = Trending();
        var fit = OptimizedTheta.Fit(y);
        var forecast = fit.Forecast(8);
        for (var h = 1; h < 8; h++)
        {
            var next = (fit with { History = [.. y, .. forecast[..h]] }).Forecast(1)[0];
            Assert.Equal(forecast[h], next, 1e-9 * Math.Abs(forecast[h]));
        }

        // It follows the trend: the last forecast is above the last value by about the slope's steps, as the line is.
        Assert.True(forecast[^1] > y[^10..].Average() + (5 * fit.Slope), string.Join(", ", forecast));
    }

    [Fact]
    public void AConstantOrShortSeries_ForecastsAFiniteValue()
    {
        var constant = OptimizedTheta.Fit(Enumerable.Repeat(42.0, 30).ToArray()).Forecast(5);
        Assert.All(constant, v => Assert.Equal(42, v, 1e-6));
        Assert.All(OptimizedTheta.Fit([3, 5, 4]).Forecast(4), v => Assert.True(double.IsFinite(v)));
        Assert.Equal(new double[3], OptimizedTheta.Fit([]).Forecast(3));
    }
}
