using Declarative.Data;

namespace Declarative.Scoring;

/// <summary>
/// What explanations need from the training rows, added to a portable model when it is made: each tree node's cover
/// (the training rows that reached it, for TreeSHAP's expectations) and, for a linear model, each feature slot's mean.
/// The rows are featurized exactly as the scorer featurizes a row, so the covers count the paths predictions take.
/// </summary>
internal static class ExplanationBasis
{
    /// <summary>
    /// Most training rows routed through the trees: evenly spaced ones beyond it. The covers then estimate the shares
    /// of all rows; the explanations stay exact Shapley values for those shares and add up to the score all the same.
    /// </summary>
    public const int RowLimit = 200_000;

    /// <summary>Whether every output of the model has what explanations need.</summary>
    public static bool Has(PortableModel portable) => portable.Outputs.All(o =>
        o.Trees is { } trees ? trees.All(t => t.Covers is not null && t.LeafCovers is not null) : o.FeatureMeans is not null);

    public static PortableModel Add(PortableModel portable, DataTable train)
    {
        var featurizer = RowFeaturizers.ForTable(train, portable.Features, "the training rows");
        var rows = Math.Min(train.RowCount, RowLimit);
        var step = (double)train.RowCount / Math.Max(rows, 1);
        var vectors = new float[rows][];
        for (var k = 0; k < rows; k++)
        {
            vectors[k] = new float[featurizer.Length];
            featurizer.Featurize((int)(k * step), vectors[k]);
        }

        return portable with { Outputs = [.. portable.Outputs.Select(o => WithBasis(o, vectors, featurizer.Length))] };
    }

    private static PortableOutput WithBasis(PortableOutput output, float[][] rows, int slots)
    {
        if (output.Trees is { } trees)
        {
            return output with { Trees = [.. trees.Select(t => WithCovers(t, rows))] };
        }

        var means = new double[slots];
        foreach (var row in rows)
        {
            for (var slot = 0; slot < slots; slot++)
            {
                means[slot] += row[slot];
            }
        }

        return output with { FeatureMeans = [.. means.Select(m => rows.Length == 0 ? 0 : m / rows.Length)] };
    }

    /// <summary>The tree with the count of rows through each split node and into each leaf.</summary>
    private static PortableTree WithCovers(PortableTree tree, float[][] rows)
    {
        var splits = new double[tree.Left.Count];
        var leaves = new double[tree.Leaves.Count];
        if (tree.Left.Count == 0)
        {
            return tree with { Covers = splits, LeafCovers = [rows.Length] };
        }

        foreach (var row in rows)
        {
            var node = 0;
            while (true)
            {
                splits[node]++;
                var child = PortableTrees.GoesLeft(tree, node, row) ? tree.Left[node] : tree.Right[node];
                if (child < 0)
                {
                    leaves[~child]++;
                    break;
                }

                node = child;
            }
        }

        return tree with { Covers = splits, LeafCovers = leaves };
    }
}
