namespace Declarative;

/// <summary>
/// One forecast step: its time (the ticks of a clock time, or the step number of an integer time; the generated
/// <c>Point</c> gives it as the [Time] property's type), the forecast value and the interval around it.
/// </summary>
/// <param name="Time">The step's time: <see cref="DateTime.Ticks"/> for a date, else the step number.</param>
/// <param name="Value">The forecast.</param>
/// <param name="Lower">The interval's lower bound.</param>
/// <param name="Upper">The interval's upper bound.</param>
public readonly record struct ForecastPoint(long Time, double Value, double Lower, double Upper);
