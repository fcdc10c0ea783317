namespace Declarative.Training;

/// <summary>
/// What is true of a trainer whatever the task: whether it wants normalized features, and what Declarative sets
/// beyond ML.NET's defaults (the task profiles create the trainers). SDCA runs on one thread, the only way it is
/// deterministic.
/// </summary>
internal static class TrainerFactory
{
    /// <summary>
    /// Linear trainers want features scaled to a common range, and PCA too; trees do not care. Distances (k-means) want
    /// each feature standardized, or the feature with the widest range decides the clusters alone.
    /// </summary>
    public static FeatureScaling Scaling(Trainer trainer) => trainer switch
    {
        _ when IsLinear(trainer) || trainer is Trainer.RandomizedPca => FeatureScaling.MinMax,
        Trainer.KMeans => FeatureScaling.Standardize,
        _ => FeatureScaling.None,
    };

    /// <summary>A linear model of the features (logistic, Poisson or least-squares regression, perceptron, SVM).</summary>
    public static bool IsLinear(Trainer trainer) => trainer is
        Trainer.SdcaLogisticRegression or Trainer.LbfgsLogisticRegression or Trainer.AveragedPerceptron or Trainer.LinearSvm or
        Trainer.SdcaMaximumEntropy or Trainer.LbfgsMaximumEntropy or Trainer.Sdca or Trainer.LbfgsPoisson;

    /// <summary>
    /// LightGbm copies its input into its own binned dataset, so a cache of the featurized rows in front of it only
    /// doubles the memory: the rows come from an in-memory table, and featurizing them again is cheap.
    /// </summary>
    public static bool ReadsDataOnce(Trainer trainer) => trainer is Trainer.LightGbm;

    /// <summary>
    /// <paramref name="hyperparameters"/> with <c>NumberOfThreads = 1</c> for trainers that would otherwise take every
    /// core (LightGbm, the FastTree family, L-BFGS): tuning trials run side by side, one core each, and a trial's
    /// result must not depend on how many others run (nor compete with them for cores).
    /// </summary>
    public static IReadOnlyDictionary<string, string> OneThread(Trainer trainer, IReadOnlyDictionary<string, string> hyperparameters)
    {
        if (trainer is not (Trainer.LightGbm or Trainer.FastTree or Trainer.FastForest or Trainer.FastTreeTweedie
            or Trainer.LbfgsLogisticRegression or Trainer.LbfgsMaximumEntropy or Trainer.LbfgsPoisson))
        {
            return hyperparameters;
        }

        return new Dictionary<string, string>(hyperparameters, StringComparer.Ordinal) { ["NumberOfThreads"] = "1" };
    }

    /// <summary>What this factory sets beyond ML.NET's defaults, for the manifest.</summary>
    public static IReadOnlyDictionary<string, string> Settings(Trainer trainer, int seed)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (trainer is Trainer.LightGbm or Trainer.FastTree or Trainer.FastForest or Trainer.FastTreeTweedie)
        {
            settings["Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (trainer is Trainer.SdcaLogisticRegression or Trainer.SdcaMaximumEntropy or Trainer.Sdca)
        {
            settings["NumberOfThreads"] = "1";
        }

        if (Scaling(trainer) != FeatureScaling.None)
        {
            settings["FeatureNormalization"] = Scaling(trainer) == FeatureScaling.MinMax ? "MinMax" : "MeanVariance";
        }

        if (trainer is Trainer.KMeans)
        {
            settings["NumberOfThreads"] = "1";
            settings["InitializationAlgorithm"] = "KMeansPlusPlus";
        }

        if (trainer is Trainer.RandomizedPca)
        {
            settings["Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (trainer is Trainer.AveragedPerceptron or Trainer.LinearSvm)
        {
            settings["Calibrator"] = "Platt";
        }

        return settings;
    }
}

/// <summary>How the feature vector is scaled in front of a trainer.</summary>
internal enum FeatureScaling
{
    /// <summary>Left as it is (trees).</summary>
    None,

    /// <summary>Each feature scaled by its range (ML.NET's NormalizeMinMax).</summary>
    MinMax,

    /// <summary>Each feature to zero mean and unit variance.</summary>
    Standardize,
}
