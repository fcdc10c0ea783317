using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Declarative.Hosting.Tests;

/// <summary>
/// <c>AddDeclarativeModel</c> on a real container with real model files: the registered model predicts as the file
/// does, a replaced file is picked up, a corrupt one is not, and the health check says which model is served.
/// </summary>
public sealed class DeclarativeModelTests : IDisposable
{
    private static readonly Lazy<FlowerModel> AllRows = new(() => FlowerModel.Train());

    // Another model of the same pipeline: trained on the setosa and versicolor rows only, it never predicts virginica.
    private static readonly Lazy<FlowerModel> TwoClasses = new(() => FlowerModel.Train(ReadFlowers().Where(f => f.Label < 2)));

    private static readonly Flower Virginica = new() { SepalLength = 7.7f, SepalWidth = 3.0f, PetalLength = 6.1f, PetalWidth = 2.3f };

    private readonly string _directory = Directory.CreateTempSubdirectory("declarative-hosting").FullName;
    private readonly RecordingLoggerProvider _logs = new();

    private string ModelPath => Path.Combine(_directory, "FlowerModel.mlnet");

    [Fact]
    public void TheRegisteredModel_PredictsAsTheFileDoes()
    {
        AllRows.Value.Save(ModelPath);
        using var services = Services(o => o.ModelPath = ModelPath);

        var model = services.GetRequiredService<FlowerModel>();

        Assert.Same(services.GetRequiredService<DeclarativeModel<FlowerModel>>().Current, model);
        Assert.Equal(FlowerModel.Load(ModelPath).Predict(Virginica).Scores, model.Predict(Virginica).Scores);
        Assert.Equal(2, model.Predict(Virginica).PredictedLabel);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Loaded model FlowerModel from ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReplacedFile_IsSwappedIn_AndAModelInUseKeepsPredicting()
    {
        AllRows.Value.Save(ModelPath);
        using var services = Services(o => (o.ModelPath, o.ReloadOnChange, o.ReloadDelay) = (ModelPath, true, TimeSpan.FromMilliseconds(100)));
        var served = services.GetRequiredService<DeclarativeModel<FlowerModel>>();
        var before = served.Current;
        var reloaded = Signal(h => served.Reloaded += h);

        TwoClasses.Value.Save(ModelPath); // written to a temporary file and renamed over the old one, as the build does
        await reloaded.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotSame(before, served.Current);
        Assert.Same(served.Current, services.GetRequiredService<FlowerModel>());
        Assert.Equal(1, served.Reloads);
        Assert.Equal(TwoClasses.Value.Predict(Virginica).Scores, served.Current.Predict(Virginica).Scores);
        Assert.Equal(2, before.Predict(Virginica).PredictedLabel); // the old model still answers whoever holds it
        Assert.NotEqual(2, served.Current.Predict(Virginica).PredictedLabel);
        Assert.Equal(Sha256(ModelPath), served.ModelHash);
    }

    [Fact]
    public async Task ACorruptFile_IsLoggedAndTheOldModelStays_UntilAGoodOneComes()
    {
        AllRows.Value.Save(ModelPath);
        using var services = Services(o => (o.ModelPath, o.ReloadOnChange, o.ReloadDelay) = (ModelPath, true, TimeSpan.FromMilliseconds(100)));
        var served = services.GetRequiredService<DeclarativeModel<FlowerModel>>();
        var before = served.Current;
        var failed = Signal(h => served.ReloadFailed += (_, _) => h(null, EventArgs.Empty));

        File.WriteAllText(ModelPath, "not a model");
        await failed.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Same(before, served.Current);
        Assert.NotNull(served.LastReloadError);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("could not be loaded; the previous model is still served", StringComparison.Ordinal));
        var degraded = await Health(services);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(served.LastReloadError, degraded.Data["lastReloadError"]);

        var reloaded = Signal(h => served.Reloaded += h);
        TwoClasses.Value.Save(ModelPath);
        await reloaded.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(served.LastReloadError);
        Assert.Equal(HealthStatus.Healthy, (await Health(services)).Status);
    }

