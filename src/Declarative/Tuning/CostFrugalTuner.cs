namespace Declarative.Tuning;

/// <summary>
/// Randomized direct search with an adaptive step, after FLOW2 in FLAML's CFO: from the incumbent, try a step along a
/// random unit direction, then the opposite step; move on improvement. After enough failed directions the step
/// shrinks; when it is too small to matter the search restarts from a random point. Starting at the cheap default
/// keeps early trials cheap, and the search only walks towards costlier settings when they pay.
/// </summary>
public sealed class CostFrugalTuner : ITuner
{
    private const double InitialStep = 0.1;
    private const double MinimumStep = 0.001;
    private const double Shrink = 0.5;

    private readonly Random _random;
    private readonly int _dimension;
    private readonly int _patience;
    private double[] _incumbent;
    private double _incumbentLoss = double.PositiveInfinity;
    private bool _incumbentEvaluated;
    private double _step;
    private double[]? _direction;
    private bool _triedOpposite;
    private int _failures;
    private bool _repeat;

    /// <summary>Starts the search at <paramref name="start"/>.</summary>
    public CostFrugalTuner(double[] start, int seed)
    {
        _random = new Random(seed);
        _dimension = start.Length;
        _incumbent = (double[])start.Clone();
        _step = InitialStep * Math.Sqrt(Math.Max(1, _dimension));
        _patience = 1 << Math.Min(Math.Max(_dimension - 1, 0), 4);
    }

    /// <inheritdoc/>
    public double[] Propose()
    {
        if (!_incumbentEvaluated || _dimension == 0)
        {
            return (double[])_incumbent.Clone();
        }

        if (_direction is not null && _repeat)
        {
            // A repeated step that fails is not worth its opposite: that is the point just left.
            _repeat = false;
            _triedOpposite = true;
            return Move(_incumbent, _direction, _step);
        }

        if (_direction is not null && !_triedOpposite)
        {
            _triedOpposite = true;
            return Move(_incumbent, _direction, -_step);
        }

        _direction = RandomDirection();
        _triedOpposite = false;
        return Move(_incumbent, _direction, _step);
    }

    /// <inheritdoc/>
    public void Report(double[] point, double loss)
    {
        if (!_incumbentEvaluated)
        {
            _incumbentEvaluated = true;
            _incumbentLoss = loss;
            return;
        }

        if (loss < _incumbentLoss)
        {
            // Keep going the way that paid (the step that improved, which may be the opposite one).
            if (_direction is not null && _triedOpposite)
            {
                _direction = _direction.Select(x => -x).ToArray();
            }

            _incumbent = point;
            _incumbentLoss = loss;
            _triedOpposite = false;
            _repeat = _direction is not null;
            _failures = 0;
            return;
        }

        if (!_triedOpposite)
        {
            return; // the opposite step comes next
        }

        _direction = null;
        if (++_failures < _patience)
        {
            return;
        }

        _failures = 0;
        _step *= Shrink;
        if (_step < MinimumStep)
        {
            // Converged here: look elsewhere, keeping nothing of this basin but the best trial on record.
            _incumbent = Tuners.RandomPoint(_random, _dimension);
            _incumbentEvaluated = false;
            _incumbentLoss = double.PositiveInfinity;
            _step = InitialStep * Math.Sqrt(Math.Max(1, _dimension));
        }
    }

    private double[] RandomDirection()
    {
        var direction = new double[_dimension];
        double norm;
        do
        {
            for (var i = 0; i < _dimension; i++)
            {
                direction[i] = Gaussian();
            }

            norm = Math.Sqrt(direction.Sum(x => x * x));
        }
        while (norm < 1e-12);

        for (var i = 0; i < _dimension; i++)
        {
            direction[i] /= norm;
        }

        return direction;
    }

    private double Gaussian()
    {
        // Box-Muller with the tuner's own generator, so runs repeat exactly.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double[] Move(double[] from, double[] direction, double step) =>
        from.Select((x, i) => Math.Clamp(x + (step * direction[i]), 0, 1)).ToArray();
}
