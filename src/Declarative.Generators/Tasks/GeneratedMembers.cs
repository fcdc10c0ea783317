using System.Collections.Generic;
using System.Linq;

namespace Declarative.Generators.Tasks
{
    /// <summary>
    /// The members the emitter writes into a pipeline class, so the parser can report a user's member that would
    /// collide with one (CS0102, CS0111) at the user's source instead of inside the generated file. Methods collide
    /// only with the same parameter types; the user may add overloads.
    /// </summary>
    internal static class GeneratedMembers
    {
        /// <summary>The row type's place in a parameter list.</summary>
        public const string Row = "{row}";

        private static readonly string[] NonMethods = { "Spec", "Pipeline", "TestMetrics", "Trials", "Leaderboard", "Prediction", "_pipeline", "_positive", "_negative" };

        private static readonly (string Name, string[] Parameters)[] Methods =
        {
            ("Train", new[] { "string?" }),
            ("Train", new[] { "global::System.Collections.Generic.IEnumerable<" + Row + ">" }),
            ("Train", new[] { "global::System.Collections.Generic.IEnumerable<" + Row + ">", "global::System.Collections.Generic.IEnumerable<" + Row + ">" }),
            ("Evaluate", new[] { "global::System.Collections.Generic.IEnumerable<" + Row + ">" }),
            ("Load", new string[0]),
            ("Load", new[] { "string" }),
            ("Load", new[] { "global::System.IO.Stream" }),
            ("Save", new[] { "string" }),
            ("Save", new[] { "global::System.IO.Stream" }),
            ("SaveOnnx", new[] { "string" }),
            ("Evaluate", new[] { "string?" }),
            ("SaveReport", new[] { "string" }),
            ("Predict", new[] { Row }),
            ("Predict", new[] { "global::System.Collections.Generic.IEnumerable<" + Row + ">" }),
            ("Sample", new[] { "int", "int" }),
            ("Compose", new[] { "global::Declarative.Schema.SyntheticRow" }),
        };

        /// <summary>Whether a member named <paramref name="name"/> that is not a method collides with a generated one.</summary>
        public static bool CollidesAsNonMethod(string name, TaskDescriptor task) =>
            NonMethods.Contains(name) || (task.HasClasses && name == "Classes") || Methods.Any(m => m.Name == name);

        /// <summary>
        /// Whether a method collides: its name is a generated property or type, or a generated method has the same
        /// parameter types (fully qualified, nullable annotations ignored as overloading ignores them).
        /// </summary>
        public static bool CollidesAsMethod(string name, IReadOnlyList<string> parameterTypes, string rowType, TaskDescriptor task) =>
            NonMethods.Contains(name) || (task.HasClasses && name == "Classes") ||
            Methods.Any(m => m.Name == name && m.Parameters.Length == parameterTypes.Count &&
                m.Parameters.Select(p => Normalize(p.Replace(Row, rowType))).SequenceEqual(parameterTypes.Select(Normalize)));

        private static string Normalize(string type) => type.Replace("?", "").Replace("global::", "").Replace("System.String", "string");
    }
}
