using System.Diagnostics;
using System.Globalization;
using Declarative.Tests.Pipelines;

namespace Declarative.Benchmarks;

/// <summary>
/// Clustering against scikit-learn's k-means on standardized features (tests/bench/clustering.sh): on each of ten (or the
/// given number of) seeded 70/30 splits of four labelled datasets, our k-means (k = the number of classes, the label held back) and
/// scikit-learn's StandardScaler + KMeans(n_init = 10) fit the same training rows and cluster the same test rows; one
/// function (scikit-learn's normalized mutual information) scores both against the label, and k-means' own objective
/// (the test rows' squared distances to their cluster's mean, in the same standardized space) measures both clusterings.
/// </summary>
internal static class ClusteringBenchmark
{
    /// <summary>Runs <paramref name="splits"/> seeded splits of each dataset (seeds 1 to <paramref name="splits"/>).</summary>
    public static void Run(int splits)
    {
        int[] seeds = [.. Enumerable.Range(1, splits)];
        var work = Directory.CreateTempSubdirectory("declarative-kmeans").FullName;
        try
        {
            Console.WriteLine($"{splits} seeded 70/30 splits (seeds 1 to {splits}): normalized mutual information of the test rows' clusters with the label, mean and range;");
            Console.WriteLine("k-means' objective on the test rows (sum of squared standardized distances to the cluster's mean; lower is better), mean, and the splits where ours is lower.");
            Console.WriteLine("| data | rows | k | NMI, Declarative | NMI, scikit-learn | objective, Declarative | objective, scikit-learn | splits ours lower or equal |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            var iris = File.ReadLines("datasets/iris/iris.txt").Skip(1).Where(l => l.Length > 0).Select(ParseIris).ToArray();
            Case("iris", seeds, iris, 3, f => [f.SepalLength, f.SepalWidth, f.PetalLength, f.PetalWidth], f => (int)f.Species,
                (train, test) => IrisClusterModel.Train(train, test) is var m ? [.. test.Select(r => m.Predict(r).ClusterId)] : [], work);
            var wines = File.ReadLines("datasets/wine/wine_data.csv").Skip(1).Where(l => l.Length > 0).Select(Wine.Parse).ToArray();
            Case("wine", seeds, wines, 3, w => [w.Alcohol, w.MalicAcid, w.Ash, w.AlcalinityOfAsh, w.Magnesium, w.TotalPhenols, w.Flavanoids, w.NonflavanoidPhenols, w.Proanthocyanins, w.ColorIntensity, w.Hue, w.Od280Od315, w.Proline],
                w => w.Cultivar, (train, test) => WineClusterModel.Train(train, test) is var m ? [.. test.Select(r => m.Predict(r).ClusterId)] : [], work);
            var tumors = File.ReadLines("datasets/breast-cancer/breast-cancer-withheader.txt").Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).Skip(1).Select(ParseTumor).ToArray();
            Case("breast-cancer", seeds, tumors, 2, t => [t.Thickness, t.UniformSize, t.UniformShape, t.Adhesion, t.EpithelialSize, t.BareNuclei, t.BlandChromatin, t.NormalNucleoli, t.Mitoses],
                t => t.Diagnosis, (train, test) => TumorClusterModel.Train(train, test) is var m ? [.. test.Select(r => m.Predict(r).ClusterId)] : [], work);
            var digits = File.ReadLines("datasets/optdigits/digits.csv").Where(l => l.Length > 0).Select(ParseDigit).ToArray();
            Case("optdigits", seeds, digits, 10, d => [.. d.Pixels.Select(p => (float?)p)], d => d.Value,
                (train, test) => DigitClusterModel.Train(train, test) is var m ? [.. test.Select(r => m.Predict(r).ClusterId)] : [], work);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Case<TRow>(string name, int[] seeds, TRow[] rows, int k, Func<TRow, float?[]> features, Func<TRow, int> label,
        Func<TRow[], TRow[], int[]> ours, string work)
    {
        var (mine, theirs, mySpread, theirSpread) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        foreach (var seed in seeds)
        {
            var order = Enumerable.Range(0, rows.Length).ToArray();
            new Random(seed).Shuffle(order);
            var testCount = (int)Math.Round(rows.Length * 0.3);
            var (train, test) = (order[testCount..].Select(i => rows[i]).ToArray(), order[..testCount].Select(i => rows[i]).ToArray());
            var clusters = ours(train, test);
            var (trainPath, testPath, oursPath) = (Path.Combine(work, "train.csv"), Path.Combine(work, "test.csv"), Path.Combine(work, "ours.txt"));
            Write(trainPath, train, features, label);
            Write(testPath, test, features, label);
            File.WriteAllLines(oursPath, clusters.Select(c => c.ToString(CultureInfo.InvariantCulture)));
            var scores = Peer(trainPath, testPath, k, seed, oursPath);
            if (scores is null)
            {
                return;
            }

            mine.Add(scores.Value.Ours);
            theirs.Add(scores.Value.Peer);
            mySpread.Add(scores.Value.OurSpread);
            theirSpread.Add(scores.Value.PeerSpread);
        }

        static string Nmi(List<double> values) => string.Create(CultureInfo.InvariantCulture, $"{values.Average():F3} ({values.Min():F3}–{values.Max():F3})");
        var lower = mySpread.Zip(theirSpread).Count(p => p.First <= p.Second * (1 + 1e-6));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rows.Length:N0} | {k} | {Nmi(mine)} | {Nmi(theirs)} | {mySpread.Average():N1} | {theirSpread.Average():N1} | {lower} of {mySpread.Count} |"));
    }

    private static void Write<TRow>(string path, IEnumerable<TRow> rows, Func<TRow, float?[]> features, Func<TRow, int> label)
    {
        var lines = rows.Select(r => string.Join(",", features(r).Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? "").Append(label(r).ToString(CultureInfo.InvariantCulture))));
        var width = features(rows.First()).Length;
        File.WriteAllLines(path, lines.Prepend(string.Join(",", Enumerable.Range(0, width).Select(i => $"f{i}").Append("label"))));
    }

