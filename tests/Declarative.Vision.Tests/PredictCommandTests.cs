using Declarative.Build;

namespace Declarative.Vision.Tests;

/// <summary>
/// <c>dotnet declarative predict</c> on an image model: the input file's paths are relative to its folder, as a training
/// file's are, and a missing image is an error at its line.
/// </summary>
public sealed class PredictCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("declarative-vision-predict-").FullName;

    [Fact]
    public void AnInputFileOfImagePaths_IsPredictedRowByRow_AsTheModelPredicts()
    {
        var model = FashionListModel.Train();
        model.Save(Path.Combine(_directory, "FashionListModel.mlnet"));
        var photos = Path.Combine(AppContext.BaseDirectory, "datasets", "fashion-mnist-photos");
        var input = Path.Combine(photos, "photos.csv");
        var output = Path.Combine(_directory, "predicted.csv");
        var log = new StringWriter();

        var exit = BuildHost.Run([typeof(FashionListModel).Assembly.Location, _directory, BuildHost.PredictFlag, "FashionListModel", input, output], log);

        Assert.True(exit == 0, log.ToString());
        var written = File.ReadAllLines(output);
        Assert.Equal(201, written.Length);
        var first = File.ReadLines(input).Skip(1).First().Split(',');
        var expected = model.Predict(new ListedPhoto { File = Path.Combine(photos, first[0]) }).PredictedLabel;
        Assert.Contains($",{expected},", written[1]);

        var broken = Path.Combine(_directory, "broken.csv");
        File.WriteAllLines(broken, ["file,kind", $"{Path.Combine(photos, first[0])},coat", "nowhere.png,coat"]);
        Assert.NotEqual(0, BuildHost.Run([typeof(FashionListModel).Assembly.Location, _directory, BuildHost.PredictFlag, "FashionListModel", broken, output], log));
        Assert.Contains("broken.csv(3,1)", log.ToString());
        Assert.Contains("'nowhere.png'", log.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
