using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Declarative.Tuning;

/// <summary>
/// Sequential model-based search, after SMAC: a random forest (ML.NET's FastForest) is fitted to the losses seen so
/// far; its trees' spread at a point estimates uncertainty, and the next point is the candidate with the largest
/// expected improvement among random points and small steps around the best ones.
/// </summary>
internal sealed class BayesianTuner : ITuner
{
    private const int InitialPoints = 5;
    private const int RandomCandidates = 100;
    private const int LocalCandidatesPerBest = 40;
    private static readonly double[] LocalSpreads = [0.01, 0.05, 0.15];

    private readonly double[] _start;
    private readonly int _seed;
    private readonly Random _random;
    private readonly List<(double[] Point, double Loss)> _history = [];
    private int _proposed;

    /// <summary>Starts with <paramref name="start"/>, then random points until the surrogate has enough to learn from.</summary>
    public BayesianTuner(double[] start, int seed)
    {
        _start = start;
        _seed = seed;
        _random = new Random(seed);
    }

    /// <inheritdoc/>
    public double[] Propose()
    {
        // Proposals of one round come before their results: count what was proposed, not what was reported.
        if (_proposed++ == 0)
        {
            return (double[])_start.Clone();
        }

        var finite = _history.Where(h => double.IsFinite(h.Loss)).ToList();
        if (_proposed <= InitialPoints || finite.Count < 3 || _start.Length == 0)
        {
            return Tuners.RandomPoint(_random, _start.Length);
        }

        // Failed trials count as the worst loss seen, so the surrogate learns to avoid where they failed.
        var worst = finite.Max(h => h.Loss);
        var best = finite.Min(h => h.Loss);
        var forest = Fit(_history.Select(h => (h.Point, double.IsFinite(h.Loss) ? h.Loss : worst)).ToList());
        var candidates = Candidates(finite);
        return candidates.MaxBy(c => ExpectedImprovement(forest, c, best))!;
    }

    /// <inheritdoc/>
    public void Report(double[] point, double loss) => _history.Add((point, loss));

    private List<double[]> Candidates(List<(double[] Point, double Loss)> finite)
    {
        var candidates = new List<double[]>();
        for (var i = 0; i < RandomCandidates; i++)
        {
            candidates.Add(Tuners.RandomPoint(_random, _start.Length));
        }

        foreach (var (point, _) in finite.OrderBy(h => h.Loss).Take(5))
        {
            foreach (var spread in LocalSpreads)
            {
                for (var i = 0; i < LocalCandidatesPerBest; i++)
                {
                    candidates.Add(point.Select(x => Math.Clamp(x + (spread * Gaussian()), 0, 1)).ToArray());
                }
            }
        }

        return candidates;
    }

    private static double ExpectedImprovement(IReadOnlyList<QuantileRegressionTree> forest, double[] point, double best)
    {
        var predictions = forest.Select(tree => Predict(tree, point)).ToArray();
        var mean = predictions.Average();
        var sd = Math.Sqrt(predictions.Sum(p => (p - mean) * (p - mean)) / predictions.Length);
        var gain = best - mean;
        if (sd < 1e-12)
        {
            return Math.Max(gain, 0);
        }

        var z = gain / sd;
        return (gain * NormalCdf(z)) + (sd * Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI));
    }

    /// <summary>Walks one tree of the forest: go left when the feature is at most the threshold.</summary>
    private static double Predict(RegressionTreeBase tree, double[] point)
    {
        if (tree.NumberOfNodes == 0)
        {
            return tree.LeafValues[0];
        }

        var node = 0;
        while (node >= 0)
        {
            node = point[tree.NumericalSplitFeatureIndexes[node]] <= tree.NumericalSplitThresholds[node] ? tree.LeftChild[node] : tree.RightChild[node];
        }

        return tree.LeafValues[~node];
    }

    private IReadOnlyList<QuantileRegressionTree> Fit(List<(double[] Point, double Loss)> history)
    {
        var ml = new MLContext(_seed);
        var dimension = _start.Length;
        var schema = SchemaDefinition.Create(typeof(Observation));
        schema[nameof(Observation.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var data = ml.Data.LoadFromEnumerable(
            history.Select(h => new Observation { Features = h.Point.Select(x => (float)x).ToArray(), Label = (float)h.Loss }), schema);
        var trainer = ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            NumberOfTrees = 30,
            NumberOfLeaves = Math.Clamp(history.Count / 2, 2, 16),
            MinimumExampleCountPerLeaf = 1,
            FeatureFraction = 1,
            Seed = _seed,
            NumberOfThreads = 1,
        });
        return [.. trainer.Fit(data).Model.TrainedTreeEnsemble.Trees];
    }

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The standard normal CDF (Abramowitz and Stegun 7.1.26 through erf).</summary>
    private static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var erf = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    private sealed class Observation
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
