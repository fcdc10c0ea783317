using System.Text.Json;
using System.Text.Json.Serialization;
using Declarative.Artifacts;

namespace Declarative.Anomalies;

/// <summary>
/// A series anomaly detector's model file (<c>&lt;Name&gt;.mlnet</c>, as every task's): what it was trained for, the
/// detector and its threshold, the season, and each series' value range per watched column. JSON, written whole or not
/// at all; the same model gives the same bytes.
/// </summary>
internal sealed record SeriesAnomalyFile : IPlainModelFile
{
    public const int CurrentFormat = 1;

    /// <summary>The largest model file read (a hostile file cannot exhaust memory).</summary>
    public const long MaxFileBytes = 256L << 20;

    public int Format { get; init; } = CurrentFormat;

    public required string Pipeline { get; init; }

    public required string SchemaHash { get; init; }

    public required IReadOnlyList<string> Schema { get; init; }

    public required string DeclarativeVersion { get; init; }

    public required Trainer Detector { get; init; }

    public required double Threshold { get; init; }

    public required int Season { get; init; }

    public required IReadOnlyList<SeriesRanges> Series { get; init; }

    /// <summary>Checks the file's parts fit together (a damaged file is an error here, not a wrong score later).</summary>
    public void Check(int watched)
    {
        var fits = Format == CurrentFormat && SeriesDetectors.IsDetector(Detector) && Threshold is >= 0 and <= 1 && Season >= 1
            && Series is not null && Series.All(s => s?.Id is not null && s.Min?.Length == watched && s.Max?.Length == watched)
            && Series.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() == Series.Count;
        if (!fits)
        {
            throw new InvalidDataException($"The series anomaly file of {Pipeline} is damaged: its detector, threshold or series ranges do not fit {watched} watched value(s).");
        }
    }

    public void Write(Stream stream) => JsonSerializer.Serialize(stream, this, SeriesAnomalyJsonContext.Default.SeriesAnomalyFile);

    public static SeriesAnomalyFile Read(Stream stream, string source) => PlainModelJson.Read(stream, source, SeriesAnomalyJsonContext.Default.SeriesAnomalyFile, "series anomaly");
}

/// <summary>One series' value range per watched column, as training saw it.</summary>
internal sealed record SeriesRanges(string Id, double[] Min, double[] Max);

[JsonSourceGenerationOptions(WriteIndented = false, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SeriesAnomalyFile))]
internal sealed partial class SeriesAnomalyJsonContext : JsonSerializerContext;
