using System.Text.Json;
using System.Text.Json.Serialization;
using Declarative.Artifacts;

namespace Declarative.Forecasting;

/// <summary>
/// A forecaster's model file (<c>&lt;Name&gt;.mlnet</c>, as every task's): what it was trained for, the chosen model and
/// its settings, the interval's quantiles by step ahead, and each series' forecast from its whole history. JSON,
/// written whole or not at all; the same model gives the same bytes.
/// </summary>
internal sealed record ForecasterFile : IPlainModelFile
{
    public const int CurrentFormat = 1;

    /// <summary>The largest model file read (a hostile file cannot exhaust memory).</summary>
    public const long MaxFileBytes = 1L << 30;

    public int Format { get; init; } = CurrentFormat;

    public required string Pipeline { get; init; }

    public required string SchemaHash { get; init; }

    public required IReadOnlyList<string> Schema { get; init; }

    public required string DeclarativeVersion { get; init; }

    public required Trainer Model { get; init; }

    public required int Horizon { get; init; }

    public required int Season { get; init; }

    public required double Interval { get; init; }

    public required long StepTicks { get; init; }

    public required int StepMonths { get; init; }

    /// <summary>Whether a step of months keeps to the months' last days (absent, false, in files written before it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool StepMonthEnd { get; init; }

    /// <summary>Whether a step of a day skips weekends (absent, false, in files written before it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool StepBusinessDays { get; init; }

    /// <summary>The first slot of opening hours, in ticks after midnight (absent, 0, in files written before it or without hours).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long StepOpen { get; init; }

    /// <summary>The slots of opening hours a day (absent, 0, when the step keeps no opening hours).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int StepSlots { get; init; }

    /// <summary>The slots of opening hours before a midday break (absent, 0, when the hours have none).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int StepBreakAt { get; init; }

    /// <summary>How many ticks more than a step the break lasts (absent, 0, when the hours have none).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long StepPause { get; init; }

    public required double[] Quantiles { get; init; }

    public required IReadOnlyList<SeriesForecast> Series { get; init; }

    /// <summary>The global model's features and trees, when it is the model (a history given later is forecast with them).</summary>
    public LagFeatures? Features { get; init; }

    public IReadOnlyList<Scoring.PortableTree>? Trees { get; init; }

    /// <summary>The models a combination takes the median of (chosen on the rolling origins), when it is the model.</summary>
    public IReadOnlyList<Trainer>? Combined { get; init; }

    /// <summary>The combination's members, checked (two or three distinct models, none a combination), or null for another model.</summary>
    public ForecastBlend? Members() => Model != Trainer.ForecastCombination ? null
        : Combined is { Count: >= 2 and <= ForecastTraining.CombinedModels } members && members.Distinct().Count() == members.Count
            && members.All(m => ForecastMethods.IsForecaster(m) && m != Trainer.ForecastCombination)
            ? new ForecastBlend(members, null)
            : throw new InvalidDataException($"The forecaster file of {Pipeline} does not name the models its combination takes the median of; train it again.");

    /// <summary>The global model, built from the file (its trees checked against its features), or null when no model forecasts with it.</summary>
    public GlobalTrees? Global() => Model != Trainer.GlobalLightGbm && Members()?.Members.Contains(Trainer.GlobalLightGbm) != true ? null
        : Features is { Lags: >= 1 and <= 400, Season: >= 1, StepTicks: >= 1, Covariates: >= 0 and <= LagFeatures.MaxCovariates, PastCovariates: >= 0 and <= LagFeatures.MaxCovariates, Near: >= 0 } features && features.Near <= features.Lags && Trees is { Count: > 0 } trees && trees.All(t => t is not null)
            ? new GlobalTrees(features, trees)
            : throw new InvalidDataException($"The forecaster file of {Pipeline} holds no usable trees for its global model.");

    /// <summary>
    /// No opening hours, or hours shorter than a day with their break (they may run past midnight) at a step shorter than
    /// a day, a break between two slots (checked so no product overflows).
    /// </summary>
    private bool HoursFit => StepSlots == 0 ? StepOpen == 0 && StepBreakAt == 0 && StepPause == 0
        : StepTicks is > 0 and < TimeSpan.TicksPerDay && StepSlots > 0 && StepSlots < TimeSpan.TicksPerDay / StepTicks
            && StepOpen is >= 0 and < TimeSpan.TicksPerDay
            && ((StepBreakAt, StepPause) is (0, 0) || (StepBreakAt > 0 && StepBreakAt < StepSlots && StepPause > 0 && StepPause < TimeSpan.TicksPerDay - (StepSlots * StepTicks)));

    /// <summary>The settings, after checking the file's parts fit together (a damaged file is an error here, not a wrong forecast later).</summary>
    public ForecastSettings Settings()
    {
        var fits = Format == CurrentFormat && ForecastMethods.IsForecaster(Model) && Horizon >= 1 && Season >= 1 && Interval is > 0 and < 1
            && (StepTicks > 0) != (StepMonths > 0)
            && HoursFit && Quantiles?.Length == Horizon && Quantiles.All(q => double.IsFinite(q) && q >= 0)
            && Series is not null && Series.All(s => s?.Id is not null && s.Times?.Length is { } n && (n == Horizon || (n == 0 && ForecastMethods.ReadsCovariates(Model, Combined)))
                && s.Values?.Length == n && s.Lower?.Length == n && s.Upper?.Length == n);
        return fits
            ? new ForecastSettings(Horizon, Season, Interval, new TimeStep(StepTicks, StepMonths, StepMonthEnd && StepMonths > 0, StepBusinessDays && (StepTicks == TimeSpan.TicksPerDay || StepSlots > 0), StepOpen, StepSlots, StepBreakAt, StepPause))
            : throw new InvalidDataException($"The forecaster file of {Pipeline} is damaged: its model, step, quantiles or forecasts do not fit its horizon of {Horizon}.");
    }

    public void Write(Stream stream) => JsonSerializer.Serialize(stream, this, ForecasterJsonContext.Default.ForecasterFile);

    public static ForecasterFile Read(Stream stream, string source) => PlainModelJson.Read(stream, source, ForecasterJsonContext.Default.ForecasterFile, "forecaster");
}

[JsonSourceGenerationOptions(WriteIndented = false, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ForecasterFile))]
internal sealed partial class ForecasterJsonContext : JsonSerializerContext;
