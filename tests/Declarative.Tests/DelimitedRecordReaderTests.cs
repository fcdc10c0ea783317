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

    [Theory]
    [InlineData("x y z\n1 2 3", ' ')]
    [InlineData("\"Sepal.Length\"  \"Species\"\n5.1  \"iris setosa\"", ' ')]
    [InlineData("'OBS' 'GPA' 'GRADE'\n// a comment\n\n1 2.66 0", ' ')]
    [InlineData("passenger count\n12", ',')] // one column whose header holds a space
    [InlineData("a b\n1 5.1 3.5", ',')] // R's default shape: row names under a header one field short
    [InlineData("x y z", ',')] // one line says nothing of the next
    public void WithNoOtherSeparator_SpacesSeparate_WhenTheFirstTwoLinesSplitAlike(string text, char expected)
    {
        var reader = Reader(text);
        Assert.True(reader.TryRead([]));
        Assert.Equal(expected, reader.Separator);
    }

    [Fact]
    public void SpacesAsTheSeparator_AreRunsOfSpaces_AroundQuotedFieldsToo_AndKeepLineNumbers()
    {
        var records = ReadAll("  x   y  z  \n// between\n1  \"two  words\"   3 \n\"last\" \"line\nbreak\" 4");

        Assert.Equal([["x", "y", "z"], ["1", "two  words", "3"], ["last", "line\nbreak", "4"]], records.Select(r => r.Select(f => f.Value).ToArray()));
        Assert.Equal([3, 7, 10], records[0].Select(f => f.Column));
        Assert.Equal([3, 3, 3], records[1].Select(f => f.Line));
        Assert.Equal(4, records[2][0].Line);

        // A closing quote is followed by spaces or the line's end, as by the separator in any file.
        var error = Assert.Throws<DataFileException>(() => ReadAll("x y\n\"a\"b c"));
        Assert.Equal((2, 4), (error.Line, error.Column));

        // Declared, a space separates a file of one line too.
        Assert.Equal(["a", "b"], ReadAll("a   b", ' ').Single().Select(f => f.Value));
    }

    [Fact]
    public void LookingAheadForTheSecondLine_StopsAfterSoManySkippedLines_AndLosesNone()
    {
        // A first line of words, then more blank lines than a quoted field may span: the look-ahead gives up (no spaces
        // as the separator), and every line is still read, at its number.
        var blanks = DelimitedRecordReader.MaxLinesPerField + 1;
        var records = ReadAll("x y\n" + string.Concat(Enumerable.Repeat("\n", blanks)) + "1 2");

        Assert.Equal([["x y"], ["1 2"]], records.Select(r => r.Select(f => f.Value).ToArray()));
        Assert.Equal(blanks + 2, records[1][0].Line);
    }

    [Fact]
    public void LinesToSkip_ArePassedOverUnread_TheSeparatorComesFromTheTable_AndLinesKeepTheirNumbers()
    {
        // The World Bank's notes, one with a quote that never closes and commas: neither is read, and the table's
        // semicolons are its separator.
        var records = ReadAll("\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated, \"unclosed\n\ncountry;1960\nAruba;4.82\n", skipLines: 4);

        Assert.Equal([["country", "1960"], ["Aruba", "4.82"]], records.Select(r => r.Select(f => f.Value).ToArray()));
        Assert.Equal([5, 6], records.Select(r => r[0].Line));
        Assert.Empty(ReadAll("notes\nmore notes\n", skipLines: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DelimitedRecordReader(new StringReader(""), "test.csv", '\0', skipLines: -1));
    }

    private static DelimitedRecordReader Reader(string text, char separator = '\0', int skipLines = 0) =>
        new(new StringReader(text), "test.csv", separator, skipLines: skipLines);

    private static List<List<Field>> ReadAll(string text, char separator = '\0', int skipLines = 0)
    {
        var reader = Reader(text, separator, skipLines);
        var records = new List<List<Field>>();
        var fields = new List<Field>();
        while (reader.TryRead(fields))
        {
            records.Add([.. fields]);
        }

        return records;
    }
}
