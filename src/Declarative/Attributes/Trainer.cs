namespace Declarative;

/// <summary>
/// The trainers a pipeline can use. Values are stable: they are stored in model files. Each member names the tasks it
/// serves and its tunable hyperparameters (ML.NET option names, ranges and the cheap default local search starts from).
/// </summary>
public enum Trainer
{
    /// <summary>Gradient-boosted trees (LightGBM; LambdaRank for ranking). The default of every supervised task.</summary>
    [SupportedTasks(MLTask.BinaryClassification, MLTask.MulticlassClassification, MLTask.Regression, MLTask.Ranking)]
    [Hyperparameter("NumberOfLeaves", HyperparameterKind.Integer, 4, 256, 31, Log = true)]
    [Hyperparameter("NumberOfIterations", HyperparameterKind.Integer, 10, 1000, 100, Log = true)]
    [Hyperparameter("LearningRate", HyperparameterKind.Float, 0.01, 0.5, 0.1, Log = true)]
    [Hyperparameter("MinimumExampleCountPerLeaf", HyperparameterKind.Integer, 2, 128, 20, Log = true)]
    [Hyperparameter("UseCategoricalSplit", "false", "true")]
    LightGbm = 1,

    /// <summary>Gradient-boosted trees (ML.NET's FastTree); one-versus-all for multiclass, LambdaMART for ranking.</summary>
    [SupportedTasks(MLTask.BinaryClassification, MLTask.MulticlassClassification, MLTask.Regression, MLTask.Ranking)]
    [Hyperparameter("NumberOfLeaves", HyperparameterKind.Integer, 4, 128, 20, Log = true)]
    [Hyperparameter("NumberOfTrees", HyperparameterKind.Integer, 10, 1000, 100, Log = true)]
    [Hyperparameter("LearningRate", HyperparameterKind.Float, 0.01, 0.5, 0.2, Log = true)]
    [Hyperparameter("MinimumExampleCountPerLeaf", HyperparameterKind.Integer, 2, 128, 10, Log = true)]
    [Hyperparameter("FeatureFraction", HyperparameterKind.Float, 0.5, 1, 1)]
    FastTree = 2,

    /// <summary>A random forest (ML.NET's FastForest); one-versus-all for multiclass, Platt-calibrated for binary.</summary>
    [SupportedTasks(MLTask.BinaryClassification, MLTask.MulticlassClassification, MLTask.Regression)]
    [Hyperparameter("NumberOfLeaves", HyperparameterKind.Integer, 4, 128, 20, Log = true)]
    [Hyperparameter("NumberOfTrees", HyperparameterKind.Integer, 10, 500, 100, Log = true)]
    [Hyperparameter("MinimumExampleCountPerLeaf", HyperparameterKind.Integer, 2, 128, 10, Log = true)]
    [Hyperparameter("FeatureFraction", HyperparameterKind.Float, 0.3, 1, 0.7)]
    FastForest = 3,

    /// <summary>Logistic regression by stochastic dual coordinate ascent (single-threaded, so deterministic).</summary>
    [SupportedTasks(MLTask.BinaryClassification)]
    [Hyperparameter("L2Regularization", HyperparameterKind.Float, 1e-06, 10, 0.001, Log = true)]
    [Hyperparameter("L1Regularization", HyperparameterKind.Float, 1e-06, 10, 1e-06, Log = true)]
    [Hyperparameter("MaximumNumberOfIterations", HyperparameterKind.Integer, 5, 200, 20, Log = true)]
    SdcaLogisticRegression = 10,

    /// <summary>Logistic regression by L-BFGS.</summary>
    [SupportedTasks(MLTask.BinaryClassification)]
    [Hyperparameter("L2Regularization", HyperparameterKind.Float, 0.0001, 10, 1, Log = true)]
    [Hyperparameter("L1Regularization", HyperparameterKind.Float, 0.0001, 10, 1, Log = true)]
    LbfgsLogisticRegression = 11,

    /// <summary>The averaged perceptron, Platt-calibrated.</summary>
    [SupportedTasks(MLTask.BinaryClassification)]
    [Hyperparameter("LearningRate", HyperparameterKind.Float, 0.01, 1, 1, Log = true)]
    [Hyperparameter("NumberOfIterations", HyperparameterKind.Integer, 1, 50, 10, Log = true)]
    AveragedPerceptron = 12,

