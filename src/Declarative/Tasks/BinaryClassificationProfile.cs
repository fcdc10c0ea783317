using System.Text;
using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using static Declarative.Reports.ReportHtml;
using static Declarative.Reports.Svg;

namespace Declarative.Tasks;

/// <summary>Binary classification: a <see langword="bool"/> label, calibrated probabilities, ROC and precision-recall curves.</summary>
internal sealed class BinaryClassificationProfile() : PredictiveTaskProfile(TaskDefinitions.BinaryClassification)
{
    /// <summary>Every binary trainer ends in a probability: uncalibrated ones get Platt calibration.</summary>
    protected override IEstimator<ITransformer> CreateEstimator(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hp)
    {
        var (label, seed) = (inputs.Label!, inputs.Seed);
        const string features = ColumnNames.Features;
        var trainers = ml.BinaryClassification.Trainers;
        return trainer switch
        {
            Trainer.LightGbm => trainers.LightGbm(With(new LightGbmBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)),
            Trainer.FastTree => trainers.FastTree(With(new FastTreeBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)),
            Trainer.FastForest => Calibrated(ml, trainers.FastForest(With(new FastForestBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)), label),
            Trainer.SdcaLogisticRegression => trainers.SdcaLogisticRegression(With(new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 }, hp)),
            Trainer.LbfgsLogisticRegression => trainers.LbfgsLogisticRegression(With(new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features }, hp)),
            Trainer.AveragedPerceptron => Calibrated(ml, trainers.AveragedPerceptron(With(new AveragedPerceptronTrainer.Options { LabelColumnName = label, FeatureColumnName = features }, hp)), label),
            Trainer.LinearSvm => Calibrated(ml, trainers.LinearSvm(With(new LinearSvmTrainer.Options { LabelColumnName = label, FeatureColumnName = features }, hp)), label),
            _ => throw Unsupported(trainer),
        };
    }

    public override TaskMetrics? Evaluate(MLContext ml, IDataView predictions, string? label)
    {
        ArgumentNullException.ThrowIfNull(label);
        // The label is a bool, or a number (positive above 0) where a declared positive class maps it.
        var labels = predictions.Schema[label].Type is BooleanDataViewType
            ? Array.ConvertAll(Column<bool>(predictions, label), l => l ? 1f : 0f)
            : Column<float>(predictions, label);
        if (OfOneClass(labels))
        {
            return null; // nothing is measured
        }

        var m = ml.BinaryClassification.Evaluate(predictions, labelColumnName: label);
        return TaskMetrics.Of(m,
        [
            (nameof(m.Accuracy), m.Accuracy), (nameof(m.AreaUnderRocCurve), m.AreaUnderRocCurve),
            (nameof(m.AreaUnderPrecisionRecallCurve), m.AreaUnderPrecisionRecallCurve), (nameof(m.F1Score), m.F1Score),
            (nameof(m.PositivePrecision), m.PositivePrecision), (nameof(m.PositiveRecall), m.PositiveRecall),
            (nameof(m.NegativePrecision), m.NegativePrecision), (nameof(m.NegativeRecall), m.NegativeRecall),
            (nameof(m.LogLoss), m.LogLoss), (nameof(m.LogLossReduction), m.LogLossReduction), (nameof(m.Entropy), m.Entropy),
        ]);
    }

    public override EvaluationReport CreateReport(ReportBasics basics, IDataView predictions, string? label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var labels = Column<bool>(predictions, label);
        var scores = Column<float>(predictions, ColumnNames.Score);
        var probabilities = Column<float>(predictions, ColumnNames.Probability);
        var predicted = Column<bool>(predictions, ColumnNames.PredictedLabel);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (predicted[i])
            {
                tp += labels[i] ? 1 : 0;
                fp += labels[i] ? 0 : 1;
            }
            else
            {
                fn += labels[i] ? 1 : 0;
                tn += labels[i] ? 0 : 1;
            }
        }

        var (roc, pr) = Curves(labels, scores, probabilities);
        return new BinaryClassificationReport(basics, new BinaryConfusion(tp, fp, tn, fn), roc, pr);
    }

    public override void WriteSections(StringBuilder html, EvaluationReport report) => BinaryCharts(html, (BinaryClassificationReport)report);

    /// <summary>
    /// ROC and precision-recall points at every distinct score (ties move together, so the trapezoids under the ROC
    /// points give the exact AUC) up to 2,000 of them; ranked by score, which the calibrated probability follows monotonically.
    /// </summary>
    internal static (IReadOnlyList<CurvePoint> Roc, IReadOnlyList<CurvePoint> PrecisionRecall) Curves(bool[] labels, float[] scores, float[] probabilities)
    {
        var order = Enumerable.Range(0, labels.Length).OrderByDescending(i => scores[i]).ToArray();
        double positives = labels.Count(l => l), negatives = labels.Length - positives;
        var roc = new List<CurvePoint> { new(0, 0, 1) };
        var pr = new List<CurvePoint> { new(0, 1, 1) };
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length;)
        {
            var score = scores[order[k]];
            var threshold = probabilities[order[k]];
            while (k < order.Length && scores[order[k]] == score)
            {
                if (labels[order[k]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                k++;
            }

            roc.Add(new CurvePoint(negatives == 0 ? 0 : fp / negatives, positives == 0 ? 0 : tp / positives, threshold));
            pr.Add(new CurvePoint(positives == 0 ? 0 : tp / positives, (double)tp / (tp + fp), threshold));
        }

        return (Limited(roc), Limited(pr));
    }

    /// <summary>
    /// At most <see cref="BinaryClassificationReport.CurvePointLimit"/> points of a curve, evenly spaced along it, its
    /// ends kept: a test part with 200,000 distinct scores gives no finer chart, only a page and a report.json of megabytes.
    /// </summary>
    private static List<CurvePoint> Limited(List<CurvePoint> curve)
    {
        if (curve.Count <= BinaryClassificationReport.CurvePointLimit)
        {
            return curve;
        }

        var step = (curve.Count - 1) / (double)(BinaryClassificationReport.CurvePointLimit - 1);
        return Enumerable.Range(0, BinaryClassificationReport.CurvePointLimit).Select(k => curve[(int)Math.Round(k * step)]).ToList();
    }

    private static IEstimator<ITransformer> Calibrated(MLContext ml, IEstimator<ITransformer> trainer, string label) =>
        trainer.Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: label));

    private static void BinaryCharts(StringBuilder html, BinaryClassificationReport r)
    {
        var auc = r.TestMetrics.GetValueOrDefault("AreaUnderRocCurve");
        var roc = Plot("ROC curve", "False positive rate", "True positive rate", (0, 1), (0, 1), c =>
        {
            c.Line([(0, 0), (1, 1)], "chance");
            c.Line(Thin(r.RocCurve).Select(p => (p.X, p.Y)), "curve");
            c.Text(0.55, 0.1, $"AUC {Fixed(auc)}", "annotation");
        });
        var pr = Plot("Precision-recall curve", "Recall", "Precision", (0, 1), (0, 1), c =>
        {
            var positives = (double)(r.Confusion.TruePositives + r.Confusion.FalseNegatives) / Math.Max(r.Confusion.Total, 1);
            c.Line([(0, positives), (1, positives)], "chance");
            c.Line(Thin(r.PrecisionRecallCurve).Select(p => (p.X, p.Y)), "curve");
        });
        var m = r.Confusion;
        var confusion = HeatMap("Confusion matrix", ["false", "true"], ["false", "true"],
            [[m.TrueNegatives, m.FalsePositives], [m.FalseNegatives, m.TruePositives]], "Actual", "Predicted");
        html.Append("<section><h2>Classification</h2><div class=\"grid\">");
        Figure(html, "roc", roc, "ROC curve on the test part; the diagonal is chance.");
        Figure(html, "precision-recall", pr, "Precision against recall; the line is the share of positives.");
        Figure(html, "confusion", confusion, $"Test rows at the 0.5 probability cut ({m.Total:N0} in all).");
        html.Append("</div></section>");
    }
}
