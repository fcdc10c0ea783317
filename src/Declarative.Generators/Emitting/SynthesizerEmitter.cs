using System.Linq;
using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Declarative.Generators.Tasks;

namespace Declarative.Generators.Emitting
{
    /// <summary>
    /// Writes the members of a generative pipeline (a synthesizer): training and loading as every task has, then
    /// <c>Sample</c> instead of <c>Predict</c>, and <c>Compose</c>, which builds a row from a sampled one.
    /// </summary>
    internal static class SynthesizerEmitter
    {
        public static void WriteMembers(SourceWriter writer, PipelineModel model, TaskDescriptor task)
        {
            var name = Identifiers.Escape(model.ClassName);
            var row = model.RowType;
            var core = $"global::Declarative.{task.RuntimeType}<{row}>";
            var rows = $"global::System.Collections.Generic.IEnumerable<{row}>";

            PipelineEmitter.WriteOwnModelMembers(writer, name, core, rows, "synthesizer",
                "Learns the rows of the data file, holding out the declared test fraction for the report.",
                "Learns rows in memory, holding out the declared test fraction for the report.");
            writer.WriteLine("/// <summary>Samples <paramref name=\"count\"/> new rows; the same seed gives the same rows. Safe to call from many threads at once.</summary>");
            writer.WriteLine($"public global::System.Collections.Generic.IReadOnlyList<{row}> Sample(int count, int seed = 0) => _pipeline.Sample(count, seed);");
            writer.WriteLine();
            PipelineEmitter.WriteReportAndDeclaredMembers(writer, model, task, core,
                "The report: the synthesizer's rows against held-out real rows (fidelity, utility, privacy) beside two baselines.");
            WriteCompose(writer, model, row);
        }

        /// <summary>A row from a sampled one: each modelled property by its column's position (the label first, then the features).</summary>
        private static void WriteCompose(SourceWriter writer, PipelineModel model, string row)
        {
            writer.WriteLine("/// <summary>Builds a row from a sampled one; properties the pipeline ignores keep their defaults.</summary>");
            writer.WriteLine($"private static {row} Compose(global::Declarative.Schema.SyntheticRow v) => new()");
            writer.OpenBlock();
            var index = 0;
            if (model.Label is { } label)
            {
                writer.WriteLine($"{Identifiers.Escape(label.PropertyName)} = {ColumnExpressions.Sampled(label.ValueType, false, label.TypeName, label.ValueType is not (ValueType.Single or ValueType.Double or ValueType.Decimal or ValueType.Boolean), index++)},");
            }

            foreach (var feature in model.Features)
            {
                if (feature.Kind == FeatureKind.Date)
                {
                    var i = index++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var moment = $"v.Moment({i})";
                    var value = feature.ValueType switch
                    {
                        ValueType.DateTimeOffset => $"new global::System.DateTimeOffset({moment}, global::System.TimeSpan.Zero)",
                        ValueType.DateOnly => $"global::System.DateOnly.FromDateTime({moment})",
                        ValueType.TimeOnly => $"global::System.TimeOnly.FromDateTime({moment})",
                        _ => moment,
                    };
                    writer.WriteLine($"{Identifiers.Escape(feature.PropertyName)} = v.IsMissing({i}) ? {(feature.IsNullable ? "null" : "default")} : {value},");
                    continue;
                }

                if (feature.Kind == FeatureKind.Run)
                {
                    // A run is one number column per element, in order.
                    writer.WriteLine($"{Identifiers.Escape(feature.PropertyName)} = v.Numbers({index.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {feature.RunCount.ToString(System.Globalization.CultureInfo.InvariantCulture)}),");
                    index += feature.RunCount;
                    continue;
                }

                writer.WriteLine($"{Identifiers.Escape(feature.PropertyName)} = {ColumnExpressions.Sampled(feature.ValueType, feature.IsNullable, feature.TypeName, feature.Kind == FeatureKind.Categorical, index++)},");
            }

            writer.CloseBlock(";");
        }
    }
}
