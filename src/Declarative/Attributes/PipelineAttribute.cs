namespace Declarative;

/// <summary>
/// Base of the task attributes (<see cref="BinaryClassificationAttribute{TRow}"/>, ...): where the data comes from
/// and how the file is read. The source generator reads these values at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public abstract class PipelineAttribute : Attribute
{
    /// <summary>
    /// The CSV/TSV file to train on. A relative path resolves against the current directory, then against the
    /// directory of the assembly that declares the pipeline. Optional when <c>Train(dataPath)</c> is always given a path.
    /// </summary>
    public string? Data { get; set; }

    /// <summary>
    /// A separate test file, for data that ships one (often later in time than <see cref="Data"/>). There is no random
    /// split then: training and tuning use all of <see cref="Data"/>, and the test metrics, the report and the
    /// manifest are about the whole test file. Resolved as <see cref="Data"/> is; the build retrains when either changes.
    /// </summary>
    public string? TestData { get; set; }

    /// <summary>
    /// Read the rows from a database instead of a file: with <see cref="Query"/> and <see cref="ConnectionString"/> or
    /// <see cref="ConnectionStringVariable"/>. Columns map to properties by name, as a header's do.
    /// </summary>
    public DataProvider Provider { get; set; }

    /// <summary>The connection string, for a database that holds no secret (an SQLite file: <c>"Data Source=shop.db"</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The environment variable that holds the connection string, so secrets stay out of source.</summary>
    public string? ConnectionStringVariable { get; set; }

    /// <summary>The query whose rows are the data (<c>"SELECT ... FROM ..."</c>). The build hashes its result and retrains when it changes.</summary>
    public string? Query { get; set; }

    /// <summary>
    /// How the data file is written: <see cref="DataFormat.Delimited"/> (CSV, TSV; the default) or
    /// <see cref="DataFormat.SvmLight"/> (<c>label qid:7 1:0.5 4:2 ...</c>, as learning-to-rank data ships).
    /// </summary>
    public DataFormat Format { get; set; }

    /// <summary>
    /// The field separator; <c>'\0'</c> (the default) detects tab, comma, semicolon or pipe from the first line, else
    /// spaces when the first two lines split into the same number of fields at them. <c>' '</c> reads fields separated
    /// by runs of spaces (R's <c>write.table</c>, columns aligned by padding), where no field can be empty.
    /// </summary>
    public char Separator { get; set; }

    /// <summary>Whether the first non-comment line names the columns. Without a header, columns map by position.</summary>
    public bool HasHeader { get; set; } = true;

    /// <summary>
    /// Lines at the top of the file (and of <see cref="TestData"/>) to pass over before the header, or the first row
    /// without one, whatever they hold: the notes a download opens with (the World Bank's source and date), or
    /// scikit-learn's line of row and column counts. Counted as the file's lines, blank ones included; errors still name
    /// the file's own line numbers. 0 by default.
    /// </summary>
    public int SkipLines { get; set; }

    /// <summary>
    /// Whether a field that starts with <c>"</c> is quoted (RFC 4180: it may hold separators, doubled quotes and line
    /// breaks). With <see langword="false"/>, as for text whose messages hold stray quotes, a <c>"</c> is an ordinary
    /// character and every line is one row.
    /// </summary>
    public bool AllowQuoting { get; set; } = true;

    /// <summary>
    /// Skip rows that cannot be read (a bad value, a wrong field count, a broken quote) instead of failing at the
    /// first: each is counted, the first ten are listed as build warnings with their line and column (DCL2007) and in
    /// the report, and the build still fails when more than <see cref="MaxBadRowFraction"/> of the rows are bad.
    /// </summary>
    public bool SkipBadRows { get; set; }

    /// <summary>With <see cref="SkipBadRows"/>, the largest share of bad rows tolerated (0 to 1; default 0.01).</summary>
    public double MaxBadRowFraction { get; set; } = 0.01;
}

