namespace Declarative.Tuning;

/// <summary>
/// Randomized direct search with an adaptive step, after FLOW2 in FLAML's CFO: from the incumbent, try a step along a
/// random unit direction, then the opposite step; move on improvement. After enough failed directions the step
/// shrinks; when it is too small to matter the search restarts from a random point. Starting at the cheap default
/// keeps early trials cheap, and the search only walks towards costlier settings when they pay.
/// Asked for several points before their results (a round of trials), it proposes the pending directions' steps in
/// turn (a step, its opposite, a new direction); results arrive in proposal order, and one that beats the incumbent
/// moves it, whichever incumbent it was proposed from.
/// </summary>
internal sealed class CostFrugalTuner : ITuner
{
    private const double InitialStep = 0.1;
    private const double MinimumStep = 0.001;
    private const double Shrink = 0.5;

    private readonly Random _random;
    private readonly int _dimension;
    private readonly int _patience;
    private readonly Queue<Move> _planned = new();
    private readonly Queue<Move?> _outstanding = new();
    private double[] _incumbent;
    private double _incumbentLoss = double.PositiveInfinity;
    private Start _start = Start.NotProposed;
    private int _generation;
    private double _step;
    private int _failures;

    /// <summary>Starts the search at <paramref name="start"/>.</summary>
    public CostFrugalTuner(double[] start, int seed)
    {
        _random = new Random(seed);
        _dimension = start.Length;
        _incumbent = (double[])start.Clone();
        _step = InitialStep * Math.Sqrt(Math.Max(1, _dimension));
        _patience = 1 << Math.Min(Math.Max(_dimension - 1, 0), 4);
    }

    private enum Start
    {
        NotProposed,
        Pending,
        Evaluated,
    }

    /// <inheritdoc/>
    public double[] Propose()
    {
        if (_start == Start.NotProposed || _dimension == 0)
        {
            _start = _start == Start.NotProposed ? Start.Pending : _start;
            _outstanding.Enqueue(null);
            return (double[])_incumbent.Clone();
        }

        if (_planned.Count == 0)
        {
            var direction = RandomDirection();
            _planned.Enqueue(new Move(direction, 1, Repeat: false, _generation));
            _planned.Enqueue(new Move(direction, -1, Repeat: false, _generation));
        }

        var move = _planned.Dequeue();
        _outstanding.Enqueue(move);
        return Step(_incumbent, move.Direction, move.Sign * _step);
    }

    /// <inheritdoc/>
    public void Report(double[] point, double loss)
    {
        ArgumentNullException.ThrowIfNull(point);
        var move = _outstanding.Count > 0 ? _outstanding.Dequeue() : null;
        if (move is null)
        {
            // The start point (or, with no dimensions, the only point there is).
            if (_start == Start.Pending)
            {
                _start = Start.Evaluated;
                _incumbentLoss = Math.Min(_incumbentLoss, loss);
            }

            return;
        }

        if (_start != Start.Evaluated && move.Generation != _generation)
        {
            return; // proposed around a basin the search has since left
        }

        if (loss < _incumbentLoss)
        {
            // Keep going the way that paid (the step that improved, which may be the opposite one).
            _incumbent = point;
            _incumbentLoss = loss;
            _start = Start.Evaluated;
            _generation++;
            _failures = 0;
            _planned.Clear();
            _planned.Enqueue(new Move(move.Direction.Select(x => x * move.Sign).ToArray(), 1, Repeat: true, _generation));
            return;
        }

        // A direction failed when both of its steps did; a repeated step that fails is not worth its opposite (that
        // is the point just left). Steps proposed from an earlier incumbent count for nothing here.
        if (move.Generation != _generation || (move.Sign > 0 && !move.Repeat))
        {
            return;
        }

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
            _incumbentLoss = double.PositiveInfinity;
            _start = Start.NotProposed;
            _generation++;
            _planned.Clear();
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

    private static double[] Step(double[] from, double[] direction, double step) =>
        from.Select((x, i) => Math.Clamp(x + (step * direction[i]), 0, 1)).ToArray();

    /// <summary>A step along <see cref="Direction"/> (times <see cref="Sign"/>) from the incumbent of <see cref="Generation"/>.</summary>
    private sealed record Move(double[] Direction, int Sign, bool Repeat, int Generation);
}
