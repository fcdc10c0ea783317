namespace Declarative.Anomalies;

/// <summary>The series anomaly detectors by trainer: how each is made for one value of one series, and its default threshold.</summary>
internal static class SeriesDetectors
{
    /// <summary>Every detector, the default first.</summary>
    public static IReadOnlyList<Trainer> All { get; } = [Trainer.SequenceNovelty, Trainer.WindowedGaussian, Trainer.SpectralResidual, Trainer.ForecastResidual];

    public static bool IsDetector(Trainer trainer) => All.Contains(trainer);

    /// <summary>
    /// The threshold NAB's optimizer chose for the detector on the benchmark's 58 series under the standard profile
    /// (<c>tests/bench/nab.sh</c> prints it); the Gaussian tails reach 1 in floating point far out.
    /// </summary>
    public static double DefaultThreshold(Trainer trainer) => trainer switch
    {
        Trainer.SequenceNovelty => 0.75,
        Trainer.SpectralResidual => 0.98,
        _ => 1.0,
    };

    /// <summary>A fresh detector for one value of one series, given the range the training data showed and the season in steps.</summary>
    public static ISeriesDetector Create(Trainer trainer, ValueRange range, int season) => trainer switch
    {
        Trainer.SequenceNovelty => new SequenceNoveltyDetector(range.Min, range.Max),
        Trainer.WindowedGaussian => new WindowedGaussianDetector(),
        Trainer.SpectralResidual => new SpectralResidualDetector(),
        Trainer.ForecastResidual => new ForecastResidualDetector(season),
        _ => throw new ArgumentOutOfRangeException(nameof(trainer), trainer, "Not a series anomaly detector."),
    };
}

/// <summary>The smallest and largest value one watched column of one series took in the training data.</summary>
internal readonly record struct ValueRange(double Min, double Max);
