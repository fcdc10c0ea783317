using Microsoft.ML;

namespace Declarative.Training;

/// <summary>
/// Where members of an ensemble are averaged: regression's predicted value as it is, binary classification's calibrated
/// log-odds. The log-odds are linear in the member's raw score (Platt scaling), so the ensemble's score stays a weighted
/// sum of the members' raw scores plus a constant, and its explanations the weighted sum of theirs.
/// </summary>
/// <param name="Slope">Multiplies the member's raw score.</param>
/// <param name="Offset">Added after.</param>
internal readonly record struct EnsembleSpace(double Slope, double Offset)
{
    public static readonly EnsembleSpace Identity = new(1, 0);

    public double Of(float score) => (Slope * score) + Offset;

    /// <summary>The log-odds of Platt scaling <c>1 / (1 + exp(slope * score + offset))</c>: <c>-(slope * score + offset)</c>.</summary>
    public static EnsembleSpace OfPlatt(double slope, double offset) => new(-slope, -offset);

    /// <summary>The space of a fitted member of <paramref name="task"/>: its log-odds where the task scores a probability.</summary>
    /// <exception cref="NotSupportedException">The classifier's probability is not Platt scaling of its score.</exception>
    public static EnsembleSpace Of(MLTask task, ITransformer member)
    {
        if (Schema.TaskDefinitions.For(task).Scores != Schema.ScoreLayout.ScoreAndProbability)
        {
            return Identity;
        }

        var (slope, offset) = Calibration.Platt(member) ?? throw new NotSupportedException("the classifier has no calibrated probability");
        return OfPlatt(slope, offset);
    }
}
