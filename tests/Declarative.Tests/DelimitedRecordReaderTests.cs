using Declarative.Data;

namespace Declarative.Tests;

/// <summary>The file-format rules on small inputs: quoting, comments, separator detection, field positions.</summary>
public sealed class DelimitedRecordReaderTests
{
    [Theory]
    [InlineData("a\tb\tc", '\t')]
    [InlineData("a, b, c", ',')]
    [InlineData("a;b;c", ';')]
    [InlineData("a|b|c", '|')]
    [InlineData("\"x,y\";b;c", ';')]
    [InlineData("single", ',')]
    public void DetectsTheSeparatorFromTheFirstRecord(string firstLine, char expected)
    {
        var reader = Reader(firstLine);
        Assert.True(reader.TryRead([]));
        Assert.Equal(expected, reader.Separator);
    }

    [Fact]
    public void SkipsCommentAndBlankLines_AndKeepsLineNumbers()
    {
        var records = ReadAll("// comment\n\n   \na,b\n// another\n1,2\n\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(4, records[0][0].Line);
        Assert.Equal(6, records[1][0].Line);
    }

    [Fact]
    public void TrimsSpacesAroundUnquotedFields_AndReportsWhereEachStarts()
    {
        var record = ReadAll("39, State-gov,  77516").Single();

        Assert.Equal(["39", "State-gov", "77516"], record.Select(f => f.Value));
        Assert.Equal([1, 5, 17], record.Select(f => f.Column));
    }

    [Fact]
    public void QuotedFields_HoldSeparatorsDoubledQuotesAndLineBreaks()
    {
        var records = ReadAll("id,text\n1,\"a, \"\"quoted\"\" word\"\n2,\"two\nlines\"\n3,plain");

        Assert.Equal("a, \"quoted\" word", records[1][1].Value);
        Assert.Equal("two\nlines", records[2][1].Value);
        Assert.Equal(3, records[2][0].Line);
        Assert.Equal(5, records[3][0].Line);
    }

    [Fact]
    public void EmptyFieldsAreKept()
    {
        Assert.Equal(["a", "", "c", ""], ReadAll("a,,c,").Single().Select(f => f.Value));
    }

    [Fact]
    public void UnclosedQuote_IsAnErrorAtTheLineItOpened()
    {
        var error = Assert.Throws<DataFileException>(() => ReadAll("a,b\n1,\"never closed\n2,3"));
        Assert.Equal(2, error.Line);
        Assert.Contains("not closed", error.Message);
    }

    [Fact]
    public void AGivenSeparatorIsNotDetected()
    {
        Assert.Equal(["a,b", "c"], ReadAll("a,b;c", ';').Single().Select(f => f.Value));
    }

    private static DelimitedRecordReader Reader(string text, char separator = '\0') =>
        new(new StringReader(text), "test.csv", separator);

    private static List<List<Field>> ReadAll(string text, char separator = '\0')
    {
        var reader = Reader(text, separator);
        var records = new List<List<Field>>();
        var fields = new List<Field>();
        while (reader.TryRead(fields))
        {
            records.Add([.. fields]);
        }

        return records;
    }
}
