namespace Declarative.Scoring;

/// <summary>
/// Scores rows from a <see cref="PortableModel"/> in plain C#: no ML.NET, no reflection, no dynamic code, so it serves
/// Native AOT apps; it is also faster than ML.NET's per-row machinery. Immutable after construction and safe to share
/// between threads. The scores written are the task's: binary classification the score and the probability,
/// regression the score, multiclass one score per class.
/// </summary>
internal sealed class ModelScorer<TRow>
{
    /// <summary>Feature vectors up to this many slots live on the stack.</summary>
    private const int StackSlots = 512;

    private readonly RowFeaturizer<TRow> _featurizer;
    private readonly Output[] _outputs;
    private readonly Member[]? _members;
    private readonly ClassScores _classScores;
    private readonly bool _perClass;

    public ModelScorer(PortableModel model, RowFeaturizer<TRow> featurizer, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(featurizer);
        Model = model;
        _featurizer = featurizer;
        _outputs = [.. model.Outputs.Select(o => new Output(o, _featurizer.Length, source))];
        _classScores = model.ClassScores;
        var layout = Schema.TaskDefinitions.For(model.Task).Scores;
        ScoreCount = layout switch
        {
            Schema.ScoreLayout.ScoreAndProbability => 2,
            Schema.ScoreLayout.PerClass => _outputs.Length,
            _ => 1,
        };

        if (model.Members is { } members)
        {
            // Each member has one output, or (multiclass) its outputs, one per class of the model's.
            _perClass = layout == Schema.ScoreLayout.PerClass;
            var outputs = _perClass ? model.Classes?.Count ?? 0 : 1;
            if (members.Count < 2 || _outputs.Length != 0 || !Schema.TaskDefinitions.For(model.Task).Ensembles || outputs == 0
                || members.Any(m => m.RawOutputs.Count != outputs || (m.Output is null) != _perClass))
            {
                throw new ModelFileException(source, $"The portable model is an ensemble of {members.Count} members with {_outputs.Length} outputs of its own, which {model.Task} cannot use.");
            }

            _members = [.. members.Select(m => new Member(m, _featurizer.Length, source))];
            if (_perClass)
            {
                ScoreCount = outputs;
            }

            return;
        }

        if (_outputs.Length == 0 || layout == Schema.ScoreLayout.None || (layout != Schema.ScoreLayout.PerClass && _outputs.Length != 1)
            || (layout == Schema.ScoreLayout.PerClass && model.Classes?.Count != _outputs.Length))
        {
            throw new ModelFileException(source, $"The portable model has {_outputs.Length} outputs and {model.Classes?.Count ?? 0} classes, which {model.Task} cannot use.");
        }
    }

    /// <summary>The model this scorer serves.</summary>
    public PortableModel Model { get; }

    /// <summary>How many scores <see cref="Score"/> writes.</summary>
    public int ScoreCount { get; }

