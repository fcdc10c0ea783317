using Declarative.Ensembles;
using Microsoft.ML;

namespace Declarative.Tests.Ensembles;

/// <summary>Greedy ensemble selection and the metrics it is scored by, on made-up out-of-fold scores.</summary>
public sealed class EnsembleSelectionTests
{
    private static readonly EnsembleMetric Auc = EnsembleMetric.For(MLTask.BinaryClassification, "AreaUnderRocCurve")!;
    private static readonly EnsembleMetric Rmse = EnsembleMetric.For(MLTask.Regression, "RootMeanSquaredError")!;

    [Fact]
    public void AreaUnderRoc_IsMLNets_TiesIncluded()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 400).Select(_ => random.NextDouble() < 0.3 ? 1f : 0f).ToArray();
        // Rounded, so many scores tie.
        var scores = labels.Select(l => Math.Round(l + (random.NextDouble() * 2) - 0.5, 1)).ToArray();

        var ml = new MLContext(1);
        var view = ml.Data.LoadFromEnumerable(labels.Select((l, i) => new Scored { Label = l > 0.5f, Score = (float)scores[i], Probability = (float)(1 / (1 + Math.Exp(-scores[i]))), PredictedLabel = scores[i] > 0 }));
        var expected = ml.BinaryClassification.Evaluate(view).AreaUnderRocCurve;

        Assert.Equal(expected, EnsembleMetric.AreaUnderRoc(labels, scores), 9);
    }

    [Fact]
    public void TwoNoisyModels_BlendBetterThanEither_AndTheBestLeads()
    {
        var random = new Random(5);
        var n = 2_000;
        var truth = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10).ToArray();
        var labels = truth.Select(t => (float)t).ToArray();
        // Independent errors: their average halves the variance.
        float[] Noisy(double sd) => [.. truth.Select(t => (float)(t + (Gaussian(random) * sd)))];
        var candidates = new[]
        {
            new EnsembleCandidate(1, 1.05, Noisy(1.05)),
            new EnsembleCandidate(2, 1.00, Noisy(1.00)),
            new EnsembleCandidate(3, 3.00, Noisy(3.0)),
        };

        var choice = EnsembleSelection.Select(candidates, labels, Rmse);

        Assert.NotNull(choice);
        Assert.Equal(2, choice.Picks[0].Trial); // the leaderboard's first (lowest RMSE) leads
        Assert.Contains(choice.Picks, p => p.Trial == 1);
        Assert.True(choice.Metric < choice.SingleMetric * 0.8, $"blend {choice.Metric} against {choice.SingleMetric}");
        Assert.InRange(choice.Total, 2, EnsembleSelection.Size); // the best blend seen on the way, not necessarily the last

        // The same candidates give the same blend; selection without each of five folds wins on it too, so it stands.
        Assert.Equal(choice.Picks, EnsembleSelection.Select(candidates, labels, Rmse)!.Picks);
        Assert.Equal(choice.Picks, EnsembleSelection.Select(candidates, labels, Rmse, [400, 400, 400, 400, 400], EnsembleCheck.Pooled)!.Picks);
    }

    [Fact]
    public void NoBlendBeatsTheBest_NoEnsemble()
    {
        var labels = new[] { 0f, 0f, 1f, 1f, 0f, 1f };
        var perfect = new[] { -2f, -1f, 1f, 2f, -3f, 3f };
        var worse = new[] { 1f, -1f, -1f, 2f, -3f, 3f };

        Assert.Null(EnsembleSelection.Select([new EnsembleCandidate(1, 1.0, perfect), new EnsembleCandidate(2, 0.7, worse)], labels, Auc));
        Assert.Null(EnsembleSelection.Select([new EnsembleCandidate(1, 1.0, perfect)], labels, Auc));
    }

    [Fact]
    public void ABlendThatWinsOnlyOnTheRowsItWasFittedTo_IsNotKept()
    {
        // The best model is the truth plus small noise; the others are pure noise that happens, row by row, to fit
        // some out-of-fold rows: on all rows a blend can find a sliver, on unseen folds it loses.
        var random = new Random(11);
        var n = 300;
        var labels = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 10)).ToArray();
        var candidates = new List<EnsembleCandidate> { new(1, 0.1, [.. labels.Select(l => l + (float)(Gaussian(random) * 0.1))]) };
        for (var t = 2; t <= 12; t++)
        {
            candidates.Add(new EnsembleCandidate(t, 5, [.. labels.Select(_ => (float)(random.NextDouble() * 10))]));
        }

        var pooled = EnsembleSelection.Select(candidates, labels, Rmse);
        var pooledCheck = EnsembleSelection.Select(candidates, labels, Rmse, [60, 60, 60, 60, 60], EnsembleCheck.Pooled);
        var perFoldCheck = EnsembleSelection.Select(candidates, labels, Rmse, [60, 60, 60, 60, 60], EnsembleCheck.PerFold);

        Assert.Null(pooledCheck);
        Assert.Null(perFoldCheck);
        Assert.True(pooled is null || pooled.Metric < pooled.SingleMetric);
    }

    [Fact]
    public void Metrics_ThatBlendsCannotBeScoredBy_TurnEnsemblesOff()
    {
        Assert.Null(EnsembleMetric.For(MLTask.BinaryClassification, "PositivePrecision"));
        Assert.Null(EnsembleMetric.For(MLTask.MulticlassClassification, "TopKAccuracy"));
        Assert.Null(EnsembleMetric.For(MLTask.Ranking, "NormalizedDiscountedCumulativeGains"));
        Assert.True(EnsembleMetric.For(MLTask.BinaryClassification, "LogLoss")!.LowerIsBetter);
        Assert.False(EnsembleMetric.For(MLTask.Regression, "RSquared")!.LowerIsBetter);
    }

    [Fact]
    public void RankingNdcg_AveragesEachGroupsNdcg_AndKeepsTheGroupsOfASubsetOfRows()
    {
        // Without the rows' groups a ranking metric cannot be computed; with them it is available.
        Assert.Null(EnsembleMetric.For(MLTask.Ranking, "NdcgAt10"));
        Assert.True(EnsembleMetric.Supports(MLTask.Ranking, "NdcgAt10"));
        Assert.True(EnsembleRules.Wanted(MLTask.Ranking, new Schema.TuningSpec(), "NdcgAt10", rows: 3000, folds: 5));

        // Query 7's scores order its labels 2, 3, 0 (the best order: 3, 2, 0); query 9's put its label 0 above its 1.
        float[] labels = [2, 3, 0, 1, 0];
        double[] values = [3, 2, 1, 0, 1];
        var ndcg = EnsembleMetric.For(MLTask.Ranking, "NdcgAt10", [7, 7, 7, 9, 9])!;
        var query7 = (3 + (7 / Math.Log2(3))) / (7 + (3 / Math.Log2(3)));
        var query9 = (1 / Math.Log2(3)) / 1;
        Assert.False(ndcg.LowerIsBetter);
        Assert.Equal((query7 + query9) / 2, ndcg.Of(labels, values), 12);
        Assert.Equal(query9, ndcg.On([3, 4]).Of([1, 0], [0, 1]), 12);

        // At cut-off 1 only the top row counts: query 7's label 2 (gain 3 of the best 7), query 9's label 0.
        Assert.Equal(((3.0 / 7) + 0) / 2, EnsembleMetric.For(MLTask.Ranking, "NdcgAt1", [7, 7, 7, 9, 9])!.Of(labels, values), 12);

        // A query with no relevant row scores the same in any order: it is left out of the mean.
        Assert.Equal(query9, EnsembleMetric.For(MLTask.Ranking, "NdcgAt10", [4, 4, 9, 9])!.Of([0, 0, 1, 0], [1, 2, 0, 1]), 12);
    }

    [Fact]
    public void Rules_OnByDefaultWhileTheValidationScoresFitTheLimit()
    {
        var spec = Tests.Pipelines.EnsembledTumorModel.Spec;
        var tuning = spec.Tuning!;
        Assert.True(EnsembleRules.Wanted(MLTask.BinaryClassification, tuning, "AreaUnderRocCurve", rows: 500, folds: 5));
        // A holdout of a fifth of the rows, scored by each of 20 trials: kept up to 25 million scores.
        var twenty = new Schema.TuningSpec { MaxTrials = 20 };
        Assert.True(EnsembleRules.Wanted(MLTask.BinaryClassification, twenty, "AreaUnderRocCurve", rows: 6_000_000, folds: 1));
        Assert.False(EnsembleRules.Wanted(MLTask.BinaryClassification, twenty, "AreaUnderRocCurve", rows: 7_000_000, folds: 1));
        Assert.True(EnsembleRules.Wanted(MLTask.BinaryClassification, new Schema.TuningSpec { Ensemble = true }, "AreaUnderRocCurve", rows: 100_000_000, folds: 1));
        Assert.False(EnsembleRules.Wanted(MLTask.BinaryClassification, new Schema.TuningSpec { Ensemble = false }, "AreaUnderRocCurve", rows: 500, folds: 5));
        Assert.False(EnsembleRules.Wanted(MLTask.Ranking, tuning, "NormalizedDiscountedCumulativeGains", rows: 500, folds: 5));

        // Multiclass keeps a score per class: ten classes fill the limit at a tenth of the rows.
        Assert.True(EnsembleRules.Wanted(MLTask.MulticlassClassification, tuning, "MacroAccuracy", rows: 500, folds: 5, scoresPerRow: 3));
        Assert.True(EnsembleRules.Wanted(MLTask.MulticlassClassification, twenty, "MacroAccuracy", rows: 600_000, folds: 1, scoresPerRow: 10));
        Assert.False(EnsembleRules.Wanted(MLTask.MulticlassClassification, twenty, "MacroAccuracy", rows: 700_000, folds: 1, scoresPerRow: 10));
    }

    [Fact]
    public void MulticlassMetrics_AreMLNets_OnEachRowsClassProbabilities()
    {
        const int classes = 4;
        var random = new Random(11);
        var labels = Enumerable.Range(0, 300).Select(i => (float)(i < 8 ? i % classes : random.Next(classes))).ToArray();
        var values = new double[labels.Length * classes];
        var rows = new List<ScoredClasses>();
        for (var i = 0; i < labels.Length; i++)
        {
            // Random probabilities leaning to the label; ties and a zero probability for the label now and then.
            var raw = Enumerable.Range(0, classes).Select(k => Math.Round(random.NextDouble() + (k == (int)labels[i] ? 0.4 : 0), 1)).ToArray();
            raw[(int)labels[i]] = i % 50 == 0 ? 0 : raw[(int)labels[i]];
            var sum = raw.Sum();
            var scores = raw.Select(r => (float)(r / sum)).ToArray();
            scores.Select(v => (double)v).ToArray().CopyTo(values, i * classes);
            var predicted = Array.IndexOf(scores, scores.Max());
            rows.Add(new ScoredClasses { Label = labels[i], Predicted = predicted, Score = scores });
        }

        var ml = new MLContext(1);
        var keys = ml.Data.LoadFromEnumerable(Enumerable.Range(0, classes).Select(k => new ClassValue { Value = k }));
        var view = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(ScoredClasses.Label), keyData: keys)
            .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", nameof(ScoredClasses.Predicted), keyData: keys))
            .Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));
        var expected = ml.MulticlassClassification.Evaluate(view, "LabelKey");

        Assert.Equal(expected.MacroAccuracy, EnsembleMetric.For(MLTask.MulticlassClassification, "MacroAccuracy")!.Of(labels, values), 9);
        Assert.Equal(expected.MicroAccuracy, EnsembleMetric.For(MLTask.MulticlassClassification, "MicroAccuracy")!.Of(labels, values), 9);
        Assert.Equal(expected.LogLoss, EnsembleMetric.For(MLTask.MulticlassClassification, "LogLoss")!.Of(labels, values), 6);
        Assert.True(EnsembleMetric.For(MLTask.MulticlassClassification, "LogLoss")!.LowerIsBetter);

        // A row without a class (a missing label's key) counts in none of them, as in ML.NET's evaluator.
        float[] withMissing = [.. labels, -1f];
        double[] padded = [.. values, 1, 0, 0, 0];
        foreach (var name in new[] { "MacroAccuracy", "MicroAccuracy", "LogLoss" })
        {
            var metric = EnsembleMetric.For(MLTask.MulticlassClassification, name)!;
            Assert.Equal(metric.Of(labels, values), metric.Of(withMissing, padded), 12);
        }
        Assert.False(EnsembleMetric.For(MLTask.MulticlassClassification, "LogLossReduction")!.LowerIsBetter);
    }

    [Fact]
    public void Multiclass_SelectionBlendsEachRowsClassProbabilities()
    {
        // Two models, each sure of the right class on a different half of the rows and unsure elsewhere: the blend is
        // sure nowhere it is wrong, and beats either by log-loss.
        const int classes = 3;
        var labels = Enumerable.Range(0, 200).Select(i => (float)(i % classes)).ToArray();
        float[] Model(int half) => [.. labels.SelectMany((l, i) => Enumerable.Range(0, classes).Select(k =>
            (i % 2 == half) ? (k == (int)l ? 0.9f : 0.05f) : (k == ((int)l + 1) % classes ? 0.6f : 0.2f)))];
        var logLoss = EnsembleMetric.For(MLTask.MulticlassClassification, "LogLoss")!;

        var choice = EnsembleSelection.Select([new EnsembleCandidate(1, 1.0, Model(0)), new EnsembleCandidate(2, 1.1, Model(1))], labels, logLoss, [40, 40, 40, 40, 40], EnsembleCheck.Pooled);

        Assert.NotNull(choice);
        Assert.Equal([1, 2], choice!.Picks.Select(p => p.Trial));
        Assert.True(choice.Metric < choice.SingleMetric, $"{choice.Metric} against {choice.SingleMetric}");
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class ClassValue
    {
        public float Value { get; set; }
    }

    private sealed class ScoredClasses
    {
        public float Label { get; set; }

        public float Predicted { get; set; }

        [Microsoft.ML.Data.VectorType(4)]
        public float[] Score { get; set; } = [];
    }

    private sealed class Scored
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
