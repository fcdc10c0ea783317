using System.Globalization;
using Declarative.Data;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Evaluation;

/// <summary>
/// The report's test images: for a row with an [Image] property, the first few test images of each class (of each
/// prediction when there is no label), with what the model predicted and a thumbnail of the square the encoder read.
/// Values are read by their column's type, so every task that takes features gets its gallery the same way.
/// </summary>
internal static class ImageGallery
{
    /// <summary>Images shown per class; with at most <see cref="MaxGroups"/> classes, the page stays small (a thumbnail is a few KB).</summary>
    public const int PerGroup = 4;

    public const int MaxGroups = 12;

    /// <summary>The thumbnails' side in pixels.</summary>
    public const int Side = 96;

    public static IReadOnlyList<ImageExample> Of<TRow>(PipelineSpec<TRow> spec, DataTable test, IDataView predictions, string? label)
    {
        var image = spec.Columns.Select(c => c.Embedding).FirstOrDefault(e => e is { Offset: 0, IsImage: true });
        var files = image is null ? null : test.Sources.FirstOrDefault(s => s.Name == image.Property);
        if (image is null || files is null)
        {
            return [];
        }

        var schema = predictions.Schema;
        var classes = schema.GetColumnOrNull(ColumnNames.Score) is { Type: VectorDataViewType } score && score.HasSlotNames() ? ViewColumns.SlotNames(score) : null;

        // A binary label by its classes' names: the positive class and the other one, or how the file spelled false and true.
        var labelColumn = spec.Label is { } declared ? test.Columns.FirstOrDefault(c => c.Name == declared.PropertyName) : null;
        var sides = spec.Label?.PositiveClass is { } positive ? [labelColumn?.NegativeClass ?? "false", positive] : labelColumn?.Spelling?.ToArray();
        var predicted = Texts(predictions, schema.GetColumnOrNull(ColumnNames.PredictedLabel) is not null ? ColumnNames.PredictedLabel : ColumnNames.Score, classes, sides, test.RowCount);
        var actual = label is not null && schema.GetColumnOrNull(label) is not null ? Texts(predictions, label, classes, sides, test.RowCount) : null;
        var encoder = ((ImageFileEncoder)image.Encoder).Images;
        return Enumerable.Range(0, Math.Min(test.RowCount, predicted.Length))
            .GroupBy(row => actual?[row] ?? predicted[row])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxGroups)
            .SelectMany(g => g.Take(PerGroup))
            .Select(row =>
            {
                var text = files.Text(row).ToString();
                return new ImageExample(text.StartsWith('\0') ? "" : text, actual?[row], predicted[row], Thumbnail(encoder, text));
            })
            .ToArray();
    }

    /// <summary>A thumbnail, or none for a file that cannot be read now (the report does not fail for a picture).</summary>
    private static byte[] Thumbnail(IImageEncoder encoder, string text)
    {
        try
        {
            return encoder.Preview(ImageFileEncoder.Read(text), Side);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>A column's values as text: a key by its class name, a boolean by its side's name, a number in short form.</summary>
    private static string[] Texts(IDataView view, string name, string[]? classes, string[]? sides, int rows)
    {
        var type = view.Schema[name].Type;
        return type switch
        {
            KeyDataViewType => ViewColumns.Read<uint>(view, name).Select(k => k == 0 ? "" : classes is not null && k <= classes.Length ? classes[k - 1] : k.ToString(CultureInfo.InvariantCulture)).ToArray(),
            BooleanDataViewType => ViewColumns.Read<bool>(view, name).Select(b => sides is [var no, var yes] ? (b ? yes : no) : b ? "true" : "false").ToArray(),
            NumberDataViewType when type.RawType == typeof(float) => ViewColumns.Read<float>(view, name).Select(v => v.ToString("G4", CultureInfo.InvariantCulture)).ToArray(),
            NumberDataViewType when type.RawType == typeof(double) => ViewColumns.Read<double>(view, name).Select(v => v.ToString("G4", CultureInfo.InvariantCulture)).ToArray(),
            TextDataViewType => ViewColumns.Read<ReadOnlyMemory<char>>(view, name).Select(t => t.ToString()).ToArray(),
            _ => Enumerable.Repeat("", rows).ToArray(),
        };
    }
}
