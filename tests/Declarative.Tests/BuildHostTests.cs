using Declarative.Build;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

/// <summary>The host as the build runs it: canonical output lines and exit codes, one build at a time per project, and the line it prints.</summary>
public sealed class BuildHostTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void APipelineWhoseDeclarationThrows_IsItsOwnError_AndTheOthersAreStillFound()
    {
        var output = new StringWriter();

        var found = BuildHost.Discover([typeof(ThrowingPipeline), typeof(Pipelines.TumorModel)], new HostReporter(output), out var failed);

        Assert.True(failed);
        Assert.Equal(["TumorModel"], found.Select(p => p.Spec.Name));
        Assert.Contains("Declarative : error DCL1002: pipeline ThrowingPipeline (Declarative.Tests.ThrowingPipeline) cannot be read, so it is not trained: OverflowException: Value was either too large or too small for an Int32.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void APipelineWithoutData_IsNotTrainedAtTheBuild_AndTheBuildGoesOn()
    {
        // Declared to be trained in the app (on rows in memory): the build says it leaves it, and does not fail.
        var output = new StringWriter();
        var reporter = new HostReporter(output);
        var found = BuildHost.Discover([typeof(IrisByPositionModel)], reporter, out var failed);

        Assert.False(failed);
        Assert.True(TrainOperation.Run(found, new HostArguments(typeof(IrisByPositionModel).Assembly.Location, _temp.Path), reporter));
        Assert.Contains("IrisByPositionModel declares no Data, so the build does not train it: Train(rows) or Train(path) trains it in the app", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("error", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path, "IrisByPositionModel.*"));
    }

    [Fact]
    public void WrongArguments_IsAnErrorInMSBuildFormat_WithTheReportedErrorsCode()
    {
        var output = new StringWriter();

        // 1 means "errors reported above"; the build adds its own DCL1000 only for other codes (a crash).
        Assert.Equal(1, BuildHost.Run(["only-one"], output));
        Assert.Contains("Declarative : error DCL1000: usage:", output.ToString());
    }

    [Fact]
    public void MissingAssembly_IsAnErrorNamingIt()
    {
        var output = new StringWriter();

        Assert.Equal(1, BuildHost.Run([_temp.File("missing.dll"), _temp.Path], output));
        Assert.Contains("missing.dll : error DCL1000:", output.ToString());
    }

    [Fact]
    public async Task SecondBuild_WaitsForTheFirst_ThenGoesOn()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var said = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var first = BuildLock.Acquire(_temp.Path, TimeSpan.Zero);
        Assert.NotNull(first);

        var second = Task.Run(() => BuildLock.Acquire(_temp.Path, TimeSpan.FromMinutes(1), line =>
        {
            lines.Enqueue(line);
            said.TrySetResult();
        }));

        // Wait for the second build to say it waits (a fixed delay raced a loaded machine: the line came late).
        await Task.WhenAny(said.Task, second, Task.Delay(TimeSpan.FromMinutes(1)));

        Assert.False(second.IsCompleted);

        first.Dispose();
        using var acquired = await second;

        Assert.NotNull(acquired);
        var waiting = Assert.Single(lines);
        Assert.Contains("another build of this project is training", waiting, StringComparison.Ordinal);
    }

    [Fact]
    public void Lock_HeldPastTheTimeout_IsRefused()
    {
        using var first = BuildLock.Acquire(_temp.Path, TimeSpan.Zero);

        Assert.Null(BuildLock.Acquire(_temp.Path, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void Lock_IsReleasedWithItsHolder()
    {
        BuildLock.Acquire(_temp.Path, TimeSpan.Zero)!.Dispose();

        using var again = BuildLock.Acquire(_temp.Path, TimeSpan.Zero);

        Assert.NotNull(again);
    }

    [Fact]
    public void BuildLine_ReportsTheDeclaredTuningMetric()
    {
        var result = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TunedHousingModel)), _temp.Path, new ArtifactOptions { Report = false });

        Assert.StartsWith("test RootMeanSquaredError ", TrainOperation.Headline(result.Manifest), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>A pipeline whose generated spec throws as its type initializes (a label value that does not fit, say).</summary>
public sealed class ThrowingPipeline : IDeclaredPipeline
{
    private static readonly Declarative.Schema.IPipelineSpec Spec = int.Parse("99999999999", System.Globalization.CultureInfo.InvariantCulture) > 0 ? null! : null!;

    public static Declarative.Schema.IPipelineSpec DeclaredSpec => Spec;

    public static ITrainedPipeline TrainDeclared(string? dataPath, Declarative.Tuning.TrainOptions? options) => throw new NotSupportedException();
}
