using Declarative.Training;

namespace Declarative.Tuning;

/// <summary>
/// A search strategy over the unit cube [0, 1]^d: it proposes a point, is told the loss there (lower is better;
/// <see cref="double.PositiveInfinity"/> for a failed trial) and proposes the next. Tuning asks for a round of points
/// before any of their results, then reports them in the order it was given them; a tuner must not propose the same
/// point twice in a round. Tuners are deterministic for a seed.
/// </summary>
internal interface ITuner
{
    /// <summary>The next point to evaluate.</summary>
    double[] Propose();

    /// <summary>The loss at a point this tuner proposed.</summary>
    void Report(double[] point, double loss);
}

/// <summary>Creates tuners.</summary>
internal static class Tuners
{
    /// <summary>
    /// The tuner <paramref name="kind"/> means for <paramref name="trainer"/>: itself, except <see cref="TunerKind.Auto"/>,
    /// which is random search for linear trainers and cost-frugal local search for the others. Local search pays from a
    /// good start, and tree ensembles' defaults are one; a linear trainer's regularization is best somewhere across
    /// decades that depend on the data (text with thousands of n-grams wants far less L1 than ten numeric columns), and
    /// with the few trials each trainer gets, local steps from its default do not reach there (docs/tuning.md).
    /// </summary>
    public static TunerKind Resolve(TunerKind kind, Trainer trainer) => kind switch
    {
        TunerKind.Auto => TrainerFactory.IsLinear(trainer) ? TunerKind.Random : TunerKind.CostFrugal,
        _ => kind,
    };

    /// <summary>A tuner of <paramref name="kind"/> over the dimensions of <paramref name="start"/>, starting there.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="TunerKind.Auto"/>, which depends on the trainer: <see cref="Resolve"/> it first.</exception>
    public static ITuner Create(TunerKind kind, double[] start, int seed, int budget) => kind switch
    {
        TunerKind.Random => new RandomTuner(start, seed),
        TunerKind.Grid => new GridTuner(start, seed, budget),
        TunerKind.Bayesian => new BayesianTuner(start, seed),
        TunerKind.CostFrugal => new CostFrugalTuner(start, seed),
        TunerKind.Auto => throw new ArgumentException("Auto depends on the trainer: call Tuners.Resolve(kind, trainer) first.", nameof(kind)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tuner."),
    };

    internal static double[] RandomPoint(Random random, int dimension) =>
        Enumerable.Range(0, dimension).Select(_ => random.NextDouble()).ToArray();
}

/// <summary>The start point, then uniform random points.</summary>
internal sealed class RandomTuner(double[] start, int seed) : ITuner
{
    private readonly Random _random = new(seed);
    private bool _started;

    /// <inheritdoc/>
    public double[] Propose()
    {
        if (!_started)
        {
            _started = true;
            return (double[])start.Clone();
        }

        return Tuners.RandomPoint(_random, start.Length);
    }

    /// <inheritdoc/>
    public void Report(double[] point, double loss)
    {
    }
}

/// <summary>
/// The start point, then the points of a grid with about budget^(1/d) levels per dimension (at least 2), in a seeded
/// order so that a budget smaller than the grid still spreads over it.
/// </summary>
internal sealed class GridTuner : ITuner
{
    private readonly double[] _start;
    private readonly List<double[]> _points;
    private int _next = -1;

    /// <summary>Creates the grid.</summary>
    public GridTuner(double[] start, int seed, int budget)
    {
        _start = start;
        var dimension = start.Length;
        var levels = dimension == 0 ? 1 : Math.Max(2, (int)Math.Floor(Math.Pow(Math.Max(budget, 2), 1.0 / dimension) + 1e-9));
        _points = [];
        var total = (long)Math.Pow(levels, dimension);
        for (long index = 0; index < Math.Min(total, 100_000); index++)
        {
            var point = new double[dimension];
            var rest = index;
            for (var d = 0; d < dimension; d++)
            {
                point[d] = levels == 1 ? 0.5 : (double)(rest % levels) / (levels - 1);
                rest /= levels;
            }

            _points.Add(point);
        }

        // The start is proposed first: a grid point at the same place would only repeat it.
        _points.RemoveAll(p => p.Zip(start, (a, b) => Math.Abs(a - b) < 1e-9).All(same => same));
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_points));
    }

    /// <inheritdoc/>
    public double[] Propose()
    {
        var index = _next++;
        return index < 0 || _points.Count == 0 ? (double[])_start.Clone() : (double[])_points[index % _points.Count].Clone();
    }

    /// <inheritdoc/>
    public void Report(double[] point, double loss)
    {
    }
}
