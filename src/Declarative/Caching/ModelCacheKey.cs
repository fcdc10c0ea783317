using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Declarative.Schema;

namespace Declarative.Caching;

/// <summary>
/// What a trained model's bytes follow from, and so what names its entry in the model cache. Every part is the same
/// on every machine that builds the same commit: hashes of content, names and versions, never a path, a machine's
/// name, a time or the number of cores.
/// </summary>
/// <param name="Pipeline">The pipeline's name (its files are named for it).</param>
/// <param name="PipelineType">The pipeline class's full name.</param>
/// <param name="DeclarationHash">The whole declaration: schema, data source, split and seed, trainers, task options, tuning, the Declarative and ML.NET versions.</param>
/// <param name="SchemaHash">The row schema the model reads.</param>
/// <param name="DataHash">The data file's bytes (and the test file's and companions'), or the query result's hash.</param>
/// <param name="LockHash">The tuning lock file the build refits from, or <see langword="null"/> when it tunes (or does not tune).</param>
/// <param name="Report">Whether the build writes the reports (an entry holds what such a build writes).</param>
/// <param name="Engine">The build of Declarative (its assembly's module version id): code can change within a version.</param>
internal sealed record ModelCacheKey(string Pipeline, string PipelineType, string DeclarationHash, string SchemaHash, string DataHash,
    string? LockHash, bool Report, string Engine)
{
    /// <summary>The format of entries and of this key; a change here makes every older entry a miss.</summary>
    public const int Format = 1;

    /// <summary>The runtime's version and the process's architecture: floating point may differ between either.</summary>
    public string Runtime { get; init; } = $"{Environment.Version}:{RuntimeInformation.ProcessArchitecture}";

    /// <summary>
    /// The key's text form: the SHA-256 of its parts, 64 lowercase hex digits (an entry's file name). Computed each
    /// time: a cached value would be copied by <c>with</c> into a key with other parts.
    /// </summary>
    public string Value => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Parts())))).ToLowerInvariant();

    /// <summary>The first digits, enough to tell entries apart in a log line.</summary>
    public string Short => Value[..12] + "…";

    /// <summary>The parts, one per line, as they are hashed (and as <c>entry.json</c> records them, to explain a key).</summary>
    public IEnumerable<string> Parts() =>
    [
        $"format:{Format}",
        $"pipeline:{Pipeline}:{PipelineType}",
        $"declaration:{DeclarationHash}",
        $"schema:{SchemaHash}",
        $"data:{DataHash}",
        $"lock:{LockHash ?? "none"}",
        $"report:{(Report ? "yes" : "no")}",
        $"engine:{Engine}:{LibraryVersions.Declarative}:{LibraryVersions.MLNet}",
        $"runtime:{Runtime}",
    ];
}
