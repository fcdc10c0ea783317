using System.Numerics;
using System.Runtime.InteropServices;

namespace Declarative.Scoring;

/// <summary>
/// A tree as <see cref="TreeShap"/> reads it: its nodes in preorder (a parent before its children), each with the split
/// it makes, the player the split reads, and the tables of its edge's factors at the quadrature nodes.
/// </summary>
/// <remarks>
/// Node <see cref="Count"/> is a sentinel: the "earlier split on the same player" of an edge with none, whose factor is 1
/// and whose term is 0, so the walks need no branch for it.
/// </remarks>
internal sealed class ShapTree
{
    /// <summary>A tree whose row buffer would pass this many values is refused rather than explained.</summary>
    private const long MaxScratch = 1 << 24;

    /// <summary>The tree's nodes (the sentinel after them is not counted).</summary>
    public int Count => Edges.Length - 1;

    /// <summary>A numeric split's feature slot (−1 for a leaf or a categorical split).</summary>
    public required int[] Feature { get; init; }

    /// <summary>A numeric split's threshold: the row goes left when its slot is at most this.</summary>
    public required float[] Threshold { get; init; }

    /// <summary>A categorical split's slots (null for other nodes): the row goes right when any of them is positive.</summary>
    public required int[]?[] Categories { get; init; }

    /// <summary>The root's cover: a tree no training row reached has nothing to share.</summary>
    public required double Cover0 { get; init; }

    /// <summary>The tree's output averaged over the training rows: its share of the base value.</summary>
    public required double Expected { get; init; }

    /// <summary>
    /// Quadrature nodes: enough for the path with the most distinct players, rounded up to whole vectors (a rule with
    /// more nodes is exact too).
    /// </summary>
    public int Points => Lanes * Vector<double>.Count;

    /// <summary>The vectors one node's values at the quadrature nodes take.</summary>
    public required int Lanes { get; init; }

    /// <summary>At each quadrature node, <c>1 − t</c>: a missed player's factor is <c>r (1 − t)</c>.</summary>
    public required Vector<double>[] Miss { get; init; }

    /// <summary>At each quadrature node, <c>1 / (1 − t)</c>.</summary>
    public required Vector<double>[] InverseMiss { get; init; }

    /// <summary>At each quadrature node, its weight times <c>−1 / (1 − t)</c>: a missed player's term.</summary>
    public required Vector<double>[] MissGain { get; init; }

    /// <summary>What the walks read of each node (and the sentinel), packed together.</summary>
    public required ShapEdge[] Edges { get; init; }

    /// <summary>
    /// Per node (and the sentinel) and lane, three vectors at <c>3 (node · lanes + lane)</c>: at each quadrature node
    /// <c>t</c> with weight <c>w</c>, the factor <c>r + (1 − r) t</c> of a player the row takes, its reciprocal, and the
    /// taken player's term <c>w (1 − r) / (r + (1 − r) t)</c>, with <c>r</c> the node's <see cref="ShapEdge.Ratio"/>.
    /// </summary>
    public required Vector<double>[] Tables { get; init; }

    /// <summary>The split nodes in preorder.</summary>
    public required int[] Splits { get; init; }

    /// <summary>The values <see cref="TreeShap.Explain"/> needs in its scratch buffer for this tree.</summary>
    public int ScratchLength => (Count * 2 * Points) + (2 * (Count + 1));

    /// <summary>Whether the row goes left at split node <paramref name="node"/>, as ML.NET decides it (see <see cref="PortableTrees.GoesLeft"/>).</summary>
    public bool GoesLeft(int node, ReadOnlySpan<float> features) =>
        Categories[node] is { } slots ? !PortableTrees.AnyPositive(features, slots) : features[Feature[node]] <= Threshold[node];

