using Declarative.Data;
using Declarative.Tests.Pipelines;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Tests;

/// <summary>[Split(OrderBy = ...)]: the test part is the latest rows, and validation only ever looks forward.</summary>
public sealed class TimeSplitTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void TheTestPart_IsTheLastFifthInTime_WhateverTheFileOrder()
    {
        var spec = ForecastTaxiDemandModel.Spec;
        var inOrder = PipelineTrainer.Load(spec, spec.ResolveDataPath());

        // The same rows shuffled: the split sorts them back.
        var lines = File.ReadAllLines(spec.ResolveDataPath());
        var shuffled = lines.Skip(1).ToArray();
        new Random(5).Shuffle(shuffled);
        var path = _temp.File("shuffled.csv");
        File.WriteAllLines(path, [lines[0], .. shuffled]);
        var fromShuffled = PipelineTrainer.Load(spec, path);

        Assert.Equal(2_064, inOrder.TestPart.RowCount); // 10,320 half-hours, the last fifth
        Assert.Equal(Column(inOrder.TestPart, "Passengers"), Column(fromShuffled.TestPart, "Passengers"));
        Assert.Equal(2014f, Column(inOrder.TestPart, "When.Year")[0]);
        Assert.Equal(new DateTime(2014, 12, 20).DayOfYear, (int)Column(inOrder.TestPart, "When.DayOfYear")[0]); // 8,256 half-hours after July 1
        Assert.All(Column(inOrder.TestPart, "When.Year").Skip(600), y => Assert.Equal(2015f, y));
    }

    [Fact]
    public void Tuning_AndTheReport_ValidateForward()
    {
        var model = ForecastTaxiDemandModel.Train();
        var report = model.Evaluate();

        Assert.Equal(3, model.Pipeline.Trials.Count);
        Assert.All(model.Pipeline.Trials, t => Assert.True(t.Succeeded, t.Error));
        Assert.Equal(3, report.CrossValidation[0].Folds.Count);
        Assert.True(report.TestMetrics["RSquared"] > 0.5, $"R² {report.TestMetrics["RSquared"]}");
    }

    [Fact]
    public void ForwardFolds_TrainOnThePast_AndValidateOnTheNextBlock()
    {
        var ml = new MLContext(1);
        var view = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 100).Select(i => new Point { Value = i }));

        var folds = ForwardFolds.Split(ml, view, 100, 3);

        Assert.Equal(
            [(0, 24, 25, 49), (0, 49, 50, 74), (0, 74, 75, 99)],
            folds.Select(f => (Values(ml, f.Train).Min(), Values(ml, f.Train).Max(), Values(ml, f.Validate).Min(), Values(ml, f.Validate).Max())));
        var holdout = Assert.Single(ForwardFolds.Split(ml, view, 100, 1));
        Assert.Equal((79f, 80f), (Values(ml, holdout.Train).Max(), Values(ml, holdout.Validate).Min()));
    }

    private static float[] Column(DataTable table, string name) => table.Columns.Single(c => c.Name == name).Singles!;

    private static float[] Values(MLContext ml, IDataView view) =>
        ml.Data.CreateEnumerable<Point>(view, reuseRowObject: false).Select(p => p.Value).ToArray();

    public void Dispose() => _temp.Dispose();

    private sealed class Point
    {
        public float Value { get; set; }
    }
}
