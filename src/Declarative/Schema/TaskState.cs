using System.Text.Json;

namespace Declarative.Schema;

/// <summary>
/// What a task learns from its training rows beyond the ML.NET model (anomaly detection: the score above which a row is
/// an anomaly), saved in the model file beside the model and read back by the task that wrote it. Shared code carries it
/// without knowing what it holds.
/// </summary>
internal abstract class TaskState
{
    /// <summary>Writes the state as the task's own entries of the model file's metadata.</summary>
    public abstract void WriteTo(IDictionary<string, JsonElement> metadata);
}
