using System.Text;
using Declarative.Evaluation;
using Declarative.Tests.Pipelines;
using Declarative.Training;

namespace Declarative.Tests.Corpus;

/// <summary>
/// Every file of the bad-input corpus (tests/corpus/data) through the loader that <c>Train()</c> and the build share:
/// each bad file fails at its line and column with a message that says what to do, each good one reads whole.
/// </summary>
public sealed class DataCorpusTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static string Corpus(string name) => Repository.PathOf("tests", "corpus", "data", name);

    [Theory]
    [InlineData("empty.csv", null, null, "The file is empty")]
    [InlineData("header-only.csv", null, null, "no data rows")]
    [InlineData("short-line.csv", 3, null, "3 fields, but the header has 4")]
    [InlineData("long-line.csv", 4, null, "5 fields, but the header has 4")]
    [InlineData("bad-number-row-1.csv", 2, 6, "'one' in column 'Amount'")]
    [InlineData("bad-number-row-5000.csv", 5001, 6, "'5O00' in column 'Amount'")]
    [InlineData("infinity.csv", 3, 7, "'Infinity' in column 'Amount' (property CorpusRow.Amount) is not a finite number")]
    [InlineData("negative-infinity.csv", 4, 6, "'-Infinity' in column 'Amount' (property CorpusRow.Amount) is not a finite number")]
    [InlineData("overflow.csv", 3, 7, "'1e39' in column 'Amount' (property CorpusRow.Amount) is not a finite number")]
    [InlineData("missing-label.csv", 3, 1, "The label 'Label' (property CorpusRow.Label) is missing")]
    [InlineData("bad-boolean.csv", 3, 1, "'maybe' in column 'Label'")]
    [InlineData("nul-bytes.csv", 3, 13, "A NUL character")]
    [InlineData("utf16-without-bom.csv", 1, 2, "A NUL character")]
    [InlineData("not-utf8.csv", 3, 14, "not valid UTF-8")]
    [InlineData("duplicate-headers.csv", 1, null, "The header names 2 columns that match 'Amount'")]
    [InlineData("missing-column.csv", 1, null, "Kind")]
    [InlineData("unterminated-quote.csv", 3, null, "not closed before the end of the file")]
    [InlineData("stray-quote.csv", 3, 19, "A quote inside an unquoted field")]
    [InlineData("text-after-closing-quote.csv", 3, 20, "Text after the closing quote")]
    public void BadFile_FailsAtItsPlace(string file, int? line, int? column, string message)
    {
        var path = Corpus(file);

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(CorpusModel.Spec, path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneClassLabel_FailsTraining_AtTheFile()
    {
        // Reading is fine; a classifier cannot learn from it (clustering and anomaly detection could).
        var path = Corpus("one-class.csv");

        var error = Assert.Throws<DataFileException>(() => CorpusModel.Train(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("has one class only ('true') in all 3 rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stray-quote.csv")]
    [InlineData("unterminated-quote.csv")]
    [InlineData("text-after-closing-quote.csv")]
    public void QuoteErrors_SuggestTurningQuotingOff(string file)
    {
        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(CorpusModel.Spec, Corpus(file)));

        Assert.Contains("AllowQuoting = false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ok-basic.csv", 4)]
    [InlineData("ok-bom-crlf.csv", 4)]
    [InlineData("ok-missing-values.csv", 4)]
    [InlineData("ok-nan-is-missing.csv", 4)]
    [InlineData("ok-quoted-multiline.csv", 4)]
    [InlineData("ok-html-in-values.csv", 4)]
    [InlineData("ok-utf16-with-bom.csv", 4)]
    public void GoodFile_ReadsEveryRow(string file, int rows)
    {
        var data = PipelineTrainer.Load(CorpusModel.Spec, Corpus(file));

        Assert.Equal(rows, data.Table.RowCount);
    }

    [Fact]
    public void BomAndCrlf_ReadTheSameValuesAsThePlainFile()
    {
        var plain = PipelineTrainer.Load(CorpusModel.Spec, Corpus("ok-basic.csv")).Table;
        var bom = PipelineTrainer.Load(CorpusModel.Spec, Corpus("ok-bom-crlf.csv")).Table;

        Assert.Equal(Notes(plain), Notes(bom));
        Assert.Equal("first note", Notes(bom)[0]);
    }

    [Fact]
    public void QuotingOff_ReadsStrayQuotesAsText()
    {
        var table = PipelineTrainer.Load(UnquotedCorpusModel.Spec, Corpus("stray-quote.csv")).Table;

        Assert.Equal(3, table.RowCount);
        Assert.Contains("he said \"hi\" twice", Notes(table));
    }

    [Fact]
    public void QuotingOff_AnUnclosedQuoteSwallowsNothing()
    {
        var table = PipelineTrainer.Load(UnquotedCorpusModel.Spec, Corpus("unterminated-quote.csv")).Table;

        Assert.Equal(4, table.RowCount);
        Assert.Contains("\"never closed", Notes(table));
    }

    [Fact]
    public void QuotedFieldsSpanningLines_AreCountedInTheProfile()
    {
        var spec = CorpusModel.Spec;
        var table = PipelineTrainer.Load(spec, Corpus("ok-quoted-multiline.csv")).Table;

        var warning = Assert.Single(DataProfiler.Profile(spec, table).Warnings, w => w.Code == DataWarningCodes.MultilineFields);
        Assert.Contains("1 quoted field span more than one line (the first opens at line 2)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("a note\nthat spans, two lines", Notes(table));
    }

    [Theory]
    [InlineData("true,1\nfalse,2\ntrue,3,extra\n", 3, "3 fields, but the first line (1) has 2")]
    [InlineData("true,1,x\nfalse,2\n", 2, "2 fields, but the first line (1) has 3")]
    public void WithoutAHeader_EveryLineHasTheFirstLinesFieldCount(string text, int line, string message)
    {
        var path = _temp.File("positional.csv");
        File.WriteAllText(path, text);

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(PositionalModel.Spec, path));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TenMegabyteField_IsReadButNotCopiedIntoMessagesOrTheProfile()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        var path = _temp.File("huge.csv");
        File.WriteAllText(path, $"Label,Amount,Kind,Note\ntrue,1,{huge},a\nfalse,2,b,b\ntrue,3,a,c\nfalse,{huge},b,d\n");

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(CorpusModel.Spec, path));
        Assert.Equal(5, error.Line);
        Assert.True(error.Message.Length < 1_000, $"{error.Message.Length} characters");
        Assert.Contains("10,485,760 characters", error.Message, StringComparison.Ordinal);

        File.WriteAllText(path, $"Label,Amount,Kind,Note\ntrue,1,{huge},a\nfalse,2,b,b\ntrue,3,a,c\nfalse,4,b,d\n");
        var table = PipelineTrainer.Load(CorpusModel.Spec, path).Table;
        var profile = DataProfiler.Profile(CorpusModel.Spec, table);
        Assert.All(profile.Columns.SelectMany(c => c.Top), t => Assert.True(t.Value.Length <= DataProfiler.ValueLengthLimit + 1));
    }

    [Fact]
    public void NotUtf8_IsLocatedEvenPastTheReadersBuffer()
    {
        // Far beyond the first block the reader decodes: the place is found in the file itself.
        var path = _temp.File("late.csv");
        var text = new StringBuilder("Label,Amount,Kind,Note\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append(i % 2 == 0 ? "true" : "false").Append(",1,a,é note\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat("false,2,b,caf"u8.ToArray()).Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(CorpusModel.Spec, path));

        Assert.Equal((20_002, 14), (error.Line, error.Column));
    }

    [Fact]
    public void RealText_WithStrayQuotes_NeedsQuotingOff()
    {
        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(QuotedYelpModel.Spec, QuotedYelpModel.Spec.ResolveDataPath()));
        Assert.Equal(229, error.Line); // As for the "mains," also uninspired.
        Assert.Contains("AllowQuoting = false", error.Message, StringComparison.Ordinal);

        var table = PipelineTrainer.Load(YelpModel.Spec, YelpModel.Spec.ResolveDataPath()).Table;
        Assert.Equal(1_000, table.RowCount);
        Assert.Contains("As for the \"mains,\" also uninspired.", table.Columns.Single(c => c.Name == nameof(ReviewSentence.Sentence)).Texts.Select(t => t.ToString()));
    }

    private static List<string> Notes(Declarative.Data.DataTable table) =>
        table.Columns.Single(c => c.Name == nameof(CorpusRow.Note)).Texts.Select(t => t.ToString()).ToList();

    public void Dispose() => _temp.Dispose();
}
