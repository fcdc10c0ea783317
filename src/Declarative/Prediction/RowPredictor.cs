using System.Collections.Concurrent;
using Declarative.Data;
using Declarative.Schema;
using Microsoft.ML;

namespace Declarative.Prediction;

/// <summary>
/// Reads one prediction from the current position of an ML.NET row or cursor. Created once per row, so the
/// getters are bound once and each read only copies values.
/// </summary>
internal delegate Func<TPrediction> PredictionReaderFactory<TPrediction>(DataViewRow output);

/// <summary>
/// Predicts thread-safely. ML.NET's per-row machinery is not safe to share, so each caller borrows an engine
/// (an input row, the transformed output row and bound getters) from a pool and returns it after the call.
/// Batches go through one streaming <c>Transform</c>, never one engine call a row.
/// </summary>
internal sealed class RowPredictor<TRow, TPrediction>(
    PipelineSpec<TRow> spec, ITransformer model, DataViewSchema inputSchema, PredictionReaderFactory<TPrediction> readerFactory)
{
    private readonly ConcurrentBag<Engine> _engines = [];

    public TPrediction Predict(TRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!_engines.TryTake(out var engine))
        {
            engine = CreateEngine();
        }

        try
        {
            return engine.Predict(row);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    public IEnumerable<TPrediction> Predict(IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Stream(rows);
    }

    private IEnumerable<TPrediction> Stream(IEnumerable<TRow> rows)
    {
        var output = model.Transform(new StreamingRowDataView<TRow>(spec, inputSchema, rows.Select(r => r ?? throw new ArgumentException("The rows hold a null row.", nameof(rows)))));
        using var cursor = output.GetRowCursor(output.Schema);
        var read = readerFactory(cursor);
        while (cursor.MoveNext())
        {
            yield return read();
        }
    }

    private Engine CreateEngine()
    {
        var input = new MutableInputRow<TRow>(spec, inputSchema);
        var mapper = model.GetRowToRowMapper(inputSchema);
        var output = mapper.GetRow(input, mapper.OutputSchema);
        return new Engine(input, readerFactory(output));
    }

    private sealed class Engine(MutableInputRow<TRow> input, Func<TPrediction> read)
    {

        public TPrediction Predict(TRow row)
        {
            input.Set(row);
            return read();
        }
    }
}
