namespace Declarative.Anomalies;

/// <summary>
/// Whether the series' latest run of coarse levels has happened before. The value range learned in training is cut
/// into levels on several grids at once (8 to 16 levels, so no single grid's edges decide); on each grid the score is
/// how short the newest run of levels is that the series has never shown: a level never visited scores 1, a known level
/// reached from a new one less, a run of up to <see cref="Order"/> levels seen before 0. The score is the mean over the
/// grids. After a raw score of <see cref="AlarmScore"/> or more the detector reports 0 for <see cref="QuietSteps"/>
/// steps, as it does for its first <see cref="QuietSteps"/>: one event, one alarm. Memory grows with the distinct runs
/// the series shows, not with its length.
/// </summary>
internal sealed class SequenceNoveltyDetector : ISeriesDetector
{
    /// <summary>The longest run of levels remembered.</summary>
    public const int Order = 4;

    /// <summary>The raw score that starts a quiet period.</summary>
    public const double AlarmScore = 0.9;

    /// <summary>The steps reported as 0 after an alarm, and at the start.</summary>
    public const int QuietSteps = 100;

    private const int Grids = 9;
    private const int FewestLevels = 8;

    // A level beyond the trained range is its own level, up to this many steps out (values further out share the last).
    private const int Reach = 4000;
    private const int LevelBits = 14;

    private readonly double _min;
    private readonly double[] _steps = new double[Grids];
    private readonly int[,] _recent = new int[Grids, Order];
    private readonly HashSet<long> _seen = [];
    private int _count;
    private int _sinceAlarm;

    /// <param name="min">The smallest value of the training data.</param>
    /// <param name="max">The largest value of the training data.</param>
    public SequenceNoveltyDetector(double min, double max)
    {
        _min = double.IsFinite(min) ? min : 0;
        var range = double.IsFinite(max - min) ? max - min : 0;
        for (var g = 0; g < Grids; g++)
        {
            var levels = FewestLevels + g;

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

        _count++;
        var available = Math.Min(_count, Order);
        var total = 0.0;
        for (var g = 0; g < Grids; g++)
        {
            for (var k = Order - 1; k > 0; k--)
            {
                _recent[g, k] = _recent[g, k - 1];
            }

            _recent[g, 0] = (int)Math.Clamp(Math.Floor((value - _min) / _steps[g]), -Reach, FewestLevels + Grids + Reach) + Reach;

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

            total += novelAt == 0 ? 0 : (Order - novelAt + 1) / (double)Order;
        }

        var score = total / Grids;
        var quiet = _sinceAlarm < QuietSteps; // it starts at 0: the first steps are quiet too
        _sinceAlarm = score >= AlarmScore ? 0 : _sinceAlarm + 1;
        return quiet ? 0 : score;
    }
}