/// <summary>Declares a binary classification pipeline over rows of <typeparamref name="TRow"/>; the label is a <see cref="bool"/>.</summary>
/// <typeparam name="TRow">The row type: its public properties are the columns.</typeparam>
public sealed class BinaryClassificationAttribute<TRow> : PipelineAttribute;

/// <summary>
/// Declares a multiclass classification pipeline over rows of <typeparamref name="TRow"/>; the label is a
/// <see cref="string"/>, an <see cref="Enum"/> or an integer, and predictions come back in that type.
/// </summary>
/// <typeparam name="TRow">The row type: its public properties are the columns.</typeparam>
public sealed class MulticlassClassificationAttribute<TRow> : PipelineAttribute;

/// <summary>Declares a regression pipeline over rows of <typeparamref name="TRow"/>; the label is numeric.</summary>
/// <typeparam name="TRow">The row type: its public properties are the columns.</typeparam>
public sealed class RegressionAttribute<TRow> : PipelineAttribute;

/// <summary>
/// Declares a clustering pipeline over rows of <typeparamref name="TRow"/> (k-means on standardized features). A
/// <c>[Label]</c> is optional: when declared it is not trained on, only compared with the clusters (normalized mutual
/// information, adjusted Rand index).
/// </summary>
/// <typeparam name="TRow">The row type: its public properties are the columns.</typeparam>
public sealed class ClusteringAttribute<TRow> : PipelineAttribute
{
    /// <summary>The largest number of clusters <see cref="Clusters"/> = 0 tries.</summary>
    public const int MaxChosenClusters = 10;

    /// <summary>
    /// The number of clusters (2 to 1000), or 0 (the default) to choose it: every k from 2 to
    /// <see cref="MaxChosenClusters"/> is tried and the lowest Davies-Bouldin index on held-out folds wins (a
    /// <c>[Tune]</c> on the pipeline sets the trials and the metric instead).
    /// </summary>
    public int Clusters { get; set; }
}

/// <summary>
/// Declares an anomaly detection pipeline over rows of <typeparamref name="TRow"/>: each row gets a score, higher for
/// rows unlike the training rows. A <see cref="bool"/> <c>[Label]</c> (true for an anomaly) is optional: when declared
/// it is not trained on, only used to measure the detector (AUC, detection rate) and to tune it.
/// </summary>
/// <typeparam name="TRow">The row type: its public properties are the columns.</typeparam>
public sealed class AnomalyDetectionAttribute<TRow> : PipelineAttribute
{
    /// <summary>The default <see cref="Contamination"/>.</summary>
    public const double DefaultContamination = 0.05;

    /// <summary>
    /// The share of training rows expected to be anomalies (above 0, at most 0.5; default 0.05): a row is flagged
    /// (<c>IsAnomaly</c>) when its score is above that share of the training rows' scores.
    /// </summary>
    public double Contamination { get; set; } = DefaultContamination;
}

/// <summary>
/// Declares a ranking pipeline over rows of <typeparamref name="TRow"/>: rows that share a <c>[GroupId]</c> (a query)
/// are ordered by a score learned from a numeric <c>[Label]</c> of graded relevance (0 = bad ... 4 = perfect, say).
/// </summary>
/// <typeparam name="TRow">The row type: its public properties are the columns.</typeparam>
public sealed class RankingAttribute<TRow> : PipelineAttribute;

/// <summary>
/// Declares a synthesizer of rows of <typeparamref name="TRow"/>: it learns the joint distribution of every property
/// (a <c>[Label]</c> like any other; <c>[Ignore]</c> leaves one out, and it comes back as its default) and samples new,
/// typed rows (<c>model.Sample(count, seed)</c>). Its report measures the rows against real rows it never saw: fidelity,
/// utility and privacy, each against two baselines. It is not differential privacy.
/// </summary>
/// <typeparam name="TRow">The row type: its public properties are the columns; it needs a public parameterless constructor and settable properties.</typeparam>
public sealed class SynthesizerAttribute<TRow> : PipelineAttribute
{
    /// <summary>How the rows are modelled; <see cref="SynthesizerKind.GaussianCopula"/> by default.</summary>
    public SynthesizerKind Kind { get; set; }
}

