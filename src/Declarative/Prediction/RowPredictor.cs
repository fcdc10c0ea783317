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
/// (an input row, the transformed output row and bound getters) from a pool and returns it after the call. A batch
/// borrows one engine for all its rows: a <c>Transform</c> of the batch would build a cursor over the whole pipeline
/// each call (milliseconds and about a megabyte, most of the cost of a handful of rows) and reads every row through
/// more layers than the engine does.
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
        if (!_engines.TryTake(out var engine))
        {
            engine = CreateEngine();
        }

        try
        {
            foreach (var row in rows)
            {
                yield return engine.Predict(row ?? throw new ArgumentException("The rows hold a null row.", nameof(rows)));
            }
        }
        finally
        {
            // An enumeration abandoned without Dispose never returns its engine; the pool then makes another.
            _engines.Add(engine);
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
