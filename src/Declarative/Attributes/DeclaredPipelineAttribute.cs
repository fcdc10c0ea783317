using System.Reflection;

namespace Declarative;

/// <summary>
/// Lists one pipeline class of an assembly. The source generator writes one per pipeline, so tools (the build's
/// training host, reports) find an assembly's pipelines by reading its attributes instead of scanning its types.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
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

/// <summary>Reads the pipelines an assembly declares.</summary>
public static class PipelineRegistry
{
    /// <summary>
    /// The pipelines of <paramref name="assembly"/>, in the order the compiler wrote them. Pipeline classes nested in
    /// a private or protected type cannot be named from an assembly attribute and are not listed.
    /// </summary>
    public static IReadOnlyList<DeclaredPipelineAttribute> Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttributes<DeclaredPipelineAttribute>().ToArray();
    }
}
