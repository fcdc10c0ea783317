using System.Text.Json;
using Declarative.Schema;

namespace Declarative.Tasks;

/// <summary>
/// What anomaly detection learns beyond the model: the score above which a row is an anomaly, set from the training rows
/// by the declared contamination share. Saved in the model file's metadata as <c>Threshold</c>, the key model files have
/// always used for it.
/// </summary>
internal sealed class AnomalyState(double threshold) : TaskState
{
    private const string Key = "Threshold";

    /// <summary>The score above which a row is an anomaly.</summary>
    public double Threshold { get; } = threshold;

    /// <inheritdoc/>
    public override void WriteTo(IDictionary<string, JsonElement> metadata) =>
        metadata[Key] = JsonSerializer.SerializeToElement(Threshold, StateJsonContext.Default.Double);

    /// <summary>The state a model file's metadata holds, or null when it holds none.</summary>
    public static AnomalyState? ReadFrom(IReadOnlyDictionary<string, JsonElement>? metadata) =>
        metadata is not null && metadata.TryGetValue(Key, out var value) && value.ValueKind == JsonValueKind.Number
            ? new AnomalyState(value.GetDouble())
            : null;
}

/// <summary>The JSON form of the values a task's state writes (source-generated, so it serves trimmed and native apps).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(double))]
internal sealed partial class StateJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
