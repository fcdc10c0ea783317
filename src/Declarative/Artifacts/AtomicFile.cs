namespace Declarative.Artifacts;

/// <summary>
/// Writes a file through a temporary file beside it that replaces the target only when complete, so a crash or a
/// cancel never leaves a half-written file under the real name.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes text as UTF-8, whole or not at all.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    public static void Write(string path, Action<Stream> write)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = $"{fullPath}.{Environment.ProcessId}.tmp";
        try
        {
            using (var file = File.Create(temporary))
            {
                write(file);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
