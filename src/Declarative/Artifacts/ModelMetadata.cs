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

    /// <summary>A tuned ensemble's members and weights (the model is their weighted sum); null for a single model.</summary>
    public IReadOnlyList<EnsembleMember>? Ensemble { get; init; }

    /// <summary>For a bool label read from text: how the training file spelled [false, true], for output written back to files.</summary>
    public IReadOnlyList<string>? LabelSpelling { get; init; }

    /// <summary>
    /// What the task learned beyond the model (<c>Declarative.Schema.TaskState</c>), as the task's own top-level entries:
    /// anomaly detection writes <c>Threshold</c>. Only the task that wrote them reads them.
    /// </summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? State { get; set; }
}
