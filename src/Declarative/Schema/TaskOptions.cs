using System.Globalization;

namespace Declarative.Schema;

/// <summary>
/// What one task declares beyond what every pipeline does (the data, the split, the trainers): the task attribute's own
/// options, as one typed value on <see cref="PipelineSpec{TRow}.Options"/>. Each task that has options has its own
/// type (<see cref="ClusteringOptions"/>, <see cref="AnomalyOptions"/>, <see cref="SynthesisOptions"/>), so a new task's
/// options are a new type, never a new field of the shared spec.
/// </summary>
public abstract class TaskOptions
{
    private protected TaskOptions()
    {
    }

    /// <summary>The options' lines in the declaration hash: only values that differ from the defaults, so the hashes of pipelines that set none never change.</summary>
    internal abstract IEnumerable<string> Signature();

    /// <summary>Throws when a value is outside what the task's definition allows (the generator reports it first, as DCL0031).</summary>
    internal virtual void Validate(string pipeline)
    {
    }

    /// <summary>The error for a value outside its task option's range, in the words the generator uses.</summary>
    private protected static ArgumentOutOfRangeException OutOfRange(string pipeline, TaskOptionDefinition option, double value) =>
        new(option.Name, value, string.Create(CultureInfo.InvariantCulture, $"Pipeline '{pipeline}': {option.Name} must be {option.Range}."));
}

/// <summary>Clustering's options (<see cref="ClusteringAttribute{TRow}"/>).</summary>
public sealed class ClusteringOptions : TaskOptions
{
    /// <summary>The number of clusters, or 0 when tuning chooses it (<see cref="ClusteringAttribute{TRow}.Clusters"/>).</summary>
    public int Clusters { get; init; }

    /// <inheritdoc/>
    internal override IEnumerable<string> Signature() =>
        Clusters == 0 ? [] : [string.Create(CultureInfo.InvariantCulture, $"clusters:{Clusters}")];

    /// <inheritdoc/>
    internal override void Validate(string pipeline)
    {
        if (!TaskDefinitions.Clustering.Option!.Allows(Clusters))
        {
            throw OutOfRange(pipeline, TaskDefinitions.Clustering.Option, Clusters);
        }
    }
}

/// <summary>Anomaly detection's options (<see cref="AnomalyDetectionAttribute{TRow}"/>).</summary>
public sealed class AnomalyOptions : TaskOptions
{
    /// <summary>The share of training rows expected to be anomalies, which sets the <c>IsAnomaly</c> threshold.</summary>
    public double Contamination { get; init; } = AnomalyDetectionAttribute<object>.DefaultContamination;

    /// <inheritdoc/>
    internal override IEnumerable<string> Signature() =>
        Contamination == AnomalyDetectionAttribute<object>.DefaultContamination ? [] : [string.Create(CultureInfo.InvariantCulture, $"contamination:{Contamination:R}")];

    /// <inheritdoc/>
    internal override void Validate(string pipeline)
    {
        if (!TaskDefinitions.AnomalyDetection.Option!.Allows(Contamination))
        {
            throw OutOfRange(pipeline, TaskDefinitions.AnomalyDetection.Option, Contamination);
        }
    }
}

/// <summary>A synthesizer's options (<see cref="SynthesizerAttribute{TRow}"/>).</summary>
public sealed class SynthesisOptions : TaskOptions
{
    /// <summary>How the rows are modelled (<see cref="SynthesizerAttribute{TRow}.Kind"/>).</summary>
    public SynthesizerKind Kind { get; init; }

    /// <inheritdoc/>
    internal override IEnumerable<string> Signature() =>
        Kind == SynthesizerKind.GaussianCopula ? [] : [$"synthesizer:{Kind}"];

    /// <inheritdoc/>
    internal override void Validate(string pipeline)
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"Pipeline '{pipeline}': {(int)Kind} is not a SynthesizerKind.");
        }
    }
}

/// <summary>Forecasting's options (<see cref="ForecastingAttribute{TRow}"/>).</summary>
public sealed class ForecastingOptions : TaskOptions
{
    /// <summary>The interval's coverage when the declaration gives none.</summary>
    public const double DefaultInterval = 0.8;

    /// <summary>The longest horizon.</summary>
    public const int MaxHorizon = 10_000;

    /// <summary>The longest season.</summary>
    public const int MaxSeason = 10_000;

    /// <summary>The number of steps forecast, and held out at the end of every series as the test part.</summary>
    public int Horizon { get; init; } = 1;

    /// <summary>The season in steps, or 0 to infer it from the time step.</summary>
    public int Season { get; init; }

    /// <summary>The coverage the interval aims for, strictly between 0 and 1.</summary>
    public double Interval { get; init; } = DefaultInterval;

    /// <summary>Whether missing values and missing steps are filled by linear interpolation (else each is an error naming where).</summary>
    public bool FillGaps { get; init; }

    /// <summary>Whether the global trees forecast each step ahead directly instead of recursively.</summary>
    public bool DirectTrees { get; init; }

    /// <inheritdoc/>
    internal override IEnumerable<string> Signature() =>
        [string.Create(CultureInfo.InvariantCulture, $"forecast:{Horizon}:{Season}:{Interval:R}{(FillGaps ? ":fill" : "")}{(DirectTrees ? ":direct" : "")}")];

    /// <inheritdoc/>
    internal override void Validate(string pipeline)
    {
        if (Horizon < 1 || Horizon > MaxHorizon)
        {
            throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, $"Pipeline '{pipeline}': Horizon is 1 to {MaxHorizon}.");
        }

        if (Season < 0 || Season > MaxSeason)
        {
            throw new ArgumentOutOfRangeException(nameof(Season), Season, $"Pipeline '{pipeline}': Season is 0 (inferred) to {MaxSeason}.");
        }

        if (Interval is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, $"Pipeline '{pipeline}': Interval is a coverage strictly between 0 and 1.");
        }
    }
}

/// <summary>Series anomaly detection's options (<see cref="SeriesAnomalyDetectionAttribute{TRow}"/>).</summary>
public sealed class SeriesAnomalyOptions : TaskOptions
{
    /// <summary>The score at or above which a point is an anomaly; 0 uses the detector's own.</summary>
    public double Threshold { get; init; }

    /// <summary>The share of training points expected to be anomalies, which sets the threshold; 0 leaves it to <see cref="Threshold"/>.</summary>
    public double Contamination { get; init; }

    /// <inheritdoc/>
    internal override IEnumerable<string> Signature() =>
        Threshold == 0 && Contamination == 0 ? [] : [string.Create(CultureInfo.InvariantCulture, $"series-anomaly:{Threshold:R}:{Contamination:R}")];

    /// <inheritdoc/>
    internal override void Validate(string pipeline)
    {
        if (Threshold is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, $"Pipeline '{pipeline}': Threshold is a score from 0 to 1 (0: the detector's own).");
        }

        if (Contamination is not (>= 0 and <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(Contamination), Contamination, $"Pipeline '{pipeline}': Contamination is above 0 and at most 0.5 (0: use Threshold).");
        }

        if (Threshold > 0 && Contamination > 0)
        {
            throw new ArgumentException($"Pipeline '{pipeline}': give Threshold or Contamination, not both.", nameof(Contamination));
        }
    }
}
