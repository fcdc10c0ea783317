namespace Declarative.Scoring;

/// <summary>
/// Exact Shapley values of one tree's output for one row, by path-dependent TreeSHAP (Lundberg, Erion and Lee,
/// "Consistent individualized feature attribution for tree ensembles", 2018, Algorithm 2). One walk of the tree carries,
/// for the distinct features split on along the path, the share of all feature subsets that reach the node; a feature
/// outside a subset follows both children, weighted by the training rows (covers) that went each way. The cost is
/// O(leaves · depth²) instead of a sum over every subset.
/// </summary>
/// <remarks>Plain C# with no allocation per row beyond the caller's buffers, so it runs under Native AOT.</remarks>
internal static class TreeShap
{
    /// <summary>
    /// Adds each player's contribution to this tree's output for one row into <paramref name="phi"/>. Split node
    /// <c>n</c> sends the row left when <c>goesLeft[n]</c>.
    /// </summary>
    public static void Explain(ShapTree tree, ReadOnlySpan<bool> goesLeft, Span<double> phi, PathElement[] buffer)
    {
        if (tree.Cover[0] > 0)
        {
            Recurse(tree, 0, goesLeft, phi, buffer, 0, 0, 1, 1, -1);
        }
    }

    /// <summary>Path elements a tree of this depth needs: each level copies its parent's path and adds one.</summary>
    public static int BufferLength(int depth) => (depth + 2) * (depth + 3) / 2;

    private static void Recurse(ShapTree tree, int node, ReadOnlySpan<bool> goesLeft, Span<double> phi, PathElement[] buffer,
        int parentStart, int parentLength, double zeroFraction, double oneFraction, int player)
    {
        // This level's path follows its parent's in the buffer: a copy of it, extended by the feature that led here.
        var start = parentStart + parentLength;
        var path = buffer.AsSpan(start, parentLength + 1);
        buffer.AsSpan(parentStart, parentLength).CopyTo(path);
        Extend(path, parentLength, zeroFraction, oneFraction, player);
        var last = parentLength;

        if (tree.IsLeaf(node))
        {
            var value = tree.Value[node];
            for (var i = 1; i <= last; i++)
            {
                phi[path[i].Player] += UnwoundSum(path, last, i) * (path[i].One - path[i].Zero) * value;
            }

            return;
        }

        var split = tree.Player[node];
        var (incomingZero, incomingOne) = (1d, 1d);
        for (var k = 1; k <= last; k++)
        {
            if (path[k].Player == split)
            {
                // Split on above: undo its earlier extension, so it enters the subsets once, with both fractions.
                (incomingZero, incomingOne) = (path[k].Zero, path[k].One);
                Unwind(path, last, k);
                last--;
                break;
            }
        }

        var (hot, cold) = goesLeft[node] ? (tree.Left[node], tree.Right[node]) : (tree.Right[node], tree.Left[node]);
        var cover = tree.Cover[node];
        // A node no training row reached (possible when the covers come from a sample of the rows) has no shares to split.
        var (hotZero, coldZero) = cover > 0 ? (incomingZero * tree.Cover[hot] / cover, incomingZero * tree.Cover[cold] / cover) : (0, 0);
        // A branch no subset reaches (no training row went there, and the row does not) adds nothing: it is not walked.
        if (hotZero != 0 || incomingOne != 0)
        {
            Recurse(tree, hot, goesLeft, phi, buffer, start, last + 1, hotZero, incomingOne, split);
        }

        if (coldZero != 0)
        {
            Recurse(tree, cold, goesLeft, phi, buffer, start, last + 1, coldZero, 0, split);
        }
    }

    private static void Extend(Span<PathElement> path, int last, double zeroFraction, double oneFraction, int player)
    {
        path[last] = new PathElement { Player = player, Zero = zeroFraction, One = oneFraction, Weight = last == 0 ? 1 : 0 };
        for (var i = last - 1; i >= 0; i--)
        {
            path[i + 1].Weight += oneFraction * path[i].Weight * (i + 1) / (last + 1);
            path[i].Weight = zeroFraction * path[i].Weight * (last - i) / (last + 1);
        }
    }

