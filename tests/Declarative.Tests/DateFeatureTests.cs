using Declarative.Data;
using Declarative.Schema;
using Declarative.Tests.Pipelines;
using Declarative.Training;

namespace Declarative.Tests;

/// <summary>Date and time properties as features: parts of the date become numbers, read from ISO 8601 or a named format.</summary>
public sealed class DateFeatureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Timestamp_BecomesItsParts_AndPredictsTheCount()
    {
        var model = TaxiDemandModel.Train();

        Assert.Equal(
            ["When.Year", "When.Month", "When.Day", "When.DayOfWeek", "When.DayOfYear", "When.Hour", "When.Minute"],
            TaxiDemandModel.Spec.Features.Select(f => f.PropertyName));
        Assert.True(model.Pipeline.TestMetricValues["RSquared"] > 0.8, $"R² {model.Pipeline.TestMetricValues["RSquared"]}");

        // Night and rush hour differ by thousands of passengers; the model has learned the hour.
        var night = model.Predict(new TaxiDemand { When = new DateTime(2014, 10, 14, 4, 0, 0) }).Score;
        var evening = model.Predict(new TaxiDemand { When = new DateTime(2014, 10, 14, 19, 0, 0) }).Score;
        Assert.True(evening > night + 5_000, $"4:00 {night}, 19:00 {evening}");
    }

    [Fact]
    public void DateOnly_WithAFormat_KeepsTheDateParts()
    {
        var table = PipelineTrainer.Load(TaxiDayModel.Spec, TaxiDayModel.Spec.ResolveDataPath()).Table;

        Assert.Equal(["Day.Year", "Day.Month", "Day.Day", "Day.DayOfWeek", "Day.DayOfYear"], TaxiDayModel.Spec.Features.Select(f => f.PropertyName));
        Assert.Equal(2014f, table.Columns.Single(c => c.Name == "Day.Year").Singles![0]);
        Assert.Equal(2f, table.Columns.Single(c => c.Name == "Day.DayOfWeek").Singles![0]); // 2014-07-01 was a Tuesday
    }

    [Theory]
    [InlineData("01/07/2014 00:00", 2, 1, "a date in ISO 8601 form")]
    [InlineData("2014-13-01 00:00:00", 2, 1, "a date in ISO 8601 form")]
    public void ADateInAnotherFormat_IsALocatedError(string value, int line, int column, string message)
    {
        var path = _temp.File("demand.csv");
        File.WriteAllText(path, $"timestamp,value\n{value},10\n2014-07-01 00:30:00,12\n");

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(TaxiDemandModel.Spec, path));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("property TaxiDemand.When", error.Message, StringComparison.Ordinal);
        Assert.Contains("[Column(Format = ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yyyy'Q'q", "1974Q1", 1974, 1)]
    [InlineData("yyyy'Q'q", "1974Q2", 1974, 4)]
    [InlineData("yyyy-'Q'q", "1974-Q3", 1974, 7)]
    [InlineData("yyyy 'Q'q", "1974 Q4", 1974, 10)]
    [InlineData("'Q'q yyyy", "Q4 2009", 2009, 10)]
    [InlineData("yyyy\\Qq", "2009Q3", 2009, 7)]
    [InlineData("yyyy.q", "2009.2", 2009, 4)]
    public void AQuarterFormat_ReadsEachQuarter_AsItsFirstDay(string format, string text, int year, int month)
    {
        // .NET's formats have no quarter: q outside quotes is one, read like a month and moved to its quarter's start.
        Assert.True(DateParsing.TryParse(text, DateKind.Date, format, out var date));
        Assert.Equal(new DateTime(year, month, 1), date);

        // And an error writes any day of the quarter back as the file spells it.
        Assert.Equal(text, DateParsing.Show(date.AddMonths(2).AddDays(14), format));
    }

    [Fact]
    public void AnErrorWritesADate_InTheColumnsFormat_OrInIsoFormWithoutOne()
    {
        var at = new DateTime(1996, 3, 1);
        Assert.Equal("1996-03", DateParsing.Show(at, "yyyy-MM"));
        Assert.Equal("3/1/1996", DateParsing.Show(at, "M/d/yyyy"));
        Assert.Equal("1996-03-01", DateParsing.Show(at, null));
        Assert.Equal("1996-03-01 13:30:00", DateParsing.Show(at.AddHours(13.5), null));

        // A format naming both a quarter and a month reads nothing, so it writes nothing either.
        Assert.Equal("1996-03-01", DateParsing.Show(at, "yyyy'Q'q MM"));
    }

    [Theory]
    [InlineData("yyyy'Q'q", "1974Q5")]
    [InlineData("yyyy'Q'q", "1974Q0")]
    [InlineData("yyyy'Q'q", "1974-01")]
    [InlineData("yyyy'Q'q MM", "1974Q1 01")]
    public void AQuarterFormat_ReadsNoFifthQuarter_AndNoMonthBesideIt(string format, string text) =>
        Assert.False(DateParsing.TryParse(text, DateKind.Date, format, out _));

    [Fact]
    public void AQuarterThatIsNot_IsALocatedError_ThatSaysWhatQIs()
    {
        var path = _temp.File("quarterly.csv");
        File.WriteAllText(path, "quarter,series,value\n1959Q1,gdp,2710.3\n1959Q5,gdp,2778.8\n");

        var error = Assert.Throws<DataFileException>(() => PipelineTrainer.Load(MacroQuarterForecast.Spec, path));

        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Contains("a date in the format yyyy'Q'q (q: the quarter, 1 to 4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDates_AreMissingInEveryPart()
    {
        var path = _temp.File("demand.csv");
        File.WriteAllText(path, "timestamp,value\n,10\n2014-07-01T00:30:00+02:00,12\n2014-07-01 01:00,9\n");

        var table = PipelineTrainer.Load(TaxiDemandModel.Spec, path).Table;

        Assert.All(table.Columns.Where(c => c.Name.StartsWith("When.", StringComparison.Ordinal)), c => Assert.True(float.IsNaN(c.Singles![0])));
        Assert.Equal(30f, table.Columns.Single(c => c.Name == "When.Minute").Singles![1]); // the clock time the offset qualifies
    }

    public void Dispose() => _temp.Dispose();
}
