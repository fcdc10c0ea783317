namespace Declarative.Forecasting;

/// <summary>
/// One series in time order: its id (empty when the pipeline has one series), its times (ticks of a clock time, or a
/// step number) and its values.
/// </summary>
internal sealed record TimeSeries(string Id, long[] Times, double[] Values)
{
    public int Length => Values.Length;

    /// <summary>The first <paramref name="count"/> points.</summary>
    public TimeSeries Head(int count) => this with { Times = Times[..count], Values = Values[..count] };
}
