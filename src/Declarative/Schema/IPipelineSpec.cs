namespace Declarative.Schema;

/// <summary>A pipeline declaration seen without its row type, so tools can train any pipeline of an assembly.</summary>
public interface IPipelineSpec
{
    /// <summary>The pipeline's name: the declaring class's name.</summary>
    string Name { get; }

    /// <summary>The task.</summary>
    MLTask Task { get; }

    /// <summary>The pipeline class.</summary>
    Type DeclaringType { get; }

    /// <summary>The seed of the split and of every trainer.</summary>
    int Seed { get; }

    /// <summary>The hash of what a trained model depends on in the row: task, label and features with their kinds.</summary>
    string SchemaHash { get; }

    /// <summary>
    /// The hash of the whole declaration: the schema, the file mapping (column names, positions, separator, header),
    /// the split, the trainers, and the versions of Declarative and ML.NET. A changed hash means the model is stale.
    /// </summary>
    string DeclarationHash { get; }

    /// <summary>Where the rows come from: a file, or a database.</summary>
    DataProvider Provider { get; }

    /// <summary>How the data file is written.</summary>
    DataFormat Format { get; }

    /// <summary>The database query, when <see cref="Provider"/> names a database.</summary>
    string? Query { get; }

    /// <summary>Calls <paramref name="visitor"/> with the typed spec, for layers above that need the row type.</summary>
    internal T Accept<T>(ISpecVisitor<T> visitor);

    /// <summary>The data file the pipeline trains on, found as <c>Train</c> finds it.</summary>
    string ResolveDataPath(string? dataPath = null);

    /// <summary>Whether the declaration names its rows (a <c>Data</c> file or a database); without, the app trains it on rows it gives.</summary>
    internal bool DeclaresData { get; }

    /// <summary>The separate test file, found as <c>Train</c> finds it, or <see langword="null"/> when the data is split.</summary>
    string? ResolveTestDataPath();

    /// <summary>How the pipeline tunes, or <see langword="null"/> when it does not.</summary>
    TuningSpec? Tuning { get; }

    /// <summary>The candidate trainers.</summary>
    IReadOnlyList<Trainer> Trainers { get; }

    /// <summary>Whether the build also writes the model as ONNX, checked against ML.NET (<c>DeclarativeExportOnnx</c>).</summary>
    bool ExportOnnx { get; }

    /// <summary>The declaration hash as a build with ML.NET <paramref name="mlnetVersion"/> computes it.</summary>
    internal string DeclarationHashWith(string mlnetVersion);

    /// <summary>Whether Declarative's portable scorer can serve the features (all but <c>[Text]</c> n-grams); whether it serves the task is the task definition's <c>Portable</c>.</summary>
    internal bool PortableFeatures { get; }

    /// <summary>The first <c>[Text]</c> property featurized by n-grams, or <see langword="null"/>.</summary>
    internal string? NGramTextProperty { get; }
}
