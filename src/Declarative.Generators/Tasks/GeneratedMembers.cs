using System.Collections.Generic;
using System.Linq;

namespace Declarative.Generators.Tasks
{
    /// <summary>
    /// The members the emitter writes into a pipeline class, so the parser can report a user's member that would
    /// collide with one (CS0102, CS0111) at the user's source instead of inside the generated file. Methods collide
    /// only with the same parameter types; the user may add overloads. A test compiles every task's generated class
    /// and checks this list against what the emitter wrote, both ways.
    /// </summary>
    internal static class GeneratedMembers
    {
        /// <summary>The row type's place in a parameter list.</summary>
        public const string Row = "{row}";

        /// <summary>The label type's place in a parameter list (a multiclass model explains a class).</summary>
        public const string Label = "{label}";

        private const string Rows = "global::System.Collections.Generic.IEnumerable<" + Row + ">";

        private static readonly string[] SharedNonMethods = { "Spec", "Pipeline", "_pipeline" };

        /// <summary>What a task that predicts adds; <c>_positive</c> and <c>_negative</c> only for a label with a positive class.</summary>
        private static readonly string[] PredictiveNonMethods = { "TestMetrics", "Trials", "Leaderboard", "Ensemble", "Prediction", "_positive", "_negative" };

        private static readonly (string Name, string[] Parameters)[] SharedMethods =
        {
            ("Train", new[] { "string?" }),
            ("Train", new[] { Rows }),
            ("Load", new string[0]),
            ("Load", new[] { "string" }),
            ("Save", new[] { "string" }),
            ("Save", new[] { "global::System.IO.Stream" }),
            ("SaveReport", new[] { "string" }),
        };

        private static readonly (string Name, string[] Parameters)[] PredictiveMethods =
        {
            ("Train", new[] { "string?", "global::Declarative.Tuning.TrainOptions?" }),
            ("Train", new[] { Rows, Rows }),
            ("Load", new[] { "global::System.IO.Stream" }),
            ("SaveOnnx", new[] { "string" }),
            ("Evaluate", new[] { "string?" }),
            ("Evaluate", new[] { Rows }),
            ("Predict", new[] { Row }),
            ("Predict", new[] { Rows }),
        };

        /// <summary>What a task whose models have a raw score adds: explanations, typed by the nested <c>Contributions</c> record.</summary>
        private static readonly (string Name, string[] Parameters)[] ExplainingMethods =
        {
            ("Explain", new[] { Row }),
            ("Explain", new[] { Rows }),
            ("Typed", new[] { "global::Declarative.Explanation" }),
        };

        private static readonly (string Name, string[] Parameters)[] GenerativeMethods =
        {
            ("Sample", new[] { "int", "int" }),
            ("Evaluate", new string[0]),
            ("Compose", new[] { "global::Declarative.Schema.SyntheticRow" }),
        };

        private static readonly (string Name, string[] Parameters)[] SeriesMethods =
        {
            ("Forecast", new string[0]),
            ("Forecast", new[] { "string" }),
            ("Forecast", new[] { Rows }),
            ("Evaluate", new string[0]),
            ("Typed", new[] { "global::System.Collections.Generic.IReadOnlyList<global::Declarative.ForecastPoint>" }),
        };

        private static readonly (string Name, string[] Parameters)[] DetectingMethods =
        {
            ("Detect", new[] { Rows }),
            ("Detector", new string[0]),
            ("Evaluate", new string[0]),
        };

        /// <summary>The names of the members that are not methods (properties, fields, nested types) the task's class may get.</summary>
        public static IEnumerable<string> NonMethods(TaskDescriptor task) =>
            SharedNonMethods
                .Concat(task.Generative ? Enumerable.Empty<string>() : task.Definition.Detects ? new[] { "Threshold" } : task.Definition.Series ? new[] { "Horizon", "Point" } : PredictiveNonMethods)
                .Concat(task.HasClasses ? new[] { "Classes" } : Enumerable.Empty<string>())
                .Concat(task.Explains ? new[] { "Contributions" } : Enumerable.Empty<string>());

        /// <summary>The methods the task's class gets, by name and parameter types (<see cref="Row"/> for the row type).</summary>
        public static IEnumerable<(string Name, string[] Parameters)> Methods(TaskDescriptor task) =>
            SharedMethods.Concat(task.Generative ? GenerativeMethods : task.Definition.Detects ? DetectingMethods : task.Definition.Series ? SeriesMethods : PredictiveMethods)
                .Concat(task.Explains ? ExplainingMethods : Enumerable.Empty<(string, string[])>())
                .Concat(task.Explains && task.GenericOverLabel ? new[] { ("Explain", new[] { Row, Label }) } : Enumerable.Empty<(string, string[])>());

        /// <summary>Whether a member named <paramref name="name"/> that is not a method collides with a generated one.</summary>
        public static bool CollidesAsNonMethod(string name, TaskDescriptor task) =>
            NonMethods(task).Contains(name) || Methods(task).Any(m => m.Name == name);

        /// <summary>
        /// Whether a method collides: its name is a generated property or type, or a generated method has the same
        /// parameter types (fully qualified, nullable annotations ignored as overloading ignores them).
        /// </summary>
        public static bool CollidesAsMethod(string name, IReadOnlyList<string> parameterTypes, string rowType, TaskDescriptor task) =>
            NonMethods(task).Contains(name) ||
            Methods(task).Any(m => m.Name == name && m.Parameters.Length == parameterTypes.Count &&
                m.Parameters.Zip(parameterTypes, (p, t) => p == Label || Normalize(p.Replace(Row, rowType)) == Normalize(t)).All(same => same));

        private static string Normalize(string type) => type.Replace("?", "").Replace("global::", "").Replace("System.String", "string");
    }
}
