namespace Declarative.Schema;

/// <summary>A narrowed range of one hyperparameter (from <see cref="SearchRangeAttribute"/>).</summary>
public sealed record SearchRange(Trainer Trainer, string Hyperparameter, double Min, double Max);
