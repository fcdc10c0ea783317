using Declarative.Artifacts;
using Declarative.Evaluation;
using Declarative.Training;

namespace Declarative;

/// <summary>
/// A trained pipeline whose model is plain C# in a file of its own (a forecaster, a series anomaly detector, a
/// synthesizer): it has no ML.NET model, no ONNX form and no portable scorer file, and its report is about its own data.
/// What every such pipeline answers alike is written here once; the public members delegate to the static helpers.
/// </summary>
internal interface IPlainPipeline : ITrainedPipeline
{
    /// <summary>What the pipeline is, for messages: "a forecaster".</summary>
    string Kind { get; }

    /// <summary>What its report is about, for the message when a report on another file is asked for.</summary>
    string ReportScope { get; }

    /// <summary>The data it was trained and tested on; <see langword="null"/> for a loaded model.</summary>
    TrainingData? Data { get; }

    /// <summary>Its report (a loaded model trains again on the declared data to write it).</summary>
    EvaluationReport Report();

    /// <summary>The model as its file.</summary>
    IPlainModelFile File();

    EvaluationReport ITrainedPipeline.Evaluate(string? dataPath) => dataPath is null
        ? Report()
        : throw new NotSupportedException($"Pipeline {Name}: {Kind}'s report is about {ReportScope}.");

    void ITrainedPipeline.SaveOnnx(string path) => throw new NotSupportedException($"Pipeline {Name}: {Kind} has no ONNX form.");

    Microsoft.ML.ITransformer ITrainedPipeline.Model => throw new NotSupportedException($"Pipeline {Name}: {Kind} has no ML.NET model.");

    TrainingData? ITrainedPipeline.TrainedOn => Data;

    IReadOnlyList<DataWarning> ITrainedPipeline.ReadingWarnings() => Data is { } data ? DataProfiler.ReadingWarnings(data.Table).ToArray() : [];

    Scoring.PortableModel ITrainedPipeline.ToPortable() =>
        throw new NotSupportedException($"Pipeline {Name}: {Kind} is plain C# already; it has no portable scorer file.");

    /// <summary>Writes <paramref name="pipeline"/>'s report as one self-contained HTML page, laid out for the report's task.</summary>
    static void SaveReport(IPlainPipeline pipeline, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var report = pipeline.Report();
        AtomicFile.WriteText(path, Reports.ReportHtml.Render(report, Tasks.TaskProfiles.For(report.Task)));
    }

    /// <summary>Saves <paramref name="pipeline"/>'s model to a file, written whole or not at all.</summary>
    static void Save(IPlainPipeline pipeline, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        pipeline.File().Save(path);
    }

    /// <summary>Saves <paramref name="pipeline"/>'s model to a stream.</summary>
    static void Save(IPlainPipeline pipeline, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        pipeline.File().Write(stream);
    }
}
