using Declarative.Cli.Init;

namespace Declarative.Cli.Tests;

/// <summary>How <c>init</c> reads a column's dates: ISO 8601, else the common spelling that reads every value.</summary>
public sealed class DateFormatsTests
{
    [Theory]
    [InlineData("2020-01-31|2020-02-01", null, false, "ISO 8601 dates")]
    [InlineData("2020-01-31 23:30:00|2020-02-01T00:00:00Z", null, true, "ISO 8601 dates and times")]
    [InlineData("1/31/2020|2/1/2020", "M/d/yyyy", false, "dates as M/d/yyyy")]
    [InlineData("31/01/2020|01/02/2020", "d/M/yyyy", false, "dates as d/M/yyyy")]
    [InlineData("31.12.2020|01.01.2021", "d.M.yyyy", false, "dates as d.M.yyyy")]
    [InlineData("2020/12/31|2021/1/1", "yyyy/M/d", false, "dates as yyyy/M/d")]
    [InlineData("1949-01|1949-02|1949-03", "yyyy-MM", false, "dates as yyyy-MM")]
    [InlineData("Jan-1-1995|Feb-1-1995", "MMM-d-yyyy", false, "dates as MMM-d-yyyy")]
    [InlineData("Mar 2, 2021|Mar 3, 2021", "MMM d, yyyy", false, "dates as MMM d, yyyy")]
    [InlineData("3/14/2021 1:05 PM|3/14/2021 11:30 AM", "M/d/yyyy h:mm tt", true, "dates as M/d/yyyy h:mm tt")]
    [InlineData("14/03/2021 13:05|14/03/2021 11:30", "d/M/yyyy H:mm", true, "dates as d/M/yyyy H:mm")]
    [InlineData("1959Q1|1959Q2|2009Q3", "yyyy'Q'q", false, "dates as yyyy'Q'q")]
    [InlineData("1959-Q4|1960-Q1", "yyyy-'Q'q", false, "dates as yyyy-'Q'q")]
    [InlineData("1959 Q4|1960 Q1", "yyyy'Q'q", false, "dates as yyyy'Q'q")]
    [InlineData("1959q4|1960q1", "yyyy'q'q", false, "dates as yyyy'q'q")]
    [InlineData("Q4 1959|Q1 1960", "'Q'q yyyy", false, "dates as 'Q'q yyyy")]
    public void ADateColumn_IsReadInTheSpellingThatReadsEveryValue(string values, string? format, bool hasTime, string note)
    {
        var reading = DateFormats.Of(values.Split('|'));

        Assert.NotNull(reading);
        Assert.Equal(format, reading.Format);
        Assert.Equal(hasTime, reading.HasTime);
        Assert.Equal(note, reading.Note);
    }

    [Fact]
    public void DaysThatNeverPass12_AreReadTheWayThatGivesARegularStep_AndSaySo()
    {
        // A monthly series on the first of each month, written month-first and day-first: both spellings read every
        // value, and only one gives a step of a month.
        var months = Enumerable.Range(0, 24).Select(i => new DateOnly(2020, 1, 1).AddMonths(i)).ToArray();
        var monthFirst = DateFormats.Of([.. months.Select(d => $"{d.Month}/1/{d.Year}")]);
        var dayFirst = DateFormats.Of([.. months.Select(d => $"1/{d.Month}/{d.Year}")]);

        Assert.Equal("M/d/yyyy", monthFirst?.Format);
        Assert.Equal("dates as M/d/yyyy (they read as d/M/yyyy too: check)", monthFirst?.Note);
        Assert.Equal("d/M/yyyy", dayFirst?.Format);
        Assert.Equal("dates as d/M/yyyy (they read as M/d/yyyy too: check)", dayFirst?.Note);
    }

    [Theory]
    [InlineData("1/2/2020|soon")]
    [InlineData("13/13/2020")]
    [InlineData("2020-13")]
    [InlineData("Q4 2020|Q5 2020")]
    public void ValuesThatAreNotAllDates_AreNotADateColumn(string values) =>
        Assert.Null(DateFormats.Of(values.Split('|')));
}
