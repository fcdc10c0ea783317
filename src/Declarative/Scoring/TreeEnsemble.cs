using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Declarative.Scoring;

/// <summary>
/// The trees of one output, compiled for a fast walk. Every node (leaves too) is one 16-byte record in one array; a
/// leaf points at itself, so a tree is walked a fixed number of steps (its depth) with no test for having arrived.
/// Four trees are walked in lockstep, so the CPU overlaps their chains of dependent loads; the child is picked by
/// indexing the node's two children with the comparison's result, not by a branch, since which way a row goes is as
/// good as random to the branch predictor. Walked at one row per call with no allocation.
/// </summary>
internal sealed class TreeEnsemble
{
    private const int Lanes = 4;

    private readonly Node[] _nodes;
    private readonly double[] _values;
    private readonly int[][] _categories;
    private readonly int[] _roots;
    private readonly int[] _depths;
    private readonly int[] _laneDepths;

    public TreeEnsemble(IReadOnlyList<PortableTree> trees, int slots)
    {
        var nodes = new List<Node>();
        var values = new List<double>();
        var categories = new List<int[]>();
        var roots = new List<int>();
        var depths = new List<int>();
        foreach (var tree in trees)
        {
            // ML.NET scores a tree whose root has no split (a single leaf) as zero.
            if (tree.Left.Count == 0 || tree.Left[0] == 0)
            {
                continue;
            }

            var splits = tree.Left.Count;
            var splitBase = nodes.Count;
            var leafBase = splitBase + splits;
            roots.Add(splitBase);
            for (var i = 0; i < splits; i++)
            {
                var set = tree.Categories is { } c && i < c.Count ? c[i] : null;
                var feature = tree.Feature[i];
                if (set is not null)
                {
                    Check(set.All(s => s >= 0 && s < slots), "a categorical split reads a slot outside the feature vector");
                    feature = ~categories.Count;
                    categories.Add([.. set]);
                }
                else
                {
                    Check(feature >= 0 && feature < slots, "a split reads a slot outside the feature vector");
                }

                nodes.Add(new Node(feature, tree.Threshold[i], Child(tree.Left[i]), Child(tree.Right[i])));
                values.Add(0);
            }

            for (var leaf = 0; leaf < tree.Leaves.Count; leaf++)
            {
                nodes.Add(new Node(0, 0, leafBase + leaf, leafBase + leaf));
                values.Add(tree.Leaves[leaf]);
            }

            depths.Add(Depth(tree));

            int Child(int child)
            {
                Check(child >= 0 ? child < splits && child > 0 : ~child < tree.Leaves.Count, "a child index is outside its tree");
                return child >= 0 ? splitBase + child : leafBase + ~child;
            }
        }

        _nodes = [.. nodes];
        _values = [.. values];
        _categories = [.. categories];
        _roots = [.. roots];
        _depths = [.. depths];
        _laneDepths = Enumerable.Range(0, _roots.Length / Lanes).Select(g => _depths.Skip(g * Lanes).Take(Lanes).Max()).ToArray();
        TreeCount = trees.Count;
    }

    /// <summary>All trees, including single leaves (a forest averages over every tree).</summary>
    public int TreeCount { get; }

    /// <summary>The sum of the trees' outputs, added in tree order in double, as ML.NET sums them.</summary>
    public double Sum(ReadOnlySpan<float> features)
    {
        if (_categories.Length > 0)
        {
            return SumWithCategoricalSplits(features);
        }

        var nodes = _nodes;
        var values = _values;
        var sum = 0d;
        var t = 0;
        for (var group = 0; group < _laneDepths.Length; group++, t += Lanes)
        {
            int a = _roots[t], b = _roots[t + 1], c = _roots[t + 2], d = _roots[t + 3];
            for (var step = _laneDepths[group]; step > 0; step--)
            {
                a = Step(nodes, features, a);
                b = Step(nodes, features, b);
                c = Step(nodes, features, c);
                d = Step(nodes, features, d);
            }

            sum += values[a];
            sum += values[b];
            sum += values[c];
            sum += values[d];
        }

        for (; t < _roots.Length; t++)
        {
            var a = _roots[t];
            for (var step = _depths[t]; step > 0; step--)
            {
                a = Step(nodes, features, a);
            }

            sum += values[a];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(Node[] nodes, ReadOnlySpan<float> features, int index)
    {
        ref readonly var node = ref nodes[index];
        return Unsafe.Add(ref Unsafe.AsRef(in node.Left), features[node.Feature] <= node.Threshold ? 0 : 1);
    }

    /// <summary>LightGbm's categorical splits (a node goes right when any of its one-hot slots is positive), one tree at a time.</summary>
    private double SumWithCategoricalSplits(ReadOnlySpan<float> features)
    {
        var sum = 0d;
        for (var t = 0; t < _roots.Length; t++)
        {
            var index = _roots[t];
            for (var step = _depths[t]; step > 0; step--)
            {
                ref readonly var node = ref _nodes[index];
                index = node.Feature >= 0
                    ? Unsafe.Add(ref Unsafe.AsRef(in node.Left), features[node.Feature] <= node.Threshold ? 0 : 1)
                    : (PortableTrees.AnyPositive(features, _categories[~node.Feature]) ? node.Right : node.Left);
            }

            sum += _values[index];
        }

        return sum;
    }

    /// <summary>
    /// The most splits on a path from the root to a leaf. Without recursion, and checked, since the file may be hostile:
    /// a chain of a million nodes must not overflow the stack, and a node with two parents or a cycle (which no trained
    /// tree has) is refused rather than walked.
    /// </summary>
    private static int Depth(PortableTree tree)
    {
        var depth = new int[tree.Left.Count];
        var parents = new int[tree.Left.Count];
        var order = new List<int>(tree.Left.Count) { 0 };
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var child in (ReadOnlySpan<int>)[tree.Left[order[i]], tree.Right[order[i]]])
            {
                if (child >= 0)
                {
                    Check(++parents[child] == 1, "a tree node has two parents, or the tree's children form a cycle");
                    order.Add(child);
                }
            }
        }

        // Children come after their parents in the order, so walking it backwards sees every child first.
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            int Below(int child) => child >= 0 ? depth[child] : 0;
            depth[node] = 1 + Math.Max(Below(tree.Left[node]), Below(tree.Right[node]));
        }

        return depth[0];
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"The portable model is inconsistent: {problem}.");
        }
    }

    /// <summary>A node; <see cref="Right"/> follows <see cref="Left"/> in memory, so the walk reaches it as <c>Left + 1</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Node(int feature, float threshold, int left, int right)
    {
        public readonly int Feature = feature;
        public readonly float Threshold = threshold;
        public readonly int Left = left;
        public readonly int Right = right;
    }
}
