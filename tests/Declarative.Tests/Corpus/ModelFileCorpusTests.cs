using System.IO.Compression;
using System.Text;
using Declarative.Artifacts;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Corpus;

/// <summary>
/// Damaged and hostile model files: each is a <see cref="ModelFileException"/> that names the file, with memory
/// bounded (allocations measured on the loading thread, not time).
/// </summary>
public sealed class ModelFileCorpusTests : IDisposable
{
    private const string Metadata = "Declarative/metadata.json";
    private const long MemoryBound = 100L << 20;
    private readonly TempDirectory _temp = new();
    private readonly byte[] _good;

    public ModelFileCorpusTests()
    {
        var path = _temp.File("good.mlnet");
        TrainedModels.Tumor.Save(path);
        _good = File.ReadAllBytes(path);
    }

    public static TheoryData<string> Cases() => new()
    {
        "empty", "truncated-half", "truncated-tail", "random-bytes", "metadata-null", "metadata-not-json", "metadata-bomb",
        "metadata-huge-string", "mlnet-entry-bomb", "mlnet-entry-garbage", "path-traversal-name", "rooted-name", "no-metadata",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DamagedModel_IsAModelFileException_WithinTheMemoryBound(string name)
    {
        var path = _temp.File(name + ".mlnet");
        File.WriteAllBytes(path, Damage(name));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ModelFileException>(() => TumorModel.Load(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < MemoryBound, $"{name}: {allocated:N0} bytes allocated");
    }

    [Theory]
    [InlineData("metadata-null", "JSON null")]
    [InlineData("metadata-bomb", "more than metadata can be")]
    [InlineData("mlnet-entry-bomb", "would unpack to")]
    [InlineData("mlnet-entry-garbage", "ML.NET part cannot be read")]
    [InlineData("path-traversal-name", "an entry named '../evil.txt'")]
    [InlineData("empty", "empty")]
    public void DamagedModel_SaysWhatIsWrong(string name, string message)
    {
        var path = _temp.File(name + ".mlnet");
        File.WriteAllBytes(path, Damage(name));

        var error = Assert.Throws<ModelFileException>(() => TumorModel.Load(path));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeviceThatNeverEnds_IsRefusedBeforeReading()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Windows: no such device to try.
        }

        var error = Assert.Throws<ModelFileException>(() => TumorModel.Load("/dev/zero"));

        Assert.Contains("empty (or not a regular file)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStreamLargerThanAnyModel_IsRefusedWithoutHoldingIt()
    {
        var error = Assert.Throws<ModelFileException>(() => TumorModel.Load(new EndlessStream()));

        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGoodModel_StillLoads() => Assert.NotNull(TumorModel.Load(new MemoryStream(_good)));

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("null", "it is JSON null")]
    [InlineData("{ not json", "it is not a manifest")]
    public void DamagedManifestBesideTheApp_IsNamedByLoad(string manifest, string problem)
    {
        // CorpusModel is trained nowhere else, so its files beside the tests are this test's alone.
        var model = Path.Combine(AppContext.BaseDirectory, ModelArtifacts.ModelFileName(CorpusModel.Spec.Name));
        var manifestPath = Path.Combine(AppContext.BaseDirectory, ModelArtifacts.ManifestFileName(CorpusModel.Spec.Name));
        try
        {
            File.WriteAllBytes(model, _good);
            File.WriteAllText(manifestPath, manifest);

            var error = Assert.Throws<ModelFileException>(() => ModelArtifacts.Locate(CorpusModel.Spec));

            Assert.Equal(manifestPath, error.FilePath);
            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
            Assert.Contains("Build the project again", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(model);
            File.Delete(manifestPath);
        }
    }

    private byte[] Damage(string name) => name switch
    {
        "empty" => [],
        "truncated-half" => _good[..(_good.Length / 2)],
        "truncated-tail" => _good[..^10],
        "random-bytes" => RandomBytes(100_000),
        "metadata-null" => Rewrite((entry, _) => entry == Metadata ? "null"u8.ToArray() : null),
        "metadata-not-json" => Rewrite((entry, _) => entry == Metadata ? "{ \"format\": "u8.ToArray() : null),
        "metadata-bomb" => Rewrite((entry, _) => entry == Metadata ? Zeros(200 << 20) : null),
        "metadata-huge-string" => Rewrite((entry, _) => entry == Metadata ? HugeJsonString(64 << 20) : null),
        "mlnet-entry-bomb" => Rewrite((entry, _) => entry != Metadata && entry.EndsWith("Model.key", StringComparison.Ordinal) ? Zeros(300 << 20) : null, replaceFirstOther: true),
        "mlnet-entry-garbage" => Rewrite((entry, content) => entry != Metadata && content.Length > 64 ? RandomBytes(content.Length) : null, replaceFirstOther: true),
        "path-traversal-name" => Rewrite(null, extra: "../evil.txt"),
        "rooted-name" => Rewrite(null, extra: "/etc/evil.txt"),
        "no-metadata" => Rewrite((entry, _) => entry == Metadata ? null : null, drop: Metadata),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>A copy of the good model with entries replaced (the callback returns new bytes, or null to keep them).</summary>
    private byte[] Rewrite(Func<string, byte[], byte[]?>? replace, string? extra = null, string? drop = null, bool replaceFirstOther = false)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(_good), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var replacedOne = false;
            foreach (var entry in source.Entries)
            {
                if (entry.FullName == drop)
                {
                    continue;
                }

                using var input = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(input);
                }

                var content = input.ToArray();
                var replacement = replaceFirstOther && replacedOne && entry.FullName != Metadata ? null : replace?.Invoke(entry.FullName, content);
                replacedOne |= replacement is not null && entry.FullName != Metadata;
                using var write = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                write.Write(replacement ?? content);
            }

            if (extra is not null)
            {
                using var write = target.CreateEntry(extra).Open();
                write.Write("evil"u8);
            }
        }

        return output.ToArray();
    }

    private static byte[] Zeros(int length) => new byte[length];

    private static byte[] HugeJsonString(int length)
    {
        var json = new StringBuilder("{ \"format\": 1, \"trainer\": \"");
        json.Append('x', length).Append("\" }");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Zeros without end, like a device or a hostile peer.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
