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
/// Clustering: k-means on standardized features. The label is optional and never trained on; when declared, it is
/// mapped to a key so ML.NET's evaluator can compare the clusters with it (normalized mutual information).
/// </summary>
internal sealed class ClusteringProfile() : PredictiveTaskProfile(TaskDefinitions.Clustering)
{
    /// <summary>The number of clusters when neither the declaration nor tuning sets one.</summary>
    private const int DefaultClusters = 3;

    /// <summary>
    /// k-means starts that many times (each from its own seed) and keeps the clustering closest to its rows, as
    /// scikit-learn's <c>n_init = 10</c> does: one start can settle in a poor local optimum (optdigits, k = 10, in
    /// tests/bench/clustering.sh).
    /// </summary>
    internal const int Restarts = 10;

    public override LabelConversion LabelConversion => LabelConversion.Key;

    /// <summary>A declared number of clusters wins over a tuned one (the generator does not tune k when it is declared).</summary>
    protected override IEstimator<ITransformer> CreateEstimator(MLContext ml, Trainer trainer, TrainerInputs inputs, IReadOnlyDictionary<string, string>? hp)
    {
        if (trainer != Trainer.KMeans)
        {
            throw Unsupported(trainer);
        }

        var options = With(new KMeansTrainer.Options
        {
            FeatureColumnName = ColumnNames.Features,
            NumberOfClusters = DefaultClusters,
            NumberOfThreads = 1,
            // ML.NET's default start; over ten restarts it ended closer to scikit-learn than k-means++ on iris and wine.
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansYinyang,
        }, hp);
        if (inputs.Options is ClusteringOptions { Clusters: > 0 } declared)
        {
            options.NumberOfClusters = declared.Clusters;
        }

        return new BestOfRestarts(ml, options, inputs.Seed);
    }

    public override TaskMetrics? Evaluate(MLContext ml, IDataView predictions, string? label)
    {
        // Without a label, normalized mutual information is NaN: not measured, left out.
        var m = ml.Clustering.Evaluate(predictions, labelColumnName: label, featureColumnName: ColumnNames.Features);
        return TaskMetrics.Of(m,
        [
            (nameof(m.NormalizedMutualInformation), m.NormalizedMutualInformation), (nameof(m.AverageDistance), m.AverageDistance),
            (nameof(m.DaviesBouldinIndex), m.DaviesBouldinIndex),
        ]);
    }

    public override EvaluationReport CreateReport(ReportBasics basics, IDataView predictions, string? label)
    {
        var k = ((VectorDataViewType)predictions.Schema[ColumnNames.Score].Type).Size;
        var assigned = Column<uint>(predictions, ColumnNames.PredictedLabel).Select(c => (int)c - 1).ToArray();
        var numeric = basics.Profile.Columns
            .Where(c => !c.IsLabel && c.Kind is nameof(Schema.ColumnKind.Numeric) or nameof(Schema.ColumnKind.Boolean) or nameof(Schema.ColumnKind.DatePart))
            .Select(c => c.Property)
            .Where(p => predictions.Schema.GetColumnOrNull(p) is { Type: NumberDataViewType })
            .ToArray();
        var values = numeric.ToDictionary(p => p, p => Column<float>(predictions, p), StringComparer.Ordinal);
        var clusters = Enumerable.Range(0, k).Select(id =>
        {
            var rows = Enumerable.Range(0, assigned.Length).Where(i => assigned[i] == id).ToArray();
            var centroid = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var property in numeric)
            {
                var present = rows.Select(i => values[property][i]).Where(v => !float.IsNaN(v)).ToArray();
                centroid[property] = present.Length == 0 ? double.NaN : present.Average(v => (double)v);
            }

            return new ClusterSummary(id, rows.Length, centroid);
        }).ToArray();

