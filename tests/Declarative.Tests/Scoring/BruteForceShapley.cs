using Declarative.Scoring;

namespace Declarative.Tests.Scoring;

/// <summary>
/// Path-dependent Shapley values by definition, the oracle TreeSHAP is tested against: every subset S of the other
/// features, weighted |S|!(n−|S|−1)!/n!, of the change in the expected output when feature i joins S. The expectation
/// follows the row at splits on features in the subset and the training rows' shares (covers) at the others.
/// </summary>
internal static class BruteForceShapley
{
    /// <summary>Each of <paramref name="features"/>' Shapley values, from the expected output of every subset (a bit mask).</summary>
    public static double[] Values(int features, Func<int, double> expected)
    {
        var factorial = Enumerable.Range(0, features + 1).Select(k => Enumerable.Range(1, k).Aggregate(1d, (a, b) => a * b)).ToArray();
        var values = Enumerable.Range(0, 1 << features).Select(expected).ToArray();
        var phi = new double[features];
        for (var i = 0; i < features; i++)
        {
            for (var subset = 0; subset < 1 << features; subset++)
            {
                if ((subset & (1 << i)) == 0)
                {
                    var size = System.Numerics.BitOperations.PopCount((uint)subset);
                    phi[i] += factorial[size] * factorial[features - size - 1] / factorial[features] * (values[subset | (1 << i)] - values[subset]);
                }
            }
        }

        return phi;
    }

    /// <summary>
    /// A tree's expected output below <paramref name="node"/> when the features in <paramref name="known"/> are the row's:
    /// a split on an unknown feature takes both children by their covers (none when no training row reached it).
    /// </summary>
    public static double Expected(PortableTree tree, int node, int known, float[] features)
    {
        double Child(int child) => child < 0 ? tree.Leaves[~child] : Expected(tree, child, known, features);
        double Cover(int child) => child < 0 ? tree.LeafCovers![~child] : tree.Covers![child];
        if ((known & (1 << tree.Feature[node])) != 0)
        {
            return Child(PortableTrees.GoesLeft(tree, node, features) ? tree.Left[node] : tree.Right[node]);
        }

        var cover = tree.Covers![node];
        return cover > 0 ? ((Cover(tree.Left[node]) * Child(tree.Left[node])) + (Cover(tree.Right[node]) * Child(tree.Right[node]))) / cover : 0;
    }
}
