using System.Globalization;
using System.Text;
using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using static Declarative.Reports.ReportHtml;
using static Declarative.Reports.Svg;

namespace Declarative.Tasks;

/// <summary>Multiclass classification: a label of any class type, mapped to a key sorted by value; confusion matrix and per-class metrics.</summary>
internal sealed class MulticlassClassificationProfile() : PredictiveTaskProfile(TaskDefinitions.MulticlassClassification)
{
    public override LabelConversion LabelConversion => LabelConversion.Key;

    protected override IEstimator<ITransformer> CreateEstimator(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hp)
    {
        var (label, seed) = (inputs.Label!, inputs.Seed);
        const string features = ColumnNames.Features;
        var trainers = ml.MulticlassClassification.Trainers;
        return trainer switch
        {
            Trainer.LightGbm => trainers.LightGbm(With(new LightGbmMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)),
            Trainer.FastTree => trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(With(new FastTreeBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)), label),
            Trainer.FastForest => trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastForest(With(new FastForestBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)), label),
            Trainer.SdcaMaximumEntropy => trainers.SdcaMaximumEntropy(With(new SdcaMaximumEntropyMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 }, hp)),
            Trainer.LbfgsMaximumEntropy => trainers.LbfgsMaximumEntropy(With(new LbfgsMaximumEntropyMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features }, hp)),
            _ => throw Unsupported(trainer),
        };
    }

    public override TaskMetrics? Evaluate(MLContext ml, IDataView predictions, string? label)
    {
        // TopKAccuracy is 0 unless a K is set, and none is.
        var m = ml.MulticlassClassification.Evaluate(predictions, labelColumnName: label);
        return TaskMetrics.Of(m,
        [
            (nameof(m.MicroAccuracy), m.MicroAccuracy), (nameof(m.MacroAccuracy), m.MacroAccuracy),
            (nameof(m.LogLoss), m.LogLoss), (nameof(m.LogLossReduction), m.LogLossReduction),
        ]);
    }

    public override EvaluationReport CreateReport(ReportBasics basics, IDataView predictions, string? label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var classes = Data.ViewColumns.SlotNames(predictions.Schema[ColumnNames.Score]);
        var actual = Column<uint>(predictions, label);
        var predicted = Column<uint>(predictions, ColumnNames.PredictedLabel);
        var matrix = classes.Select(_ => new int[classes.Length]).ToArray();
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] > 0 && predicted[i] > 0)
            {
                matrix[actual[i] - 1][predicted[i] - 1]++;
            }
        }

        var perClass = classes.Select((name, k) =>
        {
            var support = matrix[k].Sum();
            var predictedAs = matrix.Sum(row => row[k]);
            var precision = predictedAs == 0 ? 0 : (double)matrix[k][k] / predictedAs;
            var recall = support == 0 ? 0 : (double)matrix[k][k] / support;
            return new ClassMetrics(name, support, precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }).ToArray();

        return new MulticlassClassificationReport(basics, classes, matrix, perClass);
    }

    public override void WriteSections(StringBuilder html, EvaluationReport report) => MulticlassCharts(html, (MulticlassClassificationReport)report);

    private static void MulticlassCharts(StringBuilder html, MulticlassClassificationReport r)
    {
        html.Append("<section><h2>Classification</h2><div class=\"grid\">");
        Figure(html, "confusion", HeatMap("Confusion matrix", r.Classes, r.Classes, r.Confusion, "Actual", "Predicted"),
            $"Test rows by actual and predicted class ({r.Confusion.Sum(row => row.Sum()):N0} in all); shading is each actual class's share.");
        Figure(html, "per-class", Bars("Recall per class", r.PerClass.Select(c => (c.Class, c.Recall, (double?)null)).ToArray(), Fixed),
            "Recall per class: the share of each class's test rows predicted right.");
        html.Append("</div><table><thead><tr><th>Class</th><th>Test rows</th><th>Precision</th><th>Recall</th><th>F1</th></tr></thead><tbody>");
        foreach (var c in r.PerClass)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(c.Class)}</td><td>{c.Support}</td><td>{Fixed(c.Precision)}</td><td>{Fixed(c.Recall)}</td><td>{Fixed(c.F1)}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }
}
