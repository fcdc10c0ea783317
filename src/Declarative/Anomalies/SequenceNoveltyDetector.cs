namespace Declarative.Anomalies;

/// <summary>
/// Sequence novelty's settings: <see cref="Default"/> is the product's (63.83 on NAB's standard profile); the others
/// are for the benchmark harness, which measures how the score moves with them (<c>tests/bench/nab.sh</c>).
/// </summary>
/// <param name="Grids">How many grids cut the range (1 to 15), with <paramref name="FewestLevels"/>, one more, ... levels.</param>
/// <param name="FewestLevels">The levels of the coarsest grid (at least 2).</param>
/// <param name="Order">The longest run of levels remembered (1 to 4).</param>
/// <param name="AlarmScore">The raw score that starts a quiet period.</param>
/// <param name="QuietSteps">The steps reported as 0 after an alarm, and at the start.</param>
internal sealed record SequenceNoveltySettings(int Grids = 9, int FewestLevels = 8, int Order = 4, double AlarmScore = 0.9, int QuietSteps = 100)
{
    public static SequenceNoveltySettings Default { get; } = new();
}

/// <summary>
/// Whether the series' latest run of coarse levels has happened before. The value range learned in training is cut
/// into levels on several grids at once (by default 8 to 16 levels, so no single grid's edges decide); on each grid the
/// score is how short the newest run of levels is that the series has never shown: a level never visited scores 1, a
/// known level reached from a new one less, a run of up to <see cref="SequenceNoveltySettings.Order"/> levels seen before
/// 0. The score is the mean over the grids. After a raw score of <see cref="SequenceNoveltySettings.AlarmScore"/> or more
/// the detector reports 0 for <see cref="SequenceNoveltySettings.QuietSteps"/> steps, as it does for its first ones:
/// one event, one alarm. Memory grows with the distinct runs the series shows, not with its length.
/// </summary>
internal sealed class SequenceNoveltyDetector : ISeriesDetector
{
    // A level beyond the trained range is its own level, up to this many steps out (values further out share the last).
    // A run's key: the grid in bits 56-59, up to four levels of 14 bits below it, the run's length in bits 60-62.
    private const int Reach = 4000;
    private const int LevelBits = 14;

    private readonly SequenceNoveltySettings _settings;
    private readonly double _min;
    private readonly double[] _steps;
    private readonly int[,] _recent;
    private readonly HashSet<long> _seen = [];
    private int _count;
    private int _sinceAlarm;

    /// <param name="min">The smallest value of the training data.</param>
    /// <param name="max">The largest value of the training data.</param>
    /// <param name="settings">The settings; <see cref="SequenceNoveltySettings.Default"/> when null.</param>
    public SequenceNoveltyDetector(double min, double max, SequenceNoveltySettings? settings = null)
    {
        _settings = settings ?? SequenceNoveltySettings.Default;
        if (_settings is not { Grids: >= 1 and <= 15, FewestLevels: >= 2 and <= 1000, Order: >= 1 and <= 4, QuietSteps: >= 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(settings), _settings, "Sequence novelty takes 1 to 15 grids of at least 2 levels, runs of 1 to 4 levels, and no negative quiet period.");
        }

        _steps = new double[_settings.Grids];
        _recent = new int[_settings.Grids, _settings.Order];
        _min = double.IsFinite(min) ? min : 0;
        var range = double.IsFinite(max - min) ? max - min : 0;
        for (var g = 0; g < _settings.Grids; g++)
        {
            var levels = _settings.FewestLevels + g;

            // A constant series has no range: any other value is another level.
            _steps[g] = range > 0 ? range / (levels - 1) : Math.Max(Math.Abs(_min), 1) / (levels - 1);
        }
    }

    public double Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0; // a missing value is no level, and breaks no run
        }

        var (grids, order) = (_settings.Grids, _settings.Order);
        var top = _settings.FewestLevels + grids + Reach;
        _count++;
        var available = Math.Min(_count, order);
        var total = 0.0;
        for (var g = 0; g < grids; g++)
        {
            for (var k = order - 1; k > 0; k--)
            {
                _recent[g, k] = _recent[g, k - 1];
            }

            _recent[g, 0] = (int)Math.Clamp(Math.Floor((value - _min) / _steps[g]), -Reach, top) + Reach;

            // The newest run of k levels, for k = 1..available; the first never seen gives the grid's score.
            var key = (long)g;
            var novelAt = 0;
            for (var k = 1; k <= available; k++)
            {
                key = (key << LevelBits) | (long)_recent[g, k - 1];
                if (_seen.Add(key | ((long)k << 60)) && novelAt == 0)
                {
                    novelAt = k;
                }
            }

            total += novelAt == 0 ? 0 : (order - novelAt + 1) / (double)order;
        }

        var score = total / grids;
        var quiet = _sinceAlarm < _settings.QuietSteps; // it starts at 0: the first steps are quiet too
        _sinceAlarm = score >= _settings.AlarmScore ? 0 : _sinceAlarm + 1;
        return quiet ? 0 : score;
    }
}
