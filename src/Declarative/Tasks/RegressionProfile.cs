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

/// <summary>Regression: a numeric label; predicted against actual and the residuals.</summary>
internal sealed class RegressionProfile() : PredictiveTaskProfile(TaskDefinitions.Regression)
{
    protected override IEstimator<ITransformer> CreateEstimator(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hp)
    {
        var (label, seed) = (inputs.Label!, inputs.Seed);
        const string features = ColumnNames.Features;
        var trainers = ml.Regression.Trainers;
        return trainer switch
        {
            Trainer.LightGbm => trainers.LightGbm(With(new LightGbmRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)),
            Trainer.FastTree => trainers.FastTree(With(new FastTreeRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)),
            Trainer.FastForest => trainers.FastForest(With(new FastForestRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)),
            Trainer.FastTreeTweedie => trainers.FastTreeTweedie(With(new FastTreeTweedieTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }, hp)),
            Trainer.Sdca => trainers.Sdca(With(new SdcaRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 }, hp)),
            Trainer.LbfgsPoisson => trainers.LbfgsPoissonRegression(With(new LbfgsPoissonRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features }, hp)),
            _ => throw Unsupported(trainer),
        };
    }

    public override TaskMetrics? Evaluate(MLContext ml, IDataView predictions, string? label)
    {
        // LossFunction repeats MeanSquaredError for the default loss.
        var m = ml.Regression.Evaluate(predictions, labelColumnName: label);
        return TaskMetrics.Of(m,
        [
            (nameof(m.MeanAbsoluteError), m.MeanAbsoluteError), (nameof(m.MeanSquaredError), m.MeanSquaredError),
            (nameof(m.RootMeanSquaredError), m.RootMeanSquaredError), (nameof(m.RSquared), m.RSquared),
        ]);
    }

    public override EvaluationReport CreateReport(ReportBasics basics, IDataView predictions, string? label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var actual = Column<float>(predictions, label);
        var predicted = Column<float>(predictions, ColumnNames.Score);
        // Evenly spaced test rows (the split already shuffled them): a 200,000-row test part would make a page of
        // 30 MB and hold as much again while it is written, for a chart that shows no more than 5,000 dots do.
        var step = Math.Max(1.0, (double)actual.Length / RegressionReport.PointLimit);
        var points = Enumerable.Range(0, (int)Math.Ceiling(actual.Length / step)).Select(k => (int)(k * step)).Select(i => new RegressionPoint(actual[i], predicted[i])).ToArray();
        return new RegressionReport(basics, points);
    }

    public override void WriteSections(StringBuilder html, EvaluationReport report) => RegressionCharts(html, (RegressionReport)report);

    private static void RegressionCharts(StringBuilder html, RegressionReport r)
    {
        var all = r.Points.SelectMany(p => new[] { p.Actual, p.Predicted }).DefaultIfEmpty(0).ToArray();
        var range = Pad(all.Min(), all.Max());
        var scatter = Plot("Predicted against actual", "Actual", "Predicted", range, range, c =>
        {
            c.Line([(range.Min, range.Min), (range.Max, range.Max)], "chance");
            foreach (var p in r.Points)
            {
                c.Point(p.Actual, p.Predicted, "dot", $"actual {F(p.Actual)}, predicted {F(p.Predicted)}");
            }
        });
        var residuals = r.Points.Select(p => p.Residual).DefaultIfEmpty(0).ToArray();
        var (lo, hi) = Pad(residuals.Min(), residuals.Max());
        const int bins = 20;
        var width = (hi - lo) / bins;
        var counts = new int[bins];
        foreach (var e in residuals)
        {
            counts[Math.Clamp((int)((e - lo) / width), 0, bins - 1)]++;
        }

        var histogram = Plot("Residuals", "Predicted − actual", "Test rows", (lo, hi), (0, Math.Max(counts.Max(), 1) * 1.1), c =>
        {
            for (var b = 0; b < bins; b++)
            {
                c.Bar(lo + (b * width), lo + ((b + 1) * width), counts[b], "bar");
            }
        });
        html.Append("<section><h2>Regression</h2><div class=\"grid\">");
        var rows = r.Points.Count < r.TestRows ? string.Create(CultureInfo.InvariantCulture, $"{r.Points.Count:N0} evenly spaced test rows of {r.TestRows:N0}") : "Each test row";
        Figure(html, "predicted-vs-actual", scatter, $"{rows}; on the diagonal the prediction is exact.");
        Figure(html, "residuals", histogram, string.Create(CultureInfo.InvariantCulture, $"Prediction errors of the same rows; mean {Fixed(residuals.Average())}, centred near 0 when the model is unbiased."));
        html.Append("</div></section>");
    }
}
