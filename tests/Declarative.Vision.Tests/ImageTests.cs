using Declarative.Schema;

namespace Declarative.Vision.Tests;

/// <summary>
/// [Image] properties end to end on Fashion-MNIST's photos (datasets/fashion-mnist-photos): a folder and a CSV file as
/// sources, what the encoder must keep (the same numbers alone, in a batch and on any thread count), and located errors.
/// </summary>
public sealed class ImageTests
{
    /// <summary>Every photo with its class, split the same way each time: each class's even-numbered files train, the odd ones test.</summary>
    private static (string Kind, string File, bool Train)[] FixedSplit() =>
        Directory.GetDirectories(Data()).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d).Order(StringComparer.Ordinal).Select((f, i) => (Kind: Path.GetFileName(d), File: f, Train: i % 2 == 0)))
            .ToArray();

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "datasets", "fashion-mnist-photos", .. parts]);

    [Fact]
    public void AFolderOfImages_TrainsAClassifier_WellAboveChance()
    {
        var model = FashionFolderModel.Train();

        // Five classes (chance 0.2), about 20 photos each to learn from; see docs/images.md for the figures against the peers.
        Assert.True(model.TestMetrics.MacroAccuracy >= 0.75, $"macro accuracy {model.TestMetrics.MacroAccuracy:F3}");
        var trouser = model.Predict(new Photo { File = Data("trouser", Directory.GetFiles(Data("trouser")).Select(Path.GetFileName).Order(StringComparer.Ordinal).First()!) });
        Assert.Equal("trouser", trouser.PredictedLabel);
    }

    [Fact]
    public void TheReport_ShowsTestImagesOfEveryClass_WithTheirPredictions()
    {
        var model = FashionFolderModel.Train();
        var report = model.Evaluate();

        // Four of each class, from the test part, each with the model's prediction and a PNG thumbnail.
        Assert.Equal(20, report.Images.Count);
        Assert.Equal(["coat", "dress", "pullover", "t-shirt", "trouser"], report.Images.Select(i => i.Actual).Distinct());
        Assert.All(report.Images, i => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, i.Thumbnail.Take(4)));
        var prediction = model.Predict(new Photo { File = report.Images[0].File });
        Assert.Equal(prediction.PredictedLabel, report.Images[0].Predicted);

        var path = Path.Combine(Path.GetTempPath(), $"declarative-images-{Guid.NewGuid():N}.html");
        try
        {
            model.SaveReport(path);
            var html = File.ReadAllText(path);
            Assert.Contains("data-chart=\"images\"", html);
            Assert.Equal(20, html.Split("data:image/png;base64,").Length - 1);

            // An untuned model's report did not cross-validate, and its footer says what it did instead.
            Assert.Contains("intervals from bootstrap resamples of its rows.</footer>", html);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AFolderAndTheSameFilesListedInACsv_AreTheSameRows()
    {
        var folder = FashionFolderModel.Train();
        var listed = FashionListModel.Train();

        // The CSV lists the folder's files in the folder loader's order, so the split and the model are the same.
        Assert.Equal(folder.TestMetrics.MicroAccuracy, listed.TestMetrics.MicroAccuracy, 9);
        Assert.Equal(folder.TestMetrics.LogLoss, listed.TestMetrics.LogLoss, 6);
    }

    [Fact]
    public void ImagesCluster_TooByTheirEncodedNumbers()
    {
        var model = FashionClusters.Train();
        var first = model.Predict(new UnlabelledPhoto { File = Data("trouser", Directory.GetFiles(Data("trouser")).Select(Path.GetFileName).Order(StringComparer.Ordinal).First()!) });
        Assert.InRange((int)first.ClusterId, 1, 5);
        Assert.Equal(512, FashionClusters.Spec.Features.Count);
    }

    [Fact]
    public void EveryTaskThatTakesFeatures_TakesImages()
    {
        var files = FixedSplit();
        var (train, test) = (files.Where(f => f.Train).ToArray(), files.Where(f => !f.Train).ToArray());

        var binary = TrouserModel.Train(train.Select(f => new TrouserPhoto { File = f.File, Trouser = f.Kind == "trouser" }), test.Select(f => new TrouserPhoto { File = f.File, Trouser = f.Kind == "trouser" }));
        Assert.True(binary.TestMetrics.AreaUnderRocCurve > 0.95, $"AUC {binary.TestMetrics.AreaUnderRocCurve:F3}");
        var trousers = KindModel.Train(train.Select(f => new KindPhoto { File = f.File, Kind = f.Kind == "trouser" ? "trouser" : "other" }), test.Select(f => new KindPhoto { File = f.File, Kind = f.Kind == "trouser" ? "trouser" : "other" }));
        Assert.Equal(["other", "trouser"], trousers.Evaluate(test.Select(f => new KindPhoto { File = f.File, Kind = f.Kind == "trouser" ? "trouser" : "other" })).Images.Select(i => i.Actual).Distinct());

        // The share of non-black pixels: what the image shows, which the encoder's numbers must carry.
        static float Covered(string file)
        {
            using var bitmap = SkiaSharp.SKBitmap.Decode(file);
            return bitmap.Pixels.Count(p => p.Red > 16) / (float)bitmap.Pixels.Length;
        }

        var regression = CoverageModel.Train(train.Select(f => new CoveredPhoto { File = f.File, Covered = Covered(f.File) }), test.Select(f => new CoveredPhoto { File = f.File, Covered = Covered(f.File) }));
        Assert.True(regression.TestMetrics.RSquared > 0.5, $"R² {regression.TestMetrics.RSquared:F3}");

        // Trained on tops and dresses alone: unseen trousers look odder than unseen tops and dresses.
        var anomalies = OddPhotoModel.Train(train.Where(f => f.Kind != "trouser").Select(f => new OddPhoto { File = f.File }));
        var others = test.Where(f => f.Kind != "trouser").Average(f => anomalies.Predict(new OddPhoto { File = f.File }).Score);
        var trouser = test.Where(f => f.Kind == "trouser").Average(f => anomalies.Predict(new OddPhoto { File = f.File }).Score);
        Assert.True(trouser > others, $"mean score of trousers {trouser:F3}, of the other classes {others:F3}");
    }

    [Fact]
    public void AnImagesNumbers_AreTheSameAloneInABatchAndOnOneThread()
    {
        var files = Directory.GetFiles(Data("coat")).Order(StringComparer.Ordinal).Take(4).ToArray();
        var alone = ResNet18Encoder.Instance.Encode(File.ReadAllBytes(files[2]));
        var vectors = files.Select(f => ResNet18Encoder.Instance.Encode(File.ReadAllBytes(f))).ToArray();
        float[][] parallel = new float[files.Length][];
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = ResNet18Encoder.Instance.Encode(File.ReadAllBytes(files[i])));

        Assert.Equal(512, alone.Length);
        Assert.Equal(alone, vectors[2]);
        Assert.Equal(vectors, parallel);
        Assert.NotEqual(vectors[0], vectors[1]);
        Assert.All(alone, v => Assert.True(float.IsFinite(v) && v >= 0, "pooled ReLU outputs are finite and not negative"));
    }

    [Fact]
    public void ImagesAsBytesInMemory_TrainAndPredictAsTheirFilesDo()
    {
        var files = FixedSplit();
        var byPath = FashionFolderModel.Train(
            files.Where(f => f.Train).Select(f => new Photo { File = f.File, Kind = f.Kind }), files.Where(f => !f.Train).Select(f => new Photo { File = f.File, Kind = f.Kind }));
        var byBytes = FashionBytesModel.Train(
            files.Where(f => f.Train).Select(f => new PhotoBytes { Image = File.ReadAllBytes(f.File), Kind = f.Kind }),
            files.Where(f => !f.Train).Select(f => new PhotoBytes { Image = File.ReadAllBytes(f.File), Kind = f.Kind }));

        Assert.Equal(byPath.TestMetrics.LogLoss, byBytes.TestMetrics.LogLoss, 9);
        var probe = files.First(f => !f.Train).File;
        Assert.Equal(byPath.Predict(new Photo { File = probe }).Scores, byBytes.Predict(new PhotoBytes { Image = File.ReadAllBytes(probe) }).Scores);

        // The report shows in-memory images too, by their bytes (they have no file to name).
        var report = byBytes.Evaluate(files.Where(f => !f.Train).Select(f => new PhotoBytes { Image = File.ReadAllBytes(f.File), Kind = f.Kind }));
        Assert.All(report.Images, i => Assert.True(i.File.Length == 0 && i.Thumbnail.Length > 0));
    }

    [Fact]
    public void ExifOrientation_TurnsTheImage_AsAViewerShowsIt()
    {
        // 64x32: the left half black, the right half white. Stored with EXIF orientation 6 ("rotate 90° clockwise to
        // view"), a viewer shows 32x64 with the black half on top; the centre square keeps that: dark above, light below.
        var plain = WideJpeg();
        var turned = WithOrientation(plain, 6);

        var upright = ResNet18Encoder.Instance.Preview(plain, 32);
        var rotated = ResNet18Encoder.Instance.Preview(turned, 32);

        Assert.True(Brightness(upright, 0, 16, 0, 32) < 60 && Brightness(upright, 16, 32, 0, 32) > 190, "unrotated: dark left, light right");
        Assert.True(Brightness(rotated, 0, 32, 0, 16) < 60 && Brightness(rotated, 0, 32, 16, 32) > 190, "rotated: dark top, light bottom");
        Assert.NotEqual(ResNet18Encoder.Instance.Encode(plain), ResNet18Encoder.Instance.Encode(turned));
    }

    private static byte[] WideJpeg()
    {
        using var bitmap = new SkiaSharp.SKBitmap(64, 32);
        for (var x = 0; x < 64; x++)
        {
            for (var y = 0; y < 32; y++)
            {
                bitmap.SetPixel(x, y, x < 32 ? SkiaSharp.SKColors.Black : SkiaSharp.SKColors.White);
            }
        }

        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    /// <summary>The JPEG with an EXIF segment (APP1) holding one tag, Orientation, placed right after the start marker.</summary>
    private static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8,  // big-endian TIFF header, first directory at 8
            0, 1,                                    // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0,                              // no next directory
        ];
        byte[] header = [.. "Exif"u8, 0, 0];
        var length = 2 + header.Length + tiff.Length;
        return [jpeg[0], jpeg[1], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. header, .. tiff, .. jpeg.AsSpan(2)];
    }

    /// <summary>The mean of a PNG's red channel over columns [x0, x1) and rows [y0, y1).</summary>
    private static double Brightness(byte[] png, int x0, int x1, int y0, int y1)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var sum = 0.0;
        for (var x = x0; x < x1; x++)
        {
            for (var y = y0; y < y1; y++)
            {
                sum += bitmap.GetPixel(x, y).Red;
            }
        }

        return sum / ((x1 - x0) * (y1 - y0));
    }

    [Fact]
    public void AFileThatIsNotAnImage_IsAnErrorNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"declarative-not-an-image-{Guid.NewGuid():N}.png");
        File.WriteAllText(path, "file,kind\nthis is text, not a PNG\n");
        try
        {
            // A data error at the image file, so a build reports it there; in-memory bytes that are not an image are InvalidDataException.
            var e = Assert.Throws<DataFileException>(() => FashionFolderModel.Train().Predict(new Photo { File = path }));
            Assert.Equal(path, e.FilePath);
            Assert.Contains("JPEG or PNG", e.Message);
            var bytes = Assert.Throws<InvalidDataException>(() => FashionBytesModel.Train(FixedSplit().Where(f => f.Train).Select(f => new PhotoBytes { Image = File.ReadAllBytes(f.File), Kind = f.Kind }))
                .Predict(new PhotoBytes { Image = "not a picture"u8.ToArray() }));
            Assert.Contains("The row's image bytes are not an image", bytes.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ABrokenImageInAFolder_IsADataErrorAtThatFile()
    {
        var directory = Directory.CreateTempSubdirectory("declarative-images-");
        try
        {
            foreach (var kind in new[] { "coat", "trouser" })
            {
                Directory.CreateDirectory(Path.Combine(directory.FullName, kind));
                foreach (var file in Directory.GetFiles(Data(kind)).Order(StringComparer.Ordinal).Take(5))
                {
                    File.Copy(file, Path.Combine(directory.FullName, kind, Path.GetFileName(file)));
                }
            }

            // A PNG cut short, as a failed copy leaves it.
            var broken = Path.Combine(directory.FullName, "trouser", "broken.png");
            File.WriteAllBytes(broken, File.ReadAllBytes(Directory.GetFiles(Data("trouser")).First()).Take(40).ToArray());

            var e = Assert.Throws<DataFileException>(() => FashionFolderModel.Train(directory.FullName));
            Assert.Equal(broken, e.FilePath);
            Assert.Contains("is not an image", e.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void AMissingImage_IsAnErrorAtItsLine()
    {
        var directory = Directory.CreateTempSubdirectory("declarative-images-");
        try
        {
            File.Copy(Directory.GetFiles(Data("coat")).First(), Path.Combine(directory.FullName, "a.png"));
            var csv = Path.Combine(directory.FullName, "photos.csv");
            File.WriteAllText(csv, "file,kind\na.png,coat\nmissing.png,dress\n");

            var e = Assert.Throws<DataFileException>(() => FashionListModel.Train(csv));
            Assert.Equal(3, e.Line);
            Assert.Contains("missing.png", e.Message);
            Assert.Contains("was not found", e.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void AFolderRowWithAnotherProperty_IsAnErrorNamingIt()
    {
        var e = Assert.Throws<DataFileException>(() => WeighedPhotoModel.Train());
        Assert.Contains("fills only the [Image] and [Label]", e.Message);
        Assert.Contains("Grams", e.Message);
    }

    [Fact]
    public void AnImage_Is512NumberColumns_LearnedByALinearModel()
    {
        Assert.Contains(FashionFolderModel.Spec.Features, f => f.PropertyName == "File[511]");
        Assert.Equal(["SdcaMaximumEntropy"], FashionFolderModel.Spec.Trainers.Select(t => t.ToString()));
    }
}
