namespace Declarative;

/// <summary>
/// The candidate trainers of a pipeline. Without tuning the first one is trained with its default settings;
/// without this attribute the task's default (<see cref="Trainer.LightGbm"/>) is used.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TrainersAttribute : Attribute
{
    /// <summary>Names the candidate trainers, in order of preference.</summary>
    public TrainersAttribute(params Trainer[] trainers) => Trainers = trainers;

    /// <summary>The candidate trainers, in order of preference.</summary>
    public IReadOnlyList<Trainer> Trainers { get; }
}
