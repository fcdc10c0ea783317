using Declarative.Evaluation;
using Declarative.Tests.Pipelines;
using Declarative.Training;

namespace Declarative.Tests.Corpus;

/// <summary><c>SkipBadRows</c>: bad rows are skipped whole, counted and listed with their place; too many still fail.</summary>
public sealed class SkipBadRowsTests : IDisposable
{
    private const string Header = "Label,Amount,Kind,Note\n";
    private readonly TempDirectory _temp = new();

    [Fact]
    public void BadRows_AreSkippedWhole_AndListedWithTheirPlace()
    {
        var path = Write(Header + "true,1,a,x\nfalse,Infinity,b,y\ntrue,3,a,z\nfalse,4,b\ntrue,5,a,w\nfalse,6,b,v\ntrue,7,a,u\nfalse,8,b,t\n");

        var table = PipelineTrainer.Load(SkippingCorpusModel.Spec, path).Table;

        Assert.Equal(6, table.RowCount);
        Assert.Equal(2, table.BadRows);
        Assert.All(table.Columns, c => Assert.Equal(6, c.Length));
        var warnings = DataProfiler.Profile(SkippingCorpusModel.Spec, table).Warnings.Where(w => w.Code == DataWarningCodes.SkippedBadRow).ToList();
        Assert.Equal([(3, (int?)7), (5, null)], warnings.Select(w => (w.Line!.Value, w.Column)));
        Assert.Contains("'Infinity' in column 'Amount'", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("2 in all", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenQuote_LosesItsOwnRowOnly()
    {
        // Line 3 opens a quote that never closes on its line; the lines it swallowed are read again as rows.
        var path = Write(Header + "true,1,a,x\nfalse,2,b,\"cut off\ntrue,3,a,z\nfalse,4,b,\"ok\"\ntrue,5,a,w\nfalse,6,b,v\n");

        var table = PipelineTrainer.Load(SkippingCorpusModel.Spec, path).Table;

        Assert.Equal(5, table.RowCount);
        Assert.Equal(1, table.BadRows);
        Assert.Equal(3, Assert.Single(table.BadRowSamples).Line);
        Assert.Equal([1f, 3f, 4f, 5f, 6f], table.Columns.Single(c => c.Name == nameof(CorpusRow.Amount)).Singles!);
    }

    [Fact]
    public void MoreBadRowsThanTheFraction_IsStillAnError()
    {
        var path = Write(Header + "true,1,a,x\nfalse,x,b,y\ntrue,y,a,z\nfalse,4,b,w\n");

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(SkippingCorpusModel.Spec, path));

        Assert.Equal(3, error.Line);
        Assert.Contains("2 of 4 rows are bad (50.0%), more than MaxBadRowFraction = 0.4 allows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefault_StillStopsAtTheFirstBadRow()
    {
        var path = Write(Header + "true,1,a,x\nfalse,x,b,y\ntrue,3,a,z\nfalse,4,b,w\n");

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(CorpusModel.Spec, path));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void WikipediaDetox_ReadsEveryRowButTheOneItCutOff()
    {
        var table = PipelineTrainer.Load(ToxicityModel.Spec, ToxicityModel.Spec.ResolveDataPath()).Table;

        Assert.Equal(1, table.BadRows);
        Assert.Equal(83, table.BadRowSamples[0].Line);
        Assert.Equal(250 - 1, table.RowCount); // 250 data lines below the header; the lenient reader read 246, merging lines 83-87 into one row
    }

    [Fact]
    public void ABuildWithoutAReport_StillListsTheSkippedRows()
    {
        var result = Declarative.Build.ArtifactBuilder.Build(PipelineRegistry.For(typeof(ToxicityModel)), _temp.Path, new Declarative.Build.ArtifactOptions { Report = false });

        var skipped = Assert.Single(result.Warnings, w => w.Code == DataWarningCodes.SkippedBadRow);
        Assert.Equal(83, skipped.Line);
    }

    private string Write(string text)
    {
        var path = _temp.File("data.csv");
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
