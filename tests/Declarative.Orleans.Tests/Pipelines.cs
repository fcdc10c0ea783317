using Declarative.Tests.Pipelines;

namespace Declarative.Orleans.Tests;

/// <summary>Three trainers, twelve trials in three rounds of four: enough rounds to stop a silo in one of them.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression)]
[Tune(MaxTrials = 12)]
public partial class ClusterTunedTumorModel;

/// <summary>
/// Trees and a linear model by log-loss: the trials blend into an ensemble, whose selection reads out-of-fold scores the
/// build host computes again for trials that ran on silos.
/// </summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.FastTree, Trainer.LbfgsLogisticRegression)]
[Tune(MaxTrials = 8, Metric = BinaryMetric.LogLoss)]
public partial class ClusterEnsembledTumorModel;