    /// <summary>Scores one row into <paramref name="scores"/> (<see cref="ScoreCount"/> values).</summary>
    public void Score(TRow row, Span<float> scores)
    {
        var length = _featurizer.Length;
        // An ensemble's members each scale the features their own way: one scratch row after the features serves them all.
        var slots = _members is null ? length : 2 * length;
        float[]? rented = null;
        var buffer = slots <= StackSlots ? stackalloc float[slots] : (rented = System.Buffers.ArrayPool<float>.Shared.Rent(slots)).AsSpan(0, slots);
        var features = buffer[..length];
        try
        {
            _featurizer.Featurize(row, features);
            if (_members is { } members)
            {
                if (_perClass)
                {
                    BlendClasses(members, features, buffer[length..], scores[..ScoreCount]);
                    return;
                }

                var score = Blend(members, features, buffer[length..]);
                scores[0] = (float)score;
                if (scores.Length > 1)
                {
                    scores[1] = (float)(1 / (1 + Math.Exp(-score)));
                }

                return;
            }

            if (_outputs.Length == 1)
            {
                var score = _outputs[0].Raw(features);
                scores[0] = score;
                if (scores.Length > 1)
                {
                    scores[1] = _outputs[0].Probability(score);
                }

                return;
            }

            ClassScoresOf(_outputs, _classScores, features, scores);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// An ensemble's score: its members' outputs, each on its own scaling of the features (in <paramref name="scaled"/>),
    /// weighted and summed.
    /// </summary>
    private static double Blend(Member[] members, ReadOnlySpan<float> features, Span<float> scaled)
    {
        var sum = 0d;
        foreach (var member in members)
        {
            sum += member.Weight * member.Value(features, scaled);
        }

        return sum;
    }

    /// <summary>
    /// A multiclass ensemble's class scores: each member's class probabilities (on its own scaling of the features, in
    /// <paramref name="scaled"/>), weighted and summed in double, member by member, as the ML.NET model's blend sums them.
    /// </summary>
    private static void BlendClasses(Member[] members, ReadOnlySpan<float> features, Span<float> scaled, Span<float> scores)
    {
        Span<double> sums = scores.Length <= 64 ? stackalloc double[scores.Length] : new double[scores.Length];
        Span<float> member = scores.Length <= 64 ? stackalloc float[scores.Length] : new float[scores.Length];
        sums.Clear();
        foreach (var m in members)
        {
            m.ClassValues(features, scaled, member);
            for (var k = 0; k < sums.Length; k++)
            {
                sums[k] += m.Weight * member[k];
            }
        }

        for (var k = 0; k < sums.Length; k++)
        {
            scores[k] = (float)sums[k];
        }
    }

    /// <summary>A multiclass model's class scores: its raw outputs (each output's probability where they are normalized), then <paramref name="kind"/>.</summary>
    private static void ClassScoresOf(Output[] outputs, ClassScores kind, ReadOnlySpan<float> features, Span<float> scores)
    {
        for (var k = 0; k < outputs.Length; k++)
        {
            scores[k] = kind == ClassScores.NormalizedProbabilities ? outputs[k].Probability(outputs[k].Raw(features)) : outputs[k].Raw(features);
        }

        ToClassScores(kind, scores[..outputs.Length]);
    }

    /// <summary>The class scores from the raw outputs, each formula as ML.NET computes it (in double where it does).</summary>
    private static void ToClassScores(ClassScores kind, Span<float> scores)
    {
        switch (kind)
        {
            case ClassScores.LogSoftmax:
                var logSum = LogSumExp(scores);
                for (var i = 0; i < scores.Length; i++)
                {
                    scores[i] = (float)Math.Exp(scores[i] - logSum);
                }

                break;
            case ClassScores.Softmax:
                var sum = 0d;
                Span<double> exp = scores.Length <= 64 ? stackalloc double[scores.Length] : new double[scores.Length];
                for (var i = 0; i < scores.Length; i++)
                {
                    exp[i] = Math.Exp(scores[i]);
                    sum += exp[i];
                }

                for (var i = 0; i < scores.Length; i++)
                {
                    scores[i] = (float)(exp[i] / sum);
                }

                break;
            case ClassScores.NormalizedProbabilities:
                var total = 0d;
                for (var i = 0; i < scores.Length; i++)
                {
                    if (float.IsNaN(scores[i]))
                    {
                        continue;
                    }

                    if (scores[i] >= 0)
                    {
                        total += scores[i];
                    }
                    else
                    {
                        scores[i] = 0;
                    }
                }

                if (total > 0)
                {
                    for (var i = 0; i < scores.Length; i++)
                    {
                        scores[i] = (float)(scores[i] / total);
                    }
                }

                break;
        }
    }

    /// <summary><c>log(sum(exp(x)))</c> from the largest term, ignoring terms more than 30 below it.</summary>
    private static float LogSumExp(ReadOnlySpan<float> values)
    {
        var (maxIndex, max) = (0, float.NegativeInfinity);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > max)
            {
                (maxIndex, max) = (i, values[i]);
            }
        }

        if (float.IsNegativeInfinity(max) || values.Length == 1)
        {
            return max;
        }

        var rest = 0d;
        var cutoff = max - 30f;
        for (var i = 0; i < values.Length; i++)
        {
            if (i != maxIndex && values[i] > cutoff)
            {
                rest += Math.Exp(values[i] - max);
            }
        }

        return rest > 0 ? (float)(max + Math.Log(1 + rest)) : max;
    }

