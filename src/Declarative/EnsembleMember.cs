namespace Declarative;

/// <summary>
/// One model of a tuned ensemble (<c>[Tune(Ensemble = true)]</c>): the tuning trial whose configuration it is, refitted on
/// the whole training part, and its weight in the weighted sum of the members' scores (the weights sum to 1).
/// </summary>
/// <param name="Trial">The tuning trial's number (see <c>Trials</c>).</param>
/// <param name="Trainer">The trainer.</param>
/// <param name="Hyperparameters">The hyperparameters set on the trainer.</param>
/// <param name="Weight">The member's share of the ensemble's score.</param>
public sealed record EnsembleMember(int Trial, Trainer Trainer, IReadOnlyDictionary<string, string> Hyperparameters, double Weight);
