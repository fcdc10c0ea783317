using System.Globalization;
using Declarative.Tests.Pipelines;
using Declarative.Training;

namespace Declarative.Tests;

/// <summary>
/// <c>[Columns]</c>: 64 pixel columns of the UCI digits read into one <c>float[]</c>, by position in the original
/// file and by the first and last header names in its variant with a header.
/// </summary>
public sealed class ColumnRunTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void ARunByPosition_IsOneFeatureOf64Numbers_AndLearnsTheDigits()
    {
        var model = TrainedModels.Digits;

        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"Pixels[{i}]"), DigitModel.Spec.Features.Select(f => f.PropertyName));
        Assert.True(model.TestMetrics.MacroAccuracy > 0.9, $"macro accuracy {model.TestMetrics.MacroAccuracy}");

        // Every row of the file, predicted from its own pixels, mostly comes back as its own digit.
        var rows = ReadDigits("datasets/optdigits/digits.csv");
        var correct = model.Predict(rows).Zip(rows).Count(p => p.First.PredictedLabel == p.Second.Value);
        Assert.True(correct > 0.9 * rows.Count, $"{correct} of {rows.Count}");
    }

    [Fact]
    public void ARunByHeaderNames_ReadsTheSameValuesAsByPosition()
    {
        var byPosition = PipelineTrainer.Load(DigitModel.Spec, DigitModel.Spec.ResolveDataPath()).Table;
        var byName = PipelineTrainer.Load(NamedDigitModel.Spec, NamedDigitModel.Spec.ResolveDataPath()).Table;

        Assert.Equal(byPosition.RowCount, byName.RowCount);
        Assert.Equal(1_797, byName.RowCount);
        for (var i = 0; i < 64; i++)
        {
            Assert.Equal(byPosition.Columns[i].Singles, byName.Columns[i].Singles);
        }

        Assert.Equal(NamedDigitModel.Train().Pipeline.TestMetricValues, TrainedModels.Digits.Pipeline.TestMetricValues);
    }

    [Fact]
    public void RowsInMemory_TrainTheSameModelAsTheFile()
    {
        var fromRows = DigitModel.Train(ReadDigits("datasets/optdigits/digits.csv"));

        Assert.Equal(TrainedModels.Digits.Pipeline.TestMetricValues, fromRows.Pipeline.TestMetricValues);
    }

    [Fact]
    public void TheReport_ProfilesAndRanksTheRunAsOneProperty()
    {
        var report = TrainedModels.Digits.Pipeline.Evaluate();

        var pixels = Assert.Single(report.Profile.Columns, c => c.Property == "Pixels");
        Assert.Equal("Numeric[64]", pixels.Kind);
        Assert.Equal("columns 0 to 63", pixels.Column);
        Assert.Equal((0d, 16d), (pixels.Min, pixels.Max));
        Assert.Equal(["Pixels"], report.FeatureImportance.Select(f => f.Feature));
        Assert.True(report.FeatureImportance[0].Drop > 0.3, $"drop {report.FeatureImportance[0].Drop}");
    }

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    public void AnArrayOfAnotherLength_IsAnErrorAtPrediction(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => TrainedModels.Digits.Predict(new Digit { Pixels = new float[length] }));

        Assert.Contains($"Digit.Pixels has {length} values, but the pipeline reads 64 (columns 0 to 63)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullArray_IsAllMissing()
    {
        var prediction = TrainedModels.Digits.Predict(new Digit { Pixels = null! });

        Assert.InRange(prediction.PredictedLabel, 0, 9);
    }

    [Fact]
    public void AnArrayOfAnotherLength_InRowsInMemory_NamesTheRow()
    {
        var rows = ReadDigits("datasets/optdigits/digits.csv").Take(100).ToList();
        rows[41] = new Digit { Pixels = new float[8], Value = 3 };

        var error = Assert.Throws<ArgumentException>(() => DigitModel.Train(rows));

        Assert.Contains("row 42: Digit.Pixels has 8 values, but the pipeline reads 64", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "spans 65 columns of the header (columns 1 to 65), but the property reads 64")]
    [InlineData(false, "spans no columns, the last coming before the first")]
    public void AHeaderWhoseRunHasAnotherWidth_IsAnErrorAtTheHeader(bool extraColumnInside, string message)
    {
        var names = Enumerable.Range(0, 64).Select(i => $"p{i}").ToList();
        if (extraColumnInside)
        {
            names.Insert(32, "extra");
        }
        else
        {
            (names[0], names[^1]) = (names[^1], names[0]);
        }

        var path = WithHeader(string.Join(',', names.Append("digit")));

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(NamedDigitModel.Spec, path));

        Assert.Equal(1, error.Line);
        Assert.Contains($"'p0' to 'p63' of NamedDigit.Pixels (pipeline {nameof(NamedDigitModel)})", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderWithoutTheRunsLastColumn_NamesIt()
    {
        var path = WithHeader(string.Join(',', Enumerable.Range(0, 64).Select(i => $"p{i}").Append("digit")).Replace("p63,", "x63,", StringComparison.Ordinal));

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(NamedDigitModel.Spec, path));

        Assert.Contains("The header has no column 'p63' (the run of columns of feature NamedDigit.Pixels of pipeline NamedDigitModel)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadPixel_IsALocatedError()
    {
        var path = _temp.File("digits.csv");
        var lines = File.ReadLines("datasets/optdigits/digits.csv").Take(5).ToArray();
        var fields = lines[2].Split(',');
        fields[10] = "ten";
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(DigitModel.Spec, path));

        Assert.Equal(3, error.Line);
        Assert.Contains("'ten'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Digit.Pixels[10]", error.Message, StringComparison.Ordinal);
    }

    private string WithHeader(string header)
    {
        var path = _temp.File("named.csv");
        File.WriteAllLines(path, File.ReadLines("datasets/optdigits/digits-with-header.csv").Skip(1).Take(20).Prepend(header));
        return path;
    }

    private static List<Digit> ReadDigits(string path) =>
        File.ReadLines(path).Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => new Digit { Pixels = v[..64], Value = (int)v[64] }).ToList();

    public void Dispose() => _temp.Dispose();
}
