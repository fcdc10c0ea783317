using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Declarative.Generators.Tasks;

namespace Declarative.Generators.Emitting
{
    /// <summary>
    /// Writes the members of a series anomaly detector's pipeline: training and loading as every task has, then
    /// <c>Detect</c> for rows at once and <c>Detector()</c> for a live stream, both giving the runtime's
    /// <c>SeriesAnomalyPrediction</c> per row.
    /// </summary>
    internal static class SeriesAnomalyEmitter
    {
        public static void WriteMembers(SourceWriter writer, PipelineModel model, TaskDescriptor task)
        {
            var name = Identifiers.Escape(model.ClassName);
            var row = model.RowType;
            var core = $"global::Declarative.{task.RuntimeType}<{row}>";
            var rows = $"global::System.Collections.Generic.IEnumerable<{row}>";

            PipelineEmitter.WriteOwnModelMembers(writer, name, core, rows, "detector",
                "Trains on the data file: each series' value range (and, with [Tune] and a label, the detector).",
                "Trains on rows in memory: each series' value range (and, with [Tune] and a label, the detector).");
            writer.WriteLine("/// <summary>The score at or above which a point is an anomaly.</summary>");
            writer.WriteLine("public double Threshold => _pipeline.Threshold;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Scores every row against the rows of its series before it, in time order: one prediction per row, in the order given. Safe to call from many threads at once.</summary>");
            writer.WriteLine($"public global::System.Collections.Generic.IReadOnlyList<global::Declarative.SeriesAnomalyPrediction> Detect({rows} rows) => _pipeline.Detect(rows);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>A live stream: Observe(row) scores each row as it arrives, as Detect would score the same rows at once. One stream per consumer.</summary>");
            writer.WriteLine($"public global::Declarative.AnomalyStream<{row}> Detector() => _pipeline.Detector();");
            writer.WriteLine();
            PipelineEmitter.WriteReportAndDeclaredMembers(writer, model, task, core,
                "The report: every training series scored, its detections, and the NAB scores when a label marks the anomalies.");
        }
    }
}