/// <summary>
/// Declares a forecaster of the <c>[Label]</c> of <typeparamref name="TRow"/>: rows are points of one series, or of
/// many (a <c>[SeriesId]</c>), in time (a <c>[Time]</c>). <c>model.Forecast(...)</c> returns the <see cref="Horizon"/>
/// steps after a series' last row, each with an interval. The last <see cref="Horizon"/> steps of every series are the
/// test part, as the M4 competition evaluates (sMAPE, MASE, OWA against Naive2, the interval's coverage); with
/// <c>[Tune]</c> the model is chosen on rolling origins before it.
/// </summary>
/// <typeparam name="TRow">The row type: a [Time], the [Label] to forecast, optionally a [SeriesId].</typeparam>
public sealed class ForecastingAttribute<TRow> : PipelineAttribute
{
    /// <summary>The number of steps to forecast (1 to 10,000): also the length of the test part at the end of every series. Required.</summary>
    public int Horizon { get; set; }

    /// <summary>The season in steps (48 for a day of half-hours); 0 (the default) infers it from the time step.</summary>
    public int Season { get; set; }

    /// <summary>The coverage the forecast's interval aims for, strictly between 0 and 1 (0.8 by default).</summary>
    public double Interval { get; set; } = Schema.ForecastingOptions.DefaultInterval;

    /// <summary>
    /// Fills a series' missing values and missing steps by linear interpolation between their neighbours (the report
    /// counts them). Off by default: a missing value or a step that breaks the series' rhythm is an error naming the
    /// series, the time and the line.
    /// </summary>
    public bool FillGaps { get; set; }

    /// <summary>
    /// Makes the global trees (<see cref="Trainer.GlobalLightGbm"/>) forecast every step ahead directly from the same
    /// history, the step ahead a feature, instead of recursively (each step's forecast the next step's first lag). Off by
    /// default: over twenty test windows direct was better on births without their holiday column and on co2, worse on
    /// the taxi series and sunspots, and took 1.3 to 6.3 times as long to train (docs/forecasting.md). No effect on the
    /// other models.
    /// </summary>
    public bool DirectTrees { get; set; }
}

/// <summary>
/// Declares a streaming anomaly detector over series in time: rows are points of one series, or of many (a
/// <c>[SeriesId]</c>), each with a <c>[Time]</c>; the numeric properties are the values watched (several: a point's
/// score is its highest). <c>model.Detect(rows)</c> scores each row from 0 to 1 against only the points before it in its
/// series, the same whether rows come at once or one at a time through <c>model.Detector()</c>. A <see cref="bool"/>
/// <c>[Label]</c> marks known anomalies: the report scores the detector the way the Numenta Anomaly Benchmark does, and
/// <c>[Tune]</c> chooses the detector by it.
/// </summary>
/// <typeparam name="TRow">The row type: a [Time], the numeric values to watch, optionally a [SeriesId] and a bool [Label].</typeparam>
public sealed class SeriesAnomalyDetectionAttribute<TRow> : PipelineAttribute
{
    /// <summary>
    /// The score at or above which a point is an anomaly, from 0 to 1; 0 (the default) uses the detector's own, the
    /// threshold NAB's optimizer chose for it on the benchmark's 58 series (0.75 for sequence novelty).
    /// </summary>
    public double Threshold { get; set; }

    /// <summary>
    /// The share of the training points expected to be anomalies, which sets the threshold from their scores instead
    /// (above 0 and at most 0.5); 0 (the default) leaves the threshold to <see cref="Threshold"/>.
    /// </summary>
    public double Contamination { get; set; }
}
