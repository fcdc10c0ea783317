using Declarative.Generators.Helpers;
using Declarative.Generators.Shared;

namespace Declarative.Generators.Model
{
    /// <summary>Everything the emitter needs to write one pipeline class, as plain equatable facts (no symbols, no C# text).</summary>
    internal sealed record PipelineModel(
        string? Namespace,
        ImmutableEquatableArray<ContainingTypeModel> ContainingTypes,
        string ClassName,
        string FullyQualifiedName,
        bool IsVisibleToAssembly,
        string HintName,
        MLTask Task,
        string RowType,
        string? DataPath,
        string? TestDataPath,
        DataProvider Provider,
        string? ConnectionString,
        string? ConnectionStringVariable,
        string? Query,
        char Separator,
        bool HasHeader,
        int SkipLines,
        bool AllowQuoting,
        bool SkipBadRows,
        double MaxBadRowFraction,
        double TestFraction,
        string? OrderBy,
        int Seed,
        ImmutableEquatableArray<string> Trainers,
        LabelModel? Label,
        FeatureModel? Group,
        DataFormat Format,
        ImmutableEquatableArray<FeatureModel> Features,
        TuningModel? Tuning,
        bool ExportOnnx,
        double? TaskOption,
        SynthesizerKind SynthesizerKind)
    {
        /// <summary>A series task's [SeriesId] (null for one series).</summary>
        public FeatureModel? SeriesId { get; init; }

        /// <summary>A series task's [Time].</summary>
        public FeatureModel? Time { get; init; }

        /// <summary>A forecaster's horizon, season and interval.</summary>
        public ForecastOptionsModel? Forecast { get; init; }

        /// <summary>A series anomaly detector's threshold or contamination (0: not declared).</summary>
        public SeriesAnomalyOptionsModel? SeriesAnomaly { get; init; }
    }

    /// <summary>What a series anomaly detection attribute declares: the threshold and the contamination share (0 when not given).</summary>
    internal sealed record SeriesAnomalyOptionsModel(double Threshold, double Contamination);

    /// <summary>What a forecasting attribute declares: the steps to forecast, the season (0: inferred), the interval's coverage, whether gaps are filled and whether the global trees are direct.</summary>
    internal sealed record ForecastOptionsModel(int Horizon, int Season, double Interval, bool FillGaps, bool DirectTrees);

    /// <summary>A type the pipeline class is nested in: its keyword (<c>class</c>, <c>record struct</c>...) and name.</summary>
    internal sealed record ContainingTypeModel(string Keyword, string Name);
}
