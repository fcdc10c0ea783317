using System.Security.Cryptography;

namespace Declarative.Artifacts;

/// <summary>The SHA-256, as lowercase hex, by which manifests and portable models name a model file's bytes.</summary>
internal static class ArtifactHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    public static string Of(Stream stream) => Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();

    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Of(stream);
    }
}
