using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Tests;

/// <summary>One test per diagnostic: the id, the text it points at, and that nothing is generated for a broken declaration.</summary>
public sealed class DiagnosticTests
{
    private const string Row = """
        using Declarative;

        public class Row
        {
            [Label] public bool Target { get; set; }
            public float Value { get; set; }
        }

        """;

    [Theory]
    [InlineData("DCL0001", "[BinaryClassification<Row>] public class Model;", "Model")]
    [InlineData("DCL0001", "public class Outer { [BinaryClassification<Row>] public partial class Model; }", "Outer")]
    [InlineData("DCL0007", "[BinaryClassification<Row>, Split(TestFraction = 1.5)] public partial class Model;", "TestFraction = 1.5")]
    [InlineData("DCL0007", "[BinaryClassification<Row>, Split(TestFraction = 0)] public partial class Model;", "TestFraction = 0")]
    [InlineData("DCL0006", "[BinaryClassification<Row>, Trainers(Trainer.LightGbm, Trainer.Sdca)] public partial class Model;", "Trainer.Sdca")]
    [InlineData("DCL0009", "[BinaryClassification<Row>] public partial class Model<T>;", "Model")]
    [InlineData("DCL0009", "[BinaryClassification<Row>] public static partial class Model;", "Model")]
    [InlineData("DCL0011", "[BinaryClassification<Row>, Regression<Row>] public partial class Model;", "BinaryClassification<Row>")]
    [InlineData("DCL0013", "[BinaryClassification<Row>(Separator = '\"')] public partial class Model;", "Separator = '\"'")]
    [InlineData("DCL0014", "[BinaryClassification<Row>, Trainers] public partial class Model;", "Trainers")]
    [InlineData("DCL0015", "[BinaryClassification<Row>, Trainers((Trainer)99)] public partial class Model;", "(Trainer)99")]
    [InlineData("DCL0017", "[BinaryClassification<Row>, Tune(Metric = RegressionMetric.RSquared)] public partial class Model;", "Metric = RegressionMetric.RSquared")]
    [InlineData("DCL0017", "[BinaryClassification<Row>, Tune(Metric = 3)] public partial class Model;", "Metric = 3")]
    [InlineData("DCL0018", "[BinaryClassification<Row>, Tune(MaxTrials = 0)] public partial class Model;", "MaxTrials = 0")]
    [InlineData("DCL0018", "[BinaryClassification<Row>, Tune(Folds = -2)] public partial class Model;", "Folds = -2")]
    [InlineData("DCL0018", "[BinaryClassification<Row>, Tune(Tuner = (TunerKind)9)] public partial class Model;", "Tuner = (TunerKind)9")]
    [InlineData("DCL0018", "[BinaryClassification<Row>, Tune(ConcurrentTrials = -1)] public partial class Model;", "ConcurrentTrials = -1")]
    [InlineData("DCL0019", "[BinaryClassification<Row>, Tune, SearchRange(Trainer.LightGbm, \"Leaves\", 4, 64)] public partial class Model;", "SearchRange(Trainer.LightGbm, \"Leaves\"")]
    [InlineData("DCL0019", "[BinaryClassification<Row>, Tune, SearchRange(Trainer.LightGbm, \"NumberOfLeaves\", 64, 4)] public partial class Model;", "SearchRange(Trainer.LightGbm")]
    [InlineData("DCL0019", "[BinaryClassification<Row>, Tune, SearchRange(Trainer.LightGbm, \"LearningRate\", 0, 0.5)] public partial class Model;", "SearchRange(Trainer.LightGbm")]
    [InlineData("DCL0031", "[Clustering<Row>(Clusters = 1)] public partial class Model;", "Clusters = 1")]
    [InlineData("DCL0031", "[Clustering<Row>(Clusters = -3)] public partial class Model;", "Clusters = -3")]
    [InlineData("DCL0031", "[AnomalyDetection<Row>(Contamination = 0.6)] public partial class Model;", "Contamination = 0.6")]
    [InlineData("DCL0031", "[AnomalyDetection<Row>(Contamination = 0)] public partial class Model;", "Contamination = 0")]
    [InlineData("DCL0033", "[Clustering<Row>(Clusters = 4), Tune] public partial class Model;", "Tune")]
    [InlineData("DCL0006", "[Clustering<Row>, Trainers(Trainer.RandomizedPca)] public partial class Model;", "Trainer.RandomizedPca")]
    [InlineData("DCL0006", "[AnomalyDetection<Row>, Trainers(Trainer.LightGbm)] public partial class Model;", "Trainer.LightGbm")]
    [InlineData("DCL0017", "[Clustering<Row>, Tune(Metric = BinaryMetric.Accuracy)] public partial class Model;", "Metric = BinaryMetric.Accuracy")]
    [InlineData("DCL0024", "[BinaryClassification<Row>(SkipBadRows = true, MaxBadRowFraction = 1.0)] public partial class Model;", "MaxBadRowFraction = 1.0")]
    [InlineData("DCL0025", "[BinaryClassification<Row>(Provider = DataProvider.Sqlite, ConnectionString = \"Data Source=a.db\")] public partial class Model;", "Provider = DataProvider.Sqlite")]
    [InlineData("DCL0025", "[BinaryClassification<Row>(Provider = DataProvider.Sqlite, Query = \"SELECT 1\")] public partial class Model;", "Provider = DataProvider.Sqlite")]
    [InlineData("DCL0025", "[BinaryClassification<Row>(Provider = DataProvider.Sqlite, Query = \"SELECT 1\", ConnectionString = \"a\", ConnectionStringVariable = \"B\")] public partial class Model;", "Provider = DataProvider.Sqlite")]
    [InlineData("DCL0025", "[BinaryClassification<Row>(Provider = DataProvider.PostgreSql, Query = \"SELECT 1\", ConnectionStringVariable = \"B\", Data = \"a.csv\")] public partial class Model;", "Data = \"a.csv\"")]
    [InlineData("DCL0025", "[BinaryClassification<Row>(Query = \"SELECT 1\")] public partial class Model;", "Query = \"SELECT 1\"")]
    [InlineData("DCL0025", "[BinaryClassification<Row>(Provider = (DataProvider)7)] public partial class Model;", "Provider = (DataProvider)7")]
    [InlineData("DCL0024", "[BinaryClassification<Row>(MaxBadRowFraction = -0.5)] public partial class Model;", "MaxBadRowFraction = -0.5")]
    [InlineData("DCL0025", "[BinaryClassification<Row>(SkipLines = -1)] public partial class Model;", "SkipLines = -1")]
    [InlineData("DCL0025", "[BinaryClassification<Row>(Provider = DataProvider.Sqlite, Query = \"SELECT 1\", ConnectionString = \"a\", SkipLines = 2)] public partial class Model;", "SkipLines = 2")]
    [InlineData("DCL0009", "[BinaryClassification<Row>] file partial class Model;", "Model")]
    [InlineData("DCL0009", "public partial class Outer<T> { [BinaryClassification<Row>] public partial class Model; }", "Model")]
    [InlineData("DCL0021", "[BinaryClassification<Row>] public partial record Model;", "Model")]
    [InlineData("DCL0021", "[BinaryClassification<Row>] public partial struct Model;", "Model")]
    [InlineData("DCL0021", "[BinaryClassification<Row>] public partial record struct Model;", "Model")]
    [InlineData("DCL0023", "[BinaryClassification<Row>] public partial class Model { public object Predict(Row row) => row; }", "Predict")]
    [InlineData("DCL0023", "[BinaryClassification<Row>] public partial class Model { public static int Spec => 1; }", "Spec")]
    [InlineData("DCL0023", "[BinaryClassification<Row>] public partial class Model { public sealed class Prediction; }", "Prediction")]
    [InlineData("DCL0023", "[BinaryClassification<Row>] public partial class Model { public void Save(System.IO.Stream s) { } }", "Save")]
    public void PipelineClassMistakes(string id, string declaration, string markedText)
    {
        AssertReports(id, markedText, Row + declaration);
    }

