using System.Buffers;

namespace Declarative.Scoring;

/// <summary>
/// Explains a portable model's raw outputs (the margin or log-odds of a classifier, a regression's value before any
/// <c>exp</c>) by the exact Shapley value of each of the row's properties: trees by path-dependent TreeSHAP over the
/// covers the build recorded, a linear model by <c>w · (x − E[x])</c> over the training means. The values of a
/// property's slots (one-hot values, date parts, a run's elements) are summed into it, which additivity allows. Plain
/// C#, immutable and safe to share between threads, so it runs wherever the scorer does, Native AOT included.
/// </summary>
internal sealed class ModelExplainer<TRow>
{
    private readonly RowFeaturizer<TRow> _featurizer;
    private readonly OutputExplainer[] _outputs;
    private readonly int[] _propertyOfPlayer;

    private ModelExplainer(RowFeaturizer<TRow> featurizer, OutputExplainer[] outputs, int[] propertyOfPlayer, string[] properties)
    {
        _featurizer = featurizer;
        _outputs = outputs;
        _propertyOfPlayer = propertyOfPlayer;
        Properties = properties;
    }

    /// <summary>The row's properties the model reads, in the order of the values <see cref="Explain"/> writes.</summary>
    public IReadOnlyList<string> Properties { get; }

    /// <summary>How many raw outputs there are to explain (one per class for multiclass).</summary>
    public int OutputCount => _outputs.Length;

    /// <summary>
    /// The explainer of a portable model, or why there is none: the model file predates explanations (no covers or
    /// means recorded).
    /// </summary>
    /// <param name="model">The portable model.</param>
    /// <param name="featurizer">Its featurizer, bound to the row type.</param>
    /// <param name="propertyOf">The row's property a feature column (by its name in the model) belongs to.</param>
    public static ModelExplainer<TRow> Create(PortableModel model, RowFeaturizer<TRow> featurizer, Func<string, string> propertyOf)
    {
        var features = model.Features;
        var slots = featurizer.Length;
        var properties = new List<string>();
        var playerOwners = new List<int>();
        int PropertyIndex(string column)
        {
            var property = propertyOf(column);
            var index = properties.IndexOf(property);
            if (index < 0)
            {
                index = properties.Count;
                properties.Add(property);
            }

            return index;
        }

        // Players: each slot, then one per categorical block (LightGbm's categorical splits read a block as one).
        foreach (var numeric in features.Numeric)
        {
            playerOwners.Add(PropertyIndex(numeric));
        }

        var blockOfSlot = new int[slots];
        var block = 0;
        foreach (var category in features.Categorical)
        {
            var owner = PropertyIndex(category.Property);
            for (var i = 0; i < category.Values.Count; i++)
            {
                blockOfSlot[playerOwners.Count] = block;
                playerOwners.Add(owner);
            }

            block++;
        }

        for (var b = 0; b < block; b++)
        {
            playerOwners.Add(properties.IndexOf(propertyOf(features.Categorical[b].Property)));
        }

        var outputs = model.Outputs.Select(o => OutputExplainer.For(o, slots, blockOfSlot)).ToArray();
        return new ModelExplainer<TRow>(featurizer, outputs, [.. playerOwners], [.. properties]);
    }

    /// <summary>
    /// Writes each property's contribution to raw output <paramref name="output"/> for <paramref name="row"/> into
    /// <paramref name="byProperty"/> (in <see cref="Properties"/> order) and returns the base value (the output's
    /// expectation over the training rows) and the row's raw output, which the contributions add up to.
    /// </summary>
    public (double BaseValue, double Value) Explain(TRow row, int output, Span<double> byProperty)
    {
        var features = ArrayPool<float>.Shared.Rent(_featurizer.Length);
        var phi = ArrayPool<double>.Shared.Rent(_propertyOfPlayer.Length);
        try
        {
            _featurizer.Featurize(row, features.AsSpan(0, _featurizer.Length));
            var players = phi.AsSpan(0, _propertyOfPlayer.Length);
            players.Clear();
            var (baseValue, value) = _outputs[output].Explain(features, players);
            byProperty.Clear();
            for (var player = 0; player < players.Length; player++)
            {
                byProperty[_propertyOfPlayer[player]] += players[player];
            }

            return (baseValue, value);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<double>.Shared.Return(phi);
        }
    }

