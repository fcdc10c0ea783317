using Declarative.Data;

namespace Declarative.Scoring;

/// <summary>
/// What explanations need from the training rows, added to a portable model when it is made: each tree node's cover
/// (the training rows that reached it, for TreeSHAP's expectations) and, for a linear model, each feature slot's mean.
/// The rows are featurized exactly as the scorer featurizes a row, so the covers count the paths predictions take.
/// </summary>
internal static class ExplanationBasis
{
    /// <summary>
    /// Most training rows routed through the trees: evenly spaced ones beyond it. The covers then estimate the shares
    /// of all rows; the explanations stay exact Shapley values for those shares and add up to the score all the same.
    /// </summary>
    public const int RowLimit = 50_000;

    /// <summary>Whether every output of the model has what explanations need.</summary>
    public static bool Has(PortableModel portable) => portable.Outputs.Concat(portable.Members?.SelectMany(m => m.RawOutputs) ?? []).All(o =>
        o.Trees is { } trees ? trees.All(t => t.Covers is not null && t.LeafCovers is not null) : o.FeatureMeans is not null);

    public static PortableModel Add(PortableModel portable, DataTable train)
    {
        var featurizer = RowFeaturizers.ForTable(train, portable.Features, "the training rows");
        var rows = Math.Min(train.RowCount, RowLimit);
        var step = (double)train.RowCount / Math.Max(rows, 1);
        var outputs = portable.Outputs.Select(o => new Counts(o, featurizer.Length)).ToArray();
        var members = portable.Members?.Select(m => (Scaling: MemberScaling.Of(m, featurizer.Length, "the portable model"), Counts: m.RawOutputs.Select(o => new Counts(o, featurizer.Length)).ToArray())).ToArray() ?? [];
        // One row at a time, into every output's counts: no vector per row is kept. An ensemble's members count the
        // row as each of them reads it (scaled their own way).
        var features = new float[featurizer.Length];
        var scaled = new float[featurizer.Length];
        for (var k = 0; k < rows; k++)
        {
            featurizer.Featurize((int)(k * step), features);
            foreach (var counts in outputs)
            {
                counts.Add(features);
            }

            foreach (var (scaling, counts) in members)
            {
                var input = scaling.Apply(features, scaled);
                foreach (var output in counts)
                {
                    output.Add(input);
                }
            }
        }

        return portable with
        {
            Outputs = [.. outputs.Select(c => c.Output(rows))],
            Members = portable.Members?.Select((m, i) => m.Output is null
                ? m with { Outputs = [.. members[i].Counts.Select(c => c.Output(rows))] }
                : m with { Output = members[i].Counts[0].Output(rows) }).ToArray(),
        };
    }

    /// <summary>One output's tallies: the rows through each node of each tree, or the sum of each slot.</summary>
    private sealed class Counts(PortableOutput output, int slots)
    {
        private readonly (double[] Splits, double[] Leaves)[] _trees =
            output.Trees?.Select(t => (new double[t.Left.Count], new double[t.Leaves.Count])).ToArray() ?? [];

        // The trees as arrays, walked once per training row: a list's interface calls cost more than the walk.
        private readonly (int[] Left, int[] Right, int[] Feature, float[] Threshold)[] _walks =
            output.Trees?.Select(t => (t.Left.ToArray(), t.Right.ToArray(), t.Feature.ToArray(), t.Threshold.ToArray())).ToArray() ?? [];

        private readonly double[] _sums = new double[output.Trees is null ? slots : 0];

        public void Add(float[] features)
        {
            for (var slot = 0; slot < _sums.Length; slot++)
            {
                _sums[slot] += features[slot];
            }

            for (var t = 0; t < _trees.Length; t++)
            {
                var tree = output.Trees![t];
                var (splits, leaves) = _trees[t];
                if (tree.Left.Count == 0)
                {
                    leaves[0]++;
                    continue;
                }

                var (left, right, feature, threshold) = _walks[t];
                var categorical = tree.Categories is not null;
                for (var node = 0; ;)
                {
                    splits[node]++;
                    var goesLeft = categorical ? PortableTrees.GoesLeft(tree, node, features) : features[feature[node]] <= threshold[node];
                    var child = goesLeft ? left[node] : right[node];
                    if (child < 0)
                    {
                        leaves[~child]++;
                        break;
                    }

                    node = child;
                }
            }
        }

        public PortableOutput Output(int rows) => output.Trees is { } trees
            ? output with { Trees = [.. trees.Select((t, i) => t with { Covers = _trees[i].Splits, LeafCovers = _trees[i].Leaves })] }
            : output with { FeatureMeans = [.. _sums.Select(s => rows == 0 ? 0 : s / rows)] };
    }
}
