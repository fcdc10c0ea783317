using Declarative.Generators.Helpers;

namespace Declarative.Generators.Model
{
    /// <summary>The task of a pipeline; values match the runtime's <c>Declarative.MLTask</c>.</summary>
    internal enum TaskKind
    {
        BinaryClassification = 1,
        MulticlassClassification = 2,
        Regression = 3,
    }

    /// <summary>Everything the emitter needs to write one pipeline class, as plain equatable data.</summary>
    internal sealed record PipelineModel(
        string? Namespace,
        ImmutableEquatableArray<ContainingTypeModel> ContainingTypes,
        string ClassName,
        string FullyQualifiedName,
        bool IsVisibleToAssembly,
        string HintName,
        TaskKind Task,
        string RowType,
        string? DataPath,
        char Separator,
        bool HasHeader,
        double TestFraction,
        int Seed,
        ImmutableEquatableArray<string> Trainers,
        LabelModel Label,
        ImmutableEquatableArray<FeatureModel> Features,
        TuningModel? Tuning);

    /// <summary>The [Tune] settings and [SearchRange]s; <see cref="Metric"/> is the metrics property name, <see cref="Tuner"/> a TunerKind member.</summary>
    internal sealed record TuningModel(int MaxTrials, string? Metric, int Folds, int TimeBudgetSeconds, string Tuner, ImmutableEquatableArray<SearchRangeModel> Ranges);

    /// <summary>One [SearchRange].</summary>
    internal sealed record SearchRangeModel(string Trainer, string Hyperparameter, double Min, double Max);

    /// <summary>A type the pipeline class is nested in: its keyword (<c>class</c>, <c>record struct</c>...) and name.</summary>
    internal sealed record ContainingTypeModel(string Keyword, string Name);
}
