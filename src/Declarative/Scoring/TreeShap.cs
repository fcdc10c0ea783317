using System.Numerics;
using System.Runtime.InteropServices;

namespace Declarative.Scoring;

/// <summary>
/// Exact path-dependent Shapley values (the values of Lundberg, Erion and Lee's TreeSHAP, 2018) of one tree's output for
/// one row, in time linear in the tree's nodes, after Yu et al., "Linear TreeShap" (NeurIPS 2022).
/// </summary>
/// <remarks>
/// <para>
/// For a leaf with value <c>v</c> whose path splits on the distinct players <c>j</c>, a subset <c>S</c> of them reaches
/// the leaf with weight <c>Π_{j∈S} p_j · Π_{j∉S} r_j</c>: <c>p_j</c> is 1 when the row takes every split on <c>j</c> the
/// path's way, else 0, and <c>r_j</c> the share of the training rows (covers) that went the path's way at those splits.
/// Since the Shapley weight <c>|S|!(n−|S|−1)!/n!</c> is the integral over [0, 1] of <c>t^|S| (1−t)^(n−|S|−1)</c>, a
/// player's value from this leaf is <c>v (p_i − r_i) ∫ G(t) / f_i(t) dt</c> with <c>f_j(t) = r_j (1−t) + p_j t</c> and
/// <c>G = Π_j f_j</c>: a polynomial of degree under the path's player count, which Gauss–Legendre quadrature at
/// <see cref="ShapTree.Points"/> nodes integrates exactly.
/// </para>
/// <para>
/// One walk down the tree carries <c>G</c> at the quadrature nodes; one walk up sums <c>v·G</c> over the leaves below
/// each node. A split's player takes its term from that sum at the edge, minus the term an earlier split on the same
/// player above took for the same leaves, so a player split on twice is counted once with its combined factors. Each
/// node costs O(points), so a row costs O(nodes · depth), not the O(leaves · depth²) of the original algorithm.
/// </para>
/// <para>Plain C# over the caller's buffer, so it runs under Native AOT.</para>
/// </remarks>
internal static class TreeShap
{
    /// <summary>
    /// Adds each player's contribution to this tree's output for the row of feature slots <paramref name="features"/>
    /// into <paramref name="phi"/>; <paramref name="scratch"/> holds at least <see cref="ShapTree.ScratchLength"/> values.
    /// </summary>
    public static void Explain(ShapTree tree, ReadOnlySpan<float> features, Span<double> phi, Span<double> scratch)
    {
        if (tree.Cover0 <= 0)
        {
            return;
        }

        // Most trees need one vector of quadrature nodes: that walk is compiled for it, with no loop over the lanes.
        if (tree.Lanes == 1)
        {
            Walk<OneLane>(tree, features, phi, scratch);
        }
        else
        {
            Walk<AnyLanes>(tree, features, phi, scratch);
        }
    }

    private static void Walk<TLanes>(ShapTree tree, ReadOnlySpan<float> features, Span<double> phi, Span<double> scratch)
        where TLanes : struct, ILanes
    {
        // Each node's values at the quadrature nodes are `lanes` vectors. The walks are branch-free where the row
        // decides (which way it goes, whether a player is taken): p is 0 or 1 and selects by arithmetic.
        var count = tree.Count;
        var lanes = TLanes.Of(tree);
        ReadOnlySpan<ShapEdge> edges = tree.Edges;
        ReadOnlySpan<Vector<double>> tables = tree.Tables, miss = tree.Miss, inverseMiss = tree.InverseMiss, missGain = tree.MissGain;
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(scratch[..(2 * count * tree.Points)]);
        var g = vectors[..(count * lanes)];
        var s = vectors.Slice(count * lanes, count * lanes);
        var takes = scratch.Slice(2 * count * tree.Points, count + 1);
        var left = scratch.Slice((2 * count * tree.Points) + count + 1, count);
        g[..lanes].Fill(Vector<double>.One);
        s.Clear();
        (takes[0], takes[count]) = (1, 1);
        foreach (var split in tree.Splits)
        {
            left[split] = tree.GoesLeft(split, features) ? 1 : 0;
        }

        // Down: G at the quadrature nodes. The edge's factor is r + (1 − r) t when the row takes every split on its
        // player this way, else r (1 − t); it replaces the factor the earlier split on the player gave (1 for none).
        for (var k = 1; k < count; k++)
        {
            ref readonly var edge = ref edges[k];
            var oldP = takes[edge.Previous];
            var p = oldP * (1 - Math.Abs(left[edge.Parent] - edge.IsLeft));
            takes[k] = p;
            var (r, inverseOldR) = (edge.Ratio, edges[edge.Previous].InverseRatio);
            for (var q = 0; q < lanes; q++)
            {
                var missed = r * miss[q];
                var factor = missed + (p * (tables[3 * ((k * lanes) + q)] - missed));
                var oldMissed = inverseOldR * inverseMiss[q];
                var inverseOld = oldMissed + (oldP * (tables[(3 * ((edge.Previous * lanes) + q)) + 1] - oldMissed));
                g[(k * lanes) + q] = g[(edge.Parent * lanes) + q] * factor * inverseOld;
            }
        }

        // Up: the sum of v·G over the leaves below each node. Each edge gives its player its term (gain when taken,
        // missGain when not) less the term the earlier split on the player gave the same leaves (0 for none).
        for (var k = count - 1; k > 0; k--)
        {
            ref readonly var edge = ref edges[k];
            var (p, oldP, value) = (takes[k], takes[edge.Previous], edge.Value);
            var sum = Vector<double>.Zero;
            for (var q = 0; q < lanes; q++)
            {
                var below = s[(k * lanes) + q] + (value * g[(k * lanes) + q]);
                var now = missGain[q] + (p * (tables[(3 * ((k * lanes) + q)) + 2] - missGain[q]));
                var before = missGain[q] + (oldP * (tables[(3 * ((edge.Previous * lanes) + q)) + 2] - missGain[q]));
                sum += below * (now - before);
                s[(edge.Parent * lanes) + q] += below;
            }

            phi[edges[edge.Parent].Player] += Vector.Sum(sum);
        }
    }

    /// <summary>How many vectors a node's values take, a constant where the JIT can fold it.</summary>
    private interface ILanes
    {
        static abstract int Of(ShapTree tree);
    }

    private readonly struct OneLane : ILanes
    {
        public static int Of(ShapTree tree) => 1;
    }

    private readonly struct AnyLanes : ILanes
    {
        public static int Of(ShapTree tree) => tree.Lanes;
    }
}
