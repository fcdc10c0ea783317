using System.Collections;
using System.Globalization;
using System.Reflection;
using Declarative.Artifacts;
using Declarative.Schema;

namespace Declarative.Build;

/// <summary>
/// <c>dotnet declarative predict</c> for a forecaster: the file's rows are histories, and each series in it (by its
/// <c>[SeriesId]</c>; the whole file when there is none) is forecast from its last row through the generated
/// <c>Forecast(history)</c>. One line per step ahead: the series, the time, the forecast and its interval, under the
/// row's property names (<c>Sensor,At,Load,Lower,Upper</c>). Dates are written in ISO 8601, so the file sorts and reads
/// back the same anywhere. The output file is written whole or not at all.
/// </summary>
internal sealed class ForecastWriter(string modelPath, string inputPath, string outputPath, IReadOnlyList<string> keep, bool explain) : ISpecVisitor<int>
{
    public int Visit<TRow>(PipelineSpec<TRow> spec)
    {
        // A forecast's lines are steps after the history, not its rows: there is nothing to copy beside them or explain.
        if (keep.Count > 0)
        {
            throw new InvalidOperationException($"Pipeline {spec.Name} is a forecaster: its output lines are the steps after each series' last row, not rows of the input, so --keep has nothing to copy onto them; the series and time columns join them back.");
        }

        if (explain)
        {
            throw new NotSupportedException($"Pipeline {spec.Name} is a forecaster: --explain explains a prediction of a row, and a forecast has none to explain.");
        }

        var forecast = spec.DeclaringType.GetMethod("Forecast", BindingFlags.Public | BindingFlags.Instance, [typeof(IEnumerable<TRow>)])!;
        var model = spec.DeclaringType.GetMethod("Load", BindingFlags.Public | BindingFlags.Static, [typeof(string)])!.Invoke(null, [modelPath])!;
        var seriesId = spec.SeriesId is { } id ? typeof(TRow).GetProperty(id.SourceProperty)! : null;
        List<TRow> rows;
        using (var input = new StreamReader(inputPath))
        {
            rows = [.. RowReader.Read(spec, input, inputPath, []).Select(read => read.Row)];
        }

        // GroupBy keeps the series in the order they first appear in the file.
        var series = rows.GroupBy(row => seriesId?.GetValue(row)?.ToString() ?? "", StringComparer.Ordinal).ToList();
        if (series.Count == 0)
        {
            throw new DataFileException(inputPath, null, null, $"The file has no rows: pipeline {spec.Name} forecasts each series from its history, at least two seasons of it.");
        }

        var count = 0;
        AtomicFile.Write(outputPath, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            string[] header = [.. seriesId is null ? [] : new[] { seriesId.Name }, spec.Time!.SourceProperty, spec.Label!.SourceProperty, "Lower", "Upper"];
            writer.WriteLine(string.Join(',', header.Select(PredictionWriter.Csv)));
            foreach (var one in series)
            {
                var id = one.Key;
                foreach (var point in (IEnumerable)Forecast(forecast, model, one, id))
                {
                    var type = point.GetType();
                    string[] values = [.. seriesId is null ? [] : new[] { id }, .. new[] { "Time", "Value", "Lower", "Upper" }.Select(p => Text(type.GetProperty(p)!.GetValue(point)))];
                    writer.WriteLine(string.Join(',', values.Select(PredictionWriter.Csv)));
                    count++;
                }
            }
        });
        return count;
    }

    /// <summary>
    /// The generated method's forecast of one series; a history it cannot forecast from (a missing step, say) is an error
    /// naming the file and the series, not the in-memory history's name (PredictOperation unwraps the other errors).
    /// </summary>
    private object Forecast(MethodInfo method, object model, object rows, string series)
    {
        try
        {
            return method.Invoke(model, [rows])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is DataFileException data)
        {
            throw new DataFileException(inputPath, null, null, series.Length == 0 ? data.Detail : $"Series '{series}': {data.Detail}", data);
        }
    }

    /// <summary>Dates in ISO 8601; everything else as a prediction's field is written.</summary>
    private static string Text(object? value) => value switch
    {
        DateTime time => time.ToString("s", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => PredictionWriter.Text(value),
    };
}
