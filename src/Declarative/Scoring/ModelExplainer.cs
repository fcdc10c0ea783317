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

    /// <summary>The row's properties the model reads, in the order of the values <see cref="Explain(TRow, int, Span{double})"/> writes.</summary>
    public IReadOnlyList<string> Properties { get; }

    /// <summary>How many raw outputs there are to explain (one per class for multiclass).</summary>
    public int OutputCount => _outputs.Length;

    /// <summary>The explainer of a pipeline's portable model: a feature column belongs to the row property it comes from.</summary>
    public static ModelExplainer<TRow> For<TSpecRow>(Schema.PipelineSpec<TSpecRow> spec, PortableModel model, RowFeaturizer<TRow> featurizer) =>
        Create(model, featurizer, column => spec.Features.FirstOrDefault(f => string.Equals(f.PropertyName, column, StringComparison.Ordinal))?.SourceProperty ?? column);

    /// <summary>
    /// The explainer of a portable model; <see cref="NotSupportedException"/> when the model file predates explanations
    /// (no covers or means recorded).
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

        OutputExplainer[] outputs = model.Members is { } members
            ? [.. Enumerable.Range(0, members[0].RawOutputs.Count).Select(k => new EnsembleOutput(members, k, slots, blockOfSlot))]
            : [.. model.Outputs.Select(o => OutputExplainer.For(o, slots, blockOfSlot))];
        return new ModelExplainer<TRow>(featurizer, outputs, [.. playerOwners], [.. properties]);
    }

    /// <summary>Explains raw output <paramref name="output"/> for <paramref name="row"/>, the contributions largest in size first.</summary>
    public Explanation Explain(TRow row, int output)
    {
        var values = new double[Properties.Count];
        var (baseValue, value) = Explain(row, output, values);
        // Ties (zeros, mostly) keep the properties' order (a stable sort), so the list is the same on every run.
        var contributions = values.Select((v, p) => new Contribution(Properties[p], v)).OrderByDescending(c => Math.Abs(c.Value)).ToArray();
        return new Explanation(baseValue, value, contributions);
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
    private abstract class OutputExplainer
    {
        /// <summary>The output's expectation over the training rows.</summary>
        public double BaseValue { get; protected init; }

        public static OutputExplainer For(PortableOutput output, int slots, int[] blockOfSlot) => output switch
        {
            { Trees: { } trees } => new TreeOutput(output, trees, slots, blockOfSlot),
            { Weights: { } weights } => new LinearOutput(output, weights),
            _ => throw new NotSupportedException("The model's output is neither trees nor a linear function."),
        };

        /// <summary>Writes each player's contribution into <paramref name="phi"/>; returns the base value and the raw output.</summary>
        public abstract (double BaseValue, double Value) Explain(float[] features, Span<double> phi);

        protected static NotSupportedException NoBasis(string what) =>
            new($"The model file records no {what}, which explanations need: it was written by a version of Declarative before explanations. Rebuild the model.");
    }

    /// <summary>TreeSHAP over each tree; the raw output is the scorer's own sum of the trees.</summary>
    private sealed class TreeOutput : OutputExplainer
    {
        private readonly ShapTree[] _shapTrees;
        private readonly TreeEnsemble _ensemble;
        private readonly double _divisor;
        private readonly int _scratchLength;

        public TreeOutput(PortableOutput output, IReadOnlyList<PortableTree> trees, int slots, int[] blockOfSlot)
        {
            // Checks the trees (children in range, no cycle) before they are walked here.
            _ensemble = new TreeEnsemble(trees, slots);

            // ML.NET scores a single-leaf tree as zero: it adds nothing to the score or to its explanation.
            PortableTree[] scored = [.. trees.Where(t => t.Left.Count > 0 && t.Left[0] != 0)];
            if (scored.Any(t => t.Covers is null || t.LeafCovers is null || t.Covers.Count != t.Left.Count || t.LeafCovers.Count != t.Leaves.Count))
            {
                throw NoBasis("the covers of its trees");
            }

            // A numeric split's player is its slot; a categorical split's is its category's block.
            _shapTrees = [.. scored.Select(t => ShapTree.From(t, node => t.Categories is { } c && node < c.Count && c[node] is { Count: > 0 } set
                ? slots + blockOfSlot[set[0]]
                : t.Feature[node]))];
            _divisor = output.Average ? Math.Max(trees.Count, 1) : 1;
            _scratchLength = _shapTrees.Length == 0 ? 1 : _shapTrees.Max(t => t.ScratchLength);
            BaseValue = _shapTrees.Sum(t => t.Expected) / _divisor;
        }

        public override (double BaseValue, double Value) Explain(float[] features, Span<double> phi)
        {
            var scratch = ArrayPool<double>.Shared.Rent(_scratchLength);
            try
            {
                foreach (var tree in _shapTrees)
                {
                    TreeShap.Explain(tree, features, phi, scratch);
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(scratch);
            }

            if (_divisor != 1)
            {
                for (var i = 0; i < phi.Length; i++)
                {
                    phi[i] /= _divisor;
                }
            }

            return (BaseValue, _ensemble.Sum(features) / _divisor);
        }
    }

    /// <summary>
    /// An ensemble's score, the weighted sum of its members' outputs in the ensemble's space (<c>a·raw + b</c>), is
    /// explained by the same sum of their explanations: Shapley values are linear in the game, so each member's values
    /// scaled by its weight times <c>a</c> add up, and so do the base values (with the <c>b</c> terms). A multiclass
    /// ensemble averages probabilities, which are not linear in the members' raw class outputs; a class is explained
    /// as its members' raw outputs for it, weighted, as a single model's raw class output is.
    /// </summary>
    private sealed class EnsembleOutput : OutputExplainer
    {
        private readonly (OutputExplainer Explainer, MemberScaling Scaling, double Factor, double Shift)[] _members;

        /// <summary>The explainer of the members' raw output <paramref name="output"/> (a class's, for multiclass), weighted.</summary>
        public EnsembleOutput(IReadOnlyList<PortableMember> members, int output, int slots, int[] blockOfSlot)
        {
            _members = [.. members.Select(m =>
            {
                var space = m.Space();
                return (For(m.RawOutputs[output], slots, blockOfSlot), MemberScaling.Of(m, slots, "the portable model"), m.Weight * space.Slope, m.Weight * space.Offset);
            })];
            BaseValue = _members.Sum(m => (m.Factor * m.Explainer.BaseValue) + m.Shift);
        }

        public override (double BaseValue, double Value) Explain(float[] features, Span<double> phi)
        {
            var scaled = ArrayPool<float>.Shared.Rent(features.Length);
            var own = ArrayPool<double>.Shared.Rent(phi.Length);
            try
            {
                var value = 0d;
                foreach (var (explainer, scaling, factor, shift) in _members)
                {
                    var input = scaling.Apply(features, scaled);
                    var memberPhi = own.AsSpan(0, phi.Length);
                    memberPhi.Clear();
                    var (_, raw) = explainer.Explain(input, memberPhi);
                    for (var i = 0; i < phi.Length; i++)
                    {
                        phi[i] += factor * memberPhi[i];
                    }

                    value += (factor * raw) + shift;
                }

                return (BaseValue, value);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scaled);
                ArrayPool<double>.Shared.Return(own);
            }
        }
    }

    /// <summary><c>w · (x − E[x])</c> per slot; the raw output is the bias plus each weight times its slot.</summary>
    private sealed class LinearOutput : OutputExplainer
    {
        private readonly double[] _weights;
        private readonly double[] _means;
        private readonly double _bias;

        public LinearOutput(PortableOutput output, IReadOnlyList<float> weights)
        {
            _means = output.FeatureMeans is { } m && m.Count == weights.Count ? [.. m] : throw NoBasis("the training means of its features");
            _weights = [.. weights.Select(w => (double)w)];
            _bias = output.Bias;
            BaseValue = _bias + _weights.Zip(_means, (w, mean) => w * mean).Sum();
        }

        public override (double BaseValue, double Value) Explain(float[] features, Span<double> phi)
        {
            var value = _bias;
            for (var slot = 0; slot < _weights.Length; slot++)
            {
                phi[slot] = _weights[slot] * (features[slot] - _means[slot]);
                value += _weights[slot] * features[slot];
            }

            return (BaseValue, value);
        }
    }
}
