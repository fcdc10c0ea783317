using System.Globalization;
using System.Reflection;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Evaluation;

/// <summary>
/// Each task reads its metrics off ML.NET's typed metrics object itself. On real data, what it reads is every number the
/// object holds (the properties of type double, and ranking's lists by cut-off), under the same names, so the manifest,
/// the report and tuning see the metrics they saw when they were read by reflection.
/// </summary>
public sealed class TaskMetricsTests
{
    /// <summary>Numbers the tasks leave out on purpose: TopKAccuracy is 0 without a K; LossFunction repeats MeanSquaredError.</summary>
    private static readonly string[] Omitted = ["TopKAccuracy", "LossFunction"];

    [Fact]
    public void Binary_ReadsEveryNumber() => AssertEveryNumber(TrainedModels.Tumor.Pipeline.TestMetrics, TrainedModels.Tumor.Pipeline.TestMetricValues);

    [Fact]
    public void Multiclass_ReadsEveryNumber() => AssertEveryNumber(TrainedModels.Iris.Pipeline.TestMetrics, TrainedModels.Iris.Pipeline.TestMetricValues);

    [Fact]
    public void Regression_ReadsEveryNumber() => AssertEveryNumber(TrainedModels.Housing.Pipeline.TestMetrics, TrainedModels.Housing.Pipeline.TestMetricValues);

    [Fact]
    public void Ranking_ReadsEveryCutOff()
    {
        var model = TrainedModels.Search;
        AssertEveryNumber(model.Pipeline.TestMetrics, model.Pipeline.TestMetricValues);
        Assert.Contains("NdcgAt10", model.Pipeline.TestMetricValues.Keys);
    }

    [Fact]
    public void Clustering_ReadsEveryNumber()
    {
        var model = IrisClusterModel.Train();
        AssertEveryNumber(model.Pipeline.TestMetrics, model.Pipeline.TestMetricValues);
        Assert.Contains("NormalizedMutualInformation", model.Pipeline.TestMetricValues.Keys);
    }

    [Fact]
    public void AnomalyDetection_ReadsEveryNumber()
    {
        var model = TumorAnomalyModel.Train();
        AssertEveryNumber(model.Pipeline.TestMetrics, model.Pipeline.TestMetricValues);
    }

    private static void AssertEveryNumber(object metrics, IReadOnlyDictionary<string, double> values)
    {
        var expected = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in metrics.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !Omitted.Contains(p.Name)))
        {
            if (property.PropertyType == typeof(double) && (double)property.GetValue(metrics)! is var value && !double.IsNaN(value))
            {
                expected[property.Name] = value;
            }
            else if (property.GetValue(metrics) is IReadOnlyList<double> list)
            {
                var prefix = property.Name switch
                {
                    "NormalizedDiscountedCumulativeGains" => "Ndcg",
                    "DiscountedCumulativeGains" => "Dcg",
                    _ => null,
                };
                for (var i = 0; prefix is not null && i < list.Count; i++)
                {
                    expected[string.Create(CultureInfo.InvariantCulture, $"{prefix}At{i + 1}")] = list[i];
                }
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, values);
    }
}
