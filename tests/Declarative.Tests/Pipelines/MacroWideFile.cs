using System.Globalization;

namespace Declarative.Tests.Pipelines;

/// <summary>
/// The bundled US aggregates (<c>datasets/us-macro/quarterly.csv</c>, long form) written wide, as a spreadsheet holds
/// them: a quarter, then one column per series, GDP first (<see cref="MacroWideQuarter"/>). The tests and the
/// forecasting harness read it.
/// </summary>
public static class MacroWideFile
{
    private static readonly string[] Series = ["realgdp", "realcons", "realinv", "realgovt", "realdpi"];

    /// <summary>
    /// Writes the wide file from <paramref name="source"/> (the long file) into <paramref name="directory"/>, the other
    /// series' last eight quarters multiplied by <paramref name="testPartFactor"/>, and returns its path.
    /// </summary>
    public static string Write(string source, string directory, string name, double testPartFactor = 1)
    {
        var rows = File.ReadLines(source).Skip(1).Select(line => line.Split(',')).ToList();
        var quarters = rows.Select(r => r[0]).Distinct().ToList();
        var values = rows.ToDictionary(r => (r[0], r[1]), r => double.Parse(r[2], CultureInfo.InvariantCulture));
        string Value(int i, string series) =>
            (series != Series[0] && i >= quarters.Count - 8 ? values[(quarters[i], series)] * testPartFactor : values[(quarters[i], series)]).ToString("R", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, name);
        File.WriteAllLines(path, quarters.Select((q, i) => string.Join(',', Series.Select(s => Value(i, s)).Prepend(q))).Prepend(string.Join(',', Series.Prepend("quarter"))));
        return path;
    }
}
