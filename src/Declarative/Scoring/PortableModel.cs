namespace Declarative.Scoring;

/// <summary>
/// <c>&lt;Name&gt;.scorer.json</c>: everything between a row and its prediction, in plain numbers, for the scorer that
/// serves the model without ML.NET (the only way a Native AOT app can, and the fast path elsewhere). The build writes it
/// beside the <c>.mlnet</c> from the trained model and checks it against ML.NET on the held-out rows.
/// </summary>
internal sealed record PortableModel
{
    /// <summary>The format this version writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The file's format.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The pipeline's name.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The task.</summary>
    public required MLTask Task { get; init; }

    /// <summary>The hash of the row schema the model reads, checked against the declaration at load.</summary>
    public required string SchemaHash { get; init; }

    /// <summary>The trainer.</summary>
    public required Trainer Trainer { get; init; }

    /// <summary>
    /// The SHA-256 of the <c>.mlnet</c> file this was made from (the build sets it): a JIT app that loads that file
    /// predicts from this at once, without waiting for ML.NET to load the model.
    /// </summary>
    public string? ModelHash { get; init; }

    /// <summary>Binary classification with a label that is not a bool: the negative and the positive class.</summary>
    public IReadOnlyList<string>? LabelClasses { get; init; }

    /// <summary>Multiclass classification: the classes as text, in score order.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>How a row becomes the feature vector.</summary>
    public required PortableFeatures Features { get; init; }

    /// <summary>The raw outputs: one for binary classification and regression, one per class for multiclass.</summary>
    public required IReadOnlyList<PortableOutput> Outputs { get; init; }

    /// <summary>How multiclass raw outputs become the class scores.</summary>
    public ClassScores ClassScores { get; init; }

    /// <summary>
    /// A tuned ensemble's members (then <see cref="Outputs"/> is empty and <see cref="Features"/> unscaled: the members
    /// share the featurization up to their own scaling). Its score is the weighted sum of the members' outputs, each in
    /// the ensemble's space (a binary classifier's calibrated log-odds, a multiclass member's class probabilities); null
    /// for a single model.
    /// </summary>
    public IReadOnlyList<PortableMember>? Members { get; init; }
}

/// <summary>One member of an ensemble: its weight, trainer, scaling of the shared features, and raw output.</summary>
internal sealed record PortableMember
{
    public required double Weight { get; init; }

    public required Trainer Trainer { get; init; }

    /// <summary>The tuning trial whose configuration the member is.</summary>
    public int Trial { get; init; }

    /// <summary>Its hyperparameters.</summary>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Per slot, <c>(x - offset) * scale</c> of the shared features; null when the member takes them as they are.</summary>
    public IReadOnlyList<float>? Scale { get; init; }

    /// <summary>The offsets of the scaling; null when they are all zero.</summary>
    public IReadOnlyList<float>? Offset { get; init; }

    /// <summary>The member's raw output (with its Platt scaling for a classifier); null for a multiclass member, which has <see cref="Outputs"/>.</summary>
    public PortableOutput? Output { get; init; }

    /// <summary>A multiclass member's raw outputs, one per class; null otherwise.</summary>
    public IReadOnlyList<PortableOutput>? Outputs { get; init; }

    /// <summary>How a multiclass member's raw outputs become its class probabilities, which the ensemble averages.</summary>
    public ClassScores ClassScores { get; init; }

    /// <summary>Its raw outputs: <see cref="Output"/> alone, or <see cref="Outputs"/>.</summary>
    internal IReadOnlyList<PortableOutput> RawOutputs => Output is { } output ? [output] : Outputs ?? [];

    /// <summary>Where the member's raw output is averaged: its log-odds when it has a Platt scaling, else as it is.</summary>
    internal Training.EnsembleSpace Space() =>
        Output?.Platt is { } platt ? Training.EnsembleSpace.OfPlatt(platt.Slope, platt.Offset) : Training.EnsembleSpace.Identity;
}

/// <summary>
/// The feature vector: the numeric columns (missing values replaced by the training mean), then each categorical column
/// one-hot over its values, then (for linear trainers) scaled slot by slot.
/// </summary>
internal sealed record PortableFeatures
{
    /// <summary>The numeric columns' property names (numbers, booleans, date parts, run elements), in slot order.</summary>
    public required IReadOnlyList<string> Numeric { get; init; }

    /// <summary>What replaces a missing value of each numeric column.</summary>
    public required IReadOnlyList<float> Means { get; init; }

    /// <summary>The categorical columns, in slot order after the numeric ones.</summary>
    public required IReadOnlyList<PortableCategory> Categorical { get; init; }

