using System.IO.Compression;

namespace Declarative.Artifacts;

/// <summary>Copies that stop at a limit, for files that may be damaged or hostile.</summary>
internal static class BoundedCopy
{
    /// <summary>The whole stream in memory, or <see langword="null"/> when it holds more than <paramref name="limit"/> bytes.</summary>
    public static MemoryStream? ToMemory(Stream source, long limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                buffer.Dispose();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>An entry's content in memory, refusing more bytes than its directory declares (a lying size is a bomb).</summary>
    public static MemoryStream Entry(ZipArchiveEntry entry, string path)
    {
        using var content = entry.Open();
        var copy = ToMemory(content, entry.Length)
            ?? throw new ModelFileException(path, $"The model's entry '{entry.FullName}' holds more than the {entry.Length:N0} bytes its directory declares: the file is damaged or hostile.");
        return copy;
    }
}
