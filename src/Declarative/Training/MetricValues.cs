namespace Declarative.Training;

/// <summary>The public numeric properties of an ML.NET metrics object, by name.</summary>
internal static class MetricValues
{
    // TopKAccuracy is 0 unless a K is set (we set none); LossFunction repeats MeanSquaredError for the default loss.
    private static readonly HashSet<string> Omitted = ["TopKAccuracy", "LossFunction"];

    // Ranking's metrics are lists by cut-off (NDCG at 1, 2, ...): one value each, named as RankingMetric names them.
    private static readonly Dictionary<string, string> ByCutOff = new(StringComparer.Ordinal)
    {
        ["NormalizedDiscountedCumulativeGains"] = "Ndcg",
        ["DiscountedCumulativeGains"] = "Dcg",
    };

    public static IReadOnlyDictionary<string, double> Of(object? metrics) =>
        metrics is null
            ? new SortedDictionary<string, double>(StringComparer.Ordinal)
            : new SortedDictionary<string, double>(
                metrics.GetType().GetProperties()
                    .Where(p => !Omitted.Contains(p.Name))
                    .SelectMany(p => Values(p, metrics))
                    .Where(m => !double.IsNaN(m.Value)) // not measured: clustering's NMI without a label
                    .ToDictionary(m => m.Name, m => m.Value),
                StringComparer.Ordinal);

    private static IEnumerable<(string Name, double Value)> Values(System.Reflection.PropertyInfo property, object metrics)
    {
        if (property.PropertyType == typeof(double))
        {
            return [(property.Name, (double)property.GetValue(metrics)!)];
        }

        return ByCutOff.TryGetValue(property.Name, out var prefix) && property.GetValue(metrics) is IReadOnlyList<double> values
            ? values.Select((v, i) => (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}At{i + 1}"), v))
            : [];
    }
}
