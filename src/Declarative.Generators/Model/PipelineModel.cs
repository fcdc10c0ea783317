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
        ImmutableEquatableArray<FeatureModel> Features);

    /// <summary>A type the pipeline class is nested in: its keyword (<c>class</c>, <c>record struct</c>...) and name.</summary>
    internal sealed record ContainingTypeModel(string Keyword, string Name);
}
