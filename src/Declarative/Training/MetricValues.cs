namespace Declarative.Training;

/// <summary>The public numeric properties of an ML.NET metrics object, by name.</summary>
internal static class MetricValues
{
    // TopKAccuracy is 0 unless a K is set (we set none); LossFunction repeats MeanSquaredError for the default loss.
    private static readonly HashSet<string> Omitted = ["TopKAccuracy", "LossFunction"];

    public static IReadOnlyDictionary<string, double> Of(object? metrics) =>
        metrics is null
            ? new SortedDictionary<string, double>(StringComparer.Ordinal)
            : new SortedDictionary<string, double>(
                metrics.GetType().GetProperties()
                    .Where(p => p.PropertyType == typeof(double) && !Omitted.Contains(p.Name))
                    .Select(p => (p.Name, Value: (double)p.GetValue(metrics)!))
                    .Where(m => !double.IsNaN(m.Value)) // not measured: clustering's NMI without a label
                    .ToDictionary(m => m.Name, m => m.Value),
                StringComparer.Ordinal);
}
