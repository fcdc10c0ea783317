using System.ComponentModel;
using Declarative.Schema;
using Declarative.Tuning;

namespace Declarative;

/// <summary>
/// What the source generator makes every pipeline class implement, so that tools reach a pipeline through its type
/// alone: its declaration and how to train it. Tools read it through <see cref="PipelineRegistry"/>; application
/// code uses the generated members instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IDeclaredPipeline
{
    /// <summary>The declaration (the generated <c>Spec</c>).</summary>
    static abstract IPipelineSpec DeclaredSpec { get; }

    /// <summary>Loads the data, holds out the test part, tunes (unless pinned), trains and scores the test part.</summary>
    static abstract ITrainedPipeline TrainDeclared(string? dataPath, TrainOptions? options);
}
