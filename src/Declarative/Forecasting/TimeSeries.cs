namespace Declarative.Forecasting;

/// <summary>
/// One series in time order: its id (empty when the pipeline has one series), its times (ticks of a clock time, or a
/// step number), its values and its covariates: one array per covariate, over the values' steps and on into the steps
/// after the last value that the data gives them for (<see cref="Future"/>), since a covariate is known ahead; and its
/// past covariates, known up to the last value.
/// </summary>
internal sealed record TimeSeries(string Id, long[] Times, double[] Values, double[][] Covariates)
{
    public TimeSeries(string id, long[] times, double[] values)
        : this(id, times, values, [])
    {
    }

    /// <summary>The past covariates (<c>[PastCovariate]</c>): one array each, over the values' steps only.</summary>
    public double[][] Past { get; init; } = [];

    public int Length => Values.Length;

    /// <summary>The steps after the last value whose covariates are known (0 without covariates).</summary>
    public int Future => Covariates.Length == 0 ? 0 : Covariates[0].Length - Length;

    /// <summary>The first <paramref name="count"/> points; the covariates stay whole, as known beyond them.</summary>
    public TimeSeries Head(int count) => this with { Times = Times[..count], Values = Values[..count] };
}
