namespace Declarative;

/// <summary>
/// Why a model scores a row as it does: the exact Shapley value of each of the row's properties for the model's raw score
/// (the margin or log-odds of a classifier, a regression's or a ranker's score). <see cref="BaseValue"/> plus every
/// contribution is <see cref="Value"/>.
/// </summary>
public record Explanation
{
    /// <summary>An explanation of a raw score.</summary>
    /// <param name="baseValue">The expected raw score over the training rows.</param>
    /// <param name="value">This row's raw score.</param>
    /// <param name="contributions">Each property's contribution, largest in size first.</param>
    public Explanation(double baseValue, double value, IReadOnlyList<Contribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        BaseValue = baseValue;
        Value = value;
        Contributions = contributions;
    }

    /// <summary>The expected raw score over the training rows: the score with nothing known about the row.</summary>
    public double BaseValue { get; }

    /// <summary>This row's raw score.</summary>
    public double Value { get; }

    /// <summary>
    /// How much each property moves the score from <see cref="BaseValue"/> to <see cref="Value"/>, ordered by size
    /// (absolute value), largest first. A property's one-hot values, date parts or run elements are summed into it.
    /// </summary>
    public IReadOnlyList<Contribution> Contributions { get; }

    /// <summary>The contribution of one property by its name (0 when the model does not read it).</summary>
    public double Of(string property)
    {
        foreach (var contribution in Contributions)
        {
            if (string.Equals(contribution.Property, property, StringComparison.Ordinal))
            {
                return contribution.Value;
            }
        }

        return 0;
    }
}

/// <summary>An explanation with the contributions as a typed record of the pipeline (one <see langword="double"/> per property).</summary>
/// <typeparam name="TContributions">The pipeline's generated <c>Contributions</c> record.</typeparam>
public sealed record Explanation<TContributions> : Explanation
{
    /// <summary>An explanation with its typed contributions.</summary>
    public Explanation(Explanation explanation, TContributions byProperty)
        : base(explanation ?? throw new ArgumentNullException(nameof(explanation)))
    {
        ByProperty = byProperty;
    }

    /// <summary>Each property's contribution, as a property of the pipeline's <c>Contributions</c> record.</summary>
    public TContributions ByProperty { get; }
}

/// <summary>One property's contribution to a raw score.</summary>
/// <param name="Property">The row's property.</param>
/// <param name="Value">How much it moves the score (negative: down).</param>
public sealed record Contribution(string Property, double Value);
