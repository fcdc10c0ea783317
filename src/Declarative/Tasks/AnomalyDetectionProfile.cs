using System.Globalization;
using System.Text;
using Declarative.Evaluation;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using static Declarative.Reports.ReportHtml;
using static Declarative.Reports.Svg;

namespace Declarative.Tasks;

/// <summary>
/// Anomaly detection: a score per row, higher for rows unlike the training rows, and a threshold set from the
/// training rows' scores by the contamination share. The label is optional and never trained on: a bool, converted
/// to a float because ML.NET's evaluator reads no other type.
/// </summary>
internal sealed class AnomalyDetectionProfile() : PredictiveTaskProfile(TaskDefinitions.AnomalyDetection)
{
    /// <summary>The false positives the detection rate is read at (ML.NET's default).</summary>
    internal const int FalsePositiveCount = 10;

    public override LabelConversion LabelConversion => LabelConversion.Single;

    /// <summary>
    /// k-means scores a row by its distance to the nearest centroid (one centroid unless tuned: the standardized distance
    /// from the mean). PCA's rank is capped at the number of features, which ML.NET requires and the declaration cannot know.
    /// </summary>
    protected override IEstimator<ITransformer> CreateEstimator(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hp) => trainer switch
    {
        Trainer.KMeans => ml.Clustering.Trainers.KMeans(With(new KMeansTrainer.Options
        {
            FeatureColumnName = ColumnNames.Features,
            NumberOfClusters = 1,
            NumberOfThreads = 1,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
        }, hp)),
        Trainer.RandomizedPca => new RankCappedPca(ml, With(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = ColumnNames.Features,
            Rank = 3,
            EnsureZeroMean = false,
            Seed = inputs.Seed,
        }, hp)),
        _ => throw Unsupported(trainer),
    };

    public override TaskMetrics? Evaluate(MLContext ml, IDataView predictions, string? label)
    {
        if (label is null)
        {
            return null;
        }

        // ML.NET's evaluator reads one float score column: k-means gives a distance per centroid, so score each row first.
        var labels = Column<float>(predictions, label);
        if (OfOneClass(labels))
        {
            return null; // nothing is measured, as without a label
        }

        var scores = Scores(predictions);
        var rows = labels.Select((l, i) => new ScoredLabel { Label = l, Score = scores[i] }).ToArray();
        var m = ml.AnomalyDetection.Evaluate(ml.Data.LoadFromEnumerable(rows), nameof(ScoredLabel.Label), nameof(ScoredLabel.Score), nameof(ScoredLabel.PredictedLabel), FalsePositiveCount);
        return TaskMetrics.Of(m, [(nameof(m.AreaUnderRocCurve), m.AreaUnderRocCurve), (nameof(m.DetectionRateAtFalsePositiveCount), m.DetectionRateAtFalsePositiveCount)]);
    }

    /// <summary>The score above which the declared contamination share of the training rows lie.</summary>
    public override TaskState? Learn(ITransformer model, IDataView trainPart, TaskOptions? options)
    {
        var scores = Scores(model.Transform(trainPart));
        if (scores.Length == 0)
        {
            return null;
        }

        var contamination = (options as AnomalyOptions ?? new AnomalyOptions()).Contamination;
        Array.Sort(scores);
        var index = Math.Clamp((int)Math.Ceiling((1 - contamination) * scores.Length) - 1, 0, scores.Length - 1);
        return new AnomalyState(scores[index]);
    }

    /// <inheritdoc/>
    public override TaskState? ReadState(IReadOnlyDictionary<string, System.Text.Json.JsonElement>? metadata) => AnomalyState.ReadFrom(metadata);

    /// <summary>Each scored row's anomaly score: PCA's score, or k-means' distance to the nearest centroid.</summary>
    internal static float[] Scores(IDataView predictions)
    {
        var score = predictions.Schema[ColumnNames.Score];
        if (score.Type is not VectorDataViewType vector)
        {
            return Column<float>(predictions, ColumnNames.Score);
        }

        var size = vector.Size;
        var flat = Data.ViewColumns.ReadFlat(predictions, ColumnNames.Score);
        var scores = new float[flat.Length / size];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = NearestCentroid(flat.AsSpan(i * size, size));
        }

        return scores;
    }

    /// <summary>The anomaly score of k-means' distances: the distance to the nearest centroid.</summary>
    internal static float NearestCentroid(ReadOnlySpan<float> distances)
    {
        var min = float.PositiveInfinity;
        foreach (var d in distances)
        {
            min = Math.Min(min, d);
        }

        return min;
    }

    public override EvaluationReport CreateReport(ReportBasics basics, IDataView predictions, string? label)
    {
        var scores = Scores(predictions);
        var threshold = (basics.State as AnomalyState)?.Threshold ?? double.PositiveInfinity;
        if (label is null)
        {
            return new AnomalyDetectionReport(basics, threshold, scores.Select(s => new ScoredRow(s, null)).ToArray(), null, []);
        }

        var labels = Column<float>(predictions, label).Select(l => l > 0).ToArray();
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var flagged = scores[i] > threshold;
            tp += flagged && labels[i] ? 1 : 0;
            fp += flagged && !labels[i] ? 1 : 0;
            tn += !flagged && !labels[i] ? 1 : 0;
            fn += !flagged && labels[i] ? 1 : 0;
        }

        var (roc, _) = BinaryClassificationProfile.Curves(labels, scores, scores);
        return new AnomalyDetectionReport(basics, threshold, scores.Select((s, i) => new ScoredRow(s, labels[i])).ToArray(), new BinaryConfusion(tp, fp, tn, fn), roc);
    }

    public override void WriteSections(StringBuilder html, EvaluationReport report)
    {
        var r = (AnomalyDetectionReport)report;
        var scores = r.Scores.Select(s => s.Score).DefaultIfEmpty(0).ToArray();
        var (lo, hi) = Pad(Math.Min(scores.Min(), r.Threshold), Math.Max(scores.Max(), double.IsFinite(r.Threshold) ? r.Threshold : scores.Max()));
        const int bins = 30;
        var width = (hi - lo) / bins;
        var normal = new int[bins];
        var anomalous = new int[bins];
        foreach (var s in r.Scores)
        {
            var bin = Math.Clamp((int)((s.Score - lo) / width), 0, bins - 1);
            (s.Anomaly == true ? anomalous : normal)[bin]++;
        }

        var histogram = Plot("Anomaly scores", "Score", "Test rows", (lo, hi), (0, Math.Max(normal.Zip(anomalous, (a, b) => a + b).Max(), 1) * 1.1), c =>
        {
            for (var b = 0; b < bins; b++)
            {
                c.Bar(lo + (b * width), lo + ((b + 1) * width), normal[b] + anomalous[b], "bar");
                if (anomalous[b] > 0)
                {
                    c.Bar(lo + (b * width), lo + ((b + 1) * width), anomalous[b], "bar negative");
                }
            }

            if (double.IsFinite(r.Threshold))
            {
                c.Line([(r.Threshold, 0), (r.Threshold, Math.Max(normal.Zip(anomalous, (a, b) => a + b).Max(), 1) * 1.1)], "chance");
            }
        });
        html.Append("<section><h2>Anomalies</h2><div class=\"grid\">");
        var flagged = r.Scores.Count(s => s.Score > r.Threshold);
        Figure(html, "scores", histogram, string.Create(CultureInfo.InvariantCulture,
            $"Test rows by anomaly score{(r.Confusion is null ? "" : " (labelled anomalies darker)")}; the line is the threshold {F(r.Threshold)}, above which {flagged:N0} of {r.Scores.Count:N0} rows are flagged."));
        if (r.Confusion is { } m)
        {
            var auc = r.TestMetrics.GetValueOrDefault("AreaUnderRocCurve");
            Figure(html, "roc", Plot("ROC curve", "False positive rate", "True positive rate", (0, 1), (0, 1), c =>
            {
                c.Line([(0, 0), (1, 1)], "chance");
                c.Line(Thin(r.RocCurve).Select(p => (p.X, p.Y)), "curve");
                c.Text(0.55, 0.1, $"AUC {Fixed(auc)}", "annotation");
            }), "The score against the label (not trained on); the diagonal is a random score.");
            Figure(html, "confusion", HeatMap("Flagged against label", ["normal", "anomaly"], ["normal", "anomaly"],
                [[m.TrueNegatives, m.FalsePositives], [m.FalseNegatives, m.TruePositives]], "Label", "Flagged"), $"Test rows at the threshold ({m.Total:N0} in all).");
        }

        html.Append("</div></section>");
    }

    /// <summary>One row for ML.NET's evaluator.</summary>
    private sealed class ScoredLabel
    {
        public float Label { get; set; }

        public float Score { get; set; }

        public bool PredictedLabel { get; set; }
    }

    /// <summary>Randomized PCA with its rank capped at the feature vector's size, which is known only when fitting.</summary>
    private sealed class RankCappedPca(MLContext ml, RandomizedPcaTrainer.Options options) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            var size = input.Schema[options.FeatureColumnName].Type is VectorDataViewType v ? v.Size : 0;
            if (size > 0 && options.Rank > size)
            {
                options.Rank = size;
            }

            return ml.AnomalyDetection.Trainers.RandomizedPca(options).Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ml.AnomalyDetection.Trainers.RandomizedPca(options).GetOutputSchema(inputSchema);
    }
}
