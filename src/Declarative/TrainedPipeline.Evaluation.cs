using Declarative.Artifacts;
using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;

namespace Declarative;

// Evaluation: the report of the test part, of a file or of rows in memory, and its HTML page.
public abstract partial class TrainedPipeline<TRow, TPrediction, TReport>
{
    /// <summary>
    /// The report: metrics, cross-validation, curves and matrices, feature importance, data profile and tuning history.
    /// Without a path, it is about the held-out test part of the data the model was trained on (a trained model reuses
    /// what training loaded; a loaded model reads the declared data file and splits it as training did). With a path,
    /// every row of that file is scored as a test set (pass data the model was not trained on).
    /// </summary>
#pragma warning disable RS0027 // Evaluate(rows) overloads by type, not by count.
    public TReport Evaluate(string? dataPath = null)
#pragma warning restore RS0027
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(Evaluate));
        }

        if (dataPath is null || (_run is not null && SameFile(dataPath, _run.Data.Path)))
        {
            return _trainingReport ??= Report(_run?.Data ?? PipelineTrainer.LoadDeclared(Spec, null));
        }

        return Report(SameClasses(PipelineTrainer.LoadTestSet(Spec, DataPaths.Resolve(Spec, dataPath))));
    }

    /// <summary>The report for rows in memory: every row is scored as a test set, as a file given to <c>Evaluate(path)</c> is.</summary>
    public TReport Evaluate(IEnumerable<TRow> rows)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(Evaluate));
        }

        ArgumentNullException.ThrowIfNull(rows);
        return Report(SameClasses(PipelineTrainer.TestRows(Spec, rows)));
    }

    /// <summary>
    /// Data scored by a model whose label has a positive class must hold the model's other class, not a new value
    /// that would silently count as negative.
    /// </summary>
    private TrainingData SameClasses(TrainingData data)
    {
        if (LabelClasses is [var negative, _] && Spec.Label is { } label
            && data.Table.Columns.First(c => c.Name == label.PropertyName).NegativeClass is { } found && found != negative)
        {
            throw new DataFileException(data.Path, null, null,
                $"The label '{label.ColumnName}' holds '{found}', but the model's classes are '{LabelClasses[1]}' (positive) and '{negative}': a model scores only the classes it learned.");
        }

        return data;
    }

    /// <inheritdoc/>
    EvaluationReport ITrainedPipeline.Evaluate(string? dataPath) => Evaluate(dataPath);

    /// <summary>What reading the training data noticed (skipped rows, multi-line fields), for builds that write no report.</summary>
    IReadOnlyList<DataWarning> ITrainedPipeline.ReadingWarnings() =>
        _run is null ? [] : DataProfiler.ReadingWarnings(_run.Data.Table).ToArray();

    /// <summary>Writes the HTML report of <c>Evaluate()</c> (without a path) as one self-contained page.</summary>
    public void SaveReport(string path)
    {
        if (NativeAot.PortableScorerOnly)
        {
            throw NotInNativeCode(nameof(SaveReport));
        }

        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteText(path, Reports.ReportHtml.Render(Evaluate(), _task));
    }

    private TReport Report(TrainingData data) =>
        (TReport)Evaluator.Evaluate(Spec, _task, Model, Trainer, Hyperparameters, Trials, data, _status, State,
            test => Scoring.ExplanationSummarizer.Summarize(Spec, ExplainablePortable(), test), Ensemble);

    /// <summary>The portable model with what explanations need, when they serve this model; null otherwise.</summary>
    private Scoring.PortableModel? ExplainablePortable()
    {
        if (!_task.Portable || !((Schema.IPipelineSpec)Spec).PortableFeatures)
        {
            return null;
        }

        try
        {
            return _scorer?.Model is { } served && Scoring.ExplanationBasis.Has(served) ? served
                : _run is not null ? ((ITrainedPipeline)this).ToPortable()
                : null;
        }
        catch (NotSupportedException)
        {
            return null; // a model the portable scorer cannot read (the build says so when it writes none)
        }
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
