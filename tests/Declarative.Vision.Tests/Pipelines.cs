namespace Declarative.Vision.Tests;

/// <summary>A product photo: the image file and its kind (the folder's name in a folder of images).</summary>
public sealed class Photo
{
    [Image]
    public string File { get; set; } = "";

    [Label]
    public string Kind { get; set; } = "";
}

/// <summary>Fashion-MNIST's 200 photos read as a folder (one subfolder a class), half held out.</summary>
[MulticlassClassification<Photo>(Data = "datasets/fashion-mnist-photos/")]
[Split(TestFraction = 0.5)]
public partial class FashionFolderModel;

/// <summary>The same photos listed in a CSV file, paths relative to it.</summary>
public sealed class ListedPhoto
{
    [Image]
    [Column("file")]
    public string File { get; set; } = "";

    [Label]
    [Column("kind")]
    public string Kind { get; set; } = "";
}

[MulticlassClassification<ListedPhoto>(Data = "datasets/fashion-mnist-photos/photos.csv")]
[Split(TestFraction = 0.5)]
public partial class FashionListModel;

/// <summary>The photos clustered with no labels: every task that takes features takes images.</summary>
public sealed class UnlabelledPhoto
{
    [Image]
    [Column("file")]
    public string File { get; set; } = "";

    [Ignore]
    public string Kind { get; set; } = "";
}

[Clustering<UnlabelledPhoto>(Data = "datasets/fashion-mnist-photos/photos.csv", Clusters = 5)]
public partial class FashionClusters;

/// <summary>A photo with a property a folder cannot fill.</summary>
public sealed class WeighedPhoto
{
    [Image]
    public string File { get; set; } = "";

    [Label]
    public string Kind { get; set; } = "";

    public float Grams { get; set; }
}

[MulticlassClassification<WeighedPhoto>(Data = "datasets/fashion-mnist-photos/")]
public partial class WeighedPhotoModel;

/// <summary>The same photos as raw pixels (28×28 grayscale, 0–255): the baseline the encoder must beat.</summary>
public sealed class PixelPhoto
{
    [Columns(StartIndex = 0, Count = 784)]
    public float[] Pixels { get; set; } = [];

    [Label]
    public string Kind { get; set; } = "";
}

[MulticlassClassification<PixelPhoto>(HasHeader = false)]
public partial class FashionPixelModel;

/// <summary>A photo held in memory: the encoded bytes of its file.</summary>
public sealed class PhotoBytes
{
    [Image]
    public byte[] Image { get; set; } = [];

    [Label]
    public string Kind { get; set; } = "";
}

[MulticlassClassification<PhotoBytes>]
public partial class FashionBytesModel;

/// <summary>Trousers or not: binary classification on images.</summary>
public sealed class TrouserPhoto
{
    [Image]
    public string File { get; set; } = "";

    [Label]
    public bool Trouser { get; set; }
}

[BinaryClassification<TrouserPhoto>]
public partial class TrouserModel;

/// <summary>How much of the photo is garment: regression on images (the share of pixels above black).</summary>
public sealed class CoveredPhoto
{
    [Image]
    public string File { get; set; } = "";

    [Label]
    public float Covered { get; set; }
}

[Regression<CoveredPhoto>]
public partial class CoverageModel;

/// <summary>A photo that is not like the others: anomaly detection on images.</summary>
public sealed class OddPhoto
{
    [Image]
    public string File { get; set; } = "";
}

[AnomalyDetection<OddPhoto>]
public partial class OddPhotoModel;

/// <summary>The listed photos from a copy that a test edits.</summary>
[MulticlassClassification<ListedPhoto>(Data = "datasets/fashion-mnist-photos-edited/photos.csv")]
public partial class EditedListModel;

/// <summary>Trousers or not, by a string label: the report names the classes, not true and false.</summary>
public sealed class KindPhoto
{
    [Image]
    public string File { get; set; } = "";

    [Label(Positive = "trouser")]
    public string Kind { get; set; } = "";
}

[BinaryClassification<KindPhoto>]
public partial class KindModel;
