using System.Reflection;
using Declarative.Schema;
using Declarative.Tuning;

namespace Declarative;

/// <summary>
/// The pipelines an assembly declares: the one entry point tools use. The generator registers each pipeline class
/// with <see cref="DeclaredPipelineAttribute"/> and makes it implement <see cref="IDeclaredPipeline"/>; this reads both,
/// so no tool looks a type or member up by its name.
/// </summary>
public static class PipelineRegistry
{
    /// <summary>
    /// The pipelines of <paramref name="assembly"/>, in the order the compiler wrote them. Pipeline classes nested in
    /// a private or protected type cannot be named from an assembly attribute and are not listed.
    /// </summary>
    public static IReadOnlyList<DeclaredPipeline> Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttributes<DeclaredPipelineAttribute>().Select(For).ToArray();
    }

    /// <summary>The pipeline a generated class declares.</summary>
    /// <exception cref="ArgumentException">The type was not generated as a pipeline.</exception>
    public static DeclaredPipeline For(Type pipelineType)
    {
        ArgumentNullException.ThrowIfNull(pipelineType);
        if (!typeof(IDeclaredPipeline).IsAssignableFrom(pipelineType) || pipelineType.ContainsGenericParameters)
        {
            throw new ArgumentException($"{pipelineType.FullName} is not a pipeline class written by the Declarative generator.", nameof(pipelineType));
        }

        var access = (IPipelineAccess)Activator.CreateInstance(typeof(PipelineAccess<>).MakeGenericType(pipelineType))!;
        return new DeclaredPipeline(pipelineType, access);
    }

    private static DeclaredPipeline For(DeclaredPipelineAttribute attribute) => For(attribute.PipelineType);

    internal interface IPipelineAccess
    {
        IPipelineSpec Spec { get; }

        ITrainedPipeline Train(string? dataPath, TrainOptions? options);
    }

    /// <summary>Calls a pipeline class's static interface members through a generic type, not through reflection on names.</summary>
    private sealed class PipelineAccess<T> : IPipelineAccess
        where T : IDeclaredPipeline
    {
        public IPipelineSpec Spec => T.DeclaredSpec;

        public ITrainedPipeline Train(string? dataPath, TrainOptions? options) => T.TrainDeclared(dataPath, options);
    }
}

/// <summary>One pipeline an assembly declares.</summary>
public sealed class DeclaredPipeline
{
    private readonly PipelineRegistry.IPipelineAccess _access;

    internal DeclaredPipeline(Type pipelineType, PipelineRegistry.IPipelineAccess access)
    {
        PipelineType = pipelineType;
        _access = access;
    }

    /// <summary>The pipeline class.</summary>
    public Type PipelineType { get; }

    /// <summary>Its declaration.</summary>
    public IPipelineSpec Spec => _access.Spec;

    /// <summary>Its task.</summary>
    public MLTask Task => Spec.Task;

    /// <summary>Trains it: loads the data, holds out the test part, tunes (unless pinned), trains and scores the test part.</summary>
    public ITrainedPipeline Train(string? dataPath = null, TrainOptions? options = null) => _access.Train(dataPath, options);
}
