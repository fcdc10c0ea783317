using Declarative.Forecasting;
using Declarative.Schema;

namespace Declarative.Benchmarks;

/// <summary>
/// A bundled series set as the forecasting harness reads it: its name in the tables (what a filter matches), its series
/// as its declaration reads them with the settings it declares, its declared models and its seed. Not generic in the
/// row type, so each measure is one method over a list of sets rather than a copy of the list per measure.
/// </summary>
internal sealed record BundledSeries(string Name, Func<(IReadOnlyList<TimeSeries> Series, ForecastSettings Settings, bool Dates)> Read, IReadOnlyList<Trainer> Trainers, int Seed)
{
    /// <summary>The set <paramref name="spec"/> declares, read from its declared data or from the file <paramref name="path"/> gives.</summary>
    public static BundledSeries Of<TRow>(string name, PipelineSpec<TRow> spec, Func<string>? path = null) => new(name, () => ForecastingBenchmark.Read(spec, path?.Invoke()), spec.Trainers, spec.Seed);
}
