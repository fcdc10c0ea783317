using Declarative.Tuning;

namespace Declarative.Tests.Pipelines;

[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression)]
[Tune(MaxTrials = 12, Metric = BinaryMetric.AreaUnderRocCurve)]
public partial class TunedTumorModel;

/// <summary>LightGBM cannot grow a tree of one leaf, so every LightGbm trial here fails; FastTree's succeed.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree)]
[Tune(MaxTrials = 6, Folds = 1, Tuner = TunerKind.Random)]
[SearchRange(Trainer.LightGbm, "NumberOfLeaves", 1, 1.4)]
public partial class HalfBrokenTumorModel;

[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm)]
[Tune(MaxTrials = 3, Folds = 1)]
[SearchRange(Trainer.LightGbm, "NumberOfLeaves", 1, 1.4)]
public partial class BrokenTumorModel;

[Regression<House>(Data = "datasets/housing/housing.txt")]
[Trainers(Trainer.FastTree, Trainer.Sdca)]
[Tune(MaxTrials = 8, Metric = RegressionMetric.RootMeanSquaredError, Tuner = TunerKind.Bayesian)]
public partial class TunedHousingModel;

[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.FastTree, Trainer.SdcaLogisticRegression)]
[Tune(MaxTrials = 4, Folds = 1)]
public partial class QuickTunedTumorModel;

/// <summary>Rows made to trip every data warning (written by the profile tests).</summary>
public sealed class Suspicious
{
    [Label]
    public bool Flag { get; set; }

    public float Constant { get; set; }

    public float? Empty { get; set; }

    public float Leak { get; set; }

    public float Noise { get; set; }

    public string Group { get; set; } = "";
}

[BinaryClassification<Suspicious>]
public partial class SuspiciousModel;

/// <summary>A time budget far below what 50 trials take: tuning stops at it, cancelling the trial that runs.</summary>
[BinaryClassification<Adult>(Data = "datasets/adult/adult.txt")]
[Trainers(Trainer.FastTree, Trainer.LightGbm)]
[Tune(MaxTrials = 50, TimeBudgetSeconds = 2)]
public partial class BudgetedAdultModel;

/// <summary>Every binary candidate under a one-second budget, which <c>TimeBudgetTests</c> lets run out before tuning starts.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Tune(MaxTrials = 20, TimeBudgetSeconds = 1)]
public partial class OutlastedBudgetTumorModel;

/// <summary>The same search as <see cref="TunedTumorModel"/>, two trials at a time.</summary>
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression)]
[Tune(MaxTrials = 12, Metric = BinaryMetric.AreaUnderRocCurve, ConcurrentTrials = 2)]
public partial class ConcurrentlyTunedTumorModel;
