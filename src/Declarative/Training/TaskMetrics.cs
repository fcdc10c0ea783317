namespace Declarative.Training;

/// <summary>
/// A task's metrics for scored rows: ML.NET's metrics object (what the face's <c>TestMetrics</c> returns) and its values
/// by name, read by the task that knows the object's type, never by reflection over property names.
/// </summary>
/// <param name="Native">ML.NET's metrics object.</param>
/// <param name="Values">The metrics by name, sorted; a value ML.NET could not measure (NaN) is left out.</param>
internal sealed record TaskMetrics(object Native, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>The metrics with no values (nothing was measured).</summary>
    public static IReadOnlyDictionary<string, double> None { get; } = new SortedDictionary<string, double>(StringComparer.Ordinal);

    /// <summary>The metrics of <paramref name="native"/>, from the named values its task reads off it.</summary>
    public static TaskMetrics Of(object native, IEnumerable<(string Name, double Value)> values) =>
        new(native, new SortedDictionary<string, double>(
            values.Where(v => !double.IsNaN(v.Value)).ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal),
            StringComparer.Ordinal));

    /// <summary>A list of metrics by cut-off (ranking's NDCG at 1, 2, ...), one value each: <c>NdcgAt1</c>, ...</summary>
    public static IEnumerable<(string Name, double Value)> ByCutOff(string prefix, IReadOnlyList<double> values) =>
        values.Select((v, i) => (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}At{i + 1}"), v));
}
