namespace Declarative.Synthesis;

/// <summary>A fitted model of rows that samples new ones: a synthesizer, or one of the report's baselines.</summary>
internal interface IRowSampler
{
    /// <summary>The columns' distributions in the training rows (category names, missing shares).</summary>
    IReadOnlyList<ColumnMarginal> Marginals { get; }

    /// <summary><paramref name="count"/> rows drawn with <paramref name="random"/>: the same generator state gives the same rows.</summary>
    SampledTable Sample(int count, Random random);
}

/// <summary>The baseline that resamples training rows (with replacement): perfect fidelity, no privacy.</summary>
internal sealed class Resampler(IReadOnlyList<ColumnMarginal> marginals, SynthColumn[] columns) : IRowSampler
{
    public IReadOnlyList<ColumnMarginal> Marginals { get; } = marginals;

    public SampledTable Sample(int count, Random random)
    {
        var n = columns[0].Length;
        var picks = Enumerable.Range(0, count).Select(_ => random.Next(n)).ToArray();
        return new SampledTable(Marginals, columns.Select(c => picks.Select(i => c.IsCategorical ? c.Codes![i] : c.Values![i]).ToArray()).ToArray());
    }
}
