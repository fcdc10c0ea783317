using Declarative.Tests.Pipelines;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Declarative.BrowserTests;

/// <summary>
/// Each task's report in headless Chromium: no console errors, every expected chart present and drawn, and a
/// full-page screenshot kept under the test output's screenshots/ folder for a person to look at.
/// </summary>
public sealed class ReportBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static TheoryData<string> Tasks => new() { "binary", "multiclass", "regression", "ranking", "clustering", "anomaly", "synthesis", "forecasting", "series-anomaly" };

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's chromium: Playwright must not download a browser of its own.
            ExecutablePath = Environment.GetEnvironmentVariable("DECLARATIVE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task Report_RendersEveryChartWithoutErrors(string task)
    {
        var (path, charts) = WriteReport(task);
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");

        await page.GotoAsync(new Uri(path).AbsoluteUri);

        Assert.Empty(errors);
        foreach (var chart in charts)
        {
            var figure = page.Locator($"figure[data-chart=\"{chart}\"]");
            Assert.Equal(1, await figure.CountAsync());
            var marks = await figure.Locator("svg path, svg rect, svg circle").CountAsync();
            Assert.True(marks >= 2, $"chart '{chart}' of the {task} report has {marks} marks");
            var box = await figure.Locator("svg").BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 50 }, $"chart '{chart}' is not visible ({box?.Width}x{box?.Height})");
        }

        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var screenshot = Path.Combine(screenshots, $"report-{task}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        output.WriteLine($"screenshot: {screenshot}");
    }

    [Fact]
    public async Task AnImageReport_ShowsItsTestImages_DecodedByTheBrowser()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "report-images.html");
        Declarative.Vision.Tests.FashionFolderModel.Train().SaveReport(path);
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) => errors.Add(message.Text);
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(path).AbsoluteUri);

        Assert.Empty(errors);
        var images = page.Locator("figure[data-chart=\"images\"] img");
        Assert.Equal(20, await images.CountAsync());
        foreach (var image in await images.AllAsync())
        {
            // Decoded: an inline PNG the browser could not read has no natural size.
            Assert.Equal(96, await image.EvaluateAsync<int>("i => i.naturalWidth"));
        }

        Assert.Equal(1, await page.Locator("figure[data-chart=\"confusion\"]").CountAsync());
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "report-images.png"), FullPage = true });
    }

    private static (string Path, string[] Charts) WriteReport(string task)
    {
        var path = Path.Combine(AppContext.BaseDirectory, $"report-{task}.html");
        string[] common = ["feature-importance"];
        switch (task)
        {
            case "binary":
                QuickTunedTumorModel.Train().SaveReport(path);
                return (path, [.. common, "roc", "precision-recall", "confusion", "tuning-curve", "label-balance"]);
            case "multiclass":
                IrisModel.Train().SaveReport(path);
                return (path, [.. common, "confusion", "per-class", "label-balance"]);
            case "ranking":
                // (The row's features are one array: its importance chart is a single bar, checked by the other tasks.)
                SearchRankingModel.Train().SaveReport(path);
                return (path, ["ndcg-by-cutoff", "group-spread"]);
            case "clustering":
                IrisClusterModel.Train().SaveReport(path);
                return (path, [.. common, "cluster-sizes", "label-crosstab"]);
            case "synthesis":
                // (No importance: a synthesizer predicts nothing to shuffle a property against.)
                AdultTreeSynthesizer.Train().SaveReport(path);
                return (path, ["column-fidelity", "label-balance"]);
            case "forecasting":
                // (No importance: a forecaster reads its series' own past.)
                SunspotTreesForecast.Train().SaveReport(path);
                return (path, ["step-errors", "fan-chart"]);
            case "series-anomaly":
                // (No importance: a series detector reads its series' own past.)
                TaxiAnomalies.Train().SaveReport(path);
                return (path, ["anomaly-series", "anomaly-scores"]);
            case "anomaly":
                var (train, test) = TumorAnomalyData.Split();
                TumorAnomalyModel.Train(train, test).SaveReport(path);
                return (path, [.. common, "scores", "roc", "confusion"]);
            default:
                TunedHousingModel.Train().SaveReport(path);
                return (path, [.. common, "predicted-vs-actual", "residuals", "tuning-curve"]);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