    /// <summary>A linear support vector machine (Pegasos), Platt-calibrated.</summary>
    [SupportedTasks(MLTask.BinaryClassification)]
    [Hyperparameter("Lambda", HyperparameterKind.Float, 1e-06, 0.1, 0.001, Log = true)]
    [Hyperparameter("NumberOfIterations", HyperparameterKind.Integer, 1, 50, 1, Log = true)]
    LinearSvm = 13,

    /// <summary>Multinomial logistic regression by stochastic dual coordinate ascent (single-threaded).</summary>
    [SupportedTasks(MLTask.MulticlassClassification)]
    [Hyperparameter("L2Regularization", HyperparameterKind.Float, 1e-06, 10, 0.001, Log = true)]
    [Hyperparameter("L1Regularization", HyperparameterKind.Float, 1e-06, 10, 1e-06, Log = true)]
    [Hyperparameter("MaximumNumberOfIterations", HyperparameterKind.Integer, 5, 200, 20, Log = true)]
    SdcaMaximumEntropy = 20,

    /// <summary>Multinomial logistic regression by L-BFGS.</summary>
    [SupportedTasks(MLTask.MulticlassClassification)]
    [Hyperparameter("L2Regularization", HyperparameterKind.Float, 0.0001, 10, 1, Log = true)]
    [Hyperparameter("L1Regularization", HyperparameterKind.Float, 0.0001, 10, 1, Log = true)]
    LbfgsMaximumEntropy = 21,

    /// <summary>Linear regression by stochastic dual coordinate ascent (single-threaded).</summary>
    [SupportedTasks(MLTask.Regression)]
    [Hyperparameter("L2Regularization", HyperparameterKind.Float, 1e-06, 10, 0.001, Log = true)]
    [Hyperparameter("L1Regularization", HyperparameterKind.Float, 1e-06, 10, 1e-06, Log = true)]
    [Hyperparameter("MaximumNumberOfIterations", HyperparameterKind.Integer, 5, 200, 20, Log = true)]
    Sdca = 30,

    /// <summary>Poisson regression by L-BFGS (for counts and other non-negative labels).</summary>
    [SupportedTasks(MLTask.Regression)]
    [Hyperparameter("L2Regularization", HyperparameterKind.Float, 0.0001, 10, 1, Log = true)]
    [Hyperparameter("L1Regularization", HyperparameterKind.Float, 0.0001, 10, 1, Log = true)]
    LbfgsPoisson = 31,

    /// <summary>Gradient-boosted trees with a Tweedie loss (ML.NET's FastTreeTweedie).</summary>
    [SupportedTasks(MLTask.Regression)]
    [Hyperparameter("NumberOfLeaves", HyperparameterKind.Integer, 4, 128, 20, Log = true)]
    [Hyperparameter("NumberOfTrees", HyperparameterKind.Integer, 10, 1000, 100, Log = true)]
    [Hyperparameter("LearningRate", HyperparameterKind.Float, 0.01, 0.5, 0.2, Log = true)]
    [Hyperparameter("MinimumExampleCountPerLeaf", HyperparameterKind.Integer, 2, 128, 10, Log = true)]
    [Hyperparameter("FeatureFraction", HyperparameterKind.Float, 0.5, 1, 1)]
    FastTreeTweedie = 32,

    /// <summary>
    /// k-means (k-means++ starts, one thread so it is deterministic). For clustering, the clusters; for anomaly
    /// detection, the score is the squared distance to the nearest centroid (one centroid unless tuned).
    /// </summary>
    [SupportedTasks(MLTask.Clustering, MLTask.AnomalyDetection)]
    [Hyperparameter("NumberOfClusters", HyperparameterKind.Integer, 1, 10, 3)]
    KMeans = 40,

    /// <summary>
    /// Randomized PCA (ML.NET's anomaly detector): the score is the share of a row's length the first principal
    /// components do not explain, so it finds rows off the data's correlations, not rows far from the rest.
    /// </summary>
    [SupportedTasks(MLTask.AnomalyDetection)]
    [Hyperparameter("Rank", HyperparameterKind.Integer, 1, 20, 3)]
    [Hyperparameter("EnsureZeroMean", "false", "true")]
    RandomizedPca = 50,

