using Declarative.Data;
using Declarative.Tests.Pipelines;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Declarative.Tests;

/// <summary>
/// <c>SaveOnnx</c>: the exported model, run by ONNX Runtime on every held-out row, gives ML.NET's scores within 1e-5
/// (relative, for scores above 1: float sums of hundreds of trees differ in their last bits), for each task and the featurizers that export (missing-value replacement, one-hot, booleans, dates, column runs).
/// </summary>
public sealed class OnnxExportTests : IDisposable
{
    private const double Tolerance = 1e-5;
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Binary_LightGbm_OnTheCensus_MatchesMLNet() => AssertParity(AdultIncomeModel.Train().Pipeline, "Probability");

    [Fact]
    public void Multiclass_Sdca_OnIris_MatchesMLNet() => AssertParity(IrisModel.Train().Pipeline, "Score");

    [Fact]
    public void Multiclass_ColumnRun_OnTheDigits_MatchesMLNet() => AssertParity(DigitModel.Train().Pipeline, "Score");

    [Fact]
    public void Regression_FastTree_WithCategoriesAndBooleans_MatchesMLNet() => AssertParity(HousingModel.Train().Pipeline, "Score");

    [Fact]
    public void Regression_Dates_MatchesMLNet() => AssertParity(TaxiDemandModel.Train().Pipeline, "Score");

    [Fact]
    public void AText_Feature_HasNoOnnxForm_AndSaysWhich()
    {
        var model = ToxicityModel.Train();
        var path = _temp.File("toxicity.onnx");

        var error = Assert.Throws<NotSupportedException>(() => model.SaveOnnx(path));

        Assert.Contains("cannot be exported to ONNX: the text featurizer of", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private void AssertParity(ITrainedPipeline pipeline, string output)
    {
        var path = _temp.File(pipeline.Name + ".onnx");
        pipeline.SaveOnnx(path);
        var test = pipeline.TrainedOn!.TestPart;

        var expected = MLNetScores(pipeline.Model, test, output);
        var actual = OnnxScores(path, test, output + ".output");

        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a) / Math.Max(1, Math.Abs(e))).Max();
        Assert.True(worst <= Tolerance, $"{pipeline.Name}: the largest difference of {output} over {test.RowCount} rows is {worst}");
    }

    private static float[] MLNetScores(ITransformer model, DataTable test, string output)
    {
        var scored = model.Transform(new TableDataView(test));
        var column = scored.Schema[output];
        if (column.Type is not VectorDataViewType)
        {
            return ViewColumns.Read<float>(scored, output);
        }

        // A vector getter reuses its buffer from row to row: copy each row's values out as it is read.
        var values = new List<float>();
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> row = default;
        while (cursor.MoveNext())
        {
            getter(ref row);
            values.AddRange(row.DenseValues());
        }

        return values.ToArray();
    }

    /// <summary>Runs the ONNX model on a table: each input is the column of its name, a [rows, 1] tensor of its type.</summary>
    internal static float[] OnnxScores(string path, DataTable table, string output)
    {
        using var session = new InferenceSession(path);
        var inputs = session.InputMetadata.Select(input =>
        {
            var column = table.Columns.SingleOrDefault(c => c.Name == input.Key)
                ?? throw new InvalidOperationException($"The ONNX model wants an input '{input.Key}' the table lacks; it has {string.Join(", ", table.Columns.Select(c => c.Name))}.");
            int[] shape = [table.RowCount, 1];
            return column switch
            {
                { Singles: { } s } => NamedOnnxValue.CreateFromTensor(input.Key, new DenseTensor<float>(s, shape)),
                { Booleans: { } b } => NamedOnnxValue.CreateFromTensor(input.Key, new DenseTensor<bool>(b, shape)),
                _ => NamedOnnxValue.CreateFromTensor(input.Key, new DenseTensor<string>(column.Texts.Select(t => t.ToString()).ToArray(), shape)),
            };
        }).ToList();
        using var results = session.Run(inputs, [output]);
        return results.Single().AsEnumerable<float>().ToArray();
    }

    public void Dispose() => _temp.Dispose();
}
