namespace Declarative.Ensembles;

/// <summary>
/// A tuning metric computed on an ensemble's out-of-fold scores (log-odds for binary classification, values for
/// regression, each row's class probabilities in turn for multiclass) without ML.NET's evaluators: selection scores
/// thousands of candidate blends. Each is ML.NET's definition up to a monotone transformation, which is all a comparison
/// needs. Metrics not here (precision or recall at the 0.5 cut, top-k accuracy) leave the model a single one.
/// </summary>
internal sealed class EnsembleMetric
{
    private readonly Func<float[], double[], double> _compute;

    /// <summary>Ranking: the group of each row, and the cut-off; null for metrics of rows that stand alone.</summary>
    private readonly (int[] Groups, int CutOff)? _ranking;

    private EnsembleMetric(bool lowerIsBetter, Func<float[], double[], double> compute) => (LowerIsBetter, _compute) = (lowerIsBetter, compute);

    private EnsembleMetric(int[] groups, int cutOff)
        : this(false, RankingOf(groups, cutOff)) => _ranking = (groups, cutOff);

    public bool LowerIsBetter { get; }

    /// <summary>
    /// The metric of <paramref name="values"/> against <paramref name="labels"/> (1 and 0 for a binary label, the class's
    /// index for multiclass, whose <paramref name="values"/> hold each row's class scores in turn).
    /// </summary>
    public double Of(float[] labels, double[] values) => _compute(labels, values);

    /// <summary>Whether <paramref name="a"/> is strictly better than <paramref name="b"/>.</summary>
    public bool Better(double a, double b) => LowerIsBetter ? a < b : a > b;

    /// <summary>
    /// The same metric on some of the rows (their indexes, in order): a ranking metric takes their groups with them.
    /// </summary>
    public EnsembleMetric On(int[] rows) =>
        _ranking is { } ranking ? new EnsembleMetric([.. rows.Select(r => ranking.Groups[r])], ranking.CutOff) : this;

    /// <summary>Whether ensembles of <paramref name="task"/> can be selected by the metric of this ML.NET name.</summary>
    public static bool Supports(MLTask task, string name) => For(task, name, []) is not null;

    /// <summary>
    /// The metric by its ML.NET name for <paramref name="task"/>; null when ensembles cannot be selected by it (or, for a
    /// task whose rows come in groups, when <paramref name="groups"/>, the group of each row, is not given).
    /// </summary>
    /// <remarks>What the blend is of comes from the task's definition: log-odds where it scores a probability, values where it scores one number.</remarks>
    public static EnsembleMetric? For(MLTask task, string name, IReadOnlyList<int>? groups = null) => (Schema.TaskDefinitions.For(task) is { Ensembles: true } definition ? definition.Scores : Schema.ScoreLayout.None, name) switch
    {
        (Schema.ScoreLayout.Single, "NdcgAt1" or "NdcgAt3" or "NdcgAt5" or "NdcgAt10") when Schema.TaskDefinitions.For(task).RequiresGroup =>
            groups is null ? null : new EnsembleMetric([.. groups], int.Parse(name["NdcgAt".Length..], System.Globalization.CultureInfo.InvariantCulture)),
        (_, _) when Schema.TaskDefinitions.For(task).RequiresGroup => null,
        (Schema.ScoreLayout.ScoreAndProbability, "AreaUnderRocCurve") => new(false, AreaUnderRoc),
        (Schema.ScoreLayout.ScoreAndProbability, "AreaUnderPrecisionRecallCurve") => new(false, AveragePrecision),
        (Schema.ScoreLayout.ScoreAndProbability, "Accuracy") => new(false, Accuracy),
        (Schema.ScoreLayout.ScoreAndProbability, "F1Score") => new(false, F1),
        (Schema.ScoreLayout.ScoreAndProbability, "LogLoss") => new(true, LogLoss),
        (Schema.ScoreLayout.ScoreAndProbability, "LogLossReduction") => new(false, (y, v) => -LogLoss(y, v)),
        (Schema.ScoreLayout.Single, "RSquared") => new(false, (y, v) => -SquaredError(y, v)),
        (Schema.ScoreLayout.Single, "RootMeanSquaredError" or "MeanSquaredError" or "LossFunction") => new(true, SquaredError),
        (Schema.ScoreLayout.Single, "MeanAbsoluteError") => new(true, AbsoluteError),
        (Schema.ScoreLayout.PerClass, "MacroAccuracy") => new(false, MacroAccuracy),
        (Schema.ScoreLayout.PerClass, "MicroAccuracy") => new(false, MicroAccuracy),
        (Schema.ScoreLayout.PerClass, "LogLoss") => new(true, ClassLogLoss),
        (Schema.ScoreLayout.PerClass, "LogLossReduction") => new(false, (y, v) => -ClassLogLoss(y, v)),
        _ => null,
    };

    /// <summary>The probability that a positive row scores above a negative one, ties counting half (Mann–Whitney).</summary>
    internal static double AreaUnderRoc(float[] labels, double[] values)
    {
        var order = Order(values);
        double positives = 0, rankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && values[order[end]] == values[order[start]])
            {
                end++;
            }

            var rank = (start + end + 1) / 2.0; // the mean of ranks start+1 .. end
            for (var k = start; k < end; k++)
            {
                if (labels[order[k]] > 0.5f)
                {
                    positives++;
                    rankSum += rank;
                }
            }

