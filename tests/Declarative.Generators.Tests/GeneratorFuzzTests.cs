using System.Text;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Tests;

/// <summary>
/// Random declarations drawn from the attribute grammar (names, keywords, unicode, nesting, accessibility, records,
/// structs, generics, every attribute argument at and beyond its range). Each must either generate code with no
/// error inside it, or be stopped by a DCL error at the user's source; the generator never throws.
/// </summary>
public sealed class GeneratorFuzzTests
{
    private const int Declarations = 400;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var batch = 0; batch < 8; batch++)
        {
            data.Add(batch);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomDeclaration_GeneratesCleanCode_OrADiagnosticAtTheUsersSource(int batch)
    {
        for (var seed = batch * (Declarations / 8); seed < (batch + 1) * (Declarations / 8); seed++)
        {
            var source = new Declaration(new Random(seed)).Write();
            var (run, compilation) = GeneratorHarness.Run(source);

            Assert.All(run.Results, r => Assert.True(r.Exception is null, $"seed {seed}: the generator threw {r.Exception}\n{source}"));
            var inGenerated = compilation.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath != "Source0.cs").ToList();
            Assert.True(inGenerated.Count == 0, $"seed {seed}: errors inside generated code:\n{string.Join("\n", inGenerated)}\n{source}");
            foreach (var diagnostic in run.Diagnostics.Where(d => d.Id.StartsWith("DCL", StringComparison.Ordinal)))
            {
                Assert.True(diagnostic.Location.GetLineSpan().Path == "Source0.cs", $"seed {seed}: {diagnostic} is not at the user's source\n{source}");
            }

            var dclErrors = run.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var userErrors = compilation.Count(d => d.Severity == DiagnosticSeverity.Error);
            Assert.True(dclErrors > 0 || run.GeneratedTrees.Length > 0 || userErrors > 0,
                $"seed {seed}: nothing generated, nothing reported\n{source}");
        }
    }

    /// <summary>
    /// One random declaration: valid names, namespaces and nesting (keywords, unicode, records and structs as rows) in
    /// every case, and in about half of them one or two mistakes drawn from the attribute grammar.
    /// </summary>
    private sealed class Declaration(Random random)
    {
        private static readonly string[] Names = ["Model", "@class", "@event", "Modèle", "M1", "Pipeline_", "Δ"];
        private static readonly string[] RowNames = ["Row", "@string", "Ligne", "R"];
        private static readonly string[] PropertyNames = ["Value", "@event", "@int", "Größe", "Name", "Amount", "Count", "Text", "When"];
        private static readonly string[] FeatureTypes = ["float", "double", "int", "long", "string", "bool", "Color", "float?", "int?"];
        private static readonly string[] Mistakes =
        [
            "label-type", "two-labels", "no-label", "feature-type", "text-on-number", "run", "negative-index", "row-internal", "record-pipeline",
            "struct-pipeline", "static", "abstract", "generic", "file", "outer-not-partial", "outer-generic", "split", "unknown-trainer",
            "trainer-task", "no-trainers", "tune-range", "tune-metric", "search-range", "separator", "predict-collision", "spec-collision",
        ];

        private static readonly Dictionary<string, string[]> LabelTypes = new()
        {
            ["BinaryClassification"] = ["bool"],
            ["MulticlassClassification"] = ["string", "int", "long", "Color"],
            ["Regression"] = ["float", "double", "int"],
        };

        private static readonly Dictionary<string, string[]> GoodTrainers = new()
        {
            ["BinaryClassification"] = ["Trainer.LightGbm", "Trainer.FastTree", "Trainer.SdcaLogisticRegression"],
            ["MulticlassClassification"] = ["Trainer.LightGbm", "Trainer.LbfgsMaximumEntropy"],
            ["Regression"] = ["Trainer.LightGbm", "Trainer.Sdca", "Trainer.FastTree"],
        };

        private static readonly Dictionary<string, string> GoodMetric = new()
        {
            ["BinaryClassification"] = "BinaryMetric.F1Score",
            ["MulticlassClassification"] = "MulticlassMetric.MicroAccuracy",
            ["Regression"] = "RegressionMetric.RSquared",
        };

        private HashSet<string> _mistakes = [];

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private bool Chance(double p) => random.NextDouble() < p;

        private bool Has(string mistake) => _mistakes.Contains(mistake);

        public string Write()
        {
            _mistakes = Chance(0.5) ? [] : Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(Mistakes)).ToHashSet();
            var task = Pick(LabelTypes.Keys.ToArray());
            var text = new StringBuilder("using Declarative;\n");
            var ns = Pick(new[] { "", "N", "@class.Inner", "Données.Modèles" });
            if (ns.Length > 0)
            {
                text.Append("namespace ").Append(ns).Append("\n{\n");
            }

            text.Append("public enum Color { Red, Green, Blue }\n");
            var rowName = Pick(RowNames);
            text.Append(Has("row-internal") ? "internal" : "public").Append(' ').Append(Pick(new[] { "class", "sealed class", "record", "record class" }))
                .Append(' ').Append(rowName).Append("\n{\n");
            var used = new HashSet<string>();
            if (!Has("no-label"))
            {
                Property(text, used, "[Label] ", Has("label-type") ? Pick(new[] { "string", "bool?", "System.DateTime", "double" }) : Pick(LabelTypes[task]), "Target");
            }

            if (Has("two-labels"))
            {
                Property(text, used, "[Label] ", Pick(LabelTypes[task]), "Other");
            }

            Property(text, used, Pick(new[] { "", "[Column(\"x y\")] ", "[Categorical] " }), "float", "Amount");
            for (var i = random.Next(0, 4); i > 0; i--)
            {
                var type = Pick(FeatureTypes);
                var attribute = type == "string" ? Pick(new[] { "", "[Text] ", "[Categorical] " }) : Pick(new[] { "", "", "[Ignore] " });
                Property(text, used, attribute, type, Pick(PropertyNames));
            }

            if (Has("feature-type"))
            {
                Property(text, used, "", Pick(new[] { "object", "System.Guid", "int[]" }), "Odd");
            }

            if (Has("run"))
            {
                Property(text, used, Pick(new[] { "[Columns(\"p0\", \"p7\")] ", "[Columns(Count = 3)] ", "[Columns(\"a\", \"b\")] ", "[Columns(\"p9\", \"p1\", Count = 2)] " }),
                    Pick(new[] { "float[]", "float[]", "int[]", "float" }), "Pixels");
            }

            if (Has("text-on-number"))
            {
                Property(text, used, "[Text] ", "float", "Numbered");
            }

            if (Has("negative-index"))
            {
                Property(text, used, $"[Column(Index = {Pick(new[] { "-1", "-2" })})] ", "float", "Indexed");
            }

            text.Append("}\n");

            var outer = Has("outer-not-partial") ? "public class Outer" : Has("outer-generic") ? "public partial class G<T>"
                : Pick(new[] { "", "", "public partial class Outer", "internal static partial class Holder", "public partial record Box" });
            if (outer.Length > 0)
            {
                text.Append(outer).Append("\n{\n");
            }

            text.Append(Attributes(task, rowName)).Append('\n');
            var access = Has("file") && outer.Length == 0 ? "file" : outer.StartsWith("internal", StringComparison.Ordinal) ? "internal" : "public";
            var kind = Has("record-pipeline") ? "partial record" : Has("struct-pipeline") ? "partial struct" : Has("static") ? "static partial class"
                : Has("abstract") ? "abstract partial class" : Pick(new[] { "partial class", "sealed partial class" });
            text.Append(access).Append(' ').Append(kind).Append(' ').Append(Pick(Names)).Append(Has("generic") ? "<T>" : "");
            text.Append(Has("predict-collision") ? $"\n{{\n    public object Predict({rowName} row) => row!;\n}}\n"
                : Has("spec-collision") ? "\n{\n    public static int Spec => 1;\n}\n"
                : Chance(0.2) ? "\n{\n    public object Predict(string text) => text;\n}\n" : ";\n");

            if (outer.Length > 0)
            {
                text.Append("}\n");
            }

            if (ns.Length > 0)
            {
                text.Append("}\n");
            }

            return text.ToString();
        }

        private static void Property(StringBuilder text, HashSet<string> used, string attribute, string type, string name)
        {
            if (!used.Add(name))
            {
                return;
            }

            var initializer = type is "string" ? " = \"\";" : type is "int[]" ? " = [];" : type is "object" ? " = new();" : "";
            text.Append("    ").Append(attribute).Append("public ").Append(type).Append(' ').Append(name).Append(" { get; set; }").Append(initializer).Append('\n');
        }

        private string Attributes(string task, string rowName)
        {
            var arguments = new List<string>();
            if (Chance(0.6))
            {
                arguments.Add("Data = \"data/my file.csv\"");
            }

            if (Has("separator") || Chance(0.3))
            {
                arguments.Add("Separator = " + (Has("separator") ? Pick(new[] { "'\"'", "'a'", "' '", "'1'" }) : Pick(new[] { "'\\t'", "','", "';'", "'|'" })));
            }

            if (Chance(0.3))
            {
                arguments.Add("HasHeader = false");
            }

            if (Chance(0.2))
            {
                arguments.Add("AllowQuoting = false");
            }

            var text = new StringBuilder($"[{task}<{rowName}>{(arguments.Count > 0 ? "(" + string.Join(", ", arguments) + ")" : "")}]");
            if (Has("split") || Chance(0.4))
            {
                text.Append($"[Split(TestFraction = {(Has("split") ? Pick(new[] { "0", "1", "1.5", "-0.1" }) : Pick(new[] { "0.2", "0.5", "0.05" }))}, Seed = {random.Next(0, 100)})]");
            }

            if (Has("no-trainers"))
            {
                text.Append("[Trainers]");
            }
            else if (Has("unknown-trainer") || Has("trainer-task") || Chance(0.5))
            {
                var trainers = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(GoodTrainers[task])).ToList();
                trainers.Add(Has("unknown-trainer") ? "(Trainer)99" : Has("trainer-task") ? Pick(GoodTrainers[Pick(GoodTrainers.Keys.Where(k => k != task).ToArray())].Where(t => !GoodTrainers[task].Contains(t)).DefaultIfEmpty("(Trainer)98").ToArray()) : trainers[0]);
                text.Append($"[Trainers({string.Join(", ", trainers.Distinct())})]");
            }

            if (Has("tune-range") || Has("tune-metric") || Has("search-range") || Chance(0.3))
            {
                var options = new List<string> { "MaxTrials = " + (Has("tune-range") ? Pick(new[] { "0", "-3" }) : Pick(new[] { "1", "5", "30" })) };
                if (Chance(0.5))
                {
                    options.Add("Folds = " + Pick(new[] { "0", "1", "3" }));
                }

                if (Has("tune-metric") || Chance(0.4))
                {
                    options.Add("Metric = " + (Has("tune-metric") ? GoodMetric[Pick(GoodMetric.Keys.Where(k => k != task).ToArray())] : GoodMetric[task]));
                }

                text.Append($"[Tune({string.Join(", ", options)})]");
            }

            if (Has("search-range"))
            {
                text.Append($"[SearchRange(Trainer.LightGbm, \"{Pick(new[] { "NumberOfLeaves", "Nope" })}\", {Pick(new[] { "64", "0" })}, {Pick(new[] { "4", "0.5" })})]");
            }

            return text.ToString();
        }
    }
}
