using Declarative.Data;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

/// <summary>
/// Rows that do not fit in memory end the load with a located error that says how far it got and what to do, not an
/// <see cref="OutOfMemoryException"/> from inside the loader. (The reader below runs out of memory on cue, as the
/// process would on a file too large for it.)
/// </summary>
public sealed class TableMemoryTests
{
    [Fact]
    public void RunningOutOfMemoryWhileLoading_IsADataErrorThatSaysHowFarItGot()
    {
        var lines = File.ReadLines("datasets/taxi-fare/taxi-fare-train.csv").Take(1_001).ToList();

        var error = Assert.Throws<DataFileException>(() => DelimitedFileLoader.Load(TaxiFareModel.Spec, new ExhaustedReader(lines), "taxi-huge.csv"));

        Assert.Equal("taxi-huge.csv", error.FilePath);
        Assert.Equal(1_001, error.Line);
        Assert.IsType<OutOfMemoryException>(error.InnerException);
        Assert.Contains("The rows of pipeline TaxiFareModel do not fit in memory: .NET could not allocate more after 1,000 rows.", error.Message, StringComparison.Ordinal);
        Assert.Contains($"about {TableMemory.BytesPerRow(TaxiFareModel.Spec)} bytes a row", error.Message, StringComparison.Ordinal);
        Assert.Contains("Train on a sample of the rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowCostsItsColumnsStorage()
    {
        // Taxi: vendor and payment are categories (a code each), the rate code too ([Categorical] int); four numbers.
        Assert.Equal((3 * sizeof(int)) + (4 * sizeof(float)), TableMemory.BytesPerRow(TaxiFareModel.Spec));
    }

    /// <summary>Gives its lines, then fails as an allocation would.</summary>
    private sealed class ExhaustedReader(IReadOnlyList<string> lines) : TextReader
    {
        private int _next;

        public override string? ReadLine() => _next < lines.Count ? lines[_next++] : throw new OutOfMemoryException();
    }
}
