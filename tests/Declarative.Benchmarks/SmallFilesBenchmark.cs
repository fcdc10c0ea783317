using System.Globalization;
using Declarative.Tests.Pipelines;

namespace Declarative.Benchmarks;

// A file of a few dozen rows, as `init` writes it below 100 rows (no [Tune]): the task's default trees against its
// linear trainers. The tests' rows of three bundled sets.
[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
public partial class BenchSmallTumorTrees;

[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.SdcaLogisticRegression)]
public partial class BenchSmallTumorLinear;

[BinaryClassification<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
[Trainers(Trainer.LbfgsLogisticRegression)]
public partial class BenchSmallTumorLbfgs;

[Regression<House>(Data = "datasets/housing/housing.txt")]
public partial class BenchSmallHouseTrees;

[Regression<House>(Data = "datasets/housing/housing.txt")]
[Trainers(Trainer.Sdca)]
public partial class BenchSmallHouseLinear;

[MulticlassClassification<Iris>(Data = "datasets/iris/iris.txt")]
public partial class BenchSmallIrisTrees;

[MulticlassClassification<Iris>(Data = "datasets/iris/iris.txt")]
[Trainers(Trainer.SdcaMaximumEntropy)]
public partial class BenchSmallIrisLinear;

[MulticlassClassification<Iris>(Data = "datasets/iris/iris.txt")]
[Trainers(Trainer.LbfgsMaximumEntropy)]
public partial class BenchSmallIrisLbfgs;

/// <summary>
/// n training rows drawn at random (seeds 1..rounds), the rest of the file the test part: the untuned default (LightGbm)
/// against the task's linear trainer, the mean and the lowest test metric over the draws (tests/bench/small-files.sh).
/// LightGbm's leaves hold 20 rows at least, so below 40 training rows it cannot split.
/// </summary>
internal static class SmallFilesBenchmark
{
    public static void Run(int[] sizes, int rounds)
    {
        var inv = CultureInfo.InvariantCulture;
        float? Number(string s) => s is "?" or "" ? null : float.Parse(s, inv);
        var tumors = File.ReadLines(BenchSmallTumorTrees.Spec.ResolveDataPath()).Where(l => !l.StartsWith("//", StringComparison.Ordinal) && l.Trim().Length > 0).Skip(1)
            .Select(l => l.Split('\t')).Select(f => new Tumor
            {
                Malignant = f[0] == "1", Thickness = Number(f[1])!.Value, UniformSize = Number(f[2])!.Value, UniformShape = Number(f[3])!.Value,
                Adhesion = Number(f[4])!.Value, EpithelialSize = Number(f[5])!.Value, BareNuclei = Number(f[6]), BlandChromatin = Number(f[7])!.Value,
                NormalNucleoli = Number(f[8])!.Value, Mitoses = (int)Number(f[9])!.Value,
            }).ToList();
        var houses = File.ReadLines(BenchSmallHouseTrees.Spec.ResolveDataPath()).Skip(1).Select(House.Parse).ToList();
        var irises = File.ReadLines(BenchSmallIrisTrees.Spec.ResolveDataPath()).Skip(1).Select(l => l.Split('\t')).Select(f => new Iris
        {
            Label = (IrisSpecies)int.Parse(f[0], inv), SepalLength = float.Parse(f[1], inv), SepalWidth = float.Parse(f[2], inv), PetalLength = float.Parse(f[3], inv), PetalWidth = float.Parse(f[4], inv),
        }).ToList();

        Console.WriteLine($"Training rows drawn at random ({rounds} draws), the rest of the file the test part; the test metric's mean (lowest) over the draws.");
        Console.WriteLine("| training rows | breast-cancer AUC: LightGbm | SdcaLogisticRegression | LbfgsLogisticRegression | housing R²: LightGbm | Sdca | iris macro accuracy: LightGbm | SdcaMaximumEntropy | LbfgsMaximumEntropy |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            var cells = new List<double>[8];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = [];
            }

            for (var seed = 1; seed <= rounds; seed++)
            {
                var (tumorTrain, tumorTest) = Draw(tumors, n, seed, t => t.Malignant);
                cells[0].Add(BenchSmallTumorTrees.Train(tumorTrain, tumorTest).Evaluate(tumorTest).TestMetrics["AreaUnderRocCurve"]);
                cells[1].Add(BenchSmallTumorLinear.Train(tumorTrain, tumorTest).Evaluate(tumorTest).TestMetrics["AreaUnderRocCurve"]);
                cells[2].Add(BenchSmallTumorLbfgs.Train(tumorTrain, tumorTest).Evaluate(tumorTest).TestMetrics["AreaUnderRocCurve"]);
                var (houseTrain, houseTest) = Draw(houses, n, seed, _ => 0);
                cells[3].Add(BenchSmallHouseTrees.Train(houseTrain, houseTest).Evaluate(houseTest).TestMetrics["RSquared"]);
                cells[4].Add(BenchSmallHouseLinear.Train(houseTrain, houseTest).Evaluate(houseTest).TestMetrics["RSquared"]);
                var (irisTrain, irisTest) = Draw(irises, n, seed, r => r.Label);
                cells[5].Add(BenchSmallIrisTrees.Train(irisTrain, irisTest).Evaluate(irisTest).TestMetrics["MacroAccuracy"]);
                cells[6].Add(BenchSmallIrisLinear.Train(irisTrain, irisTest).Evaluate(irisTest).TestMetrics["MacroAccuracy"]);
                cells[7].Add(BenchSmallIrisLbfgs.Train(irisTrain, irisTest).Evaluate(irisTest).TestMetrics["MacroAccuracy"]);
            }

            Console.WriteLine(FormattableString.Invariant($"| {n} | {string.Join(" | ", cells.Select(c => $"{c.Average():F4} ({c.Min():F4})"))} |"));
        }
    }

    /// <summary>n rows at random for training (every class of <paramref name="label"/> in them), the rest for the test.</summary>
    private static (List<T> Train, List<T> Test) Draw<T, TKey>(List<T> rows, int n, int seed, Func<T, TKey> label)
    {
        for (var attempt = 0; ; attempt++)
        {
            var random = new Random((seed * 1_000) + attempt);
            var order = rows.OrderBy(_ => random.Next()).ToList();
            var train = order.Take(n).ToList();
            if (train.Select(label).Distinct().Count() == rows.Select(label).Distinct().Count())
            {
                return (train, order.Skip(n).ToList());
            }
        }
    }
}
