using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Declarative.Scoring;

namespace Declarative.Tests.Scoring;

/// <summary>
/// TreeSHAP against LightGBM's own: a booster trained through LightGBM's C API (the native library ML.NET's LightGbm
/// package brings) on the breast cancer data, explained by <c>pred_contrib</c> and by our TreeSHAP over the same trees
/// with LightGBM's own node counts as covers. They must agree within 1e-5 on every row.
/// </summary>
public sealed class LightGbmContribParityTests
{
    private const int Float32 = 0;
    private const int Float64 = 1;
    private const int PredictContrib = 3;

    /// <summary>Shallow trees, and deep ones (leaf-wise growth down to a few rows a leaf gives paths of a dozen splits and more).</summary>
    [Theory]
    [InlineData(8, 20, 30)]
    [InlineData(64, 2, 20)]
    public void OurTreeShap_EqualsLightGbmsPredContrib_OnEveryRow(int leaves, int minRowsInLeaf, int trees)
    {
        var (features, labels, columns) = BreastCancer();
        var rows = labels.Length;
        var parameters = $"objective=binary num_leaves={leaves} min_data_in_leaf={minRowsInLeaf} min_sum_hessian_in_leaf=0 num_threads=1 deterministic=true seed=1 verbosity=-1";
        Check(LGBM_DatasetCreateFromMat(features, Float32, rows, columns, 1, parameters, IntPtr.Zero, out var dataset));
        try
        {
            Check(LGBM_DatasetSetField(dataset, "label", labels, rows, Float32));
            Check(LGBM_BoosterCreate(dataset, parameters, out var booster));
            try
            {
                for (var i = 0; i < trees; i++)
                {
                    Check(LGBM_BoosterUpdateOneIter(booster, out _));
                }

                var expected = new double[rows * (columns + 1)];
                Check(LGBM_BoosterPredictForMat(booster, features, Float32, rows, columns, 1, PredictContrib, 0, -1, "num_threads=1", out var length, expected));
                Assert.Equal(expected.Length, length);

                var parsed = Trees(ModelText(booster));
                Assert.Equal(trees, parsed.Count);
                var shapTrees = parsed.Select(t => ShapTree.From(t, node => t.Feature[node])).ToArray();
                // Paths that split on one feature more than once: the case that combines a player's factors.
                Assert.Contains(shapTrees, t => t.Edges.Take(t.Count).Any(e => e.Previous < t.Count));
                var buffer = new double[shapTrees.Max(t => t.ScratchLength)];
                var expectedValue = shapTrees.Sum(t => t.Expected);
                var largest = 0d;
                for (var row = 0; row < rows; row++)
                {
                    var x = features.AsSpan(row * columns, columns).ToArray();
                    var phi = new double[columns];
                    foreach (var (tree, shap) in parsed.Zip(shapTrees))
                    {
                        TreeShap.Explain(shap, x, phi, buffer);
                    }

                    for (var c = 0; c < columns; c++)
                    {
                        largest = Math.Max(largest, Math.Abs(phi[c] - expected[(row * (columns + 1)) + c]));
                    }

                    largest = Math.Max(largest, Math.Abs(expectedValue - expected[(row * (columns + 1)) + columns]));
                }

                Assert.True(largest <= 1e-5, $"largest difference from LightGBM's pred_contrib: {largest}");
            }
            finally
            {
                LGBM_BoosterFree(booster);
            }
        }
        finally
        {
            LGBM_DatasetFree(dataset);
        }
    }

    /// <summary>The nine measurements (a missing one replaced by its column's mean, as the scorer does) and the 0/1 label.</summary>
    private static (float[] Features, float[] Labels, int Columns) BreastCancer()
    {
        var rows = File.ReadLines("datasets/breast-cancer/breast-cancer-withheader.txt")
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Split('\t').Select(v => v == "?" ? float.NaN : float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        const int columns = 9;
        var means = Enumerable.Range(1, columns).Select(c => rows.Select(r => r[c]).Where(v => !float.IsNaN(v)).Average()).ToArray();
        var features = rows.SelectMany(r => Enumerable.Range(1, columns).Select(c => float.IsNaN(r[c]) ? means[c - 1] : r[c])).ToArray();
        return (features, rows.Select(r => r[0]).ToArray(), columns);
    }

    private static string ModelText(IntPtr booster)
    {
        Check(LGBM_BoosterSaveModelToString(booster, 0, -1, 0, 0, out var length, null));
        var buffer = new byte[length];
        Check(LGBM_BoosterSaveModelToString(booster, 0, -1, 0, length, out _, buffer));
        return Encoding.UTF8.GetString(buffer, 0, (int)length - 1);
    }

    /// <summary>LightGBM's text model's trees, with its node counts as covers (numeric splits: <c>x &lt;= threshold</c> goes left).</summary>
    private static List<PortableTree> Trees(string model)
    {
        var trees = new List<PortableTree>();
        foreach (var block in model.Split("\nTree=").Skip(1))
        {
            var fields = block.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            double[] Numbers(string key) => fields.TryGetValue(key, out var text) ? text.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray() : [];
            var leaves = Numbers("leaf_value");
            if (leaves.Length < 2)
            {
                continue;
            }

            Assert.All(Numbers("decision_type"), d => Assert.Equal(0, (int)d & 1)); // numeric splits only
            trees.Add(new PortableTree
            {
                Left = [.. Numbers("left_child").Select(v => (int)v)],
                Right = [.. Numbers("right_child").Select(v => (int)v)],
                Feature = [.. Numbers("split_feature").Select(v => (int)v)],
                Threshold = [.. Numbers("threshold").Select(v => (float)v)],
                Leaves = leaves,
                Covers = Numbers("internal_count"),
                LeafCovers = Numbers("leaf_count"),
            });
        }

        return trees;
    }

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"LightGBM: {Marshal.PtrToStringAnsi(LGBM_GetLastError())}");
        }
    }

    [DllImport("lib_lightgbm", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int LGBM_DatasetCreateFromMat(float[] data, int dataType, int rows, int columns, int rowMajor, string parameters, IntPtr reference, out IntPtr dataset);

    [DllImport("lib_lightgbm", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int LGBM_DatasetSetField(IntPtr dataset, string field, float[] data, int count, int type);

    [DllImport("lib_lightgbm")]
    private static extern int LGBM_DatasetFree(IntPtr dataset);

    [DllImport("lib_lightgbm", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int LGBM_BoosterCreate(IntPtr dataset, string parameters, out IntPtr booster);

    [DllImport("lib_lightgbm")]
    private static extern int LGBM_BoosterUpdateOneIter(IntPtr booster, out int finished);

    [DllImport("lib_lightgbm", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int LGBM_BoosterPredictForMat(IntPtr booster, float[] data, int dataType, int rows, int columns, int rowMajor, int predictType,
        int startIteration, int iterations, string parameters, out long length, double[] result);

    [DllImport("lib_lightgbm")]
    private static extern int LGBM_BoosterSaveModelToString(IntPtr booster, int startIteration, int iterations, int importanceType, long bufferLength, out long length, byte[]? buffer);

    [DllImport("lib_lightgbm")]
    private static extern int LGBM_BoosterFree(IntPtr booster);

    [DllImport("lib_lightgbm")]
    private static extern IntPtr LGBM_GetLastError();
}