    /// <summary>An ensemble member: its scaling of the shared features, its output, and where its output is averaged.</summary>
    private sealed class Member(PortableMember member, int slots, string source)
    {
        private readonly MemberScaling _scaling = MemberScaling.Of(member, slots, source);
        private readonly Output[] _outputs = [.. member.RawOutputs.Select(o => new Output(o, slots, source))];
        private readonly Training.EnsembleSpace _space = member.Space();

        public double Weight { get; } = member.Weight;

        /// <summary>The member's output in the ensemble's space; <paramref name="scratch"/> holds its scaled features.</summary>
        public double Value(ReadOnlySpan<float> features, Span<float> scratch) => _space.Of(_outputs[0].Raw(_scaling.Apply(features, scratch)));

        /// <summary>A multiclass member's class probabilities, as the member alone would score them.</summary>
        public void ClassValues(ReadOnlySpan<float> features, Span<float> scratch, Span<float> scores) =>
            ClassScoresOf(_outputs, member.ClassScores, _scaling.Apply(features, scratch), scores);
    }

    /// <summary>One compiled raw output.</summary>
    private sealed class Output
    {
        private readonly float[]? _weights;
        private readonly float _bias;
        private readonly TreeEnsemble? _trees;
        private readonly bool _average;
        private readonly bool _exponentiate;
        private readonly PlattScaling? _platt;

        public Output(PortableOutput output, int slots, string source)
        {
            if ((output.Weights is null) == (output.Trees is null))
            {
                throw new ModelFileException(source, "A portable model output is either linear or a tree ensemble.");
            }

            if (output.Weights is { } weights && weights.Count != slots)
            {
                throw new ModelFileException(source, $"A linear output of the portable model has {weights.Count} weights for {slots} slots.");
            }

            _weights = output.Weights is null ? null : [.. output.Weights];
            _bias = output.Bias;
            try
            {
                _trees = output.Trees is null ? null : new TreeEnsemble(output.Trees, slots);
            }
            catch (InvalidDataException e)
            {
                throw new ModelFileException(source, e.Message);
            }

            _average = output.Average;
            _exponentiate = output.Exponentiate;
            _platt = output.Platt;
        }

        public float Raw(ReadOnlySpan<float> features)
        {
            float value;
            if (_trees is { } trees)
            {
                value = _average ? (float)trees.Sum(features) / trees.TreeCount : (float)trees.Sum(features);
            }
            else
            {
                var dot = 0f;
                var weights = _weights!;
                for (var i = 0; i < weights.Length; i++)
                {
                    dot += weights[i] * features[i];
                }

                value = _bias + dot;
            }

            return _exponentiate ? (float)Math.Exp(value) : value;
        }

        public float Probability(float score) =>
            _platt is null || float.IsNaN(score) ? score : (float)(1 / (1 + Math.Exp(_platt.Slope * score + _platt.Offset)));
    }
}

/// <summary>Scorers for an app's pipeline (checked against its declaration) and for the build's check over a table.</summary>
internal static class ModelScorers
{
    public static ModelScorer<TRow> For<TRow>(Schema.PipelineSpec<TRow> spec, PortableModel model, string source)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        if (model.Task != spec.Task || model.SchemaHash != spec.SchemaHash)
        {
            throw new ModelFileException(source,
                $"The portable model was made for {model.Task} pipeline {model.Pipeline} (schema {model.SchemaHash}), not for {spec.Task} pipeline {spec.Name} (schema {spec.SchemaHash}). Build the project again.");
        }

        return new ModelScorer<TRow>(model, RowFeaturizers.For(spec, model.Features, source), source);
    }
}