    [Theory]
    [InlineData("[BinaryClassification<Row>, SearchRange(Trainer.LightGbm, \"NumberOfLeaves\", 4, 64)] public partial class Model;", "has no [Tune]")]
    [InlineData("[BinaryClassification<Row>, Trainers(Trainer.LightGbm), Tune, SearchRange(Trainer.FastTree, \"NumberOfLeaves\", 4, 64)] public partial class Model;", "FastTree is not among")]
    public void DCL0020_SearchRangeWithoutEffect_IsAWarningAndStillGenerates(string declaration, string message) =>
        AssertWarns("DCL0020", Row + declaration, message);

    [Theory]
    [InlineData("[BinaryClassification<Row>(MaxBadRowFraction = 0.1)] public partial class Model;", "MaxBadRowFraction = 0.1 has no effect without SkipBadRows = true")]
    [InlineData("[BinaryClassification<Row>(SkipBadRows = false, MaxBadRowFraction = 0.05)] public partial class Model;", "MaxBadRowFraction = 0.05")]
    public void DCL0039_MaxBadRowFractionWithoutSkipBadRows_IsAWarningAndStillGenerates(string declaration, string message) =>
        AssertWarns("DCL0039", Row + declaration, message);

    [Fact]
    public void MaxBadRowFractionWithSkipBadRows_IsNoWarning() =>
        AssertGeneratesWithoutDiagnostics(Row + "[BinaryClassification<Row>(SkipBadRows = true, MaxBadRowFraction = 0.1)] public partial class Model;");

    [Theory]
    [InlineData("[Trainers(Trainer.ExponentialSmoothing)]", true)]
    [InlineData("[Trainers(Trainer.Theta, Trainer.Autoregression), Tune]", true)]
    [InlineData("[Trainers(Trainer.Theta, Trainer.GlobalLightGbm)]", true)] // untuned: the first declared model alone
    [InlineData("", false)] // the global trees by default
    [InlineData("[Trainers(Trainer.ForecastCombination)]", false)] // the trees are a member
    [InlineData("[Trainers(Trainer.Theta), Tune]", false)] // one declared model under [Tune]: every model is tried
    [InlineData("[Trainers(Trainer.Theta, Trainer.GlobalLightGbm), Tune]", false)]
    public void DCL0045_DirectTreesWithoutTheTrees_IsAWarningAtTheArgument(string trainers, bool warns)
    {
        var source = $$"""
            using Declarative;
            public class R { [Time] public System.DateTime At { get; set; } [Label] public float Load { get; set; } }
            [Forecasting<R>(Horizon = 4, DirectTrees = true)]
            {{trainers}}
            public partial class F;
            """;
        if (!warns)
        {
            AssertGeneratesWithoutDiagnostics(source);
            return;
        }

        AssertWarns("DCL0045", source, "DirectTrees = true has no effect on F: it is the global trees' form");
        var (run, _) = GeneratorHarness.Run(source);
        var span = run.Diagnostics.Single().Location.SourceSpan;
        Assert.Equal("DirectTrees = true", source.Substring(span.Start, span.Length));
    }

