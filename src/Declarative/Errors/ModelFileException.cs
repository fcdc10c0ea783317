namespace Declarative;

/// <summary>A model file cannot be loaded into a pipeline: it is missing, not a Declarative model, or trained for another schema.</summary>
public sealed class ModelFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelFileException(string filePath, string detail, Exception? inner = null)
        : base($"{filePath}: {detail}", inner)
    {
        FilePath = filePath;
    }

    /// <summary>The model file's path.</summary>
    public string FilePath { get; }
}
