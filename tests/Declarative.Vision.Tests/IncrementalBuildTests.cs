using Declarative.Build;

namespace Declarative.Vision.Tests;

/// <summary>
/// The build's data hash covers the images a CSV lists, not only the CSV: an edited photo trains again, an unchanged
/// set is up to date. (A folder source is tested through dotnet build in the end-to-end tests.)
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("declarative-vision-build-").FullName;

    [Fact]
    public void AnImageTheCsvLists_EditedInPlace_TrainsAgain()
    {
        var pipeline = PipelineRegistry.For(typeof(EditedListModel));
        var folder = Path.Combine(AppContext.BaseDirectory, "datasets", "fashion-mnist-photos-edited");
        var image = Path.Combine(folder, "coat", Directory.GetFiles(Path.Combine(folder, "coat")).Select(Path.GetFileName).Order(StringComparer.Ordinal).First()!);
        var original = File.ReadAllBytes(image);
        var csvTime = File.GetLastWriteTimeUtc(Path.Combine(folder, "photos.csv"));
        try
        {
            Assert.Equal(ArtifactStatus.Trained, ArtifactBuilder.Build(pipeline, _output).Status);
            Assert.Equal(ArtifactStatus.UpToDate, ArtifactBuilder.Build(pipeline, _output).Status);

            // Another photo's bytes in its place; the CSV itself is untouched.
            File.WriteAllBytes(image, File.ReadAllBytes(Directory.GetFiles(Path.Combine(folder, "trouser")).Order(StringComparer.Ordinal).First()));
            Assert.Equal(csvTime, File.GetLastWriteTimeUtc(Path.Combine(folder, "photos.csv")));
            Assert.Equal(ArtifactStatus.Trained, ArtifactBuilder.Build(pipeline, _output).Status);
        }
        finally
        {
            File.WriteAllBytes(image, original);
        }
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
