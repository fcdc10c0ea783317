using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Declarative.Schema;

/// <summary>
/// Everything the runtime needs to train, evaluate, save and load one declared pipeline. The source generator
/// builds one per pipeline class from its attributes; it can also be built by hand.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class PipelineSpec<TRow> : IPipelineSpec
{
    private string? _schemaHash;
    private string? _declarationHash;

    /// <summary>The pipeline's name: the declaring class's name.</summary>
    public required string Name { get; init; }

    /// <summary>The task.</summary>
    public required MLTask Task { get; init; }

    /// <summary>The pipeline class; its assembly's directory is the second place a relative data path is looked up.</summary>
    public required Type DeclaringType { get; init; }

    /// <summary>
    /// The label column. Every supervised task needs one; for clustering and anomaly detection it is optional and only
    /// measures the model (it is never trained on).
    /// </summary>
    public ColumnSpec<TRow>? Label { get; init; }

    /// <summary>
    /// The group column (<c>[GroupId]</c>): the rows of a group are split together, in the test split and in tuning's folds;
    /// ranking also ranks them against each other (the query). Never a feature.
    /// </summary>
    public ColumnSpec<TRow>? GroupId { get; init; }

    /// <summary>Whether the model orders rows within their groups (ranking's queries), rather than only splitting by them.</summary>
    internal bool RanksWithinGroups => GroupId is not null && TaskDefinitions.For(Task).RequiresGroup;

    /// <summary>The series a forecasting row belongs to (its <c>[SeriesId]</c>), or <see langword="null"/> when the data is one series.</summary>
    public ColumnSpec<TRow>? SeriesId { get; init; }

    /// <summary>A forecasting row's time (its <c>[Time]</c>): a date read whole, or an integer step read as its text.</summary>
    public ColumnSpec<TRow>? Time { get; init; }

    /// <summary>How the data file is written.</summary>
    public DataFormat Format { get; init; }

    /// <summary>A synthesizer's way back from a sampled row to <typeparamref name="TRow"/>; the generated code writes it.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Func<SyntheticRow, TRow>? RowFactory { get; init; }

    /// <summary>
    /// What the task declares beyond the shared settings (<see cref="ClusteringOptions"/>, <see cref="AnomalyOptions"/>,
    /// <see cref="SynthesisOptions"/>), or null for a task without options or one left at their defaults.
    /// </summary>
    public TaskOptions? Options { get; init; }

    /// <summary>The task's options as declared, or their defaults.</summary>
    internal T OptionsOr<T>()
        where T : TaskOptions, new() => Options as T ?? new T();

    /// <summary>The feature columns, in declaration order.</summary>
    public required IReadOnlyList<ColumnSpec<TRow>> Features { get; init; }

    /// <summary>The data file named by the task attribute, if any.</summary>
    public string? DataPath { get; init; }

    /// <summary>Where the rows come from: a file (<see cref="DataPath"/>) or a database.</summary>
    public DataProvider Provider { get; init; }

    /// <summary>The database's connection string, when the declaration gives it outright.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The environment variable that holds the database's connection string.</summary>
    public string? ConnectionStringVariable { get; init; }

    /// <summary>The query whose rows are the data.</summary>
    public string? Query { get; init; }

    /// <summary>The separate test file named by the task attribute's <c>TestData</c>, if any (no random split then).</summary>
    public string? TestDataPath { get; init; }

    /// <summary>The field separator, or <c>'\0'</c> to detect it.</summary>
    public char Separator { get; init; }

    /// <summary>Whether the file has a header line.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Lines at the top of each data file passed over before the header or the first row (notes above the table).</summary>
    public int SkipLines { get; init; }

    /// <summary>Whether a field that starts with a quote is quoted (RFC 4180); otherwise a quote is an ordinary character.</summary>
    public bool AllowQuoting { get; init; } = true;

    /// <summary>Whether unreadable rows are skipped and counted rather than an error.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>With <see cref="SkipBadRows"/>, the largest share of bad rows tolerated.</summary>
    public double MaxBadRowFraction { get; init; } = 0.01;

    /// <summary>
    /// Whether the build also writes the model as ONNX and checks it against ML.NET (<c>DeclarativeExportOnnx</c>):
    /// LightGbm then trains without categorical splits, which ONNX Runtime cannot read.
    /// </summary>
    public bool ExportOnnx { get; init; }

    /// <inheritdoc/>
    string IPipelineSpec.DeclarationHashWith(string mlnetVersion) => DeclarationHashWith(mlnetVersion);

    /// <inheritdoc/>
    bool IPipelineSpec.PortableFeatures => NGramText is null;

    bool IPipelineSpec.DeclaresData => Provider != DataProvider.File || !string.IsNullOrWhiteSpace(DataPath);

    /// <summary>
    /// The first <c>[Text]</c> feature featurized by word and character n-grams (one a sentence encoder embeds is numbers),
    /// or null: what neither the portable scorer nor ONNX serves, and what makes tree ensembles slow to train.
    /// </summary>
    internal ColumnSpec<TRow>? NGramText => Features.FirstOrDefault(f => f.Kind == ColumnKind.Text);

    /// <inheritdoc/>
    string? IPipelineSpec.NGramTextProperty => NGramText?.PropertyName;

    /// <summary>The share of rows held out for testing.</summary>
    public double TestFraction { get; init; } = SplitAttribute.DefaultTestFraction;

    /// <summary>The property a time-ordered split sorts by (its last <see cref="TestFraction"/> is the test part), or null for a random split.</summary>
    public string? OrderBy { get; init; }

    /// <summary>The seed of the split and of every trainer.</summary>
    public int Seed { get; init; } = SplitAttribute.DefaultSeed;

    /// <summary>The candidate trainers; the first is trained when there is no tuning.</summary>
    public IReadOnlyList<Trainer> Trainers { get; init; } = [Trainer.LightGbm];

    /// <summary>How to tune, or <see langword="null"/> to train the first trainer with its defaults.</summary>
    public TuningSpec? Tuning { get; init; }

    /// <summary>Every loaded column: the label first (when there is one), then the features.</summary>
    public IEnumerable<ColumnSpec<TRow>> Columns =>
        (Label is null ? [] : new[] { Label }).Concat(GroupId is null ? [] : [GroupId]).Concat(SeriesId is null ? [] : [SeriesId]).Concat(Time is null ? [] : [Time]).Concat(Features);

    /// <summary>
    /// A hash of what a trained model depends on: the task, the label and the features with their kinds and types.
    /// A model file records it, and loading a model into a pipeline with another hash fails.
    /// </summary>
    public string SchemaHash => _schemaHash ??= ComputeSchemaHash();

    /// <inheritdoc/>
    public string DeclarationHash => _declarationHash ??= DeclarationHashWith(LibraryVersions.MLNet);

    /// <summary>The declaration hash as a build with ML.NET <paramref name="mlnetVersion"/> computes it.</summary>
    internal string DeclarationHashWith(string mlnetVersion) => Hash(
        [
            .. SchemaSignature(),
            .. Columns.Select(c => string.Create(CultureInfo.InvariantCulture, $"file:{c.PropertyName}:{c.ColumnName}:{c.HasExplicitName}:{c.Index}")),
            string.Create(CultureInfo.InvariantCulture, $"data:{(Provider == DataProvider.File ? "" : $"{Provider}:{Query}:{ConnectionStringVariable}:{(ConnectionString is null ? "" : Hash([ConnectionString]))}:")}{DataPath}:{TestDataPath}:{(int)Separator}:{HasHeader}{(AllowQuoting ? "" : ":unquoted")}{(SkipLines == 0 ? "" : $":skip-lines:{SkipLines}")}{(SkipBadRows ? $":skip-bad:{MaxBadRowFraction:R}" : "")}"),
            string.Create(CultureInfo.InvariantCulture, $"split:{TestFraction:R}:{Seed}{(OrderBy is null ? "" : ":by:" + OrderBy)}"),
            $"trainers:{string.Join(",", Trainers)}{(ExportOnnx ? ":onnx" : "")}",
            .. TaskOptionsSignature(),
            Tuning?.Signature() ?? "tune:none",
            $"versions:{LibraryVersions.Declarative}:{mlnetVersion}",
        ]);

    /// <inheritdoc/>
    public string ResolveDataPath(string? dataPath = null) => DataPaths.Resolve(this, dataPath);

    /// <inheritdoc/>
    T IPipelineSpec.Accept<T>(ISpecVisitor<T> visitor) => visitor.Visit(this);

    /// <inheritdoc/>
    public string? ResolveTestDataPath() => TestDataPath is null ? null : DataPaths.Resolve(this, TestDataPath);

    /// <summary>The task options and the file format, only when set, so the hashes of pipelines that set none do not change.</summary>
    private IEnumerable<string> TaskOptionsSignature() =>
        [.. Options?.Signature() ?? [], .. Format == DataFormat.Delimited ? (string[])[] : [$"format:{Format}"]];

    /// <summary>The human-readable form of the schema, stored beside the hash so a mismatch can be explained.</summary>
    internal IReadOnlyList<string> SchemaSignature() =>
        [$"task:{Task}", .. Columns.Select(c => c.SchemaSignature())];

    private string ComputeSchemaHash() => Hash(SchemaSignature());

    private static string Hash(IEnumerable<string> lines) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..32].ToLowerInvariant();

    /// <summary>Refuses a spec declared for another task than the face it is given to.</summary>
    internal void Expect(MLTask task)
    {
        if (Task != task)
        {
            throw new ArgumentException($"Pipeline '{Name}' is declared for {Task}, not {task}.", "spec");
        }
    }

    internal void Validate(ColumnKind expectedLabel, bool labelOptional, bool needsGroup)
    {
        if (needsGroup && GroupId is null)
        {
            throw new ArgumentException($"Pipeline '{Name}': {Task} needs a group id column (GroupId).", nameof(GroupId));
        }

        if (GroupId is not null && !TaskDefinitions.For(Task).AcceptsGroup)
        {
            throw new ArgumentException($"Pipeline '{Name}': a group id column applies to ranking, classification and regression, not {Task}.", nameof(GroupId));
        }

        if (SkipLines < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SkipLines), SkipLines, $"Pipeline '{Name}': the lines to skip cannot be negative.");
        }

        if (TestFraction is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TestFraction), TestFraction, $"Pipeline '{Name}': the test fraction must be strictly between 0 and 1.");
        }

        if (Trainers.Count == 0)
        {
            throw new ArgumentException($"Pipeline '{Name}' names no trainer.", nameof(Trainers));
        }

        if (Label is null && !labelOptional)
        {
            throw new ArgumentException($"Pipeline '{Name}': {Task} needs a label.", nameof(Label));
        }

        if (Label is not null && Label.Kind != expectedLabel)
        {
            throw new ArgumentException($"Pipeline '{Name}': a {Task} label must be of kind {expectedLabel}, not {Label.Kind}.", nameof(Label));
        }

        if (Options is not null && Options.GetType().Name != TaskDefinitions.For(Task).OptionsType)
        {
            throw new ArgumentException($"Pipeline '{Name}': {Options.GetType().Name} are not options of {Task}.", nameof(Options));
        }

        Options?.Validate(Name);

        if (Features.Count == 0 || Features.Any(f => f.Kind.IsLabel()))
        {
            throw new ArgumentException($"Pipeline '{Name}' needs at least one feature, and no label among its features.", nameof(Features));
        }

        if (Tuning is { MaxTrials: < 1 } or { Folds: < 0 } or { TimeBudgetSeconds: < 0 })
        {
            throw new ArgumentException($"Pipeline '{Name}': tuning needs MaxTrials of at least 1, and Folds and TimeBudgetSeconds of at least 0.", nameof(Tuning));
        }

        var duplicate = Columns.GroupBy(c => c.PropertyName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Pipeline '{Name}' names the property '{duplicate.Key}' twice.", nameof(Features));
        }
    }
}