    /// <summary>Per slot, <c>(x - offset) * scale</c> after the above; null when the trainer takes the features as they are.</summary>
    public IReadOnlyList<float>? Scale { get; init; }

    /// <summary>The offsets of the scaling; null when they are all zero.</summary>
    public IReadOnlyList<float>? Offset { get; init; }
}

/// <summary>A categorical column: its value at position <c>i</c> sets slot <c>i</c> of its block; other values set none.</summary>
internal sealed record PortableCategory(string Property, IReadOnlyList<string> Values);

/// <summary>
/// One raw output: a linear function or a sum of trees (averaged for a forest), then optionally exponentiated
/// (Poisson, Tweedie) and given a probability by Platt scaling.
/// </summary>
internal sealed record PortableOutput
{
    /// <summary>The weights of a linear model, one per slot.</summary>
    public IReadOnlyList<float>? Weights { get; init; }

    /// <summary>The bias of a linear model.</summary>
    public float Bias { get; init; }

    /// <summary>The trees of an ensemble.</summary>
    public IReadOnlyList<PortableTree>? Trees { get; init; }

    /// <summary>Whether the sum of the trees is divided by their number (a forest).</summary>
    public bool Average { get; init; }

    /// <summary>Whether the output is <c>exp</c> of the sum (models of the log of the mean).</summary>
    public bool Exponentiate { get; init; }

    /// <summary>Platt scaling to a probability, <c>1 / (1 + exp(slope * score + offset))</c>; null when none.</summary>
    public PlattScaling? Platt { get; init; }

    /// <summary>A linear model's mean of each feature slot over the training rows (what explanations measure from); null when not recorded.</summary>
    public IReadOnlyList<double>? FeatureMeans { get; init; }
}

/// <summary>The sigmoid that turns a score into a probability.</summary>
internal sealed record PlattScaling(double Slope, double Offset);

/// <summary>
/// A regression tree as ML.NET holds it: node <c>i</c> goes to <see cref="Left"/> when its slot's value is at most its
/// threshold (or, for a categorical split, when none of its slots is positive), else to <see cref="Right"/>; a negative
/// child <c>c</c> is the leaf <c>~c</c>.
/// </summary>
internal sealed record PortableTree
{
    public required IReadOnlyList<int> Left { get; init; }

    public required IReadOnlyList<int> Right { get; init; }

    public required IReadOnlyList<int> Feature { get; init; }

    public required IReadOnlyList<float> Threshold { get; init; }

    /// <summary>For each node, the slots of a categorical split; null (or a null entry) for numeric splits.</summary>
    public IReadOnlyList<IReadOnlyList<int>?>? Categories { get; init; }

    public required IReadOnlyList<double> Leaves { get; init; }

    /// <summary>The training rows that reached each split node (TreeSHAP's covers); null when not recorded.</summary>
    public IReadOnlyList<double>? Covers { get; init; }

    /// <summary>The training rows that reached each leaf; null when not recorded.</summary>
    public IReadOnlyList<double>? LeafCovers { get; init; }
}

/// <summary>How a row walks a <see cref="PortableTree"/>.</summary>
internal static class PortableTrees
{
    /// <summary>Whether the row goes left at split node <paramref name="node"/>, as ML.NET decides it.</summary>
    public static bool GoesLeft(PortableTree tree, int node, ReadOnlySpan<float> features)
    {
        if (tree.Categories is { } categories && node < categories.Count && categories[node] is { } slots)
        {
            // LightGbm's categorical split: right when any of the category's slots is set.
            foreach (var slot in slots)
            {
                if (features[slot] > 0f)
                {
                    return false;
                }
            }

            return true;
        }

        return features[tree.Feature[node]] <= tree.Threshold[node];
    }

    /// <summary>Whether any of a categorical split's slots is set: the compiled walks' form of <see cref="GoesLeft"/>'s test.</summary>
    public static bool AnyPositive(ReadOnlySpan<float> features, ReadOnlySpan<int> slots)
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
}

/// <summary>How one-versus-all and maximum-entropy outputs become class scores.</summary>
internal enum ClassScores
{
    /// <summary>Not multiclass, or the raw outputs as they are.</summary>
    Raw,

    /// <summary><c>exp(x - log(sum(exp)))</c>, as ML.NET's maximum entropy models compute it.</summary>
    LogSoftmax,

    /// <summary><c>exp(x) / sum(exp)</c>, as one-versus-all with softmax computes it.</summary>
    Softmax,

    /// <summary>Each output's probability, negatives clamped to zero, divided by their sum.</summary>
    NormalizedProbabilities,
}
