using System.ComponentModel;

namespace Declarative;

/// <summary>
/// Lists one pipeline class of an assembly. The source generator writes one per pipeline, so tools (the build's
/// training host, reports) find an assembly's pipelines by reading its attributes instead of scanning its types.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaredPipelineAttribute : Attribute
{
    /// <summary>Registers a pipeline class.</summary>
    public DeclaredPipelineAttribute(Type pipelineType, MLTask task)
    {
        PipelineType = pipelineType;
        Task = task;
    }

    /// <summary>The pipeline class.</summary>
    public Type PipelineType { get; }

    /// <summary>Its task.</summary>
    public MLTask Task { get; }
}
