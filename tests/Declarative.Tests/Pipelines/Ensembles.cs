namespace Declarative.Tests.Pipelines;

/// <summary>Tuned on 5 folds (breast cancer is small): an ensemble of the trials by default.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression, Trainer.LbfgsLogisticRegression)]
[Tune(MaxTrials = 12)]
public partial class EnsembledTumorModel;

/// <summary>The same search with the ensemble turned off.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression, Trainer.LbfgsLogisticRegression)]
[Tune(MaxTrials = 12, Ensemble = false)]
public partial class SingleTumorModel;

/// <summary>Regression: trees and a linear model (scaled features) in one ensemble.</summary>
[Regression<House>(Data = "datasets/housing/housing.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.Sdca)]
[Tune(MaxTrials = 12)]
public partial class EnsembledHousingModel;
