using Microsoft.ML;
using Microsoft.ML.Calibrators;

namespace Declarative.Training;

/// <summary>How a fitted binary classifier's probability follows from its score.</summary>
internal static class Calibration
{
    /// <summary>
    /// The Platt scaling <c>1 / (1 + exp(slope * score + offset))</c> of a fitted model: its calibrator step, or the
    /// calibrator inside its predictor; null when it has none.
    /// </summary>
    /// <exception cref="NotSupportedException">The calibration is not Platt scaling.</exception>
    public static (double Slope, double Offset)? Platt(ITransformer model)
    {
        var predictors = Flatten(model).OfType<IPredictionTransformer<object>>().ToArray();
        var calibrator = predictors.Skip(1).Select(p => p.Model).OfType<ICalibrator>().FirstOrDefault()
            ?? (predictors.FirstOrDefault()?.Model as CalibratedModelParametersBase)?.Calibrator;
        return Platt(calibrator);
    }

    /// <summary>The parameters of a Platt calibrator; null for none.</summary>
    /// <exception cref="NotSupportedException">It is another calibrator.</exception>
    public static (double Slope, double Offset)? Platt(ICalibrator? calibrator) => calibrator switch
    {
        null => null,
        PlattCalibrator platt => (platt.Slope, platt.Offset),
        _ => throw new NotSupportedException($"the calibrator {calibrator.GetType().Name} is not Platt scaling"),
    };

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [transformer];
}
