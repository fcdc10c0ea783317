namespace Declarative.Tests.Pipelines;

/// <summary>
/// Tuned on 5 folds (breast cancer is small) by log-loss: trees and a linear model blend into an ensemble by default.
/// (By AUC, near 0.99 on every trial here, no blend wins on unseen folds, and the best trial stays alone.)
/// </summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.FastTree, Trainer.LbfgsLogisticRegression)]
[Tune(MaxTrials = 8, Metric = BinaryMetric.LogLoss)]
public partial class EnsembledTumorModel;

/// <summary>The same search with the ensemble turned off.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.FastTree, Trainer.LbfgsLogisticRegression)]
[Tune(MaxTrials = 8, Metric = BinaryMetric.LogLoss, Ensemble = false)]
public partial class SingleTumorModel;

/// <summary>Regression: trees and a linear model (scaled features) in one ensemble.</summary>
[Regression<House>(Data = "datasets/housing/housing.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastForest, Trainer.Sdca)]
[Tune(MaxTrials = 16)]
public partial class EnsembledHousingModel;

/// <summary>
/// Multiclass, tuned by log-loss on 5 folds: trees and a linear model's class probabilities blend (wine is small and its
/// three cultivars near separable, so by accuracy most trials tie and the best stays alone).
/// </summary>
[MulticlassClassification<Wine>(Data = "datasets/wine/wine_data.csv")]
[Trainers(Trainer.LightGbm, Trainer.FastForest, Trainer.LbfgsMaximumEntropy)]
[Tune(MaxTrials = 9, Metric = MulticlassMetric.LogLoss)]
public partial class EnsembledWineModel;
