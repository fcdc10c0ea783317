namespace Declarative;

/// <summary>The trainers a pipeline can use. Values are stable: they are stored in model files.</summary>
public enum Trainer
{
    /// <summary>Gradient-boosted trees (LightGBM). The default of every task.</summary>
    [SupportedTasks(MLTask.BinaryClassification, MLTask.MulticlassClassification, MLTask.Regression)]
    LightGbm = 1,

    /// <summary>Gradient-boosted trees (ML.NET's FastTree); one-versus-all for multiclass.</summary>
    [SupportedTasks(MLTask.BinaryClassification, MLTask.MulticlassClassification, MLTask.Regression)]
    FastTree = 2,

    /// <summary>A random forest (ML.NET's FastForest); one-versus-all for multiclass, Platt-calibrated for binary.</summary>
    [SupportedTasks(MLTask.BinaryClassification, MLTask.MulticlassClassification, MLTask.Regression)]
    FastForest = 3,

    /// <summary>Logistic regression by stochastic dual coordinate ascent (single-threaded, so deterministic).</summary>
    [SupportedTasks(MLTask.BinaryClassification)]
    SdcaLogisticRegression = 10,

    /// <summary>Logistic regression by L-BFGS.</summary>
    [SupportedTasks(MLTask.BinaryClassification)]
    LbfgsLogisticRegression = 11,

    /// <summary>The averaged perceptron, Platt-calibrated.</summary>
    [SupportedTasks(MLTask.BinaryClassification)]
    AveragedPerceptron = 12,

    /// <summary>A linear support vector machine (Pegasos), Platt-calibrated.</summary>
    [SupportedTasks(MLTask.BinaryClassification)]
    LinearSvm = 13,

    /// <summary>Multinomial logistic regression by stochastic dual coordinate ascent (single-threaded).</summary>
    [SupportedTasks(MLTask.MulticlassClassification)]
    SdcaMaximumEntropy = 20,

    /// <summary>Multinomial logistic regression by L-BFGS.</summary>
    [SupportedTasks(MLTask.MulticlassClassification)]
    LbfgsMaximumEntropy = 21,

    /// <summary>Linear regression by stochastic dual coordinate ascent (single-threaded).</summary>
    [SupportedTasks(MLTask.Regression)]
    Sdca = 30,

    /// <summary>Poisson regression by L-BFGS (for counts and other non-negative labels).</summary>
    [SupportedTasks(MLTask.Regression)]
    LbfgsPoisson = 31,

    /// <summary>Gradient-boosted trees with a Tweedie loss (ML.NET's FastTreeTweedie).</summary>
    [SupportedTasks(MLTask.Regression)]
    FastTreeTweedie = 32,
}
