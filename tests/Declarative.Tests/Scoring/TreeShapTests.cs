using Declarative.Scoring;

namespace Declarative.Tests.Scoring;

/// <summary>
/// TreeSHAP against Shapley values by definition on random deep trees: a feature split on several times along a path,
/// branches no training row reached (zero covers), paths with more distinct features than one vector of quadrature nodes.
/// </summary>
public sealed class TreeShapTests
{
    private const int Features = 9;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomDeepTrees_EqualShapleyValuesOverEverySubset(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var tree = RandomTree(random, depth: 4 + random.Next(10));
            var shap = ShapTree.From(tree, node => tree.Feature[node]);
            var scratch = new double[shap.ScratchLength];
            for (var row = 0; row < 5; row++)
            {
                var features = Enumerable.Range(0, Features).Select(_ => (float)random.NextDouble()).ToArray();
                var phi = new double[Features];
                TreeShap.Explain(shap, features, phi, scratch);
                var exact = BruteForceShapley.Values(Features, subset => BruteForceShapley.Expected(tree, 0, subset, features));
                for (var f = 0; f < Features; f++)
                {
                    Assert.True(Math.Abs(exact[f] - phi[f]) <= 1e-9, $"seed {seed}, tree {round}, row {row}, feature {f}: {phi[f]} against {exact[f]}");
                }
            }
        }
    }

    [Fact]
    public void GaussLegendre_IntegratesEveryPowerUpToTwiceItsNodesLessOne_Exactly()
    {
        for (var n = 1; n <= 24; n++)
        {
            var (nodes, weights) = GaussLegendre.Rule(n);
            Assert.All(nodes, t => Assert.InRange(t, double.Epsilon, 1 - 1e-16));
            for (var k = 0; k <= (2 * n) - 1; k++)
            {
                var integral = nodes.Zip(weights, (t, w) => w * Math.Pow(t, k)).Sum();
                Assert.True(Math.Abs(integral - (1d / (k + 1))) <= 1e-13, $"{n} nodes, t^{k}: {integral}");
            }
        }
    }

    /// <summary>A random tree over nine features; each split sends a random share of its rows left, sometimes none.</summary>
    private static PortableTree RandomTree(Random random, int depth)
    {
        var (left, right, feature, threshold, covers) = (new List<int>(), new List<int>(), new List<int>(), new List<float>(), new List<double>());
        var (leaves, leafCovers) = (new List<double>(), new List<double>());
        int Grow(int level, double cover)
        {
            if (level == depth || (level > 2 && random.NextDouble() < 0.15))
            {
                leaves.Add((random.NextDouble() * 2) - 1);
                leafCovers.Add(cover);
                return ~(leaves.Count - 1);
            }

            var node = left.Count;
            left.Add(0);
            right.Add(0);
            feature.Add(random.Next(Features));
            threshold.Add((float)random.NextDouble());
            covers.Add(cover);
            var share = random.NextDouble() < 0.1 ? 0 : Math.Floor(cover * random.NextDouble());
            left[node] = Grow(level + 1, share);
            right[node] = Grow(level + 1, cover - share);
            return node;
        }

        Grow(0, 10_000);
        return new PortableTree { Left = left, Right = right, Feature = feature, Threshold = threshold, Leaves = leaves, Covers = covers, LeafCovers = leafCovers };
    }
}
