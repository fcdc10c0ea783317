using System.Text.Json.Serialization;

namespace Declarative.Evaluation;

/// <summary>
/// The JSON form of every file a person or CI reads (report, manifest, tuning lock): camelCase, indented, enums by
/// name, each layer's types in a source-generated context of its own with these same options. Source-generated, not
/// reflection: an app published with <c>PublishAot</c> (or <c>JsonSerializerIsReflectionEnabledByDefault=false</c>)
/// disables reflection-based JSON, and the build host runs under the app's settings; generated metadata also keeps a
/// cold <c>Load()</c> cheap. This one holds the report types, for <see cref="EvaluationReport.ToJson"/>.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(BinaryClassificationReport))]
[JsonSerializable(typeof(MulticlassClassificationReport))]
[JsonSerializable(typeof(RegressionReport))]
[JsonSerializable(typeof(ClusteringReport))]
[JsonSerializable(typeof(RankingReport))]
[JsonSerializable(typeof(SynthesisReport))]
[JsonSerializable(typeof(AnomalyDetectionReport))]
[JsonSerializable(typeof(ForecastingReport))]
[JsonSerializable(typeof(SeriesAnomalyReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
