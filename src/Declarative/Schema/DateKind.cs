namespace Declarative.Schema;

/// <summary>What a date or time property holds, which decides the parts it becomes.</summary>
public enum DateKind
{
    /// <summary>A date and a time of day (<see cref="System.DateTime"/>, <see cref="System.DateTimeOffset"/>).</summary>
    DateTime,

    /// <summary>A date (<see cref="System.DateOnly"/>).</summary>
    Date,

    /// <summary>A time of day (<see cref="System.TimeOnly"/>).</summary>
    Time,
}