        return new ClusteringReport(basics, clusters, label is null ? null : Crosstab(predictions, label, assigned, k));
    }

    /// <summary>Test rows by class and cluster, and the adjusted Rand index of the two partitions (Hubert and Arabie).</summary>
    internal static LabelCrosstab Crosstab(IDataView predictions, string label, int[] assigned, int k)
    {
        var classes = Data.ViewColumns.KeyValues(predictions.Schema[label]);
        var keys = Column<uint>(predictions, label);
        var counts = classes.Select(_ => new int[k]).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] > 0 && assigned[i] >= 0)
            {
                counts[keys[i] - 1][assigned[i]]++;
            }
        }

        return new LabelCrosstab(classes, counts, AdjustedRandIndex(counts));
    }

    /// <summary>The adjusted Rand index of a contingency table: pairs agreeing beyond chance, over the most that could.</summary>
    internal static double AdjustedRandIndex(int[][] counts)
    {
        static double Pairs(double n) => n * (n - 1) / 2;
        var n = counts.Sum(r => r.Sum());
        var index = counts.Sum(r => r.Sum(c => Pairs(c)));
        var rows = counts.Sum(r => Pairs(r.Sum()));
        var columns = Enumerable.Range(0, counts.Length == 0 ? 0 : counts[0].Length).Sum(j => Pairs(counts.Sum(r => r[j])));
        var expected = n < 2 ? 0 : rows * columns / Pairs(n);
        var most = (rows + columns) / 2;
        return most == expected ? 1 : (index - expected) / (most - expected);
    }

    public override void WriteSections(StringBuilder html, EvaluationReport report)
    {
        var r = (ClusteringReport)report;
        // k-means measures distance, so a feature in thousands would outweigh one in units: say how they were put on one scale.
        html.Append("<section><h2>Clusters</h2><p class=\"small\">k-means ran on standardized features: each feature divided by its standard deviation over the training rows and, unless the row has text, centred on its mean (the centroids below are in the data's own units); the best of " + Restarts.ToString(CultureInfo.InvariantCulture) + " seeded starts by the mean distance to the centroids.</p><div class=\"grid\">");
        Figure(html, "cluster-sizes", Bars("Test rows per cluster", r.Clusters.Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), (double)c.Rows, (double?)null)).ToArray(), v => v.ToString("N0", CultureInfo.InvariantCulture)),
            $"How the {r.TestRows:N0} test rows fall into the {r.Clusters.Count} clusters.");
        if (r.Crosstab is { } crosstab)
        {
            Figure(html, "label-crosstab", HeatMap("Label against cluster", crosstab.Classes, r.Clusters.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToArray(), crosstab.Counts, "Label", "Cluster"),
                string.Create(CultureInfo.InvariantCulture, $"Test rows by label class and cluster; adjusted Rand index {Fixed(crosstab.AdjustedRandIndex)} (1: the classes exactly, 0: chance). The label was not trained on."));
        }

        html.Append("</div>");
        var properties = r.Clusters.FirstOrDefault()?.Centroid.Keys.ToArray() ?? [];
        if (properties.Length > 0)
        {
            html.Append("<table><caption>Centroids: each numeric property's mean over the cluster's test rows, in the data's units</caption><thead><tr><th>Cluster</th><th>Rows</th>");
            foreach (var p in properties)
            {
                html.Append("<th>").Append(Encode(p)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var c in r.Clusters)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{c.Id}</td><td>{c.Rows:N0}</td>");
                foreach (var p in properties)
                {
                    html.Append("<td>").Append(double.IsNaN(c.Centroid[p]) ? "" : F(c.Centroid[p])).Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }

    /// <summary>
    /// <see cref="Restarts"/> runs of k-means, the first in the trial's own context (which its budget can cancel), the
    /// others in contexts seeded after it; the run with the least mean squared distance of the rows to their centroids
    /// wins (the first on a tie), so the result depends on the seed alone.
    /// </summary>
    private sealed class BestOfRestarts(MLContext ml, KMeansTrainer.Options options, int seed) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            // ML.NET's start fails on fewer distinct points than clusters with "too few examples"; say which numbers.
            var distinct = DistinctPoints(input, options.NumberOfClusters);
            if (distinct < options.NumberOfClusters)
            {
                var k = options.NumberOfClusters;
                throw new InvalidOperationException(distinct < 2
                    ? string.Create(CultureInfo.InvariantCulture, $"k-means cannot place {k} clusters: every training row is the same point, so there is nothing to cluster.")
                    : string.Create(CultureInfo.InvariantCulture, $"k-means cannot place {k} clusters: the training rows hold {distinct} distinct points; declare Clusters = {distinct} or fewer (Clusters = 0 chooses), or give more varied rows."));
            }

            ITransformer? best = null;
            var least = double.PositiveInfinity;
            for (var start = 0; start < Restarts; start++)
            {
                var context = start == 0 ? ml : new MLContext(unchecked(seed + start));
                var model = context.Clustering.Trainers.KMeans(options).Fit(input);
                var spread = ml.Clustering.Evaluate(model.Transform(input), featureColumnName: ColumnNames.Features).AverageDistance;
                if (best is null || spread < least)
                {
                    (best, least) = (model, spread);
                }
            }

            return best!;
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ml.Clustering.Trainers.KMeans(options).GetOutputSchema(inputSchema);

        /// <summary>How many distinct feature vectors the rows hold, counting no further than <paramref name="enough"/> (usually the first rows).</summary>
        private static int DistinctPoints(IDataView input, int enough)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            using var cursor = input.GetRowCursor([input.Schema[ColumnNames.Features]]);
            var features = cursor.GetGetter<VBuffer<float>>(input.Schema[ColumnNames.Features]);
            var value = default(VBuffer<float>);
            while (seen.Count < enough && cursor.MoveNext())
            {
                features(ref value);
                seen.Add(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.DenseValues().ToArray().AsSpan())));
            }

            return seen.Count;
        }
    }
}
