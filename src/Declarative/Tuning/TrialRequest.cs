namespace Declarative.Tuning;

/// <summary>One trial to run: a trainer, its hyperparameters, and the trial's place in the search.</summary>
/// <param name="Number">Its position in the search, from 1.</param>
/// <param name="Trainer">The trainer.</param>
/// <param name="Hyperparameters">The hyperparameters to set on it.</param>
internal sealed record TrialRequest(int Number, Trainer Trainer, IReadOnlyDictionary<string, string> Hyperparameters);
