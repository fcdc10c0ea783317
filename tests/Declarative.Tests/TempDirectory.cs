namespace Declarative.Tests;

/// <summary>A folder of its own for one test, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "declarative-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a copy of a bundled dataset with one line replaced by the result of <paramref name="edit"/>.</summary>
    public string CopyWithLine(string dataset, int lineNumber, Func<string, string> edit, string? name = null)
    {
        var lines = System.IO.File.ReadAllLines(dataset);
        lines[lineNumber - 1] = edit(lines[lineNumber - 1]);
        var path = File(name ?? System.IO.Path.GetFileName(dataset));
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}
