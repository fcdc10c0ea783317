namespace Declarative.Synthesis;

/// <summary>
/// The sequential-trees synthesizer (synthpop's CART method): the first column is drawn from its training values; each
/// later column from a regression or classification tree on the columns before it, by drawing one of the training
/// values in the leaf the sampled row falls into. Missing is a value like any other (a number column's NaN sorts
/// first; a category's missing is its own class), so missingness follows the columns it depends on.
/// </summary>
internal sealed class SequentialTrees : IRowSampler
{
    /// <summary>The fewest training rows in a leaf (synthpop's minbucket): a leaf of one row would copy it.</summary>
    internal const int MinimumLeaf = 5;

    private const int MaximumDepth = 12;

    public SequentialTrees(IReadOnlyList<ColumnMarginal> marginals, IReadOnlyList<SynthTree> trees)
    {
        Marginals = marginals;
        Trees = trees;
    }

    public IReadOnlyList<ColumnMarginal> Marginals { get; }

    /// <summary>One tree per column: column j's tree splits on columns 0 to j - 1 (the first is a single leaf).</summary>
    public IReadOnlyList<SynthTree> Trees { get; }

    public static SequentialTrees Fit(SynthColumn[] columns, CancellationToken cancellationToken = default)
    {
        var values = columns.Select(Encode).ToArray();
        var n = columns.Length == 0 ? 0 : columns[0].Length;
        var trees = new SynthTree[columns.Length];
        Parallel.For(0, columns.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
        {
            var nodes = new List<SynthNode>();
            Grow(values, j, Enumerable.Range(0, n).ToArray(), 0, columns[j].IsCategorical, nodes);
            trees[j] = new SynthTree([.. nodes]);
        });

        return new SequentialTrees(columns.Select(ColumnMarginal.Of).ToArray(), trees);
    }

