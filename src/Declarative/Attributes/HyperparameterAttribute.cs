namespace Declarative;

/// <summary>The kind of values a hyperparameter takes.</summary>
public enum HyperparameterKind
{
    /// <summary>A real number in [Min, Max].</summary>
    Float,

    /// <summary>A whole number in [Min, Max].</summary>
    Integer,

    /// <summary>One of <see cref="HyperparameterAttribute.Choices"/>.</summary>
    Choice,
}

/// <summary>
/// One tunable hyperparameter of a <see cref="Trainer"/>: the name of the ML.NET option it sets, its range and its
/// cheap default (where local search starts). The catalog on the <see cref="Trainer"/> members is the one source of
/// search spaces: the tuner reads it at run time, the generator at compile time to check <see cref="SearchRangeAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
public sealed class HyperparameterAttribute : Attribute
{
    /// <summary>A numeric hyperparameter.</summary>
    public HyperparameterAttribute(string name, HyperparameterKind kind, double min, double max, double @default)
    {
        Name = name;
        Kind = kind;
        Min = min;
        Max = max;
        Default = @default;
    }

    /// <summary>A hyperparameter that takes one of <paramref name="choices"/>; the first is the default.</summary>
    public HyperparameterAttribute(string name, params string[] choices)
    {
        Name = name;
        Kind = HyperparameterKind.Choice;
        Choices = choices;
        Max = choices.Length - 1;
    }

    /// <summary>The ML.NET option (field or property of the trainer's Options class) it sets.</summary>
    public string Name { get; }

    /// <summary>The kind of values.</summary>
    public HyperparameterKind Kind { get; }

    /// <summary>The smallest value.</summary>
    public double Min { get; }

    /// <summary>The largest value.</summary>
    public double Max { get; }

    /// <summary>The starting value.</summary>
    public double Default { get; }

    /// <summary>Whether the range is searched on a logarithmic scale (Min must be positive).</summary>
    public bool Log { get; set; }

    /// <summary>The values of a choice.</summary>
    public IReadOnlyList<string> Choices { get; } = [];
}

/// <summary>
/// Narrows the range of one hyperparameter of one trainer for tuning, e.g.
/// <c>[SearchRange(Trainer.LightGbm, "NumberOfLeaves", 4, 64)]</c>. Checked at compile time against the trainer's catalog.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SearchRangeAttribute : Attribute
{
    /// <summary>Narrows <paramref name="hyperparameter"/> of <paramref name="trainer"/> to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public SearchRangeAttribute(Trainer trainer, string hyperparameter, double min, double max)
    {
        Trainer = trainer;
        Hyperparameter = hyperparameter;
        Min = min;
        Max = max;
    }

    /// <summary>The trainer.</summary>
    public Trainer Trainer { get; }

    /// <summary>The hyperparameter's name, as the catalog spells it.</summary>
    public string Hyperparameter { get; }

    /// <summary>The new smallest value.</summary>
    public double Min { get; }

    /// <summary>The new largest value.</summary>
    public double Max { get; }
}