    /// <summary>The Gaussian copula synthesizer (<see cref="SynthesizerKind.GaussianCopula"/>).</summary>
    [SupportedTasks(MLTask.Synthesis)]
    GaussianCopula = 60,

    /// <summary>The sequential-trees synthesizer (<see cref="SynthesizerKind.SequentialTrees"/>).</summary>
    [SupportedTasks(MLTask.Synthesis)]
    SequentialTrees = 61,

    /// <summary>Seasonal naive: each step's value one season earlier (the last value for a series without a season).</summary>
    [SupportedTasks(MLTask.Forecasting)]
    SeasonalNaive = 70,

    /// <summary>
    /// The M4 competition's Naive2: the last value of the seasonally adjusted series (classical multiplicative
    /// decomposition, applied when a 90 % autocorrelation test finds the season), the season put back.
    /// </summary>
    [SupportedTasks(MLTask.Forecasting)]
    Naive2 = 71,

    /// <summary>
    /// Exponential smoothing (ETS): additive or multiplicative errors, a level, none / additive / damped trend, no,
    /// additive or multiplicative season (the multiplicative parts on a positive series), the form chosen by AICc and
    /// its smoothing parameters by its likelihood.
    /// </summary>
    [SupportedTasks(MLTask.Forecasting)]
    ExponentialSmoothing = 72,

    /// <summary>The Theta method (theta lines 0 and 2 on the seasonally adjusted series), as the M4 competition's benchmark.</summary>
    [SupportedTasks(MLTask.Forecasting)]
    Theta = 73,

    /// <summary>The median, step by step, of the three other forecasting models with the best score on the rolling origins.</summary>
    [SupportedTasks(MLTask.Forecasting)]
    ForecastCombination = 74,

    /// <summary>
    /// One LightGbm regression over every series at once (global), on the last lags, rolling means and calendar features
    /// of each step, forecasting recursively (each step's forecast is the next one's first lag).
    /// </summary>
    [SupportedTasks(MLTask.Forecasting)]
    GlobalLightGbm = 75,

    /// <summary>
    /// A linear autoregression on the last values (its order by AICc, up to two seasons), least squares with an
    /// intercept, forecasting recursively: it follows cycles no calendar season names.
    /// </summary>
    [SupportedTasks(MLTask.Forecasting)]
    Autoregression = 76,

    /// <summary>
    /// ARIMA(p, d, q) on the seasonally adjusted series: d ≤ 1, p ≤ 3 and q ≤ 2 by AICc, with the mean when undifferenced,
    /// each order fitted by conditional least squares; it follows cycles and noise a moving average describes.
    /// </summary>
    [SupportedTasks(MLTask.Forecasting)]
    Arima = 77,

    /// <summary>
    /// The optimised Theta model (Fiorucci et al. 2016) on the seasonally adjusted series: the Theta method with theta,
    /// the smoothing parameter and the initial level estimated together by the one-step squared error, where
    /// <see cref="Theta"/> fixes theta at 2. <c>[Tune]</c> compares it only when <c>[Trainers]</c> names it.
    /// </summary>
    [SupportedTasks(MLTask.Forecasting)]
    OptimizedTheta = 78,

    /// <summary>
    /// Sequence novelty: the trained value range cut into coarse levels on several grids at once; a point scores by how
    /// short the newest run of levels is that its series has never shown (a level never visited scores 1), then stays
    /// quiet for 100 steps after an alarm. The series anomaly detector by default (63.8 on the NAB standard profile).
    /// </summary>
    [SupportedTasks(MLTask.SeriesAnomalyDetection)]
    SequenceNovelty = 80,

    /// <summary>The windowed Gaussian baseline: a point's distance from the mean of the last 6,400, in standard deviations.</summary>
    [SupportedTasks(MLTask.SeriesAnomalyDetection)]
    WindowedGaussian = 81,

    /// <summary>Spectral residual (Ren et al. 2019, the saliency step of SR-CNN): a point's saliency in its trailing window's spectrum.</summary>
    [SupportedTasks(MLTask.SeriesAnomalyDetection)]
    SpectralResidual = 82,

    /// <summary>A forecasting residual: the one-step error of seasonal exponential smoothing, in standard deviations of the recent errors.</summary>
    [SupportedTasks(MLTask.SeriesAnomalyDetection)]
    ForecastResidual = 83,
}
