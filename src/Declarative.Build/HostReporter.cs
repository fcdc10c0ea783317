using System.Globalization;

namespace Declarative.Build;

/// <summary>
/// Everything the host says, in the forms MSBuild reads: <c>file(line,column): error CODE: text</c> (or the host's own
/// origin when no file is at fault) becomes a build error or warning; a line starting <c>Declarative:</c> is progress.
/// Every operation writes through one reporter, so the protocol lives in one place.
/// </summary>
internal sealed class HostReporter(TextWriter output)
{
    /// <summary>The origin of a message no file is at fault for.</summary>
    public const string Origin = "Declarative";

    /// <summary>A line as it is (the list operation's table).</summary>
    public void Line(string text) => output.WriteLine(text);

    /// <summary>Progress: <c>Declarative: text</c>.</summary>
    public void Progress(string text) => output.WriteLine($"Declarative: {text}");

    /// <summary>An error at <paramref name="file"/> (the host's origin when null), at a line and column when known.</summary>
    public void Error(string code, string message, string? file = null, int? line = null, int? column = null) =>
        output.WriteLine($"{file ?? Origin}{Place(line, column)}: error {code}: {message}");

    /// <summary>A warning at <paramref name="file"/> (the host's origin when null), at a line and column when known.</summary>
    public void Warning(string code, string message, string? file = null, int? line = null, int? column = null) =>
        output.WriteLine($"{file ?? Origin}{Place(line, column)}: warning {code}: {message}");

    /// <summary>Bad data as MSBuild shows an error: <c>file(line,column): error DCL1001: ...</c>.</summary>
    public void DataError(DataFileException e, string pipeline) =>
        Error(BuildHost.DataErrorCode, $"{e.Detail} [pipeline {pipeline}]", e.FilePath, e.Line, e.Column);

    /// <summary>A place in a file as MSBuild writes it: <c>(line,column)</c>, <c>(line)</c>, or a space before the colon for the whole file.</summary>
    private static string Place(int? line, int? column) => (line, column) switch
    {
        ({ } l, { } c) => string.Create(CultureInfo.InvariantCulture, $"({l},{c})"),
        ({ } l, null) => string.Create(CultureInfo.InvariantCulture, $"({l})"),
        _ => " ",
    };
}
