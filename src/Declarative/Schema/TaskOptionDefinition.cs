// Shared with the source generator, which compiles this file too: the option's range is checked at compile time
// (DCL0031) and again when a spec built by hand reaches the runtime, from these same numbers.
#if !DECLARATIVE_GENERATOR
namespace Declarative.Schema;
#else
namespace Declarative.Generators.Shared;
#endif

/// <summary>
/// A numeric option of a task attribute (<c>Clusters</c>, <c>Contamination</c>): its default and the values it may take
/// (<see cref="Min"/> to <see cref="Max"/>, exclusive of <see cref="Min"/> when <see cref="MinExclusive"/>;
/// <see cref="AlsoZero"/> for an "automatic" 0 outside that range). <see cref="Range"/> says it in words.
/// </summary>
internal sealed class TaskOptionDefinition(string name, bool isInteger, double defaultValue, double min, double max, string range)
{
    /// <summary>The attribute's property, and the option's name in the task's options.</summary>
    public string Name { get; } = name;

    /// <summary>Whether the option is a whole number.</summary>
    public bool IsInteger { get; } = isInteger;

    /// <summary>The value when the declaration does not set it.</summary>
    public double Default { get; } = defaultValue;

    /// <summary>The smallest value allowed.</summary>
    public double Min { get; } = min;

    /// <summary>The largest value allowed.</summary>
    public double Max { get; } = max;

    /// <summary>The allowed values in words ("2 to 1000, or 0 to choose the number of clusters").</summary>
    public string Range { get; } = range;

    /// <summary>Whether <see cref="Min"/> itself is excluded.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>Whether 0 is allowed outside the range: the option is then chosen by tuning.</summary>
    public bool AlsoZero { get; init; }

    /// <summary>The trainer whose hyperparameter the option sets (<c>KMeans</c>), when 0 leaves it to tuning.</summary>
    public string? Trainer { get; init; }

    /// <summary>The hyperparameter the option sets (<c>NumberOfClusters</c>).</summary>
    public string? Hyperparameter { get; init; }

    /// <summary>The largest value tuning tries when the option is 0 (from <see cref="Min"/>; a grid of every value without [Tune]).</summary>
    public double ChooseMax { get; init; }

    /// <summary>Whether <paramref name="value"/> is allowed.</summary>
    public bool Allows(double value) =>
        (AlsoZero && value == 0) || ((MinExclusive ? value > Min : value >= Min) && value <= Max);
}
