using Declarative.Tuning;
using Xunit.Abstractions;

namespace Declarative.Tests.Tuning;

/// <summary>Each tuner on synthetic functions with known optima, within a stated number of trials; and determinism.</summary>
public sealed class TunerTests(ITestOutputHelper output)
{
    private static readonly double[] Center = [0.3, 0.7, 0.55];

    /// <summary>A bowl with its minimum 0 at <see cref="Center"/>.</summary>
    private static double Bowl(double[] x) => x.Select((v, i) => (v - Center[i]) * (v - Center[i])).Sum();

    /// <summary>Branin on [-5, 10] x [0, 15] mapped to the unit square; global minimum 0.397887 at three points.</summary>
    private static double Branin(double[] u)
    {
        var x1 = -5 + (15 * u[0]);
        var x2 = 15 * u[1];
        var a = x2 - (5.1 / (4 * Math.PI * Math.PI) * x1 * x1) + (5 / Math.PI * x1) - 6;
        return (a * a) + (10 * (1 - (1 / (8 * Math.PI))) * Math.Cos(x1)) + 10;
    }

    [Theory]
    [InlineData(TunerKind.CostFrugal, 60, 0.001)]
    [InlineData(TunerKind.Bayesian, 40, 0.01)]
    [InlineData(TunerKind.Random, 200, 0.05)]
    [InlineData(TunerKind.Grid, 125, 0.0076)]
    public void FindsTheBottomOfABowl(TunerKind kind, int trials, double tolerance)
    {
        var best = Minimize(kind, Bowl, [0.5, 0.5, 0.5], trials, seed: 3);
        output.WriteLine($"{kind}: best {best:G4} after {trials} trials");
        Assert.True(best < tolerance, $"{kind} reached {best} in {trials} trials; expected below {tolerance}");
    }

    [Theory]
    [InlineData(TunerKind.CostFrugal, 200, 0.45)]
    [InlineData(TunerKind.Bayesian, 50, 0.6)]
    public void FindsBraninsMinimum(TunerKind kind, int trials, double tolerance)
    {
        var best = Minimize(kind, Branin, [0.5, 0.5], trials, seed: 1);
        output.WriteLine($"{kind}: Branin best {best:F4} after {trials} trials (optimum 0.3979)");
        Assert.True(best < tolerance, $"{kind} reached {best} in {trials} trials; expected below {tolerance}");
    }

    [Theory]
    [InlineData(TunerKind.CostFrugal)]
    [InlineData(TunerKind.Bayesian)]
    [InlineData(TunerKind.Random)]
    [InlineData(TunerKind.Grid)]
    public void SameSeed_SameTrials(TunerKind kind)
    {
        Assert.Equal(Trace(kind, seed: 5), Trace(kind, seed: 5));
        Assert.NotEqual(Trace(kind, seed: 5), Trace(kind, seed: 6));
    }

    [Fact]
    public void FailedTrials_DoNotStopTheSearch()
    {
        // Half the space fails; the tuner must still find the bowl's bottom in the other half.
        double Partial(double[] x) => x[0] > 0.6 ? double.PositiveInfinity : Bowl(x);
        foreach (var kind in new[] { TunerKind.CostFrugal, TunerKind.Bayesian })
        {
            var best = Minimize(kind, Partial, [0.5, 0.5, 0.5], 60, seed: 2);
            output.WriteLine($"{kind} with failures: {best:G4}");
            Assert.True(best < 0.02, $"{kind}: {best}");
        }
    }

    [Theory]
    [InlineData(TunerKind.CostFrugal, 80, 0.002)]
    [InlineData(TunerKind.Bayesian, 40, 0.02)]
    [InlineData(TunerKind.Random, 200, 0.05)]
    [InlineData(TunerKind.Grid, 125, 0.0076)]
    public void InRoundsOfFour_ProposesDistinctPoints_AndStillFindsTheBowl(TunerKind kind, int trials, double tolerance)
    {
        var tuner = Tuners.Create(kind, [0.5, 0.5, 0.5], 3, trials);
        var best = double.PositiveInfinity;
        for (var done = 0; done < trials; done += 4)
        {
            var round = Enumerable.Range(0, 4).Select(_ => tuner.Propose()).ToList();
            Assert.Equal(4, round.Select(p => string.Join(",", p.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).Distinct().Count());
            foreach (var point in round)
            {
                var loss = Bowl(point);
                tuner.Report(point, loss);
                best = Math.Min(best, loss);
            }
        }

        output.WriteLine($"{kind} in rounds: best {best:G4} after {trials} trials");
        Assert.True(best < tolerance, $"{kind} reached {best} in {trials} trials in rounds of 4; expected below {tolerance}");
    }

    private static double Minimize(TunerKind kind, Func<double[], double> f, double[] start, int trials, int seed)
    {
        var tuner = Tuners.Create(kind, start, seed, trials);
        var best = double.PositiveInfinity;
        for (var i = 0; i < trials; i++)
        {
            var point = tuner.Propose();
            Assert.All(point, x => Assert.InRange(x, 0, 1));
            var loss = f(point);
            tuner.Report(point, loss);
            best = Math.Min(best, loss);
        }

        return best;
    }

    private static string Trace(TunerKind kind, int seed)
    {
        var tuner = Tuners.Create(kind, [0.5, 0.5, 0.5], seed, 20);
        var points = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var point = tuner.Propose();
            tuner.Report(point, Bowl(point));
            points.Add(string.Join(",", point.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        }

        return string.Join(";", points);
    }
}
