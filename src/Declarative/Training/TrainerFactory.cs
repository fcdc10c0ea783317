using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Declarative.Training;

/// <summary>
/// Creates ML.NET trainers with their default settings and the pipeline's seed. Every binary trainer ends in
/// a probability (uncalibrated ones get Platt calibration), so binary predictions always carry one. SDCA runs on
/// one thread, the only way it is deterministic.
/// </summary>
internal static class TrainerFactory
{
    /// <summary>Linear trainers want features scaled to a common range; trees do not care.</summary>
    public static bool NeedsNormalization(Trainer trainer) => trainer is
        Trainer.SdcaLogisticRegression or Trainer.LbfgsLogisticRegression or Trainer.AveragedPerceptron or Trainer.LinearSvm or
        Trainer.SdcaMaximumEntropy or Trainer.LbfgsMaximumEntropy or Trainer.Sdca or Trainer.LbfgsPoisson;

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

        if (NeedsNormalization(trainer))
        {
            settings["FeatureNormalization"] = "MinMax";
        }

        if (trainer is Trainer.AveragedPerceptron or Trainer.LinearSvm)
        {
            settings["Calibrator"] = "Platt";
        }

        return settings;
    }

    public static IEstimator<ITransformer> Create(MLContext ml, MLTask task, Trainer trainer, string label, int seed) => task switch
    {
        MLTask.BinaryClassification => Binary(ml, trainer, label, seed),
        MLTask.MulticlassClassification => Multiclass(ml, trainer, label, seed),
        MLTask.Regression => Regression(ml, trainer, label, seed),
        _ => throw Unsupported(task, trainer),
    };

    private static IEstimator<ITransformer> Binary(MLContext ml, Trainer trainer, string label, int seed)
    {
        const string features = ColumnNames.Features;
        var trainers = ml.BinaryClassification.Trainers;
        return trainer switch
        {
            Trainer.LightGbm => trainers.LightGbm(new LightGbmBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }),
            Trainer.FastTree => trainers.FastTree(new FastTreeBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }),
            Trainer.FastForest => Calibrated(ml, trainers.FastForest(new FastForestBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }), label),
            Trainer.SdcaLogisticRegression => trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 }),
            Trainer.LbfgsLogisticRegression => trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features }),
            Trainer.AveragedPerceptron => Calibrated(ml, trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options { LabelColumnName = label, FeatureColumnName = features }), label),
            Trainer.LinearSvm => Calibrated(ml, trainers.LinearSvm(new LinearSvmTrainer.Options { LabelColumnName = label, FeatureColumnName = features }), label),
            _ => throw Unsupported(MLTask.BinaryClassification, trainer),
        };
    }

    private static IEstimator<ITransformer> Calibrated(MLContext ml, IEstimator<ITransformer> trainer, string label) =>
        trainer.Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: label));

    private static IEstimator<ITransformer> Multiclass(MLContext ml, Trainer trainer, string label, int seed)
    {
        const string features = ColumnNames.Features;
        var trainers = ml.MulticlassClassification.Trainers;
        return trainer switch
        {
            Trainer.LightGbm => trainers.LightGbm(new LightGbmMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }),
            Trainer.FastTree => trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }), label),
            Trainer.FastForest => trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }), label),
            Trainer.SdcaMaximumEntropy => trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 }),
            Trainer.LbfgsMaximumEntropy => trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features }),
            _ => throw Unsupported(MLTask.MulticlassClassification, trainer),
        };
    }

    private static IEstimator<ITransformer> Regression(MLContext ml, Trainer trainer, string label, int seed)
    {
        const string features = ColumnNames.Features;
        var trainers = ml.Regression.Trainers;
        return trainer switch
        {
            Trainer.LightGbm => trainers.LightGbm(new LightGbmRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }),
            Trainer.FastTree => trainers.FastTree(new FastTreeRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }),
            Trainer.FastForest => trainers.FastForest(new FastForestRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }),
            Trainer.FastTreeTweedie => trainers.FastTreeTweedie(new FastTreeTweedieTrainer.Options { LabelColumnName = label, FeatureColumnName = features, Seed = seed }),
            Trainer.Sdca => trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 }),
            Trainer.LbfgsPoisson => trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features }),
            _ => throw Unsupported(MLTask.Regression, trainer),
        };
    }

    private static NotSupportedException Unsupported(MLTask task, Trainer trainer) =>
        new($"The trainer {trainer} cannot be used for {task}.");
}
