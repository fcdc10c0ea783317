namespace Declarative.Scoring;

/// <summary>
/// The trees of one output in flat arrays, all trees' nodes in one run so a walk touches few cache lines. A child
/// index at or above zero is a node; below zero it is <c>~leaf</c>, both already offset into the shared arrays.
/// </summary>
internal sealed class TreeEnsemble
{
    private readonly Node[] _nodes;
    private readonly int[][] _categories;
    private readonly double[] _leaves;
    private readonly int[] _roots;

    public TreeEnsemble(IReadOnlyList<PortableTree> trees, int slots)
    {
        var nodes = new List<Node>();
        var categories = new List<int[]>();
        var leaves = new List<double>();
        var roots = new List<int>();
        foreach (var tree in trees)
        {
            // ML.NET scores a tree whose root has no split (a single leaf) as zero.
            if (tree.Left.Count == 0 || tree.Left[0] == 0)
            {
                continue;
            }

            var nodeBase = nodes.Count;
            var leafBase = leaves.Count;
            roots.Add(nodeBase);
            for (var i = 0; i < tree.Left.Count; i++)
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
            }

            leaves.AddRange(tree.Leaves);

            int Child(int child)
            {
                Check(child >= 0 ? child < tree.Left.Count && child > 0 : ~child < tree.Leaves.Count, "a child index is outside its tree");
                return child >= 0 ? nodeBase + child : ~(leafBase + ~child);
            }
        }

        _nodes = [.. nodes];
        _categories = [.. categories];
        _leaves = [.. leaves];
        _roots = [.. roots];
        TreeCount = trees.Count;
    }

    /// <summary>All trees, including single leaves (a forest averages over every tree).</summary>
    public int TreeCount { get; }

    /// <summary>The sum of the trees' outputs, in double as ML.NET sums them.</summary>
    public double Sum(ReadOnlySpan<float> features)
    {
        var nodes = _nodes;
        var sum = 0d;
        foreach (var root in _roots)
        {
            var index = root;
            do
            {
                ref readonly var node = ref nodes[index];
                index = node.Feature >= 0
                    ? (features[node.Feature] <= node.Threshold ? node.Left : node.Right)
                    : (AnyPositive(features, _categories[~node.Feature]) ? node.Right : node.Left);
            }
            while (index >= 0);

            sum += _leaves[~index];
        }

        return sum;
    }

    private static bool AnyPositive(ReadOnlySpan<float> features, int[] slots)
    {
        foreach (var slot in slots)
        {
            if (features[slot] > 0f)
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"The portable model is inconsistent: {problem}.");
        }
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
