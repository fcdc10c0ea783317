using Declarative.Scoring;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Declarative.Forecasting;

/// <summary>
/// One LightGbm regression over every series at once (a global model), on lags, rolling means and calendar features
/// (<see cref="LagFeatures"/>), forecasting recursively (each step's forecast becomes the next step's first lag), or
/// directly (the steps ahead a feature, every step from the same lags). Past covariates are read as of the origin
/// only. Trained with ML.NET; kept and scored as portable
/// trees, so forecasting needs no ML.NET.
/// </summary>
internal sealed class GlobalTrees
{
    /// <summary>The most training rows one fit takes (each series' latest first), so a large set fits in bounded time.</summary>
    private const int MaxRows = 200_000;

    /// <summary>The most feature values those rows hold (80 MB of floats): a long season's 400 lags take fewer rows.</summary>
    private const int MaxCells = 20_000_000;

    /// <summary>
    /// Below this many feature values (rows × features) a fit runs on one thread. On so little data LightGBM's second
    /// OpenMP thread mostly spins while it waits for the first, on a core other work wants: sunspots' test-part trees
    /// (5,662 values) fitted in 0.53x the default's time alone and 0.29x two at once, births' (87,288) in 0.61x and
    /// 0.64x; co2's (247,430) took 1.36x alone and taxi's (a million) 1.40x (min, `tests/bench/forecasting-threads.sh`,
    /// 2026-12-06). The trees are the same either way (tested).
    /// </summary>
    private const long OneThreadCells = 100_000;

    /// <summary>The setting a one-thread fit is made with, as tuning's trials set it (and the LightGBM gate reads it).</summary>
    private static readonly IReadOnlyDictionary<string, string> OneThread = TrainerFactory.OneThread(Trainer.LightGbm, new Dictionary<string, string>());

    private readonly TreeEnsemble _ensemble;

    public GlobalTrees(LagFeatures features, IReadOnlyList<PortableTree> trees)
    {
        Features = features;
        Trees = trees;
        _ensemble = new TreeEnsemble(trees, features.Count);
    }

    public LagFeatures Features { get; }

    public IReadOnlyList<PortableTree> Trees { get; }

    /// <summary>The boosting rounds of a fit: 200 trees at a learning rate of 0.05.</summary>
    public const int Iterations = 200;

    /// <summary>Whether a fit of <paramref name="rows"/> rows of <paramref name="features"/> features runs on one thread.</summary>
    internal static bool OnOneThread(long rows, int features) => rows * features < OneThreadCells;

