using System.Globalization;

namespace Declarative.Tests.Forecasting;

/// <summary>The bundled yearly sunspot numbers, read once for the tests that fit models to the series itself.</summary>
internal static class SunspotValues
{
    private static readonly Lazy<double[]> Values = new(() => File.ReadLines(Repository.PathOf("datasets", "sunspots", "sunspots.csv")).Skip(1)
        .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).ToArray());

    /// <summary>The 309 years' activity, 1700 first.</summary>
    public static double[] All => Values.Value;
}