    [Fact]
    public async Task AStaleModel_IsRefusedOnReload_AsOnRestart_AndTheOldModelStays()
    {
        AllRows.Value.Save(ModelPath);
        using var services = Services(o => (o.ModelPath, o.ReloadOnChange, o.ReloadDelay) = (ModelPath, true, TimeSpan.FromMilliseconds(100)));
        var served = services.GetRequiredService<DeclarativeModel<FlowerModel>>();
        var before = served.Current;
        var failed = Signal(h => served.ReloadFailed += (_, _) => h(null, EventArgs.Empty));

        // A deployment whose manifest says the model was trained for another declaration of the pipeline.
        TwoClasses.Value.Save(Path.Combine(_directory, "next.mlnet"));
        new Declarative.Artifacts.ModelManifest
        {
            Pipeline = "FlowerModel", PipelineType = typeof(FlowerModel).FullName!, Task = MLTask.MulticlassClassification,
            DeclarationHash = new string('0', 32), SchemaHash = FlowerModel.Spec.SchemaHash, DataFile = "iris.txt", DataHash = "", ModelHash = Sha256(Path.Combine(_directory, "next.mlnet")),
            Seed = 1, Trainer = Trainer.SdcaMaximumEntropy, Hyperparameters = new Dictionary<string, string>(), DeclarativeVersion = "0", MLNetVersion = "0",
            TestMetrics = new Dictionary<string, double>(),
        }.Write(Path.Combine(_directory, "FlowerModel.model.json"));
        File.Move(Path.Combine(_directory, "next.mlnet"), ModelPath, overwrite: true);
        await failed.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Same(before, served.Current);
        Assert.Contains("The model is stale", served.LastReloadError, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, (await Health(services)).Status);
        Assert.Contains("The model is stale", Assert.Throws<ModelFileException>(() => FlowerModel.Load(ModelPath)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHealthCheck_ReportsPipelineTrainerHashesAndLoadTime()
    {
        AllRows.Value.Save(ModelPath);
        using var services = Services(o => o.ModelPath = ModelPath);

        var entry = await Health(services);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("FlowerModel", entry.Data["pipeline"]);
        Assert.Equal("SdcaMaximumEntropy", entry.Data["trainer"]);
        Assert.Equal(Sha256(ModelPath), entry.Data["modelHash"]);
        Assert.Equal(FlowerModel.Spec.DeclarationHash, entry.Data["declarationHash"]);
        Assert.True((double)entry.Data["loadMilliseconds"] > 0);
    }

    [Fact]
    public async Task AMissingModel_FailsAtResolution_AndTheHealthCheckIsUnhealthy()
    {
        using var services = Services(o => o.ModelPath = ModelPath);

        var error = Assert.Throws<ModelFileException>(() => services.GetRequiredService<FlowerModel>());

        Assert.Contains(ModelPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, (await Health(services)).Status);
    }

    [Fact]
    public void WithoutAPath_TheModelBesideTheAppIsServed()
    {
        var besideApp = Path.Combine(AppContext.BaseDirectory, "FlowerModel.mlnet");
        AllRows.Value.Save(besideApp);
        try
        {
            using var services = Services(null);

            Assert.Equal(besideApp, services.GetRequiredService<DeclarativeModel<FlowerModel>>().ModelPath);
        }
        finally
        {
            File.Delete(besideApp);
        }
    }

    private ServiceProvider Services(Action<DeclarativeModelOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs));
        services.AddDeclarativeModel<FlowerModel>(configure);
        services.AddHealthChecks().AddDeclarativeModelCheck<FlowerModel>();
        return services.BuildServiceProvider();
    }

    private static async Task<HealthReportEntry> Health(IServiceProvider services) =>
        (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["FlowerModel"];

    private static Task Signal(Action<EventHandler> subscribe)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscribe((_, _) => done.TrySetResult());
        return done.Task;
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    private static IEnumerable<Flower> ReadFlowers() =>
        File.ReadLines("datasets/iris/iris.txt").Skip(1).Select(line => line.Split('\t')).Select(f => new Flower
        {
            Label = int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture),
            SepalLength = float.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
            SepalWidth = float.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
            PetalLength = float.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture),
            PetalWidth = float.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture),
        });

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