    /// <summary>One raw output's explainer: a tree ensemble or a linear function.</summary>
    private sealed class OutputExplainer
    {
        private PortableTree[] _trees = [];
        private ShapTree[] _shapTrees = [];
        private double _divisor = 1;
        private int _bufferLength;
        private int _nodes;
        private double[]? _weights;
        private double[]? _means;
        private double _base;
        private double _bias;

        public static OutputExplainer For(PortableOutput output, int slots, int[] blockOfSlot)
        {
            if (output.Trees is { } trees)
            {
                // ML.NET scores a single-leaf tree as zero: it adds nothing to the score or to its explanation.
                var split = trees.Where(t => t.Left.Count > 0 && t.Left[0] != 0).ToArray();
                if (split.Any(t => t.Covers is null || t.LeafCovers is null || t.Covers.Count != t.Left.Count || t.LeafCovers.Count != t.Leaves.Count))
                {
                    throw NoBasis("the covers of its trees");
                }

                var explainer = new OutputExplainer
                {
                    _trees = split,
                    _divisor = output.Average ? Math.Max(trees.Count, 1) : 1,
                };
                explainer._shapTrees = [.. split.Select(t => ShapTree.From(t, node => t.Categories is { } c && node < c.Count && c[node] is { Count: > 0 } set
                    ? slots + blockOfSlot[set[0]]
                    : t.Feature[node]))];
                explainer._bufferLength = explainer._shapTrees.Length == 0 ? 0 : explainer._shapTrees.Max(t => TreeShap.BufferLength(t.Depth));
                explainer._nodes = split.Length == 0 ? 0 : split.Max(t => t.Left.Count);
                explainer._base = explainer._shapTrees.Sum(t => t.Expected) / explainer._divisor;
                return explainer;
            }

            if (output.Weights is { } weights)
            {
                var means = output.FeatureMeans is { } m && m.Count == weights.Count ? m.ToArray() : throw NoBasis("the training means of its features");
                var w = weights.Select(x => (double)x).ToArray();
                return new OutputExplainer { _weights = w, _means = means, _bias = output.Bias, _base = output.Bias + w.Zip(means, (a, b) => a * b).Sum() };
            }

            throw new NotSupportedException("The model's output is neither trees nor a linear function.");
        }

        public (double BaseValue, double Value) Explain(float[] features, Span<double> phi)
        {
            if (_weights is { } weights)
            {
                // The output itself is the bias plus each weight times its slot; each slot's share is its distance from the mean.
                var value = _bias;
                for (var slot = 0; slot < weights.Length; slot++)
                {
                    phi[slot] = weights[slot] * (features[slot] - _means![slot]);
                    value += weights[slot] * features[slot];
                }

                return (_base, value);
            }

            var path = ArrayPool<PathElement>.Shared.Rent(Math.Max(_bufferLength, 1));
            var left = ArrayPool<bool>.Shared.Rent(Math.Max(_nodes, 1));
            try
            {
                var sum = 0d;
                for (var t = 0; t < _trees.Length; t++)
                {
                    var tree = _trees[t];
                    for (var node = 0; node < tree.Left.Count; node++)
                    {
                        left[node] = PortableTrees.GoesLeft(tree, node, features);
                    }

                    TreeShap.Explain(_shapTrees[t], left, phi, path);
                    sum += Leaf(tree, left);
                }

                if (_divisor != 1)
                {
                    for (var i = 0; i < phi.Length; i++)
                    {
                        phi[i] /= _divisor;
                    }
                }

                return (_base, sum / _divisor);
            }
            finally
            {
                ArrayPool<PathElement>.Shared.Return(path);
                ArrayPool<bool>.Shared.Return(left);
            }
        }

        /// <summary>The value of the leaf the row reaches.</summary>
        private static double Leaf(PortableTree tree, bool[] left)
        {
            var node = 0;
            while (true)
            {
                var child = left[node] ? tree.Left[node] : tree.Right[node];
                if (child < 0)
                {
                    return tree.Leaves[~child];
                }

                node = child;
            }
        }

        private static NotSupportedException NoBasis(string what) =>
            new($"The model file records no {what}, which explanations need: it was written by a version of Declarative before explanations. Rebuild the model.");
    }
}
