using System.Globalization;

namespace Declarative.Benchmarks;

/// <summary>
/// Runs the compared sides in turn, A B A B ..., so a change in the shared machine's load falls on every side alike,
/// and summarizes each side's measurements by their minimum (the least disturbed run) and median.
/// </summary>
internal static class Alternating
{
    /// <summary>Each side's results of <paramref name="rounds"/> rounds, a round running every side once, in order.</summary>
    public static T[][] Run<T>(int rounds, params Func<T>[] sides)
    {
        var results = sides.Select(_ => new T[rounds]).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var side = 0; side < sides.Length; side++)
            {
                results[side][round] = sides[side]();
            }
        }

        return results;
    }

    /// <summary>The minimum and the median of one measure of a side's results.</summary>
    public static Spread Of<T>(IEnumerable<T> results, Func<T, double> measure) => Spread.Of(results.Select(measure));
}

/// <summary>The minimum and the median of repeated measurements.</summary>
internal readonly record struct Spread(double Min, double Median)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return new Spread(sorted[0], median);
    }

    /// <summary>"min / median" in the given number format.</summary>
    public string Format(string format) =>
        string.Create(CultureInfo.InvariantCulture, $"{Min.ToString(format, CultureInfo.InvariantCulture)} / {Median.ToString(format, CultureInfo.InvariantCulture)}");

    /// <summary>This spread against a baseline's: the ratio of the minimums and of the medians.</summary>
    public string Ratio(Spread baseline) =>
        string.Create(CultureInfo.InvariantCulture, $"{Min / baseline.Min:F2}x / {Median / baseline.Median:F2}x");
}
