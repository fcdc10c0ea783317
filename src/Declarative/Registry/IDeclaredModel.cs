using System.ComponentModel;

namespace Declarative;

/// <summary>
/// What the source generator makes every pipeline class implement for code that knows only its type (dependency
/// injection, hosting): load the trained model and reach the pipeline behind it. Application code calls the generated
/// members (<c>M.Load()</c>, <c>model.Predict(row)</c>) instead.
/// </summary>
/// <typeparam name="TSelf">The pipeline class itself.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IDeclaredModel<TSelf> : IDeclaredPipeline
    where TSelf : class, IDeclaredModel<TSelf>
{
    /// <summary>Loads the model that <c>dotnet build</c> trained for this pipeline, from beside the app.</summary>
    static abstract TSelf Load();

    /// <summary>Loads a model file, checking it was trained for this pipeline's row schema.</summary>
    static abstract TSelf Load(string path);

    /// <summary>The trained pipeline behind the model: its name, trainer, hyperparameters and metrics.</summary>
    ITrainedPipeline TrainedPipeline { get; }
}
