using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Declarative.Generators.Tasks;

namespace Declarative.Generators.Emitting
{
    /// <summary>
    /// Writes the members of a series task's pipeline (a forecaster): training and loading as every task has, then
    /// <c>Forecast</c> instead of <c>Predict</c>, returning the nested <c>Point</c> typed by the row's [Time].
    /// </summary>
    internal static class ForecasterEmitter
    {
        public static void WriteMembers(SourceWriter writer, PipelineModel model, TaskDescriptor task)
        {
            var name = Identifiers.Escape(model.ClassName);
            var row = model.RowType;
            var core = $"global::Declarative.{task.RuntimeType}<{row}>";
            var rows = $"global::System.Collections.Generic.IEnumerable<{row}>";
            var points = "global::System.Collections.Generic.IReadOnlyList<Point>";
            var time = model.Time!;

            PipelineEmitter.WriteOwnModelMembers(writer, name, core, rows, "forecaster",
                "Trains on the data file: the last Horizon steps of every series are the test part.",
                "Trains on rows in memory: the last Horizon steps of every series are the test part.");
            writer.WriteLine("/// <summary>The number of steps each forecast holds.</summary>");
            writer.WriteLine("public int Horizon => _pipeline.Horizon;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The Horizon steps after the last row of the data's one series, with the interval. Safe to call from many threads at once.</summary>");
            writer.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">The data holds several series: name one.</exception>");
            writer.WriteLine($"public {points} Forecast() => _pipeline.SeriesIds.Count == 1");
            writer.WriteLine("    ? Forecast(_pipeline.SeriesIds[0])");
            writer.WriteLine("    : throw new global::System.InvalidOperationException($\"Pipeline {Spec.Name} forecasts {_pipeline.SeriesIds.Count} series: name one, Forecast(seriesId).\");");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The Horizon steps after the last row of series <paramref name=\"seriesId\"/>{(model.SeriesId is null ? " (the data's one series is \"\")" : "")}, with the interval. Safe to call from many threads at once.</summary>");
            writer.WriteLine($"public {points} Forecast(string seriesId) => Typed(_pipeline.Forecast(seriesId));");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The Horizon steps after the last of <paramref name=\"history\"/> (one series, at least two seasons long): a statistical model is fitted to it, the global trees read its lags.</summary>");
            writer.WriteLine($"public {points} Forecast({rows} history) => Typed(_pipeline.Forecast(history));");
            writer.WriteLine();
            PipelineEmitter.WriteReportAndDeclaredMembers(writer, model, task, core,
                "The report: the last Horizon steps of every series against each model's forecast (sMAPE, MASE, OWA against Naive2, the interval's coverage).");

            writer.WriteLine($"private static {points} Typed(global::System.Collections.Generic.IReadOnlyList<global::Declarative.ForecastPoint> points)");
            writer.OpenBlock();
            writer.WriteLine("var typed = new Point[points.Count];");
            writer.WriteLine("for (var i = 0; i < typed.Length; i++)");
            writer.OpenBlock();
            writer.WriteLine("var p = points[i];");
            writer.WriteLine($"typed[i] = new Point({TimeOf(time, "p.Time")}, p.Value, p.Lower, p.Upper);");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("return typed;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("/// <summary>One forecast step: its time, the forecast, and the interval around it.</summary>");
            writer.WriteLine($"/// <param name=\"Time\">The step's time, as {Identifiers.Escape(time.PropertyName)} is.</param>");
            writer.WriteLine("/// <param name=\"Value\">The forecast.</param>");
            writer.WriteLine("/// <param name=\"Lower\">The interval's lower bound.</param>");
            writer.WriteLine("/// <param name=\"Upper\">The interval's upper bound.</param>");
            writer.WriteLine($"public sealed record Point({time.TypeName} Time, double Value, double Lower, double Upper);");
        }

        /// <summary>The [Time] property's value from the runtime's ticks or step number.</summary>
        private static string TimeOf(FeatureModel time, string value) => time.ValueType switch
        {
            ValueType.DateTime => $"new global::System.DateTime({value})",
            ValueType.DateTimeOffset => $"new global::System.DateTimeOffset(new global::System.DateTime({value}), global::System.TimeSpan.Zero)",
            ValueType.DateOnly => $"global::System.DateOnly.FromDateTime(new global::System.DateTime({value}))",
            ValueType.Int32 => $"checked((int){value})",
            _ => value,
        };
    }
}
