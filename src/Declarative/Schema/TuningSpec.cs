namespace Declarative.Schema;

/// <summary>The tuning part of a pipeline declaration (from <see cref="TuneAttribute"/> and <see cref="SearchRangeAttribute"/>).</summary>
public sealed class TuningSpec
{
    /// <summary>The number of trials.</summary>
    public int MaxTrials { get; init; } = 20;

    /// <summary>The name of the metric to optimize (an ML.NET metrics property), or null for the task's default.</summary>
    public string? Metric { get; init; }

    /// <summary>Cross-validation folds; 0 chooses by size, 1 is a holdout.</summary>
    public int Folds { get; init; }

    /// <summary>A wall-clock limit in seconds; 0 for none.</summary>
    public int TimeBudgetSeconds { get; init; }

    /// <summary>The search strategy.</summary>
    public TunerKind Tuner { get; init; }

    /// <summary>
    /// Trials run at the same time on this machine; 0 for the machine's cores. Not part of the declaration's hash:
    /// trials are proposed in rounds of <see cref="Tuning.PipelineTuner.RoundSize"/> whatever this is, so it changes
    /// how fast tuning runs, never what it finds.
    /// </summary>
    public int ConcurrentTrials { get; init; }

    /// <summary>Whether to build an ensemble of the trials: null when the declaration does not say (see <see cref="TuneAttribute.Ensemble"/>).</summary>
    public bool? Ensemble { get; init; }

    /// <summary>Narrowed hyperparameter ranges.</summary>
    public IReadOnlyList<SearchRange> Ranges { get; init; } = [];

    /// <summary>The metric's name, or the task's headline metric when the declaration names none.</summary>
    internal string MetricFor(string headlineMetric) => Metric ?? headlineMetric;

    internal string Signature() =>
        FormattableString.Invariant($"tune:{MaxTrials}:{Metric}:{Folds}:{TimeBudgetSeconds}:{Tuner}:{string.Join(",", Ranges.Select(r => $"{r.Trainer}.{r.Hyperparameter}[{r.Min:R},{r.Max:R}]"))}{(Ensemble is { } e ? $":ensemble:{e}" : "")}");
}
