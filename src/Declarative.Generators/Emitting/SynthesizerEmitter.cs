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

            writer.WriteLine($"private readonly {core} _pipeline;");
            writer.WriteLine();
            writer.WriteLine($"private {name}({core} pipeline) => _pipeline = pipeline;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The trained synthesizer behind this model, for uses the typed members do not cover.</summary>");
            writer.WriteLine($"public {core} Pipeline => _pipeline;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Learns the rows of the data file, holding out the declared test fraction for the report.</summary>");
            writer.WriteLine("/// <param name=\"dataPath\">The data file; <see langword=\"null\"/> uses the one the attribute names.</param>");
            writer.WriteLine($"public static {name} Train(string? dataPath = null) => new({core}.Train(Spec, dataPath));");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Learns rows in memory, holding out the declared test fraction for the report.</summary>");
            writer.WriteLine($"public static {name} Train({rows} rows) => new({core}.Train(Spec, rows));");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Loads the synthesizer that <c>dotnet build</c> trained for this pipeline, from beside the app.</summary>");
            writer.WriteLine($"public static {name} Load() => Load(global::Declarative.Artifacts.ModelArtifacts.Locate(Spec));");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Loads a synthesizer saved by <see cref=\"Save(string)\"/>, checking it was trained for this row schema.</summary>");
            writer.WriteLine($"public static {name} Load(string path) => new({core}.Load(Spec, path));");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Saves the synthesizer to a file, written whole or not at all.</summary>");
            writer.WriteLine("public void Save(string path) => _pipeline.Save(path);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Saves the synthesizer to a stream.</summary>");
            writer.WriteLine("public void Save(global::System.IO.Stream stream) => _pipeline.Save(stream);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Samples <paramref name=\"count\"/> new rows; the same seed gives the same rows. Safe to call from many threads at once.</summary>");
            writer.WriteLine($"public global::System.Collections.Generic.IReadOnlyList<{row}> Sample(int count, int seed = 0) => _pipeline.Sample(count, seed);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The report: the synthesizer's rows against held-out real rows (fidelity, utility, privacy) beside two baselines.</summary>");
            writer.WriteLine($"public global::Declarative.Evaluation.{task.ReportType} Evaluate() => _pipeline.Evaluate();");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Writes the report as one self-contained HTML page.</summary>");
            writer.WriteLine("public void SaveReport(string path) => _pipeline.SaveReport(path);");
            writer.WriteLine();
            PipelineEmitter.WriteDeclaredMembers(writer, model, core);
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