            start = end;
        }

        var negatives = labels.Length - positives;
        return positives == 0 || negatives == 0 ? 0 : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>Average precision: the mean over positives of the precision at their score (tied rows move together).</summary>
    private static double AveragePrecision(float[] labels, double[] values)
    {
        var order = Order(values);
        Array.Reverse(order);
        double truePositives = 0, seen = 0, sum = 0;
        var positives = labels.Count(l => l > 0.5f);
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && values[order[end]] == values[order[start]])
            {
                end++;
            }

            var hits = 0;
            for (var k = start; k < end; k++)
            {
                hits += labels[order[k]] > 0.5f ? 1 : 0;
            }

            truePositives += hits;
            seen += end - start;
            sum += hits * (truePositives / seen);
            start = end;
        }

        return positives == 0 ? 0 : sum / positives;
    }

    private static double Accuracy(float[] labels, double[] values)
    {
        var right = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            right += (values[i] > 0) == (labels[i] > 0.5f) ? 1 : 0;
        }

        return right / (double)labels.Length;
    }

    private static double F1(float[] labels, double[] values)
    {
        double tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var (predicted, actual) = (values[i] > 0, labels[i] > 0.5f);
            tp += predicted && actual ? 1 : 0;
            fp += predicted && !actual ? 1 : 0;
            fn += !predicted && actual ? 1 : 0;
        }

        return tp == 0 ? 0 : 2 * tp / ((2 * tp) + fp + fn);
    }

    /// <summary>The mean negative log-likelihood of the labels under the log-odds, computed stably.</summary>
    private static double LogLoss(float[] labels, double[] values)
    {
        var sum = 0d;
        for (var i = 0; i < labels.Length; i++)
        {
            var margin = labels[i] > 0.5f ? values[i] : -values[i];
            sum += margin > 0 ? Math.Log(1 + Math.Exp(-margin)) : -margin + Math.Log(1 + Math.Exp(margin));
        }

        return sum / labels.Length;
    }

    /// <summary>
    /// The share of rows whose highest class score (the first on a tie, as ML.NET's argmax) is their label's. Here and in
    /// the other class metrics, a row without a class (a missing label's key, -1 here) is left out, as ML.NET's evaluator
    /// leaves it out.
    /// </summary>
    private static double MicroAccuracy(float[] labels, double[] values)
    {
        var (right, counted) = (0, 0);
        var classes = values.Length / labels.Length;
        for (var i = 0; i < labels.Length; i++)
        {
            if (ClassOf(labels[i]) is { } label)
            {
                counted++;
                right += Predicted(values.AsSpan(i * classes, classes)) == label ? 1 : 0;
            }
        }

        return counted == 0 ? 0 : right / (double)counted;
    }

    /// <summary>The mean over the classes present among the labels of the share of their rows predicted right (ML.NET's macro accuracy).</summary>
    private static double MacroAccuracy(float[] labels, double[] values)
    {
        var classes = values.Length / labels.Length;
        var (rows, right) = (new int[classes], new int[classes]);
        for (var i = 0; i < labels.Length; i++)
        {
            if (ClassOf(labels[i]) is { } label)
            {
                rows[label]++;
                right[label] += Predicted(values.AsSpan(i * classes, classes)) == label ? 1 : 0;
            }
        }

        var (sum, present) = (0d, 0);
        for (var k = 0; k < classes; k++)
        {
            if (rows[k] > 0)
            {
                sum += right[k] / (double)rows[k];
                present++;
            }
        }

        return present == 0 ? 0 : sum / present;
    }

    /// <summary>The mean negative log of each row's probability of its label, clipped as ML.NET clips it (at 1e-15).</summary>
    private static double ClassLogLoss(float[] labels, double[] values)
    {
        var classes = values.Length / labels.Length;
        var (sum, counted) = (0d, 0);
        for (var i = 0; i < labels.Length; i++)
        {
            if (ClassOf(labels[i]) is { } label)
            {
                counted++;
                sum -= Math.Log(Math.Max(values[(i * classes) + label], 1e-15));
            }
        }

        return counted == 0 ? 0 : sum / counted;
    }

    /// <summary>A row's class index; null for a row without a class (a label outside the classes is a fault, not skipped).</summary>
    private static int? ClassOf(float label) => label < 0 ? null : (int)label;

    private static int Predicted(ReadOnlySpan<double> scores)
    {
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>
    /// NDCG@<paramref name="cutOff"/> averaged over the groups with a relevant row (the others score the same in any
    /// order). The rows are grouped once: selection scores thousands of blends of the same rows.
    /// </summary>
    private static Func<float[], double[], double> RankingOf(int[] groups, int cutOff)
    {
        var byGroup = Enumerable.Range(0, groups.Length).GroupBy(r => groups[r]).Select(g => g.ToArray()).ToArray();
        return (labels, values) =>
        {
            double sum = 0;
            var count = 0;
            foreach (var rows in byGroup)
            {
                if (Training.Ndcg.Of(labels, values, rows, cutOff) is { } ndcg)
                {
                    sum += ndcg;
                    count++;
                }
            }

            return count == 0 ? 0 : sum / count;
        };
    }

    private static double SquaredError(float[] labels, double[] values)
    {
        var sum = 0d;
        for (var i = 0; i < labels.Length; i++)
        {
            var d = values[i] - labels[i];
            sum += d * d;
        }

        return sum / labels.Length;
    }

    private static double AbsoluteError(float[] labels, double[] values)
    {
        var sum = 0d;
        for (var i = 0; i < labels.Length; i++)
        {
            sum += Math.Abs(values[i] - labels[i]);
        }

        return sum / labels.Length;
    }

    /// <summary>Row indexes by ascending value; the metrics take tied rows together, so their order within a tie does not matter.</summary>
    private static int[] Order(double[] values)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        return order;
    }
}