    public SampledTable Sample(int count, Random random)
    {
        var d = Trees.Count;
        var columns = Enumerable.Range(0, d).Select(_ => new double[count]).ToArray();
        var row = new double[d];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var leaf = Trees[j].LeafOf(row);
                var value = leaf[random.Next(leaf.Length)];
                row[j] = value;
                columns[j][i] = value;
            }
        }

        return new SampledTable(Marginals, columns);
    }

    /// <summary>A column's values as numbers trees split on: numbers (NaN missing), category codes (-1 missing).</summary>
    private static double[] Encode(SynthColumn column) =>
        column.IsCategorical ? column.Codes!.Select(c => (double)c).ToArray() : column.Values!;

    /// <summary>Grows the node of <paramref name="rows"/> into <paramref name="nodes"/>; returns its index.</summary>
    private static int Grow(double[][] values, int target, int[] rows, int depth, bool categorical, List<SynthNode> nodes)
    {
        var index = nodes.Count;
        nodes.Add(default!);
        var split = depth < MaximumDepth && rows.Length >= 2 * MinimumLeaf ? BestSplit(values, target, rows, categorical) : null;
        if (split is not { } best)
        {
            nodes[index] = new SynthNode(-1, 0, -1, -1, rows.Select(r => values[target][r]).ToArray());
            return index;
        }

        var left = rows.Where(r => Key(values[best.Feature][r]) <= best.Threshold).ToArray();
        var right = rows.Where(r => Key(values[best.Feature][r]) > best.Threshold).ToArray();
        var leftIndex = Grow(values, target, left, depth + 1, categorical, nodes);
        var rightIndex = Grow(values, target, right, depth + 1, categorical, nodes);
        nodes[index] = new SynthNode(best.Feature, best.Threshold, leftIndex, rightIndex, null);
        return index;
    }

    /// <summary>NaN (missing) sorts before every number.</summary>
    internal static double Key(double value) => double.IsNaN(value) ? double.NegativeInfinity : value;

    /// <summary>The split of the columns before the target that lowers the target's impurity most, keeping both sides at least a minimum leaf.</summary>
    private static (int Feature, double Threshold)? BestSplit(double[][] values, int target, int[] rows, bool categorical)
    {
        var y = rows.Select(r => values[target][r]).ToArray();
        var parent = Impurity(y, categorical);
        if (parent <= 1e-12)
        {
            return null;
        }

        (int Feature, double Threshold, double Gain)? best = null;
        var keys = new double[rows.Length];
        var order = new int[rows.Length];
        for (var feature = 0; feature < target; feature++)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                keys[i] = Key(values[feature][rows[i]]);
                order[i] = i;
            }

            Array.Sort(keys, order);
            var scan = new ImpurityScan(y, categorical);
            for (var i = 0; i < rows.Length - 1; i++)
            {
                scan.MoveLeft(order[i]);
                if (i + 1 < MinimumLeaf || rows.Length - i - 1 < MinimumLeaf || keys[i] == keys[i + 1])
                {
                    continue;
                }

                var gain = parent - scan.Weighted();
                if (gain > 1e-12 && (best is null || gain > best.Value.Gain))
                {
                    best = (feature, keys[i], gain);
                }
            }
        }

        return best is { } b ? (b.Feature, b.Threshold) : null;
    }

    /// <summary>Variance of the present numbers (times their count), or Gini impurity of the categories (times the count).</summary>
    private static double Impurity(double[] y, bool categorical)
    {
        var scan = new ImpurityScan(y, categorical);
        for (var i = 0; i < y.Length; i++)
        {
            scan.MoveLeft(i);
        }

        return scan.LeftImpurity();
    }

    /// <summary>Running sums for a left and right part as rows move from right to left.</summary>
    private sealed class ImpurityScan
    {
        private readonly double[] _y;
        private readonly bool _categorical;
        private readonly Dictionary<double, int> _leftCounts = [];
        private readonly Dictionary<double, int> _rightCounts = [];
        private double _leftSum, _leftSquares, _rightSum, _rightSquares;
        private int _leftPresent, _rightPresent, _left, _right;

        public ImpurityScan(double[] y, bool categorical)
        {
            _y = y;
            _categorical = categorical;
            foreach (var v in y)
            {
                Add(v, ref _rightSum, ref _rightSquares, ref _rightPresent, _rightCounts, 1);
            }

            _right = y.Length;
        }

        public void MoveLeft(int i)
        {
            var v = _y[i];
            Add(v, ref _rightSum, ref _rightSquares, ref _rightPresent, _rightCounts, -1);
            Add(v, ref _leftSum, ref _leftSquares, ref _leftPresent, _leftCounts, 1);
            _left++;
            _right--;
        }

        public double LeftImpurity() => Part(_leftSum, _leftSquares, _leftPresent, _leftCounts, _left);

        public double Weighted() =>
            Part(_leftSum, _leftSquares, _leftPresent, _leftCounts, _left) + Part(_rightSum, _rightSquares, _rightPresent, _rightCounts, _right);

        private double Part(double sum, double squares, int present, Dictionary<double, int> counts, int total)
        {
            if (_categorical)
            {
                if (total == 0)
                {
                    return 0;
                }

                double gini = 1;
                foreach (var c in counts.Values)
                {
                    gini -= (double)c / total * c / total;
                }

                return gini * total;
            }

            // Missing numbers count as one more class of their own beside the variance of the present ones.
            var missing = total - present;
            var variance = present == 0 ? 0 : squares - (sum * sum / present);
            return Math.Max(variance, 0) + (missing == 0 || present == 0 ? 0 : (double)missing * present / total);
        }

        private void Add(double v, ref double sum, ref double squares, ref int present, Dictionary<double, int> counts, int sign)
        {
            if (_categorical)
            {
                counts[v] = counts.GetValueOrDefault(v) + sign;
                return;
            }

            if (double.IsNaN(v))
            {
                return;
            }

            sum += sign * v;
            squares += sign * v * v;
            present += sign;
        }
    }
}

/// <summary>A tree of the sequential synthesizer: its nodes, the root first.</summary>
internal sealed record SynthTree(SynthNode[] Nodes)
{
    /// <summary>The training values of the leaf a row (its earlier columns) falls into.</summary>
    public double[] LeafOf(double[] row)
    {
        var node = Nodes[0];
        var guard = 0;
        while (node.Leaf is null)
        {
            node = Nodes[SequentialTrees.Key(row[node.Feature]) <= node.Threshold ? node.Left : node.Right];
            if (++guard > Nodes.Length)
            {
                throw new InvalidDataException("A synthesizer tree has a cycle.");
            }
        }

        return node.Leaf;
    }
}

/// <summary>A split (feature, threshold, children) or a leaf (its training values).</summary>
internal sealed record SynthNode(int Feature, double Threshold, int Left, int Right, double[]? Leaf);
