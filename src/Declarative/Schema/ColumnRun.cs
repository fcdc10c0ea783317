namespace Declarative.Schema;

/// <summary>
/// One element of a run of file columns read into an array property (<c>[Columns]</c>): the property, the run's first
/// and last header names (or none, for a file without a header), this element's offset and the run's width.
/// </summary>
internal sealed record ColumnRun(string Property, string? First, string? Last, int Offset, int Count)
{
    /// <summary>The pipeline's name for one element: <c>Pixels[0]</c>.</summary>
    public static string ElementName(string property, int offset) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{property}[{offset}]");

    /// <summary>The run as messages show it: <c>'p0' to 'p63'</c> or <c>columns 0 to 63</c>.</summary>
    public string Describe(int startIndex) => First is not null
        ? $"'{First}' to '{Last}'"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"columns {startIndex} to {startIndex + Count - 1}");
}
