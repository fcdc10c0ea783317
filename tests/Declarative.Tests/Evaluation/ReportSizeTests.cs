using Declarative.Evaluation;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Evaluation;

/// <summary>
/// A report's size follows what it shows, not the test part's rows: a 200,000-row test part once made a 30 MB page and
/// doubled the build's peak memory. Regression keeps 5,000 evenly spaced points, curves 2,000; the profile counts
/// values by key, without a string per row.
/// </summary>
public sealed class ReportSizeTests
{
    [Fact]
    public void ARegressionReport_KeepsFiveThousandEvenlySpacedPoints_OfALargeTestPart()
    {
        var report = TaxiFareModel.Train().Evaluate();

        Assert.Equal(100_000, report.TestRows);
        Assert.Equal(5_000, report.Points.Count);
        // Evenly spaced: the points' mean residual is the test part's mean error to within noise.
        var meanError = report.Points.Average(p => p.Residual);
        Assert.InRange(meanError, -0.5, 0.5);
        var page = Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.Predictive(MLTask.Regression));
        Assert.Contains("5,000 evenly spaced test rows of 100,000", page, StringComparison.Ordinal);
        Assert.True(page.Length < 2_000_000, $"{page.Length:N0} characters");
    }

    [Fact]
    public void ABinaryReport_KeepsAtMostTwoThousandCurvePoints_AndTheCurvesEnds()
    {
        var report = TrainedModels.Adult.Evaluate();

        Assert.InRange(report.RocCurve.Count, 1_000, 2_000);
        Assert.Equal((0d, 0d), (report.RocCurve[0].X, report.RocCurve[0].Y));
        Assert.Equal((1d, 1d), (report.RocCurve[^1].X, report.RocCurve[^1].Y));
        Assert.True(report.PrecisionRecallCurve.Count <= 2_000);
        // Thinned evenly, the trapezoids still give the AUC to three places.
        var trapezoids = report.RocCurve.Zip(report.RocCurve.Skip(1), (a, b) => (b.X - a.X) * (a.Y + b.Y) / 2).Sum();
        Assert.Equal(report.TestMetrics["AreaUnderRocCurve"], trapezoids, 3);
    }

    [Fact]
    public void TheProfile_CountsCategories_AsTheFileHasThem()
    {
        var profile = TrainedModels.Adult.Evaluate().Profile;
        var lines = File.ReadLines("datasets/adult/adult.txt").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(f => f.Trim()).ToArray()).ToArray();

        var workclass = profile.Columns.Single(c => c.Property == nameof(Adult.Workclass));
        var expected = lines.Select(f => f[1]).Where(v => v is not ("?" or "")).GroupBy(v => v).OrderByDescending(g => g.Count()).First();
        Assert.Equal((expected.Key, expected.Count()), (workclass.Top[0].Value, workclass.Top[0].Count));
        Assert.Equal(lines.Select(f => f[1]).Where(v => v is not ("?" or "")).Distinct().Count(), workclass.Distinct);
        var age = profile.Columns.Single(c => c.Property == nameof(Adult.Age));
        Assert.Equal(lines.Select(f => float.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count(), age.Distinct);
        Assert.Equal(lines.Average(f => double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture)), age.Mean!.Value, 6);
    }
}
