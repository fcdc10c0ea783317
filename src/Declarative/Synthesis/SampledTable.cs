namespace Declarative.Synthesis;

/// <summary>
/// Sampled rows, column by column in the pipeline's order: a number column holds values (NaN is missing), a category
/// column codes into its marginal's categories as numbers (-1 is missing).
/// </summary>
internal sealed record SampledTable(IReadOnlyList<ColumnMarginal> Marginals, double[][] Columns)
{
    public int RowCount => Columns.Length == 0 ? 0 : Columns[0].Length;

    /// <summary>A present value or category at cumulative share <paramref name="u"/>, or missing at the column's missing share.</summary>
    internal static double Draw(ColumnMarginal marginal, double u, Random random)
    {
        if (marginal.Present == 0 || (marginal.MissingShare > 0 && random.NextDouble() < marginal.MissingShare))
        {
            return marginal.Categorical ? -1 : double.NaN;
        }

        var index = marginal.IndexAt(u);
        return marginal.Categorical ? index : marginal.Values[index];
    }
}
