using System.Diagnostics;
using System.Globalization;
using Declarative.Schema;
using Declarative.Vision;
using Declarative.Vision.Tests;
using SkiaSharp;

namespace Declarative.Benchmarks;

/// <summary>
/// [Image] features (tests/bench/images.sh): ResNet-18 encoding throughput, images side by side (as a build encodes)
/// against one at a time, A B A B; then the Fashion-MNIST photos (datasets/fashion-mnist-photos) split the same way for
/// every side (each class's even-numbered files train, the odd ones test) and classified from the encoder's numbers
/// and from raw pixels by the default trainer, with the files scikit-learn's peers read (image_peer.py).
/// </summary>
internal static class ImagesBenchmark
{
    private const int Rounds = 3;

    public static void Run()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "datasets", "fashion-mnist-photos");
        var images = Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d, "*.png").Order(StringComparer.Ordinal).Select((f, i) => (Kind: Path.GetFileName(d), File: f, Train: i % 2 == 0)))
            .ToArray();
        Console.WriteLine($"{images.Length} photos, {images.Count(i => i.Train)} to train, {images.Count(i => !i.Train)} to test, {Environment.ProcessorCount} cores");

        var stopwatch = Stopwatch.StartNew();
        ResNet18Encoder.Instance.Encode(File.ReadAllBytes(images[0].File));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model load and first image: {stopwatch.Elapsed.TotalSeconds:F2} s"));

        var paths = images.Select(i => i.File).ToArray();
        var files = new ImageFileEncoder(ResNet18Encoder.Instance);
        var encodings = Alternating.Run(Rounds,
            () => Seconds(() => files.Encode(paths)),
            () => Seconds(() =>
            {
                foreach (var path in paths)
                {
                    ResNet18Encoder.Instance.Encode(File.ReadAllBytes(path));
                }
            }));
        var parallel = Spread.Of(encodings[0]);
        var serial = Spread.Of(encodings[1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"encode {paths.Length} images side by side: {parallel.Format("F2")} s min / median ({paths.Length / parallel.Median:F1} images/s at the median)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"encode {paths.Length} images one at a time: {serial.Format("F2")} s min / median ({paths.Length / serial.Median:F1} images/s); side by side is {serial.Median / parallel.Median:F2}x"));

        var photos = images.Select(i => new Photo { File = i.File, Kind = i.Kind }).ToArray();
        var pixels = images.Select(i => new PixelPhoto { Pixels = Pixels(i.File), Kind = i.Kind }).ToArray();
        var trainRows = images.Select(i => i.Train).ToArray();
        var (encodedTimes, pixelTimes) = (new List<double>(), new List<double>());
        FashionFolderModel? encoded = null;
        FashionPixelModel? raw = null;
        for (var round = 0; round < Rounds; round++)
        {
            TextEmbedding.ClearCache();
            encodedTimes.Add(Seconds(() => encoded = FashionFolderModel.Train(photos.Where((_, k) => trainRows[k]), photos.Where((_, k) => !trainRows[k]))));
            pixelTimes.Add(Seconds(() => raw = FashionPixelModel.Train(pixels.Where((_, k) => trainRows[k]), pixels.Where((_, k) => !trainRows[k]))));
        }

        Console.WriteLine();
        Console.WriteLine("| features | trainer | accuracy (micro) | macro accuracy | log-loss | train s (min / median) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Row("ResNet-18 (512)", FashionFolderModel.Spec.Trainers[0].ToString(), encoded!.TestMetrics, Spread.Of(encodedTimes));
        Row("raw pixels (784)", FashionPixelModel.Spec.Trainers[0].ToString(), raw!.TestMetrics, Spread.Of(pixelTimes));

        // [Tune(MaxTrials = 20)] alone (the task's trees and linear models) against the linear trainer alone, tuned the
        // same: the trade that has init name the linear trainer for a folder of images, as it does for text.
        TunedPhotoModel? everyTrainer = null;
        LinearTunedPhotoModel? oneTrainer = null;
        var tunedTimes = Alternating.Run(Rounds,
            () => Seconds(() => everyTrainer = TunedPhotoModel.Train(photos.Where((_, k) => trainRows[k]), photos.Where((_, k) => !trainRows[k]))),
            () => Seconds(() => oneTrainer = LinearTunedPhotoModel.Train(photos.Where((_, k) => trainRows[k]), photos.Where((_, k) => !trainRows[k]))));
        Row($"ResNet-18, [Tune] ({everyTrainer!.Ensemble.Count} in the blend)", string.Join(" + ", TunedPhotoModel.Spec.Trainers), everyTrainer.TestMetrics, Spread.Of(tunedTimes[0]));
        Row($"ResNet-18, [Tune] ({oneTrainer!.Ensemble.Count} in the blend)", string.Join(" + ", LinearTunedPhotoModel.Spec.Trainers), oneTrainer.TestMetrics, Spread.Of(tunedTimes[1]));

        // The declaration's own split ([Split(TestFraction = 0.5)], seed 1, random): the figure its report shows.
        var declared = FashionFolderModel.Train().TestMetrics;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"declared split (seed 1, random half): accuracy {declared.MicroAccuracy:F3} micro / {declared.MacroAccuracy:F3} macro"));

        // What the peers read: each image's encoder numbers and pixels, with its class and part.
        var output = Path.Combine(Path.GetTempPath(), "declarative-image-peer");
        Directory.CreateDirectory(output);
        var vectors = files.Encode(paths);
        File.WriteAllLines(Path.Combine(output, "encoded.csv"), images.Select((i, k) => Line(i.Kind, i.Train, vectors[k])));
        File.WriteAllLines(Path.Combine(output, "pixels.csv"), images.Select((i, k) => Line(i.Kind, i.Train, pixels[k].Pixels)));
        Console.WriteLine();
        Console.WriteLine($"peer files: {output}/encoded.csv, pixels.csv (python3 tests/bench/image_peer.py {output})");
    }

    private static float[] Pixels(string file)
    {
        using var bitmap = SKBitmap.Decode(file);
        using var gray = bitmap.Copy(SKColorType.Gray8);
        return gray.GetPixelSpan().ToArray().Select(b => (float)b).ToArray();
    }

    private static string Line(string kind, bool train, float[] values) =>
        $"{kind},{(train ? "train" : "test")},{string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}";

    private static void Row(string features, string trainer, Microsoft.ML.Data.MulticlassClassificationMetrics metrics, Spread seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {features} | {trainer} | {metrics.MicroAccuracy:F3} | {metrics.MacroAccuracy:F3} | {metrics.LogLoss:F3} | {seconds.Format("F1")} |"));

    private static double Seconds(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalSeconds;
    }
}

/// <summary>The photos tuned with 20 trials over the task's candidates, as <c>dotnet declarative init</c> writes a folder's declaration.</summary>
[MulticlassClassification<Photo>(Data = "datasets/fashion-mnist-photos/")]
[Tune(MaxTrials = 20)]
public partial class TunedPhotoModel;

/// <summary>The same tuning of the linear trainer alone.</summary>
[MulticlassClassification<Photo>(Data = "datasets/fashion-mnist-photos/")]
[Trainers(Trainer.SdcaMaximumEntropy)]
[Tune(MaxTrials = 20)]
public partial class LinearTunedPhotoModel;