    /// <summary>
    /// Fits the trees on the series, each cut at its own length in <paramref name="lengths"/>; on one thread when
    /// <see cref="OnOneThread"/> says so, or as <paramref name="oneThread"/> says when it is given; <paramref name="trees"/>
    /// other than <see cref="Iterations"/> only where a test checks what does not depend on it.
    /// </summary>
    public static GlobalTrees Fit(IReadOnlyList<TimeSeries> series, IReadOnlyList<int> lengths, LagFeatures features, int horizon, int seed, bool? oneThread = null, int trees = Iterations)
    {
        var ahead = features.Direct ? horizon : 1;
        var perSeries = Math.Max(Math.Min(MaxRows, MaxCells / features.Count) / Math.Max(series.Count, 1), 1);
        var rows = new List<LagRow>();
        for (var s = 0; s < series.Count; s++)
        {
            var y = series[s].Values.AsSpan(0, lengths[s]);
            var scale = features.Scale(y);
            var scaled = new double[y.Length];
            for (var t = 0; t < y.Length; t++)
            {
                scaled[t] = y[t] / scale;
            }

            // Each origin t gives a row per step ahead k: the lags before t, the target at t + k − 1.
            for (var t = Math.Max(1, y.Length - Math.Max(perSeries / ahead, 1)); t < y.Length; t++)
            {
                for (var k = 1; k <= ahead && t + k - 1 < y.Length; k++)
                {
                    // Past covariates as of the origin: directly, the step before t; recursively (k is 1), a step
                    // 1 to horizon before the target, as the forecast's j-th step reads them j steps before it.
                    var stale = features.Direct ? k : Math.Min(Stale(t, horizon), t);
                    var f = new float[features.Count];
                    features.Fill(f, scaled.AsSpan(0, t), series[s].Times[t + k - 1], k, series[s].Covariates, t + k - 1, series[s].Past, t + k - 1 - stale, stale);
                    rows.Add(new LagRow { Label = (float)scaled[t + k - 1], Features = f });
                }
            }
        }

        // Every target the same (a series of zeros, or flat ones): there is nothing to split on, and ML.NET fails on
        // LightGbm's trees that have no split. The trees' answer is that value, as one tree with two equal leaves.
        if (rows.Count > 0 && rows.TrueForAll(r => r.Label == rows[0].Label))
        {
            return new GlobalTrees(features, [Constant(rows[0].Label)]);
        }

        oneThread ??= OnOneThread(rows.Count, features.Count);
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(LagRow));
        schema[nameof(LagRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = nameof(LagRow.Label),
            FeatureColumnName = nameof(LagRow.Features),
            NumberOfIterations = trees,
            LearningRate = 0.05,
            NumberOfLeaves = 31,
            MinimumExampleCountPerLeaf = Math.Clamp(rows.Count / 50, 2, 20),
            Seed = seed,
            NumberOfThreads = oneThread.Value ? 1 : null,
        });
        var model = (ISingleFeaturePredictionTransformer<object>)LightGbmThreads.Gated(trainer, oneThread.Value ? OneThread : null).Fit(data);
        return new GlobalTrees(features, PortableModelReader.Trees((Microsoft.ML.Trainers.FastTree.TreeEnsembleModelParameters)model.Model));
    }

    /// <summary>
    /// How many steps before a recursive training row's target its past covariates are read: 1 to
    /// <paramref name="horizon"/>, spread by a hash of the step so it is not tied to the step's place in the season
    /// (t modulo the horizon would be the time of day on a half-hourly series with a horizon of 48).
    /// </summary>
    private static int Stale(int t, int horizon)
    {
        var x = (ulong)t * 0x9E3779B97F4A7C15UL;
        x ^= x >> 31;
        return 1 + (int)(x % (ulong)Math.Max(horizon, 1));
    }

    /// <summary>A tree that sends every row to a leaf of <paramref name="value"/> (a single leaf would score zero, as in ML.NET).</summary>
    private static PortableTree Constant(double value) =>
        new() { Left = [~0], Right = [~1], Feature = [0], Threshold = [0f], Leaves = [value, value] };

    /// <summary>Whether the trees read covariates: a forecast needs them known for every step it makes.</summary>
    public bool ReadsCovariates => Features.Covariates > 0;

    /// <summary>Whether <paramref name="series"/> gives the covariates the trees read for the <paramref name="horizon"/> steps after its first <paramref name="length"/> points.</summary>
    public bool KnowsCovariates(TimeSeries series, int length, int horizon) =>
        (!ReadsCovariates || (series.Covariates.Length == Features.Covariates && series.Covariates[0].Length >= length + horizon))
        && (Features.PastCovariates == 0 || (series.Past.Length == Features.PastCovariates && series.Past.All(p => p.Length >= length)));

    /// <summary>The next <paramref name="horizon"/> values after the first <paramref name="length"/> points of <paramref name="series"/>.</summary>
    /// <exception cref="InvalidOperationException">The trees read covariates the series does not give for those steps.</exception>
    public double[] Forecast(TimeSeries series, int length, int horizon, TimeStep step)
    {
        if (!KnowsCovariates(series, length, horizon))
        {
            throw new InvalidOperationException($"The covariates of the {horizon} steps after the last value are not known.");
        }

        var y = series.Values.AsSpan(0, length);
        var scale = Features.Scale(y);
        var past = new double[length + horizon];
        for (var t = 0; t < length; t++)
        {
            past[t] = y[t] / scale;
        }

        var f = new float[Features.Count];
        var forecast = new double[horizon];
        var last = series.Times[length - 1];
        for (var j = 0; j < horizon; j++)
        {
            // Direct: every step from the same history; recursive: from the history and the steps forecast so far.
            Features.Fill(f, past.AsSpan(0, Features.Direct ? length : length + j), step.After(last, j + 1), j + 1, series.Covariates, length + j, series.Past, length - 1, j + 1);
            past[length + j] = _ensemble.Sum(f);
            forecast[j] = past[length + j] * scale;
        }

        return forecast;
    }

    private sealed class LagRow
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
