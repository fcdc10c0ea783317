using System.Diagnostics;
using System.Globalization;
using Declarative.Tests.Pipelines;

namespace Declarative.Benchmarks;

/// <summary>
/// Explanations per second on one thread (tests/bench/explanations.sh): adult's default LightGbm model, housing's
/// FastTree and iris's linear model, each against its own Predict on the same rows, the two alternating round by round
/// (min / median of seven rounds after warm-up); and the largest |BaseValue + Σ contributions − Value| seen.
/// </summary>
internal static class ExplanationBenchmark
{
    private const int Rounds = 7;

    public static void Run()
    {
        Console.WriteLine($"Rows per second on one thread: the slowest / median of {Rounds} rounds, Explain and Predict alternating.");
        Console.WriteLine("| model | trees (leaves) | rows | Explain rows/s | Predict rows/s | Explain / Predict time | largest additivity error |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var adult = AdultIncomeModel.Train();
        var people = File.ReadLines("datasets/adult/adult.txt").Skip(1).Where(l => l.Length > 0).Take(5_000).Select(Adult.Parse).ToArray();
        Measure("adult (binary, LightGbm)", adult.Pipeline, people, r => adult.Explain(r), r => adult.Predict(r));
        XGBoost(adult, people);
        var housing = HousingModel.Train();
        var houses = File.ReadLines("datasets/housing/housing.txt").Skip(1).Select(House.Parse).ToArray();
        Measure("housing (regression, FastTree)", housing.Pipeline, houses, r => housing.Explain(r), r => housing.Predict(r));
    }

    private static void Measure<TRow, TExplanation, TPrediction>(string name, ITrainedPipeline pipeline, TRow[] rows, Func<TRow, TExplanation> explain, Func<TRow, TPrediction> predict)
        where TExplanation : Explanation
    {
        var error = rows.Select(explain).Max(e => Math.Abs(e.BaseValue + e.Contributions.Sum(c => c.Value) - e.Value));
        foreach (var row in rows)
        {
            predict(row);
        }

        var runs = Alternating.Run(Rounds, () => PerSecond(rows, explain), () => PerSecond(rows, predict));
        var (explained, predicted) = (Spread.Of(runs[0]), Spread.Of(runs[1]));
        var portable = pipeline.ToPortable();
        var trees = portable.Outputs.Sum(o => o.Trees?.Count ?? 0);
        var leaves = portable.Outputs.Sum(o => o.Trees?.Sum(t => t.Leaves.Count) ?? 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {trees} ({leaves:N0}) | {rows.Length:N0} | {explained.Format("N0")} | {predicted.Format("N0")} | {predicted.Min / explained.Min:F1}x / {predicted.Median / explained.Median:F1}x | {error:G2} |"));
    }

    /// <summary>
    /// Adult against XGBoost's pred_contribs (Debian's python3-xgboost) on an ensemble of as many trees, leaves per tree
    /// and depth, trained on the same featurized rows: our explanation rounds and XGBoost's alternate, three each.
    /// </summary>
    private static void XGBoost(AdultIncomeModel model, Adult[] people)
    {
        var python = Environment.GetEnvironmentVariable("DECLARATIVE_PYTHON") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        var portable = ((ITrainedPipeline)model.Pipeline).ToPortable();
        var trees = portable.Outputs[0].Trees!;
        var featurizer = Scoring.RowFeaturizers.For(AdultIncomeModel.Spec, portable.Features, "bench");
        var work = Directory.CreateTempSubdirectory("declarative-xgboost").FullName;
        try
        {
            var all = File.ReadLines("datasets/adult/adult.txt").Skip(1).Where(l => l.Length > 0).ToArray();
            var train = Path.Combine(work, "train.csv");
            var explain = Path.Combine(work, "explain.csv");
            File.WriteAllLines(train, all.Select(l => Featurized(featurizer, Adult.Parse(l), l.Split(',')[^1].Trim())));
            File.WriteAllLines(explain, all.Take(people.Length).Select(l => Featurized(featurizer, Adult.Parse(l), l.Split(',')[^1].Trim())));
            var leaves = trees.Max(t => t.Leaves.Count);
            var depth = trees.Where(t => t.Left.Count > 0).Max(t => Depth(t, 0));
            string? peer = null;
            var runs = Alternating.Run(3, () => PerSecond(people, r => model.Explain(r)), () =>
            {
                peer = ScaleBenchmark.Run(python, [Path.Combine(AppContext.BaseDirectory, "xgboost_peer.py"), train, explain, $"{trees.Count}", $"{leaves}", $"{depth}"]);
                return double.Parse(peer.Split(' ')[0], CultureInfo.InvariantCulture);
            });
            var (ours, theirs) = (Spread.Of(runs[0]), Spread.Of(runs[1]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| adult against XGBoost pred_contribs ({peer!.Split(' ')[1]} trees, {peer.Split(' ')[2]} leaves, depth ≤ {depth}) | {trees.Count} | {people.Length:N0} | {ours.Format("N0")} | XGBoost {theirs.Format("N0")} | {theirs.Min / ours.Min:F1}x / {theirs.Median / ours.Median:F1}x time of XGBoost's | |"));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine($"| adult against XGBoost | {python} is not installed: skipped | | | | | |");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static int Depth(Scoring.PortableTree tree, int node) =>
        node < 0 ? 0 : 1 + Math.Max(Depth(tree, tree.Left[node]), Depth(tree, tree.Right[node]));

    private static string Featurized(Scoring.RowFeaturizer<Adult> featurizer, Adult row, string label)
    {
        var features = new float[featurizer.Length];
        featurizer.Featurize(row, features);
        return string.Join(',', features.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).Prepend(label));
    }

    private static double PerSecond<TRow, TResult>(TRow[] rows, Func<TRow, TResult> work)
    {
        var clock = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            work(row);
        }

        return rows.Length / clock.Elapsed.TotalSeconds;
    }



    private static float Number(string text) => float.Parse(text, CultureInfo.InvariantCulture);
}