    /// <summary>
    /// DCL0045 reads off the declaration what the runtime decides when it trains: for every one or two declared
    /// forecasting models, tuned or not, the warning appears exactly when the runtime's candidates do not fit the trees.
    /// </summary>
    [Fact]
    public void DCL0045_AgreesWithTheRuntime_OnWhetherTheTreesAreTrained()
    {
        var methods = System.Reflection.Assembly.GetAssembly(typeof(Trainer))!.GetType("Declarative.Forecasting.ForecastMethods", throwOnError: true)!;
        var all = (IReadOnlyList<Trainer>)methods.GetProperty("All")!.GetValue(null)!;
        bool TrainsTrees(Trainer[] declared, bool tuned) =>
            (bool)methods.GetMethod("TrainsTrees")!.Invoke(null, [methods.GetMethod("Candidates")!.Invoke(null, [declared, tuned])])!;

        var declarations = all.Select(t => new[] { t }).Concat(all.SelectMany(a => all.Where(b => b != a).Select(b => new[] { a, b })));
        foreach (var declared in declarations)
        {
            foreach (var tuned in new[] { false, true })
            {
                var source = $$"""
                    using Declarative;
                    public class R { [Time] public System.DateTime At { get; set; } [Label] public float Load { get; set; } }
                    [Forecasting<R>(Horizon = 4, DirectTrees = true)]
                    [Trainers({{string.Join(", ", declared.Select(t => "Trainer." + t))}}){{(tuned ? ", Tune" : "")}}]
                    public partial class F;
                    """;
                var (run, _) = GeneratorHarness.Run(source);
                var warned = run.Diagnostics.Any(d => d.Id == "DCL0045");
                Assert.True(warned != TrainsTrees(declared, tuned), $"[Trainers({string.Join(", ", declared)})]{(tuned ? " with [Tune]" : "")}: DCL0045 {(warned ? "warned" : "did not warn")}");
            }
        }
    }

