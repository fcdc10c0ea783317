namespace Declarative.Synthesis;

/// <summary>
/// One column's distribution as the training rows give it: for numbers, their distinct values with cumulative counts
/// (sampling returns a value seen in training, so it is inside the range and whole where the data is); for categories,
/// their counts. Missing values keep their share.
/// </summary>
internal sealed record ColumnMarginal(string Name, bool Categorical, double[] Values, long[] Cumulative, string[] Categories, double MissingShare)
{
    /// <summary>The total count of present values.</summary>
    public long Present => Cumulative.Length == 0 ? 0 : Cumulative[^1];

    public static ColumnMarginal Of(SynthColumn column)
    {
        if (column.IsCategorical)
        {
            var counts = new long[column.Categories!.Length];
            var missing = 0;
            foreach (var code in column.Codes!)
            {
                if (code < 0)
                {
                    missing++;
                }
                else
                {
                    counts[code]++;
                }
            }

            return new ColumnMarginal(column.Name, true, [], Cumulate(counts), column.Categories, (double)missing / column.Length);
        }

        var present = column.Values!.Where(v => !double.IsNaN(v)).Order().ToArray();
        var values = new List<double>();
        var cumulative = new List<long>();
        for (var i = 0; i < present.Length; i++)
        {
            if (values.Count == 0 || values[^1] != present[i])
            {
                values.Add(present[i]);
                cumulative.Add(0);
            }

            cumulative[^1] = i + 1;
        }

        return new ColumnMarginal(column.Name, false, [.. values], [.. cumulative], [], column.Length == 0 ? 0 : 1 - ((double)present.Length / column.Length));
    }

    /// <summary>The value (or category code) at cumulative share <paramref name="u"/> of the present values.</summary>
    public int IndexAt(double u)
    {
        var target = Math.Min((long)Math.Floor(Math.Clamp(u, 0, 1) * Present), Present - 1);
        var index = Array.BinarySearch(Cumulative, target + 1);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The normal score of a present value or category: the middle of its share of the cumulative counts.</summary>
    public double ScoreOf(int index)
    {
        var low = index == 0 ? 0 : Cumulative[index - 1];
        var middle = (low + Cumulative[index]) / 2.0;
        return Normal.Quantile(middle / Present);
    }

    /// <summary>The index of a number among <see cref="Values"/>.</summary>
    public int IndexOf(double value) => Array.BinarySearch(Values, value);

    private static long[] Cumulate(long[] counts)
    {
        var result = new long[counts.Length];
        long sum = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            sum += counts[i];
            result[i] = sum;
        }

        return result;
    }
}
