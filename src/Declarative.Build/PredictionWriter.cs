using System.Collections;
using System.Globalization;
using System.Reflection;
using Declarative.Artifacts;
using Declarative.Schema;

namespace Declarative.Build;

/// <summary>
/// <c>dotnet declarative predict</c>: reads the rows of a file one at a time, predicts them with the trained model
/// through the generated <c>Load</c> and <c>Predict</c>, and writes one line per row: the properties the pipeline
/// reads, then the prediction's. A missing number is an empty field, as in the input; a multiclass model's scores are
/// one column per class, named by it. Columns named in <paramref name="keep"/> (ids the pipeline ignores) come first, as
/// the input has them, so the output joins back to it. With <paramref name="explain"/>, each row's explanation follows:
/// the base value, then each property's contribution to the raw score (<c>Contribution[Age]</c>). The output file is
/// written whole or not at all.
/// </summary>
internal sealed class PredictionWriter(string modelPath, string inputPath, string outputPath, IReadOnlyList<string>? keep = null, bool explain = false) : ISpecVisitor<int>
{
    public int Visit<TRow>(PipelineSpec<TRow> spec)
    {
        // A generative pipeline (a synthesizer) samples new rows, and a forecaster forecasts series: neither has a Predict for
        // given rows. A series detector scores given rows in time order (Detect): its rows are written with their scores.
        var task = TaskDefinitions.For(spec.Task);
        var predict = spec.DeclaringType.GetMethod(task.Detects ? "Detect" : "Predict", BindingFlags.Public | BindingFlags.Instance, [typeof(IEnumerable<TRow>)])
            ?? throw new InvalidOperationException(task.Series
                ? $"Pipeline {spec.Name} is a forecaster: it forecasts a series' next steps (Forecast(seriesId), Forecast(history)) and predicts nothing for given rows."
                : $"Pipeline {spec.Name} is a synthesizer: it samples new rows (Sample(count, seed)) and predicts nothing for given ones.");
        var model = spec.DeclaringType.GetMethod("Load", BindingFlags.Public | BindingFlags.Static, [typeof(string)])!.Invoke(null, [modelPath])!;
        var inputs = spec.Columns.Where(c => !c.Kind.IsLabel()).Select(c => c.SourceProperty).Distinct(StringComparer.Ordinal)
            .Select(name => typeof(TRow).GetProperty(name)!).ToArray();
        // A multiclass model lists its classes in the order of its scores.
        var classes = model.GetType().GetProperty("Classes")?.GetValue(model) is IEnumerable listed ? listed.Cast<object?>().Select(Text).ToArray() : null;
        // A bool label is written as the training file spelled it (Yes/No), so the output reads like the input.
        var trained = model.GetType().GetProperty("Pipeline")?.GetValue(model) as ITrainedPipeline;
        var spelling = trained?.LabelSpelling;
        var explainer = explain ? Explainer<TRow>(trained) : null;
        var explained = spec.Features.Select(f => f.SourceProperty).Distinct(StringComparer.Ordinal).ToArray();
        PropertyInfo[]? outputs = null;
        var count = 0;
        using var input = new StreamReader(inputPath);
        AtomicFile.Write(outputPath, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            var pending = new Queue<(TRow Row, string[] Kept)>();
            var rows = RowReader.Read(spec, input, inputPath, keep ?? []).Select(read =>
            {
                pending.Enqueue(read);
                return read.Row;
            });
            foreach (var prediction in (IEnumerable)predict.Invoke(model, [rows])!)
            {
                var (row, kept) = pending.Dequeue();
                if (outputs is null)
                {
                    outputs = prediction.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
                    var explanationColumns = explainer is null ? [] : explained.Select(p => $"Contribution[{p}]").Prepend("BaseValue");
                    writer.WriteLine(string.Join(',', (keep ?? []).Concat(inputs.Select(p => p.Name)).Concat(outputs.SelectMany(p => PerClass(p) ? classes!.Select(c => $"{p.Name}[{c}]") : [p.Name])).Concat(explanationColumns).Select(Csv)));
                }

                var values = outputs.SelectMany(p => PerClass(p) ? ((float[])p.GetValue(prediction)!).Select(v => Text(v))
                    : spelling is not null && p.Name == "PredictedLabel" && p.GetValue(prediction) is bool flag ? [spelling[flag ? 1 : 0]]
                    : [Text(p.GetValue(prediction))]);
                if (explainer is not null)
                {
                    var explanation = explainer(row);
                    values = values.Append(Text(explanation.BaseValue)).Concat(explained.Select(p => Text(explanation.Of(p))));
                }

                writer.WriteLine(string.Join(',', kept.Concat(inputs.Select(p => Text(p.GetValue(row)))).Concat(values).Select(Csv)));
                count++;
            }
        });
        return count;

        bool PerClass(PropertyInfo property) => classes is not null && property.Name == "Scores" && property.PropertyType == typeof(float[]);
    }

    /// <summary>The trained pipeline's <c>Explain(row)</c>, checked once before any row is read (a model without a raw score says why).</summary>
    private static Func<TRow, Explanation> Explainer<TRow>(ITrainedPipeline? trained)
    {
        var method = trained?.GetType().GetMethod("Explain", BindingFlags.Public | BindingFlags.Instance, [typeof(TRow)])
            ?? throw new NotSupportedException("This pipeline's model has no raw score to explain.");
        return row =>
        {
            try
            {
                return (Explanation)method.Invoke(trained, [row])!;
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
                throw;
            }
        };
    }

    internal static string Text(object? value) => value switch
    {
        null => "",
        float.NaN => "",
        double.NaN => "",
        float[] values => string.Join(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    internal static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
