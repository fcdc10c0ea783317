using Declarative.Generators.Model;
using Declarative.Generators.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using ValueType = Declarative.Generators.Model.ValueType;

namespace Declarative.Generators.Emitting
{
    /// <summary>Writes the C# that reads a column from a row, from the column's facts alone.</summary>
    internal static class ColumnExpressions
    {
        private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        private const string Codecs = "global::Declarative.Schema.LabelCodec";

        /// <summary>The lambda body that reads a date or time feature as a <c>DateTime?</c>, the one type the runtime's date parts take.</summary>
        public static string DateGetter(FeatureModel feature)
        {
            var access = Access(feature.PropertyName);
            var value = feature.IsNullable ? "value" : access;
            var converted = feature.ValueType switch
            {
                ValueType.DateTimeOffset => $"{value}.DateTime",
                ValueType.DateOnly => $"{value}.ToDateTime(global::System.TimeOnly.MinValue)",
                ValueType.TimeOnly => $"global::System.DateTime.MinValue + {value}.ToTimeSpan()",
                _ => value,
            };
            return feature.IsNullable
                ? $"{access} is {{ }} value ? {converted} : (global::System.DateTime?)null"
                : $"(global::System.DateTime?){converted}";
        }

        /// <summary>The runtime's kind of a date feature.</summary>
        public static string DateKind(FeatureModel feature) => "global::Declarative.Schema.DateKind." + feature.ValueType switch
        {
            ValueType.DateOnly => "Date",
            ValueType.TimeOnly => "Time",
            _ => "DateTime",
        };

        /// <summary>The lambda body that reads a feature into the runtime's storage type (float for numbers and booleans, string otherwise).</summary>
        public static string Getter(FeatureModel feature)
        {
            var access = Access(feature.PropertyName);
            var nullable = feature.IsNullable ? "?" : "";
            return feature.Kind switch
            {
                FeatureKind.Text or FeatureKind.Image => access,
                FeatureKind.Categorical => feature.ValueType switch
                {
                    ValueType.String => access,
                    _ when feature.ValueType.IsInteger() => $"{access}{nullable}.ToString({Invariant})",
                    _ => $"{access}{nullable}.ToString()",
                },
                FeatureKind.Boolean => feature.IsNullable ? $"{access} is {{ }} value ? (value ? 1f : 0f) : float.NaN" : $"{access} ? 1f : 0f",
                _ => (feature.IsNullable, feature.ValueType == ValueType.Single) switch
                {
                    (false, true) => access,
                    (false, false) => $"(float){access}",
                    (true, true) => $"{access} ?? float.NaN",
                    (true, false) => $"{access} is {{ }} value ? (float)value : float.NaN",
                },
            };
        }

        /// <summary>The <c>ColumnSpec</c> factory call of a label, with its getter and, for classes, its codec.</summary>
        public static string LabelFactory(TaskDescriptor task, LabelModel label, string arguments)
        {
            var access = Access(label.PropertyName);
            return Storage(task, label) switch
            {
                Shared.LabelStorage.Boolean when label.Positive is { } positive =>
                    $"PositiveLabel<{label.TypeName}>({arguments}, static row => {access}, {Codec(label)}, {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(positive, quote: true)}",
                Shared.LabelStorage.Boolean => $"BooleanLabel({arguments}, static row => {access}",
                // A series' value may be missing when read: the forecaster fills it (FillGaps) or names the time.
                Shared.LabelStorage.Numeric when task.Definition.Series => $"SeriesValue({arguments}, static row => {(label.ValueType == ValueType.Single ? access : "(float)" + access)}",
                Shared.LabelStorage.Numeric => $"NumericLabel({arguments}, static row => {(label.ValueType == ValueType.Single ? access : "(float)" + access)}",
                _ => $"ClassLabel<{label.TypeName}>({arguments}, static row => {access}, {Codec(label)}",
            };
        }

        /// <summary>How the label is stored: the task's way, or by the label's type for a task that models any label.</summary>
        public static Shared.LabelStorage Storage(TaskDescriptor task, LabelModel label) => task.LabelStorage != Shared.LabelStorage.ByType ? task.LabelStorage
            : label.ValueType == ValueType.Boolean ? Shared.LabelStorage.Boolean
            : label.ValueType is ValueType.Single or ValueType.Double or ValueType.Decimal ? Shared.LabelStorage.Numeric
            : Shared.LabelStorage.Class;

        /// <summary>
        /// The expression that reads column <paramref name="index"/> of a sampled row (<c>v</c>) into a property of the given
        /// type: numbers cast (missing is NaN for float and double, the default or null otherwise), booleans and categories
        /// from their text.
        /// </summary>
        public static string Sampled(ValueType type, bool nullable, string typeName, bool categorical, int index)
        {
            var i = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var missing = nullable ? "null" : "default";
            string value;
            if (type == ValueType.String)
            {
                return $"v.Text({i}) ?? \"\"";
            }

            if (type == ValueType.Boolean)
            {
                value = $"v.Boolean({i})";
            }
            else if (type == ValueType.Enum)
            {
                value = $"global::System.Enum.Parse<{typeName}>(v.Text({i})!)";
            }
            else if (categorical)
            {
                value = $"({typeName})v.Integer({i})";
            }
            else if (type is ValueType.Single or ValueType.Double && !nullable)
            {
                return $"({typeName})v.Number({i})";
            }
            else
            {
                value = $"({typeName})v.Number({i})";
            }

            return $"v.IsMissing({i}) ? {missing} : {value}";
        }

        /// <summary>The codec of a class label's type (multiclass, or binary with a positive class).</summary>
        public static string Codec(LabelModel label) => label.ValueType switch
        {
            ValueType.String => Codecs + ".String",
            ValueType.Int32 => Codecs + ".Int32",
            ValueType.Int64 => Codecs + ".Int64",
            _ => $"{Codecs}.Enum<{label.TypeName}>()",
        };

        private static string Access(string property) =>
            "row." + Identifiers.Escape(property);
    }
}
