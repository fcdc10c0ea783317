namespace Declarative.Forecasting;

/// <summary>
/// The M4 competition's seasonal adjustment, as its benchmarks' reference code defines it: a 90 % test on the
/// autocorrelation at the season's lag, and classical multiplicative decomposition (R's <c>decompose</c>) for the
/// seasonal indices.
/// </summary>
internal static class Seasonality
{
    /// <summary>The sample autocorrelation at <paramref name="lag"/> (deviations from the series' mean).</summary>
    public static double Autocorrelation(ReadOnlySpan<double> x, int lag)
    {
        var mean = 0.0;
        foreach (var v in x)
        {
            mean += v;
        }

        mean /= x.Length;
        double num = 0, den = 0;
        for (var t = 0; t < x.Length; t++)
        {
            den += (x[t] - mean) * (x[t] - mean);
            if (t >= lag)
            {
                num += (x[t] - mean) * (x[t - lag] - mean);
            }
        }

        return den == 0 ? 0 : num / den;
    }

    /// <summary>
    /// Whether the series is seasonal at <paramref name="season"/>: |acf(m)| above 1.645·√((1 + 2·Σ acf(k)², k &lt; m) / n),
    /// tested only when the series spans three seasons (M4's rule).
    /// </summary>
    public static bool IsSeasonal(ReadOnlySpan<double> x, int season)
    {
        if (season <= 1 || x.Length < 3 * season)
        {
            return false;
        }

        var sum = 0.0;
        for (var k = 1; k < season; k++)
        {
            var r = Autocorrelation(x, k);
            sum += r * r;
        }

        var limit = 1.645 * Math.Sqrt((1 + 2 * sum) / x.Length);
        return Math.Abs(Autocorrelation(x, season)) > limit;
    }

    /// <summary>
    /// The seasonal index of each position in the season (position 0 is the series' first point), from classical
    /// decomposition: the series over its centred moving average, averaged per position and scaled to a mean of 1.
    /// Multiplicative when every value is positive, else additive (indices then average 0).
    /// </summary>
    public static SeasonalIndices Decompose(ReadOnlySpan<double> x, int season, bool additive = false)
    {
        var multiplicative = !additive;
        foreach (var v in x)
        {
            multiplicative &= v > 0;
        }

        var m = season;
        var half = m / 2;
        var sums = new double[m];
        var counts = new int[m];
        for (var t = half; t < x.Length - half; t++)
        {
            // R's filter: weights 1/m, and for an even m a half weight at both ends.
            double trend = 0;
            for (var j = -half; j <= half; j++)
            {
                var w = m % 2 == 0 && Math.Abs(j) == half ? 0.5 : 1.0;
                trend += w * x[t + j];
            }

            trend /= m;
            sums[t % m] += multiplicative ? x[t] / trend : x[t] - trend;
            counts[t % m]++;
        }

        var figure = new double[m];
        for (var i = 0; i < m; i++)
        {
            figure[i] = counts[i] == 0 ? (multiplicative ? 1 : 0) : sums[i] / counts[i];
        }

        var mean = figure.Average();
        for (var i = 0; i < m; i++)
        {
            figure[i] = multiplicative ? figure[i] / mean : figure[i] - mean;
        }

        return new SeasonalIndices(figure, multiplicative);
    }

    /// <summary>Additive seasonal indices (averaging 0) from classical decomposition, whatever the sign of the values.</summary>
    public static double[] DecomposeAdditive(ReadOnlySpan<double> x, int season) => Decompose(x, season, additive: true).Figure;

    /// <summary>The indices M4's benchmarks use: the decomposition's when the series passes the test, else none.</summary>
    public static SeasonalIndices For(ReadOnlySpan<double> x, int season) =>
        IsSeasonal(x, season) ? Decompose(x, season) : SeasonalIndices.None;
}

/// <summary>Seasonal indices by position in the season; <see cref="None"/> adjusts nothing.</summary>
internal sealed record SeasonalIndices(double[] Figure, bool Multiplicative)
{
    public static SeasonalIndices None { get; } = new([], true);

    /// <summary>The series with the season taken out.</summary>
    public double[] Adjust(ReadOnlySpan<double> x)
    {
        var adjusted = x.ToArray();
        if (Figure.Length == 0)
        {
            return adjusted;
        }

        for (var t = 0; t < adjusted.Length; t++)
        {
            var s = Figure[t % Figure.Length];
            adjusted[t] = Multiplicative ? adjusted[t] / s : adjusted[t] - s;
        }

        return adjusted;
    }

    /// <summary>Puts the season back into a forecast of the <paramref name="length"/> points after a series' end.</summary>
    public double[] Restore(double[] forecast, int length)
    {
        if (Figure.Length == 0)
        {
            return forecast;
        }

        var restored = new double[forecast.Length];
        for (var h = 0; h < forecast.Length; h++)
        {
            var s = Figure[(length + h) % Figure.Length];
            restored[h] = Multiplicative ? forecast[h] * s : forecast[h] + s;
        }

        return restored;
    }
}
