namespace Declarative.Schema;

/// <summary>A part of a date or time, as a number column.</summary>
internal enum DatePart
{
    Year,
    Month,
    Day,
    DayOfWeek,
    DayOfYear,
    Hour,
    Minute,
}

/// <summary>How one date part column reads: the property it comes from, the part, the kind of value, the file's format.</summary>
internal sealed record DateColumn(string Property, DatePart Part, DateKind Kind, string? Format)
{
    public static IReadOnlyList<DatePart> PartsOf(DateKind kind) => kind switch
    {
        DateKind.Date => [DatePart.Year, DatePart.Month, DatePart.Day, DatePart.DayOfWeek, DatePart.DayOfYear],
        DateKind.Time => [DatePart.Hour, DatePart.Minute],
        _ => [DatePart.Year, DatePart.Month, DatePart.Day, DatePart.DayOfWeek, DatePart.DayOfYear, DatePart.Hour, DatePart.Minute],
    };

    public static float Value(DateTime value, DatePart part) => part switch
    {
        DatePart.Year => value.Year,
        DatePart.Month => value.Month,
        DatePart.Day => value.Day,
        DatePart.DayOfWeek => (int)value.DayOfWeek,
        DatePart.DayOfYear => value.DayOfYear,
        DatePart.Hour => value.Hour,
        _ => value.Minute,
    };
}
