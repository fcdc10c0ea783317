namespace Declarative;

/// <summary>
/// A data file cannot be used: it is missing, or a line holds a value its column cannot take. The message starts
/// with <c>file(line,column):</c>, the form compilers and MSBuild use, so editors and build logs link to the spot.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception for a problem at a place in a file.</summary>
    public DataFileException(string filePath, int? line, int? column, string detail, Exception? inner = null)
        : base(Format(filePath, line, column, detail), inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>The data file's path.</summary>
    public string FilePath { get; }

    /// <summary>The one-based line number, when the problem is on a line.</summary>
    public int? Line { get; }

    /// <summary>The one-based character column on that line, when the problem is in a field.</summary>
    public int? Column { get; }

    /// <summary>The problem without its location.</summary>
    public string Detail { get; }

    private static string Format(string filePath, int? line, int? column, string detail) => (line, column) switch
    {
        ({ } l, { } c) => $"{filePath}({l},{c}): {detail}",
        ({ } l, null) => $"{filePath}({l}): {detail}",
        _ => $"{filePath}: {detail}",
    };
}