    private static void Unwind(Span<PathElement> path, int last, int index)
    {
        var (one, zero) = (path[index].One, path[index].Zero);
        var next = path[last].Weight;
        for (var j = last - 1; j >= 0; j--)
        {
            if (one != 0)
            {
                var weight = path[j].Weight;
                path[j].Weight = next * (last + 1) / ((j + 1) * one);
                next = weight - (path[j].Weight * zero * (last - j) / (last + 1));
            }
            else
            {
                path[j].Weight = path[j].Weight * (last + 1) / (zero * (last - j));
            }
        }

        // The weights stay where they are; the features after the unwound one move down by one.
        for (var j = index; j < last; j++)
        {
            (path[j].Player, path[j].Zero, path[j].One) = (path[j + 1].Player, path[j + 1].Zero, path[j + 1].One);
        }
    }

    /// <summary>The total weight of the path with element <paramref name="index"/> unwound, leaving the path as it is.</summary>
    private static double UnwoundSum(Span<PathElement> path, int last, int index)
    {
        var (one, zero) = (path[index].One, path[index].Zero);
        var next = path[last].Weight;
        var total = 0d;
        for (var j = last - 1; j >= 0; j--)
        {
            if (one != 0)
            {
                var weight = next * (last + 1) / ((j + 1) * one);
                total += weight;
                next = path[j].Weight - (weight * zero * (last - j) / (last + 1));
            }
            else
            {
                total += path[j].Weight * (last + 1) / (zero * (last - j));
            }
        }

        return total;
    }
}

/// <summary>One distinct feature on the path: which, the shares of subsets without and with it that go this way, and its weight.</summary>
internal struct PathElement
{
    public int Player;
    public double Zero;
    public double One;
    public double Weight;
}

/// <summary>
/// A tree as TreeSHAP reads it: nodes indexed alike, split nodes first, then leaves (<see cref="Left"/> -1). Each split
/// names its player (a feature slot, or one key for a categorical block) and every node its cover, the training rows
/// that reached it.
/// </summary>
internal sealed class ShapTree
{
    public required int[] Left { get; init; }

    public required int[] Right { get; init; }

    public required int[] Player { get; init; }

    public required double[] Cover { get; init; }

    public required double[] Value { get; init; }

    public required int Depth { get; init; }

    public bool IsLeaf(int node) => Left[node] < 0;

    /// <summary>The tree of a portable tree with its covers; <paramref name="playerOf"/> names the player of each split node.</summary>
    public static ShapTree From(PortableTree tree, Func<int, int> playerOf)
    {
        var splits = tree.Left.Count;
        var count = splits + tree.Leaves.Count;
        var (left, right, player, cover, value) = (new int[count], new int[count], new int[count], new double[count], new double[count]);
        for (var node = 0; node < splits; node++)
        {
            left[node] = tree.Left[node] >= 0 ? tree.Left[node] : splits + ~tree.Left[node];
            right[node] = tree.Right[node] >= 0 ? tree.Right[node] : splits + ~tree.Right[node];
            player[node] = playerOf(node);
            cover[node] = tree.Covers![node];
        }

        for (var leaf = 0; leaf < tree.Leaves.Count; leaf++)
        {
            (left[splits + leaf], right[splits + leaf], player[splits + leaf]) = (-1, -1, -1);
            cover[splits + leaf] = tree.LeafCovers![leaf];
            value[splits + leaf] = tree.Leaves[leaf];
        }

        return new ShapTree { Left = left, Right = right, Player = player, Cover = cover, Value = value, Depth = DepthOf(left, right) };
    }

    /// <summary>The most splits from the root to a leaf, level by level (no recursion, whatever the tree's shape).</summary>
    private static int DepthOf(int[] left, int[] right)
    {
        var depth = 0;
        var level = new List<int> { 0 };
        while (level.Count > 0)
        {
            var next = new List<int>();
            foreach (var node in level)
            {
                if (left[node] >= 0)
                {
                    next.Add(left[node]);
                    next.Add(right[node]);
                }
            }

            depth += next.Count > 0 ? 1 : 0;
            level = next;
        }

        return depth;
    }

    /// <summary>The tree's output averaged over the training rows: its share of the base value.</summary>
    public double Expected
    {
        get
        {
            var sum = 0d;
            for (var node = 0; node < Left.Length; node++)
            {
                if (IsLeaf(node))
                {
                    sum += Value[node] * Cover[node];
                }
            }

            return Cover[0] > 0 ? sum / Cover[0] : 0;
        }
    }
}
