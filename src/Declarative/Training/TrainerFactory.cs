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

    /// <summary>The trainer with its defaults, or with <paramref name="hyperparameters"/> set on its options.</summary>
    public static IEstimator<ITransformer> Create(MLContext ml, MLTask task, Trainer trainer, string label, int seed, IReadOnlyDictionary<string, string>? hyperparameters = null) => task switch
    {
        MLTask.BinaryClassification => Binary(ml, trainer, label, seed, hyperparameters),
        MLTask.MulticlassClassification => Multiclass(ml, trainer, label, seed, hyperparameters),
        MLTask.Regression => Regression(ml, trainer, label, seed, hyperparameters),
        _ => throw Unsupported(task, trainer),
    };

    private static T With<T>(T options, IReadOnlyDictionary<string, string>? hyperparameters)
        where T : class
    {
        if (hyperparameters is not null)
        {
            Tuning.SearchSpace.Apply(options, hyperparameters);
        }

        return options;
    }

    private static IEstimator<ITransformer> Binary(MLContext ml, Trainer trainer, string label, int seed, IReadOnlyDictionary<string, string>? hp)
    {
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
            _ => throw Unsupported(MLTask.BinaryClassification, trainer),
        };
    }

    private static IEstimator<ITransformer> Calibrated(MLContext ml, IEstimator<ITransformer> trainer, string label) =>
        trainer.Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: label));

    private static IEstimator<ITransformer> Multiclass(MLContext ml, Trainer trainer, string label, int seed, IReadOnlyDictionary<string, string>? hp)
    {
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
            _ => throw Unsupported(MLTask.MulticlassClassification, trainer),
        };
    }

    private static IEstimator<ITransformer> Regression(MLContext ml, Trainer trainer, string label, int seed, IReadOnlyDictionary<string, string>? hp)
    {
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
            _ => throw Unsupported(MLTask.Regression, trainer),
        };
    }

    private static NotSupportedException Unsupported(MLTask task, Trainer trainer) =>
        new($"The trainer {trainer} cannot be used for {task}.");
}