    [Fact]
    public void DCL0044_EnsembleOnATaskThatDoesNotBlend_IsAWarningAtTheArgument()
    {
        const string source = """
            using Declarative;
            public class R { [Label] public bool Fraud { get; set; } public float A { get; set; } }
            [AnomalyDetection<R>, Tune(Ensemble = true)] public partial class M;
            """;
        AssertWarns("DCL0044", source, "Ensemble = true has no effect on anomaly detection: Declarative blends the trials of binary classification, multiclass classification, regression and ranking only");
        var (run, _) = GeneratorHarness.Run(source);
        var span = run.Diagnostics.Single().Location.SourceSpan;
        Assert.Equal("Ensemble = true", source.Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("[Ranking<R>, Tune(Ensemble = false)] public partial class M;")]
    [InlineData("[Ranking<R>, Tune] public partial class M;")]
    public void EnsembleOffOrUnset_OnATaskThatDoesNotBlend_IsNoWarning(string declaration) =>
        AssertGeneratesWithoutDiagnostics("using Declarative;\npublic class R { [Label] public float Grade { get; set; } [GroupId] public int Q { get; set; } public float A { get; set; } }\n" + declaration);

    [Fact]
    public void ASpaceSeparator_RunsOfSpaces_IsNoError() =>
        AssertGeneratesWithoutDiagnostics(Row + "[BinaryClassification<Row>(Data = \"housing.data\", Separator = ' ')] public partial class Model;");

    [Fact]
    public void EnsembleOnBinaryClassification_IsNoWarning() =>
        AssertGeneratesWithoutDiagnostics(Row + "[BinaryClassification<Row>, Tune(Ensemble = true)] public partial class Model;");

    [Fact]
    public void EnsembleOnMulticlassClassification_IsNoWarning() =>
        AssertGeneratesWithoutDiagnostics("using Declarative;\npublic class R { [Label] public string Kind { get; set; } = \"\"; public float A { get; set; } }\n[MulticlassClassification<R>, Tune(Ensemble = true)] public partial class M;");

    private static void AssertWarns(string id, string source, string message)
    {
        var (run, diagnostics) = GeneratorHarness.Run(source);

        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal((id, DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Contains(message, warning.GetMessage(), StringComparison.Ordinal);
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("public partial class Model { public object Predict(string text) => text; public void Save() { } }")]
    [InlineData("public partial class Model { public int Score { get; set; } public static Model Load(int version) => Load(); }")]
    public void MembersBesideTheGeneratedOnes_AreFine(string declaration) =>
        AssertGeneratesWithoutDiagnostics(Row + "[BinaryClassification<Row>] " + declaration);

    [Theory]
    [InlineData("namespace N; public partial class Outer { private class Row { [Label] public bool Target { get; set; } public float Value { get; set; } } [BinaryClassification<Row>] public partial class Model; }")]
    [InlineData("namespace N; internal class Row { [Label] public bool Target { get; set; } public float Value { get; set; } } [BinaryClassification<Row>] public partial class Model;")]
    public void DCL0022_RowLessAccessibleThanPipeline(string source) =>
        AssertReports("DCL0022", "Model", "using Declarative;\n" + source);

    [Theory]
    [InlineData("namespace N; public partial class Outer { private class Row { [Label] public bool Target { get; set; } public float Value { get; set; } } [BinaryClassification<Row>] private partial class Model; }")]
    [InlineData("namespace N; internal class Row { [Label] public bool Target { get; set; } public float Value { get; set; } } [BinaryClassification<Row>] internal partial class Model;")]
    public void RowAsAccessibleAsPipeline_Generates(string source) =>
        AssertGeneratesWithoutDiagnostics("using Declarative;\n" + source);

    [Theory]
    [InlineData("N", "[BinaryClassification<Row>] public partial class @class;")]
    [InlineData("N", "[BinaryClassification<Row>] public partial class @struct;")]
    [InlineData("@event.@in", "[BinaryClassification<Row>] public partial class Model;")]
    [InlineData("N", "public partial class @object { [BinaryClassification<Row>] public partial class @void; }")]
    [InlineData("N", "[BinaryClassification<@string>] public partial class @int; public class @string { [Label] public bool @bool { get; set; } public float @float { get; set; } }")]
    public void KeywordNames_AreEscapedInGeneratedCode(string ns, string declaration) =>
        AssertGeneratesWithoutDiagnostics($$"""
            using Declarative;
            namespace {{ns}}
            {
                public class Row { [Label] public bool Target { get; set; } public float Value { get; set; } }
                {{declaration}}
            }
            """);

    [Theory]
    [InlineData("-1")]
    [InlineData("-2")]
    public void DCL0016_AnyNegativeIndexGiven(string index) => AssertReports("DCL0016", "Value", $$"""
        using Declarative;
        public class R { [Label] public bool Target { get; set; } [Column(Index = {{index}})] public float Value { get; set; } }
        [BinaryClassification<R>(HasHeader = false)] public partial class M;
        """);

    [Theory]
    [InlineData("Nope")]
    [InlineData("Note")]
    public void DCL0026_OrderByNeedsADateTimeOrNumberFeature(string property) => AssertReports("DCL0026", "OrderBy", $$"""
        using Declarative;
        public class R { [Label] public bool T { get; set; } public System.DateTime When { get; set; } public string Note { get; set; } = ""; }
        [BinaryClassification<R>, Split(OrderBy = "{{property}}")] public partial class M;
        """);

    [Fact]
    public void OrderBy_ADateFeature_Generates() => AssertGeneratesWithoutDiagnostics("""
        using Declarative;
        public class R { [Label] public bool T { get; set; } public System.DateTime When { get; set; } public float A { get; set; } }
        [BinaryClassification<R>, Split(OrderBy = nameof(R.When))] public partial class M;
        """);

    [Theory]
    [InlineData("string", "", "needs [Label(Positive")]
    [InlineData("int", "(Positive = \"yes\")", "is not a whole number")]
    [InlineData("int", "(Positive = \"99999999999\")", "is not a whole number that fits an int")]
    [InlineData("long", "(Positive = \"99999999999999999999\")", "is not a whole number that fits a long")]
    [InlineData("Kind", "(Positive = \"Purple\")", "is not a member of Kind")]
    [InlineData("bool", "(Positive = \"true\")", "remove Positive")]
    public void DCL0027_BinaryLabelWithoutAUsablePositiveClass(string type, string positive, string message)
    {
        var diagnostic = AssertReports("DCL0027", "Target", $$"""
            using Declarative;
            public enum Kind { Red, Green }
            public class R { [Label{{positive}}] public {{type}} Target { get; set; } = default!; public float A { get; set; } }
            [BinaryClassification<R>] public partial class M;
            """);

        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void PositiveOnARowSharedWithASynthesizer_IsNotItsConcern()
    {
        // The natural reuse: one row for a classifier and a synthesizer. The synthesizer models the label as a column.
        var (run, compilation) = GeneratorHarness.Run("""
            using Declarative;
            public class R { [Label(Positive = "+")] public string Target { get; set; } = ""; public float A { get; set; } }
            [BinaryClassification<R>] public partial class Classifier;
            [Synthesizer<R>] public partial class Rows;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(compilation, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(2, run.GeneratedTrees.Length);
    }

    [Fact]
    public void DCL0027_PositiveOnAnotherTask() => AssertReports("DCL0027", "Target", """
        using Declarative;
        public class R { [Label(Positive = "a")] public string Target { get; set; } = ""; public float A { get; set; } }
        [MulticlassClassification<R>] public partial class M;
        """);

    [Theory]
    [InlineData("", "[Columns(\"p0\", \"p3\")] public double[] Pixels { get; set; } = [];", "a run is read into a float[]")]
    [InlineData("", "[Columns(\"p0\", \"p3\"), Column(\"p0\")] public float[] Pixels { get; set; } = [];", "[Column] and [Columns] exclude each other")]
    [InlineData("", "[Columns(\"p0\", \"p3\"), Text] public float[] Pixels { get; set; } = [];", "[Text] and [Columns] exclude each other")]
    [InlineData("", "[Columns(\"first\", \"last\")] public float[] Pixels { get; set; } = [];", "give it with Count = ...")]
    [InlineData("", "[Columns(\"p3\", \"p0\")] public float[] Pixels { get; set; } = [];", "give it with Count = ...")]
    [InlineData("", "[Columns(\"p0\", \"p3\", Count = 5)] public float[] Pixels { get; set; } = [];", "'p0' to 'p3' is 4 columns, but Count = 5")]
    [InlineData("", "[Columns(\"p0\", \"\", Count = 5)] public float[] Pixels { get; set; } = [];", "need a name")]
    [InlineData("", "[Columns(Count = 4)] public float[] Pixels { get; set; } = [];", "name the run's first and last header columns")]
    [InlineData(", HasHeader = false", "[Columns(\"p0\", \"p3\")] public float[] Pixels { get; set; } = [];", "the file has no header")]
    [InlineData(", HasHeader = false", "[Columns(StartIndex = 1)] public float[] Pixels { get; set; } = [];", "needs its width")]
    [InlineData(", HasHeader = false", "[Columns(Count = 0)] public float[] Pixels { get; set; } = [];", "Count = 0; a run has at least one column")]
    [InlineData(", HasHeader = false", "[Columns(StartIndex = -2, Count = 3)] public float[] Pixels { get; set; } = [];", "StartIndex = -2")]
    public void DCL0028_ARunThatCannotBeRead(string file, string property, string message)
    {
        var diagnostic = AssertReports("DCL0028", "Pixels", $$"""
            using Declarative;
            public class R { [Label] public bool T { get; set; } public float A { get; set; } {{property}} }
            [BinaryClassification<R>(Data = "d.csv"{{file}})] public partial class M;
            """);

        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DCL0016_ARunByPositionOverlapsAnotherColumn() => AssertReports("DCL0016", "A", """
        using Declarative;
        public class R { [Label] public bool T { get; set; } [Columns(StartIndex = 1, Count = 4)] public float[] Pixels { get; set; } = []; [Column(Index = 3)] public float A { get; set; } }
        [BinaryClassification<R>(Data = "d.csv", HasHeader = false)] public partial class M;
        """);

    [Fact]
    public void ARunByPosition_MovesTheNextPropertyPastIt() => AssertGeneratesWithoutDiagnostics("""
        using Declarative;
        public class R { [Columns(Count = 64)] public float[] Pixels { get; set; } = []; [Label] public int Digit { get; set; } }
        [MulticlassClassification<R>(Data = "d.csv", HasHeader = false)] public partial class M;
        """);

    [Fact]
    public void DCL0012_AFormatOnANumber() => AssertReports("DCL0012", "A", """
        using Declarative;
        public class R { [Label] public bool T { get; set; } [Column(Format = "dd/MM/yyyy")] public float A { get; set; } }
        [BinaryClassification<R>] public partial class M;
        """);

    [Fact]
    public void DCL0002_NoLabel() => AssertReports("DCL0002", "BinaryClassification<R>", """
        using Declarative;
        public class R { public float A { get; set; } }
        [BinaryClassification<R>] public partial class M;
        """);

    [Fact]
    public void DCL0003_TwoLabels() => AssertReports("DCL0003", "B", """
        using Declarative;
        public class R { [Label] public bool A { get; set; } [Label] public bool B { get; set; } public float C { get; set; } }
        [BinaryClassification<R>] public partial class M;
        """);

    [Theory]
    [InlineData("Regression", "string")]
    [InlineData("BinaryClassification", "double")]
    [InlineData("BinaryClassification", "bool?")]
    [InlineData("MulticlassClassification", "float")]
    public void DCL0004_LabelTypeDoesNotFitTask(string task, string labelType) => AssertReports("DCL0004", "Target", $$"""
        using Declarative;
        public class R { [Label] public {{labelType}} Target { get; set; } = default!; public float A { get; set; } }
        [{{task}}<R>] public partial class M;
        """);

    [Fact]
    public void DCL0005_PropertyTypeCannotBeAColumn() => AssertReports("DCL0005", "When", """
        using Declarative;
        public class R { [Label] public bool T { get; set; } public System.Guid When { get; set; } }
        [BinaryClassification<R>] public partial class M;
        """);

    [Fact]
    public void DCL0005_IgnoredPropertyIsFine() => AssertGeneratesWithoutDiagnostics("""
        using Declarative;
        public class R { [Label] public bool T { get; set; } [Ignore] public System.DateTime When { get; set; } public float A { get; set; } }
        [BinaryClassification<R>] public partial class M;
        """);

    [Fact]
    public void DCL0008_TwoPropertiesOneColumn() => AssertReports("DCL0008", "Other", """
        using Declarative;
        public class R { [Label] public bool T { get; set; } public float Value { get; set; } [Column("value")] public float Other { get; set; } }
        [BinaryClassification<R>] public partial class M;
        """);

    [Fact]
    public void DCL0010_NoFeatures() => AssertReports("DCL0010", "R", """
        using Declarative;
        public class R { [Label] public bool T { get; set; } [Ignore] public float A { get; set; } }
        [BinaryClassification<R>] public partial class M;
        """);

    [Theory]
    [InlineData("[Text] public int A { get; set; }", "[Text]")]
    [InlineData("[Categorical] public float A { get; set; }", "[Categorical]")]
    [InlineData("[Ignore, Text] public string A { get; set; } = \"\";", "[Ignore] and [Text]")]
    public void DCL0012_ColumnAttributeDoesNotFit(string property, string messagePart)
    {
        var diagnostic = AssertReports("DCL0012", "A", $$"""
            using Declarative;
            public class R { [Label] public bool T { get; set; } public float B { get; set; } {{property}} }
            [BinaryClassification<R>] public partial class M;
            """);
        Assert.Contains(messagePart, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DCL0016_TwoPropertiesOneIndex() => AssertReports("DCL0016", "B", """
        using Declarative;
        public class R { [Label] public bool T { get; set; } [Column(Index = 2)] public float A { get; set; } public float B { get; set; } }
        [BinaryClassification<R>(HasHeader = false)] public partial class M;
        """);

    private static readonly Dictionary<string, string> ExportOnnx = new() { ["DeclarativeExportOnnx"] = "true" };

    [Fact]
    public void DCL0029_ExportingATextFeature()
    {
        var (run, _) = GeneratorHarness.RunWith(ExportOnnx, "Microsoft.ML.OnnxRuntime", """
            using Declarative;
            public class R { [Label] public bool T { get; set; } [Text] public string Review { get; set; } = ""; }
            [BinaryClassification<R>] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0029");
        Assert.Contains("the text featurizer of 'Review'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void DCL0029_ExportingWithoutOnnxRuntime()
    {
        var (run, _) = GeneratorHarness.RunWith(ExportOnnx, null, """
            using Declarative;
            public class R { [Label] public bool T { get; set; } public float A { get; set; } }
            [BinaryClassification<R>] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0029");
        Assert.Contains("<PackageReference Include=\"Microsoft.ML.OnnxRuntime\"", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DCL0032_TuningAnUnlabelledDetectorByAuc()
    {
        var (run, _) = GeneratorHarness.Run("""
            using Declarative;
            public class R { public float A { get; set; } public float B { get; set; } }
            [AnomalyDetection<R>, Tune] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0032");
        Assert.Contains("tunes by AreaUnderRocCurve", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("R has no [Label]", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void DCL0032_ClusteringByMutualInformationWithoutALabel()
    {
        var (run, _) = GeneratorHarness.Run("""
            using Declarative;
            public class R { public float A { get; set; } }
            [Clustering<R>, Tune(Metric = ClusteringMetric.NormalizedMutualInformation)] public partial class M;
            """);

        Assert.Single(run.Diagnostics, d => d.Id == "DCL0032");
    }

    [Theory]
    [InlineData("Clustering", "")]
    [InlineData("Clustering", "[Label] public string Kind { get; set; } = \"\";")]
    [InlineData("AnomalyDetection", "")]
    [InlineData("AnomalyDetection", "[Label] public bool Fraud { get; set; }")]
    public void UnsupervisedTasks_TakeALabelOrNone(string task, string label)
    {
        var (run, diagnostics) = GeneratorHarness.Run($$"""
            using Declarative;
            public class R { {{label}} public float A { get; set; } public float B { get; set; } }
            [{{task}}<R>] public partial class M;
            """);

        Assert.Empty(diagnostics);
        Assert.Single(run.GeneratedTrees);
    }

    [Theory]
    [InlineData("Clustering", "public double Kind { get; set; }")]
    [InlineData("AnomalyDetection", "public float Fraud { get; set; }")]
    public void DCL0004_AnUnsupervisedTaskWithALabelItCannotMeasureBy(string task, string label)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            public class R { [Label] {{label}} public float A { get; set; } }
            [{{task}}<R>] public partial class M;
            """);

        Assert.Single(run.Diagnostics, d => d.Id == "DCL0004");
    }

    [Fact]
    public void ARankingInANativeApp_Compiles()
    {
        var (run, diagnostics) = GeneratorHarness.RunWith(PublishAot, null, """
            using Declarative;
            public class R { [Label] public float Grade { get; set; } [GroupId] public int Q { get; set; } public float A { get; set; } }
            [Ranking<R>] public partial class M;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void DCL0034_ClusteringInANativeApp()
    {
        var (run, _) = GeneratorHarness.RunWith(PublishAot, null, """
            using Declarative;
            public class R { public float A { get; set; } }
            [Clustering<R>(Clusters = 3)] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0034");
        Assert.Contains("not clustering", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DCL0034_NotForAForecaster_WhosePlainModelANativeAppLoads()
    {
        var (run, _) = GeneratorHarness.RunWith(PublishAot, null, """
            using Declarative;
            public class R { [Time] public int Year { get; set; } [Label] public double Value { get; set; } }
            [Forecasting<R>(Horizon = 5)] public partial class M;
            """);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DCL0034");
        Assert.Single(run.GeneratedTrees);
    }

    [Fact]
    public void DCL0029_ExportingAnAnomalyDetector()
    {
        var (run, _) = GeneratorHarness.RunWith(ExportOnnx, "Microsoft.ML.OnnxRuntime", """
            using Declarative;
            public class R { public float A { get; set; } }
            [AnomalyDetection<R>] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0029");
        Assert.Contains("not anomaly detection", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExportingARanker_IsNoError()
    {
        var (run, _) = GeneratorHarness.RunWith(ExportOnnx, "Microsoft.ML.OnnxRuntime", """
            using Declarative;
            public class R { [Label] public float Grade { get; set; } [GroupId] public string Q { get; set; } = ""; public float A { get; set; } }
            [Ranking<R>] public partial class M;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Single(run.GeneratedTrees);
    }

    [Theory]
    [InlineData("[BinaryClassification<R>]", "bool")]
    [InlineData("[MulticlassClassification<R>]", "string")]
    [InlineData("[Regression<R>]", "float")]
    public void AGroupId_OnAClassifierOrRegressor_IsNoError(string task, string label)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            public class R { [Label] public {{label}} Y { get; set; } = default!; [GroupId] public string Patient { get; set; } = ""; public float A { get; set; } }
            {{task}} public partial class M;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("GroupId = global::Declarative.Schema.ColumnSpec<global::R>.GroupId(\"Patient\"", run.GeneratedTrees.Single().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public class R { [Label] public float Grade { get; set; } public float A { get; set; } }", "[Ranking<R>]", "R has no [GroupId] property")]
    [InlineData("public class R { [Label] public float Grade { get; set; } [GroupId] public int Q { get; set; } [GroupId] public int P { get; set; } public float A { get; set; } }", "[Ranking<R>]", "R has 2 [GroupId] properties")]
    [InlineData("public class R { [Label] public float Grade { get; set; } [GroupId] public double Q { get; set; } public float A { get; set; } }", "[Ranking<R>]", "a group id is an int, long or string")]
    [InlineData("public class R { [Label] public bool T { get; set; } [GroupId] public int Q { get; set; } [GroupId] public int P { get; set; } public float A { get; set; } }", "[BinaryClassification<R>]", "R has 2 [GroupId] properties")]
    [InlineData("public class R { [Label] public float Y { get; set; } [GroupId] public float Q { get; set; } public float A { get; set; } }", "[Regression<R>]", "a group id is an int, long or string")]
    [InlineData("public class R { [GroupId] public int Q { get; set; } public float A { get; set; } }", "[Clustering<R>]", "[GroupId] applies to ranking (the query) and to classification and regression (rows the split keeps together), not clustering")]
    public void DCL0035_GroupIds(string row, string task, string message)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            {{row}}
            {{task}} public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0035");
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Theory]
    [InlineData("[Columns(Count = 3)] public float[] F { get; set; } = []; public float Extra { get; set; }", "its features are F, Extra")]
    [InlineData("public float A { get; set; }", "its features are A")]
    public void DCL0036_AnSvmLightRowWithOtherFeatures(string features, string message)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            public class R { [Label] public float Grade { get; set; } [GroupId] public int Q { get; set; } {{features}} }
            [Ranking<R>(Format = DataFormat.SvmLight)] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0036");
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnSvmLightRanking_WithOneArray_Compiles()
    {
        var (run, diagnostics) = GeneratorHarness.Run("""
            using Declarative;
            public class R { [Label] public float Grade { get; set; } [GroupId] public string Q { get; set; } = ""; [Columns(Count = 3)] public float[] F { get; set; } = []; }
            [Ranking<R>(Format = DataFormat.SvmLight)] public partial class M;
            """);

        Assert.Empty(diagnostics);
        Assert.Contains("Format = global::Declarative.DataFormat.SvmLight", run.GeneratedTrees.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DCL0037_TheMiniLMEncoderWithoutItsPackage()
    {
        var (run, _) = GeneratorHarness.Run("""
            using Declarative;
            public class R { [Label] public bool T { get; set; } [Text(Encoder = TextEncoder.MiniLM)] public string Review { get; set; } = ""; }
            [BinaryClassification<R>] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0037");
        Assert.Contains("<PackageReference Include=\"Declarative.Embeddings\" />", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Review'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void AnImageAsBytes_IsReadByTheBytesColumn()
    {
        var (run, diagnostics) = GeneratorHarness.Run("""
            using Declarative;
            namespace Declarative.Vision { public sealed class ResNet18Encoder : Declarative.Schema.IImageEncoder
            {
                public static ResNet18Encoder Instance { get; } = new();
                public string Name => "resnet18-imagenet";
                public int Dimension => 512;
                public float[] Encode(System.ReadOnlySpan<byte> image, System.Threading.CancellationToken cancellationToken = default) => [];
                public byte[] Preview(System.ReadOnlySpan<byte> image, int side) => [];
            } }
            public class R { [Label] public string Kind { get; set; } = ""; [Image] public byte[] Photo { get; set; } = []; }
            [MulticlassClassification<R>] public partial class M;
            """);

        Assert.Empty(diagnostics);
        Assert.Contains("EncodedImageBytes(\"Photo\", null, static row => row.Photo, global::Declarative.Vision.ResNet18Encoder.Instance)", run.GeneratedTrees.Single().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Image] public string File { get; set; } = \"\";", "<PackageReference Include=\"Declarative.Vision\" />")]
    [InlineData("[Image] public byte Pixel { get; set; }", "is a byte: an image is its file's path (a string) or its encoded bytes (a byte[])")]
    [InlineData("[Image(Encoder = (ImageEncoder)7)] public string File { get; set; } = \"\";", "names encoder 7, which is not a member of Declarative.ImageEncoder")]
    [InlineData("[Image, Text] public string File { get; set; } = \"\";", null)]
    public void DCL0043_AnImageTheBuildCannotEncode(string property, string? message)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            public class R { [Label] public string Kind { get; set; } = ""; {{property}} }
            [MulticlassClassification<R>] public partial class M;
            """);

        // [Image] with [Text] is the conflict of two column kinds (DCL0012), not an image problem.
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == (message is null ? "DCL0012" : "DCL0043"));
        Assert.Contains(message ?? "[Text] and [Image]", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Theory]
    [InlineData("public sealed record R(float A, float B);", "R has no parameterless constructor")]
    [InlineData("public class R { public float A { get; } = 1; public float B { get; set; } }", "'A': it has no setter")]
    [InlineData("public class R { [Text] public string Note { get; set; } = \"\"; public float B { get; set; } }", "'Note': a synthesizer does not write free text")]
    public void DCL0038_RowsASynthesizerCannotBuildOrModel(string row, string message)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            {{row}}
            [Synthesizer<R>] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0038");
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Theory]
    [InlineData("public class R { [Label] public float Load { get; set; } }", "mark the time property of R [Time]")]
    [InlineData("public class R { [Time] public System.DateTime? At { get; set; } [Label] public float Load { get; set; } }", "'At' is System.DateTime?")]
    [InlineData("public class R { [Time] public System.DateTime At { get; set; } [SeriesId] public double Sensor { get; set; } [Label] public float Load { get; set; } }", "a series id is an int, long or string")]
    [InlineData("public class R { [Time] public int A { get; set; } [Time] public int B { get; set; } [Label] public float Load { get; set; } }", "R has 2 [Time] properties (A, B)")]
    public void DCL0040_SeriesColumnsAForecasterCannotRead(string row, string message)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            {{row}}
            [Forecasting<R>(Horizon = 4)] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0040");
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Theory]
    [InlineData("[Forecasting<R>(Horizon = 4)]", "public string Note { get; set; } = \"\";", "the [PastCovariate] property 'Note' is string; a past covariate is a number or a bool")]
    [InlineData("[Forecasting<R>(Horizon = 4)]", "public System.DateTime Seen { get; set; }", "the [PastCovariate] property 'Seen' is System.DateTime; a past covariate is a number or a bool")]
    [InlineData("[SeriesAnomalyDetection<R>]", "public float Other { get; set; }", "[PastCovariate] applies to forecasting, not series anomaly detection; remove it from 'Other'")]
    public void DCL0040_APastCovariateAForecasterCannotRead(string task, string property, string message)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            public class R { [Time] public System.DateTime At { get; set; } [Label] public float Load { get; set; } [PastCovariate] {{property}} }
            {{task}} public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0040");
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void DCL0012_APastCovariateIsNotAlsoTheLabel()
    {
        var (run, _) = GeneratorHarness.Run("""
            using Declarative;
            public class R { [Time] public System.DateTime At { get; set; } [Label, PastCovariate] public float Load { get; set; } }
            [Forecasting<R>(Horizon = 4)] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0012");
        Assert.Contains("cannot be marked [Label] and [PastCovariate]", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DCL0040_SeriesColumnsOnAnotherTask()
    {
        var (run, _) = GeneratorHarness.Run("""
            using Declarative;
            public class R { [Time] public System.DateTime At { get; set; } [Label] public float Load { get; set; } public float A { get; set; } }
            [Regression<R>] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0040");
        Assert.Contains("[SeriesId] and [Time] apply to forecasting and series anomaly detection, not regression", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "a forecaster needs Horizon")]
    [InlineData("Horizon = 0", "Horizon = 0; it is 1 to 10,000 steps")]
    [InlineData("Horizon = 4, Season = -1", "Season = -1")]
    [InlineData("Horizon = 4, Interval = 1", "Interval = 1; it is the coverage")]
    [InlineData("Horizon = 4, TestData = \"t.csv\"", "remove TestData")]
    public void DCL0041_ForecastingOptionsOutOfRange(string options, string message)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            public class R { [Time] public int Step { get; set; } [Label] public float Load { get; set; } }
            [Forecasting<R>({{options}})] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0041");
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Theory]
    [InlineData("Threshold = 1.5", "Threshold = 1.5; it is a score from 0 to 1")]
    [InlineData("Contamination = 0.6", "Contamination = 0.6; it is a share")]
    [InlineData("Threshold = 0.5, Contamination = 0.1", "give Threshold or Contamination, not both")]
    [InlineData("TestData = \"t.csv\"", "remove TestData")]
    public void DCL0041_SeriesAnomalyOptionsOutOfRange(string options, string message)
    {
        var (run, _) = GeneratorHarness.Run($$"""
            using Declarative;
            public class R { [Time] public int Step { get; set; } public float Load { get; set; } }
            [SeriesAnomalyDetection<R>({{options}})] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0041");
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void DCL0032_TuningASeriesDetector_NeedsALabelMarkingTheAnomalies()
    {
        var (run, _) = GeneratorHarness.Run("""
            using Declarative;
            public class R { [Time] public int Step { get; set; } public float Load { get; set; } }
            [SeriesAnomalyDetection<R>] [Tune] public partial class M;
            """);

        Assert.Single(run.Diagnostics, d => d.Id == "DCL0032");
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void DCL0040_ASeriesDetectorWatchesNumbers_NotText()
    {
        var (run, _) = GeneratorHarness.Run("""
            using Declarative;
            public class R { [Time] public int Step { get; set; } public float Load { get; set; } [Text] public string Note { get; set; } = ""; }
            [SeriesAnomalyDetection<R>] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0040");
        Assert.Contains("watches numeric values, but 'Note' is text", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void DCL0042_APropertyThatIsNoCovariateIsAWarning_AndTheForecasterIsStillWritten()
    {
        // Numbers and booleans are covariates; a string is not used, and said so at the property.
        var (run, _) = GeneratorHarness.Run("""
            using Declarative;
            public class R { [Time] public System.DateTime At { get; set; } [Label] public float Load { get; set; } public float Temperature { get; set; } public bool Holiday { get; set; } public string Site { get; set; } = ""; }
            [Forecasting<R>(Horizon = 4)] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0042");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("do not use 'Site'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Single(run.GeneratedTrees);
    }

    [Fact]
    public void DCL0033_TuningASynthesizer()
    {
        var (run, _) = GeneratorHarness.Run("""
            using Declarative;
            public class R { public float A { get; set; } }
            [Synthesizer<R>, Tune] public partial class M;
            """);

        Assert.Single(run.Diagnostics, d => d.Id == "DCL0033");
    }

    private static readonly Dictionary<string, string> PublishAot = new() { ["PublishAot"] = "true" };

    [Fact]
    public void DCL0030_ATextFeatureInANativeApp()
    {
        var (run, _) = GeneratorHarness.RunWith(PublishAot, null, """
            using Declarative;
            public class R { [Label] public bool T { get; set; } public float A { get; set; } [Text] public string Review { get; set; } = ""; }
            [BinaryClassification<R>] public partial class M;
            """);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DCL0030");
        Assert.Contains("the [Text] property 'Review'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Pipeline M", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void ANativeApp_WithoutText_Compiles()
    {
        var (run, diagnostics) = GeneratorHarness.RunWith(PublishAot, null, """
            using Declarative;
            public class R { [Label] public bool T { get; set; } public float A { get; set; } public string City { get; set; } = ""; }
            [BinaryClassification<R>] public partial class M;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Single(run.GeneratedTrees);
    }

    [Fact]
    public void ExportingWithOnnxRuntime_RecordsItInTheSpec()
    {
        var (run, diagnostics) = GeneratorHarness.RunWith(ExportOnnx, "Microsoft.ML.OnnxRuntime", """
            using Declarative;
            public class R { [Label] public bool T { get; set; } public float A { get; set; } public string City { get; set; } = ""; }
            [BinaryClassification<R>] public partial class M;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains("ExportOnnx = true,", Assert.Single(run.GeneratedTrees).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheProperty_TextNeedsNoOnnxRuntime()
    {
        var (run, _) = GeneratorHarness.RunWith(new Dictionary<string, string> { ["DeclarativeExportOnnx"] = "false" }, null, """
            using Declarative;
            public class R { [Label] public bool T { get; set; } [Text] public string Review { get; set; } = ""; }
            [BinaryClassification<R>] public partial class M;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain("ExportOnnx", Assert.Single(run.GeneratedTrees).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDescriptorIsTested()
    {
        var tested = typeof(DiagnosticTests).GetMethods()
            .SelectMany(m => m.GetCustomAttributesData())
            .SelectMany(a => a.ConstructorArguments.SelectMany(c => c.Value is IEnumerable<System.Reflection.CustomAttributeTypedArgument> values ? values.Select(v => v.Value) : [c.Value]))
            .OfType<string>()
            .Concat(typeof(DiagnosticTests).GetMethods().Select(m => m.Name.Split('_')[0]))
            .ToHashSet();

        // The build host's and the report's codes (Declarative.Build, Declarative.Data) are tested where they are reported.
        Assert.All(DiagnosticDescriptors.All.Where(d => d.Category == "Declarative"), d => Assert.Contains(d.Id, tested));
    }

    [Fact]
    public void GeneratorNeverThrows_OnHalfTypedDeclarations()
    {
        string[] sources =
        [
            "using Declarative; [BinaryClassification<>] public partial class M;",
            "using Declarative; [BinaryClassification<Missing>] public partial class M;",
            "using Declarative; [Regression<int>] public partial class M;",
            "using Declarative; public class R { [Label] public bool T { get; set; } public float A { get; } } [BinaryClassification<R>(Data = null, Separator = '\\0')] public partial class M;",
            "using Declarative; [BinaryClassification<R>] public partial struct M; public class R {}",
            "using Declarative; public class R { [Label] public bool T { get; set; } public float this[int i] => 0; } [BinaryClassification<R>, Trainers(null)] public partial class M;",
        ];

        foreach (var source in sources)
        {
            var (run, _) = GeneratorHarness.Run(source);
            Assert.All(run.Results, r => Assert.Null(r.Exception));
        }
    }

    private static Diagnostic AssertReports(string id, string markedText, string source)
    {
        var (run, _) = GeneratorHarness.Run(source);

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);

        // Locations travel through the incremental pipeline as file, span and line (no syntax tree), like System.Text.Json's.
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", span.Path);
        var located = source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
        Assert.StartsWith(markedText, located, StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
        return diagnostic;
    }

    private static void AssertGeneratesWithoutDiagnostics(string source)
    {
        var (run, diagnostics) = GeneratorHarness.Run(source);
        Assert.Empty(run.Diagnostics);
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