    /// <summary>The tree of a portable tree with its covers; <paramref name="playerOf"/> names the player of each split node.</summary>
    /// <exception cref="InvalidDataException">A cover is not a count, or the tree is too deep to explain in bounded memory.</exception>
    public static ShapTree From(PortableTree tree, Func<int, int> playerOf)
    {
        var splits = tree.Left.Count;
        var count = splits + tree.Leaves.Count;
        var (parent, isLeft, feature, player) = (new int[count], new bool[count], new int[count], new int[count]);
        var (threshold, categories, previous, value) = (new float[count], new int[]?[count], new int[count], new double[count]);
        var (ratio, distinct, coverOf) = (new double[count + 1], new int[count], new double[count]);
        ratio[count] = 1;

        // Preorder with an explicit stack (no recursion, whatever the tree's shape); a portable child ~i is leaf i.
        var stack = new Stack<(int Portable, int Parent, bool IsLeft)>();
        stack.Push((splits > 0 ? 0 : ~0, -1, false));
        var (next, maxDistinct, expected) = (0, 0, 0d);
        while (stack.Count > 0)
        {
            var (portable, up, left) = stack.Pop();
            var k = next++;
            if (k >= count)
            {
                throw new InvalidDataException("A tree's nodes are reached more than once.");
            }

            var leaf = portable < 0;
            (parent[k], isLeft[k], previous[k], ratio[k]) = (up, left, count, 1);
            coverOf[k] = leaf ? tree.LeafCovers![~portable] : tree.Covers![portable];
            if (!double.IsFinite(coverOf[k]) || coverOf[k] < 0)
            {
                throw new InvalidDataException($"A tree's cover {coverOf[k]} is not a count of rows.");
            }

            feature[k] = leaf ? -1 : tree.Feature[portable];
            threshold[k] = leaf ? 0 : tree.Threshold[portable];
            categories[k] = !leaf && tree.Categories is { } c && portable < c.Count && c[portable] is { } set ? [.. set] : null;
            player[k] = leaf ? -1 : playerOf(portable);
            value[k] = leaf ? tree.Leaves[~portable] : 0;
            if (up >= 0)
            {
                var share = coverOf[up] > 0 ? coverOf[k] / coverOf[up] : 0;
                for (var a = up; a > 0; a = parent[a])
                {
                    if (player[parent[a]] == player[up])
                    {
                        previous[k] = a;
                        break;
                    }
                }

                ratio[k] = ratio[previous[k]] * share;
                distinct[k] = distinct[up] + (previous[k] == count ? 1 : 0);
                maxDistinct = Math.Max(maxDistinct, distinct[k]);
            }

            if (leaf)
            {
                expected += value[k] * coverOf[k];
            }
            else
            {
                // Right pushed first, so the left subtree comes next in the preorder.
                stack.Push((tree.Right[portable], k, false));
                stack.Push((tree.Left[portable], k, true));
            }
        }

        // G over a leaf's path, less one player's factor, has degree under the path's distinct players.
        var width = Vector<double>.Count;
        var lanes = (Math.Max(1, (maxDistinct + 1) / 2) + width - 1) / width;
        var points = lanes * width;
        if ((long)count * ((2 * points) + 1) > MaxScratch)
        {
            throw new InvalidDataException($"A tree of {count} nodes with {maxDistinct} distinct features on one path is too deep to explain.");
        }

        var (t, w) = GaussLegendre.Rule(points);
        var edges = new ShapEdge[count + 1];
        for (var k = 0; k <= count; k++)
        {
            edges[k] = k == count
                ? new ShapEdge { Parent = -1, Previous = count, Player = -1, Ratio = 1, InverseRatio = 1 }
                : new ShapEdge
                {
                    Parent = parent[k], Previous = previous[k], Player = player[k], IsLeft = isLeft[k] ? 1 : 0, Value = value[k],
                    Ratio = ratio[k], InverseRatio = ratio[k] > 0 ? 1 / ratio[k] : 1,
                };
        }

        // Per node and lane: r + (1 − r) t (the factor of a taken player), its reciprocal, and w (1 − r) / (r + (1 − r) t)
        // (a taken player's term), t and w the quadrature's nodes and weights.
        var tables = new double[3 * (count + 1) * points];
        for (var k = 0; k <= count; k++)
        {
            for (var q = 0; q < points; q++)
            {
                var (lane, i) = Math.DivRem(q, width);
                var at = (3 * ((k * lanes) + lane) * width) + i;
                var take = ratio[k] + ((1 - ratio[k]) * t[q]);
                (tables[at], tables[at + width], tables[at + (2 * width)]) = (take, 1 / take, w[q] * (1 - ratio[k]) / take);
            }
        }

        var cover0 = coverOf.Length > 0 ? coverOf[0] : 0;
        return new ShapTree
        {
            Feature = feature, Threshold = threshold, Categories = categories,
            Cover0 = cover0, Expected = cover0 > 0 ? expected / cover0 : 0, Lanes = lanes,
            Miss = Vectors([.. t.Select(x => 1 - x)]), InverseMiss = Vectors([.. t.Select(x => 1 / (1 - x))]),
            MissGain = Vectors([.. t.Zip(w, (x, weight) => -weight / (1 - x))]),
            Edges = edges, Tables = Vectors(tables), Splits = [.. Enumerable.Range(0, count).Where(k => player[k] >= 0)],
        };
    }

    private static Vector<double>[] Vectors(double[] values) => MemoryMarshal.Cast<double, Vector<double>>(values).ToArray();
}

/// <summary>One node of a <see cref="ShapTree"/> as the walks read it: the edge into it, its split's player, its leaf value.</summary>
[StructLayout(LayoutKind.Auto)]
internal struct ShapEdge
{
    /// <summary>The node's parent (−1 for the root and the sentinel).</summary>
    public int Parent;

    /// <summary>The nearest node above whose edge in splits on the same player (the sentinel when none does).</summary>
    public int Previous;

    /// <summary>The player the node's split reads (−1 for a leaf).</summary>
    public int Player;

    /// <summary>1 when the node is its parent's left child, else 0.</summary>
    public int IsLeft;

    /// <summary>
    /// The share of training rows that took every split on the edge's player from the root down to here the same way:
    /// the product of the cover ratios at those splits (1 for the sentinel).
    /// </summary>
    public double Ratio;

    /// <summary><c>1 / Ratio</c>, and 1 where it is 0 (whatever is below such an edge is multiplied by 0 already).</summary>
    public double InverseRatio;

    /// <summary>A leaf's value (0 for a split node).</summary>
    public double Value;
}
