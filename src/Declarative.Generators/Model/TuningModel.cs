using Declarative.Generators.Helpers;

namespace Declarative.Generators.Model
{
    /// <summary>The [Tune] settings and [SearchRange]s (<see cref="ConcurrentTrials"/> 0: the machine's cores); <see cref="Metric"/> is a metric enum member's name, <see cref="Tuner"/> a TunerKind member's.</summary>
    internal sealed record TuningModel(int MaxTrials, string? Metric, int Folds, int TimeBudgetSeconds, string Tuner, ImmutableEquatableArray<SearchRangeModel> Ranges, int ConcurrentTrials = 0, bool? Ensemble = null);

    /// <summary>One [SearchRange].</summary>
    internal sealed record SearchRangeModel(string Trainer, string Hyperparameter, double Min, double Max);
}
