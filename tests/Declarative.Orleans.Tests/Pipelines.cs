using Declarative.Tests.Pipelines;

namespace Declarative.Orleans.Tests;

/// <summary>Three trainers, twelve trials in three rounds of four: enough rounds to stop a silo in one of them.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression)]
[Tune(MaxTrials = 12)]
public partial class ClusterTunedTumorModel;
