namespace Declarative.Artifacts;

/// <summary>What a model file records about the pipeline that trained it, so a load can check it fits.</summary>
internal sealed record ModelMetadata
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string Pipeline { get; init; }

    public required MLTask Task { get; init; }

    public required string RowType { get; init; }

    public required string SchemaHash { get; init; }

    public required IReadOnlyList<string> Schema { get; init; }

    public required Trainer Trainer { get; init; }

    public required int Seed { get; init; }

    public required string DeclarativeVersion { get; init; }

    public required string MLNetVersion { get; init; }

    /// <summary>For a binary label with a positive class: [negative, positive] as canonical text, so a loaded model predicts in the label's type.</summary>
    public IReadOnlyList<string>? LabelClasses { get; init; }

    /// <summary>For anomaly detection: the score above which a row is an anomaly, set from the training rows by the contamination share.</summary>
    public double? Threshold { get; init; }
}
