using Declarative.Anomalies;
using Declarative.Data;

namespace Declarative;

/// <summary>
/// A live stream of rows through a trained series anomaly detector: each row is scored against the rows of its series
/// observed before it, exactly as <see cref="SeriesAnomalyDetector{TRow}.Detect(IEnumerable{TRow})"/> scores the same
/// rows at once. Each series' rows must come in time order. Not thread-safe: one stream per consumer (a stream is cheap).
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class AnomalyStream<TRow>
{
    private const string Source = "(stream)";
    private readonly SeriesAnomalyDetector<TRow> _model;
    private readonly Dictionary<string, SeriesState> _series = new(StringComparer.Ordinal);

    internal AnomalyStream(SeriesAnomalyDetector<TRow> model) => _model = model;

    /// <summary>Scores <paramref name="row"/> against its series' past, then adds it to that past.</summary>
    /// <exception cref="ArgumentException">The row is earlier than the last one of its series.</exception>
    public SeriesAnomalyPrediction Observe(TRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = RowTable.From(_model.Spec, [row], Source);
        var point = SeriesPoints.Read(_model.Spec, table, Source)[0];
        return Observe(point.Id, point.Times[0], point.Values[0]);
    }

    internal SeriesAnomalyPrediction Observe(string id, long time, float[] values)
    {
        if (!_series.TryGetValue(id, out var state))
        {
            _series[id] = state = _model.NewState(id);
        }

        if (state.LastTime is { } last && time < last)
        {
            var dates = _model.Spec.Time?.Kind == Schema.ColumnKind.DateValue;
            throw new ArgumentException($"Pipeline {_model.Name}: {(id.Length == 0 ? "the series" : $"series '{id}'")} went back in time (a row at {Forecasting.SeriesReader.Show(time, dates)} after one at {Forecasting.SeriesReader.Show(last, dates)}); a stream takes each series' rows in time order.", "row");
        }

        var score = state.Observe(time, values);
        return new SeriesAnomalyPrediction(score, score >= _model.Threshold);
    }
}
