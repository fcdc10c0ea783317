using System.Diagnostics;
using System.Globalization;
using Declarative.Artifacts;
using Declarative.Data;
using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Synthesis;
using Declarative.Training;
using Declarative.Tuning;

namespace Declarative;

/// <summary>
/// A trained synthesizer of <typeparamref name="TRow"/>: it samples new rows from what it learned of the training rows.
/// Sampling is thread-safe, and the same seed gives the same rows. The model is plain C# (no ML.NET model); the build
/// writes it as <c>&lt;Name&gt;.mlnet</c> like every task's, with its manifest and report.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class Synthesizer<TRow> : IPlainPipeline
{
    private readonly IRowSampler _sampler;
    private readonly TrainingData? _data;
    private readonly DataTable? _trainRows;
    private SynthesisReport? _report;

    private Synthesizer(PipelineSpec<TRow> spec, IRowSampler sampler, TrainingData? data, DataTable? trainRows, TimeSpan? trainingTime)
    {
        Spec = spec;
        _sampler = sampler;
        _data = data;
        _trainRows = trainRows;
        TrainingTime = trainingTime;
    }

    /// <summary>The pipeline the synthesizer was trained for.</summary>
    public PipelineSpec<TRow> Spec { get; }

    /// <summary>How the rows are modelled.</summary>
    public SynthesizerKind Kind => Spec.OptionsOr<SynthesisOptions>().Kind;

    /// <inheritdoc/>
    public string Name => Spec.Name;

    /// <inheritdoc/>
    public Trainer Trainer => Kind == SynthesizerKind.SequentialTrees ? Trainer.SequentialTrees : Trainer.GaussianCopula;

    /// <inheritdoc/>
    public string? DataPath => _data?.Path;

    /// <inheritdoc/>
    public TimeSpan? TrainingTime { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; } = new Dictionary<string, string>();

    /// <inheritdoc/>
    public IReadOnlyList<TrialResult> Trials => [];

    /// <inheritdoc/>
    public IReadOnlyList<EnsembleMember> Ensemble => [];

    /// <summary>The report's scores of the synthesizer (fidelity, utility, privacy) against the held-out rows; empty for a loaded model.</summary>
    public IReadOnlyDictionary<string, double> TestMetricValues => _data is null ? new Dictionary<string, double>() : Evaluate().TestMetrics;

    /// <summary>Learns the rows of the declared data file (or <paramref name="dataPath"/>), holding out the declared test fraction for the report.</summary>
#pragma warning disable RS0026, RS0027 // Train(spec, rows, options) overloads by type.
    public static Synthesizer<TRow> Train(PipelineSpec<TRow> spec, string? dataPath = null, TrainOptions? options = null)
    {
        Validate(spec);
        return Fitted(spec, PipelineTrainer.LoadDeclared(spec, dataPath));
    }

    /// <summary>Learns rows in memory, holding out the declared test fraction for the report.</summary>
    public static Synthesizer<TRow> Train(PipelineSpec<TRow> spec, IEnumerable<TRow> rows, TrainOptions? options = null)
#pragma warning restore RS0026, RS0027
    {
        Validate(spec);
        ArgumentNullException.ThrowIfNull(rows);
        return Fitted(spec, PipelineTrainer.FromRows(spec, rows, null));
    }

    /// <summary>Loads a synthesizer saved by <see cref="Save(string)"/>, checking it was trained for this row schema.</summary>
    public static Synthesizer<TRow> Load(PipelineSpec<TRow> spec, string path)
    {
        var file = IPlainModelFile.Read(spec, path, SynthesizerFile.MaxFileBytes, SynthesizerFile.Read);
        if (file.SchemaHash != spec.SchemaHash || file.Kind != spec.OptionsOr<SynthesisOptions>().Kind)
        {
            throw new ModelFileException(path,
                $"The synthesizer was trained for another row schema or kind (pipeline {file.Pipeline}, {file.Kind}, schema {file.SchemaHash}) than pipeline {spec.Name} has now ({spec.OptionsOr<SynthesisOptions>().Kind}, schema {spec.SchemaHash}). Train it again.");
        }

        try
        {
            return new Synthesizer<TRow>(spec, file.ToSampler(), null, null, null);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(path, e.Message, e);
        }
    }

    /// <summary>
    /// <paramref name="count"/> new rows. The same seed gives the same rows; values are valid for their property
    /// (categories seen in training, numbers seen in training, missing at the training rate where the property can be).
    /// </summary>
    public IReadOnlyList<TRow> Sample(int count, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var factory = Spec.RowFactory ?? throw new InvalidOperationException($"Pipeline {Spec.Name} has no RowFactory to build rows with (the generated code sets it).");
        var sample = _sampler.Sample(count, new Random(seed));
        var marginals = sample.Marginals;
        var rows = new TRow[count];
        for (var i = 0; i < count; i++)
        {
            var numbers = new double[marginals.Count];
            var texts = new string?[marginals.Count];
            for (var j = 0; j < marginals.Count; j++)
            {
                var value = sample.Columns[j][i];
                if (marginals[j].Categorical)
                {
                    numbers[j] = double.NaN;
                    texts[j] = value < 0 ? null : marginals[j].Categories[(int)value];
                }
                else
                {
                    numbers[j] = value;
                }
            }

            rows[i] = factory(new SyntheticRow(numbers, texts));
        }

        return rows;
    }

    /// <summary>
    /// The report: the synthesizer's rows against the held-out rows it never saw (fidelity, utility, privacy) beside the
    /// two baselines. A loaded model reads the declared data and splits it as training did.
    /// </summary>
    public SynthesisReport Evaluate() => _report ??= Report(_data ?? PipelineTrainer.LoadDeclared(Spec, null));

    /// <summary>Writes the report as one self-contained HTML page.</summary>
    public void SaveReport(string path) => IPlainPipeline.SaveReport(this, path);

    /// <summary>Saves the model to a file, written whole or not at all.</summary>
    public void Save(string path) => IPlainPipeline.Save(this, path);

    /// <summary>Saves the model to a stream.</summary>
    public void Save(Stream stream) => IPlainPipeline.Save(this, stream);

    /// <inheritdoc/>
    string IPlainPipeline.Kind => "a synthesizer";

    /// <inheritdoc/>
    string IPlainPipeline.ReportScope => "the held-out part of its own data";

    /// <inheritdoc/>
    TrainingData? IPlainPipeline.Data => _data;

    /// <inheritdoc/>
    EvaluationReport IPlainPipeline.Report() => Evaluate();

    /// <inheritdoc/>
    IPlainModelFile IPlainPipeline.File() => ToFile();

    private static void Validate(PipelineSpec<TRow> spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Expect(MLTask.Synthesis);

        if (spec.Features.Count == 0 || spec.TestFraction is not (> 0 and < 1))
        {
            throw new ArgumentException($"Pipeline '{spec.Name}' needs at least one column, and a test fraction strictly between 0 and 1.", nameof(spec));
        }
    }

    private static Synthesizer<TRow> Fitted(PipelineSpec<TRow> spec, TrainingData data)
    {
        var stopwatch = Stopwatch.StartNew();
        if (data.TrainRows == 0 || data.TestPart.RowCount == 0)
        {
            // Fidelity, utility and privacy are measured against held-out rows: with none, every figure would be empty.
            throw new DataFileException(data.Path, null, null, string.Create(CultureInfo.InvariantCulture,
                $"Pipeline {spec.Name} has {data.Table.RowCount:N0} rows, which split into {data.TrainRows:N0} to learn from and {data.TestPart.RowCount:N0} to measure the synthetic rows against (TestFraction {spec.TestFraction:R}); a synthesizer needs some of each."));
        }

        var train = TrainRows(data);
        var columns = SynthColumn.Of(spec, train);
        IRowSampler sampler = spec.OptionsOr<SynthesisOptions>().Kind == SynthesizerKind.SequentialTrees ? SequentialTrees.Fit(columns) : GaussianCopula.Fit(columns);
        return new Synthesizer<TRow>(spec, sampler, data, train, stopwatch.Elapsed);
    }

    private static DataTable TrainRows(TrainingData data) => ((TableDataView)data.TrainPart!).ToTable();

    private SynthesisReport Report(TrainingData data)
    {
        // The rows the synthesizer was fitted on, kept from training; a loaded one splits the data as training did.
        var train = ReferenceEquals(data, _data) && _trainRows is not null ? _trainRows : TrainRows(data);
        var (methods, columns, utilityMetric, realUtility, holdoutCopies) = SynthesisEvaluator.Evaluate(Spec, _sampler, train, data.TestPart);
        var own = methods[0];
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["ColumnDistance"] = own.ColumnDistance,
            ["CorrelationDifference"] = own.CorrelationDifference,
            ["DistanceRatio"] = own.DistanceRatio,
            ["ExactCopyShare"] = own.ExactCopyShare,
        };
        if (own.Utility is { } utility)
        {
            metrics["Utility"] = utility;
        }

        if (realUtility is { } real)
        {
            metrics["RealUtility"] = real;
        }

        foreach (var key in metrics.Where(m => !double.IsFinite(m.Value)).Select(m => m.Key).ToArray())
        {
            metrics.Remove(key);
        }

        var basics = new ReportBasics(
            Spec.Name, MLTask.Synthesis, Trainer, Hyperparameters,
            data.TestPath is null ? Path.GetFileName(data.Path) : $"{Path.GetFileName(data.Path)} (test: {Path.GetFileName(data.TestPath)})",
            train.RowCount, data.TestPart.RowCount, "ColumnDistance", metrics, [], [], DataProfiler.Profile(Spec, data.Table), []);
        return new SynthesisReport(basics, methods, columns, utilityMetric, realUtility, holdoutCopies);
    }

    private SynthesizerFile ToFile() => new()
    {
        Pipeline = Spec.Name,
        SchemaHash = Spec.SchemaHash,
        Schema = Spec.SchemaSignature(),
        Kind = Spec.OptionsOr<SynthesisOptions>().Kind,
        DeclarativeVersion = ModelFile.DeclarativeVersion,
        Marginals = _sampler.Marginals,
        Cholesky = (_sampler as GaussianCopula)?.Cholesky,
        Trees = (_sampler as SequentialTrees)?.Trees,
    };
}
