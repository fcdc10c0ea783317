using System.IO.Compression;

namespace Declarative.Artifacts;

/// <summary>Zip entries written the same way each time (one fixed timestamp), so the same content gives the same bytes.</summary>
internal static class DeterministicZip
{
    private static readonly DateTimeOffset FixedTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Add(ZipArchive archive, string name, Stream content, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = archive.CreateEntry(name, level);
        entry.LastWriteTime = FixedTimestamp;
        using var output = entry.Open();
        content.CopyTo(output);
    }
}