    /// <summary>Runs tests/bench/kmeans_peer.py; null (and a line saying why) when Python or scikit-learn is missing.</summary>
    private static (double Ours, double Peer, double OurSpread, double PeerSpread)? Peer(string train, string test, int k, int seed, string ours)
    {
        var python = Environment.GetEnvironmentVariable("DECLARATIVE_PYTHON") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "kmeans_peer.py"), train, test, k.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture), ours })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var fields = stdout.Trim().Split(' ');
        if (process.ExitCode != 0 || fields.Length != 4)
        {
            Console.WriteLine($"scikit-learn failed (apt-get install python3-sklearn): {stderr.Trim()}");
            return null;
        }

        var values = fields.Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (values[0], values[1], values[2], values[3]);
    }

    private static IrisFlower ParseIris(string line)
    {
        var v = line.Split('\t').Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new IrisFlower { Species = (IrisSpecies)(int)v[0], SepalLength = v[1], SepalWidth = v[2], PetalLength = v[3], PetalWidth = v[4] };
    }

    private static TumorDiagnosis ParseTumor(string line)
    {
        var f = line.Split('\t');
        float? Value(int i) => float.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new TumorDiagnosis
        {
            Diagnosis = int.Parse(f[0], CultureInfo.InvariantCulture), Thickness = Value(1)!.Value, UniformSize = Value(2)!.Value, UniformShape = Value(3)!.Value, Adhesion = Value(4)!.Value,
            EpithelialSize = Value(5)!.Value, BareNuclei = Value(6), BlandChromatin = Value(7)!.Value, NormalNucleoli = Value(8)!.Value, Mitoses = (int)Value(9)!.Value,
        };
    }

    private static Digit ParseDigit(string line)
    {
        var v = line.Split(',').Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new Digit { Pixels = v[..64], Value = (int)v[64] };
    }
}
