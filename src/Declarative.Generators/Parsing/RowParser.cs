using System;
using System.Collections.Generic;
using System.Linq;
using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Declarative.Generators.Parsing
{
    /// <summary>Reads the row type's public properties into a label and features, checking each against the task.</summary>
    internal static class RowParser
    {
        private const string Row = "row";
        private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        private const string Codecs = "global::Declarative.Schema.LabelCodec";

        public static (LabelModel Label, List<FeatureModel> Features)? Parse(
            INamedTypeSymbol pipeline, INamedTypeSymbol rowType, TaskKind task, bool hasHeader, KnownSymbols symbols, Location? fallback, List<DiagnosticInfo> diagnostics)
        {
            var errorsBefore = diagnostics.Count;
            var labels = new List<(IPropertySymbol Property, string? Name, int Index)>();
            var features = new List<FeatureModel>();
            var mapped = new List<(IPropertySymbol Property, string Name, int Index)>();
            var position = 0;

            foreach (var property in PublicProperties(rowType))
            {
                var filePosition = position++;
                var attributes = property.GetAttributes();
                var isLabel = attributes.Any(a => symbols.Is(a, symbols.Label));
                var isIgnored = attributes.Any(a => symbols.Is(a, symbols.Ignore));
                var isText = attributes.Any(a => symbols.Is(a, symbols.Text));
                var isCategorical = attributes.Any(a => symbols.Is(a, symbols.Categorical));
                var location = property.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback;

                var marks = new[] { (isLabel, "[Label]"), (isIgnored, "[Ignore]"), (isText, "[Text]"), (isCategorical, "[Categorical]") }
                    .Where(m => m.Item1).Select(m => m.Item2).ToList();
                if (marks.Count > 1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingColumnAttributes, location,
                        property.Name, Display(property.Type), string.Join(" and ", marks), "these attributes exclude each other"));
                    continue;
                }

                if (isIgnored)
                {
                    continue;
                }

                var column = attributes.FirstOrDefault(a => symbols.Is(a, symbols.Column));
                var columnName = column?.ConstructorArguments.FirstOrDefault().Value as string;
                var explicitIndex = column is null ? -1 : AttributeReader.Named(column, "Index", -1);
                if (explicitIndex < -1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidColumnIndex, location, explicitIndex, property.Name, "an index is zero or more"));
                }

                var index = hasHeader ? explicitIndex : (explicitIndex >= 0 ? explicitIndex : filePosition);
                mapped.Add((property, columnName ?? property.Name, index));

                if (isLabel)
                {
                    labels.Add((property, columnName, index));
                    continue;
                }

                var feature = Feature(property, columnName, index, isText, isCategorical, location, diagnostics);
                if (feature is not null)
                {
                    features.Add(feature);
                }
            }

            CheckDuplicates(mapped, hasHeader, fallback, diagnostics);

            var rowName = rowType.Name;
            if (features.Count == 0 && diagnostics.Count == errorsBefore)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoFeatures, rowType.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback, rowName));
            }

            if (labels.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLabel, fallback, TaskTitle(task), pipeline.Name, rowName));
                return null;
            }

            if (labels.Count > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultipleLabels,
                    labels[1].Property.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback,
                    rowName, labels.Count, string.Join(", ", labels.Select(l => l.Property.Name))));
                return null;
            }

            var label = Label(labels[0].Property, labels[0].Name, labels[0].Index, task, fallback, diagnostics);
            return label is null || diagnostics.Count > errorsBefore ? null : (label, features);
        }

        /// <summary>Public readable instance properties, base types first, each name once (the most derived wins).</summary>
        private static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
        {
            var levels = new List<INamedTypeSymbol>();
            for (var t = type; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
            {
                levels.Insert(0, t);
            }

            var byName = new Dictionary<string, IPropertySymbol>();
            var order = new List<string>();
            foreach (var level in levels)
            {
                foreach (var property in level.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public ||
                        property.GetMethod is not { DeclaredAccessibility: Accessibility.Public })
                    {
                        continue;
                    }

                    if (!byName.ContainsKey(property.Name))
                    {
                        order.Add(property.Name);
                    }

                    byName[property.Name] = property;
                }
            }

            return order.Select(n => byName[n]);
        }

        private static FeatureModel? Feature(IPropertySymbol property, string? columnName, int index, bool isText, bool isCategorical, Location? location, List<DiagnosticInfo> diagnostics)
        {
            var type = property.Type;
            var (underlying, nullable) = Unwrap(type);
            var access = $"{Row}.{Identifier(property.Name)}";
            var typeName = Display(type);

            if (isText)
            {
                if (underlying.SpecialType != SpecialType.System_String)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingColumnAttributes, location, property.Name, typeName, "[Text]", "text must be a string"));
                    return null;
                }

                return new FeatureModel(property.Name, columnName, index, FeatureKind.Text, access, null);
            }

            var isEnum = underlying.TypeKind == TypeKind.Enum;
            var isString = underlying.SpecialType == SpecialType.System_String;
            var isBool = underlying.SpecialType == SpecialType.System_Boolean;
            var isInteger = IsInteger(underlying.SpecialType);

            if (isCategorical || isString || isEnum)
            {
                if (!(isString || isEnum || isBool || isInteger))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingColumnAttributes, location, property.Name, typeName, "[Categorical]",
                        "categories must be strings, enums, booleans or whole numbers"));
                    return null;
                }

                var getter = isString ? access
                    : isInteger ? $"{access}{(nullable ? "?" : "")}.ToString({Invariant})"
                    : $"{access}{(nullable ? "?" : "")}.ToString()";
                return new FeatureModel(property.Name, columnName, index, FeatureKind.Categorical, getter, $"typeof({underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})");
            }

            if (isBool)
            {
                var getter = nullable ? $"{access} is {{ }} value ? (value ? 1f : 0f) : float.NaN" : $"{access} ? 1f : 0f";
                return new FeatureModel(property.Name, columnName, index, FeatureKind.Boolean, getter, null);
            }

            if (IsNumber(underlying.SpecialType))
            {
                var isSingle = underlying.SpecialType == SpecialType.System_Single;
                var getter = (nullable, isSingle) switch
                {
                    (false, true) => access,
                    (false, false) => $"(float){access}",
                    (true, true) => $"{access} ?? float.NaN",
                    (true, false) => $"{access} is {{ }} value ? (float)value : float.NaN",
                };
                return new FeatureModel(property.Name, columnName, index, FeatureKind.Numeric, getter, null);
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, location, property.Name, typeName));
            return null;
        }

        private static LabelModel? Label(IPropertySymbol property, string? columnName, int index, TaskKind task, Location? fallback, List<DiagnosticInfo> diagnostics)
        {
            var type = property.Type;
            var special = type.SpecialType;
            var access = $"{Row}.{Identifier(property.Name)}";
            var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            LabelModel? label = task switch
            {
                TaskKind.BinaryClassification when special == SpecialType.System_Boolean =>
                    new LabelModel(property.Name, columnName, index, LabelKind.Boolean, "bool", access, null),
                TaskKind.Regression when special == SpecialType.System_Single =>
                    new LabelModel(property.Name, columnName, index, LabelKind.Numeric, "float", access, null),
                TaskKind.Regression when special is SpecialType.System_Double or SpecialType.System_Int32 or SpecialType.System_Int64 =>
                    new LabelModel(property.Name, columnName, index, LabelKind.Numeric, "float", $"(float){access}", null),
                TaskKind.MulticlassClassification when special == SpecialType.System_String =>
                    new LabelModel(property.Name, columnName, index, LabelKind.Class, "string", access, $"{Codecs}.String"),
                TaskKind.MulticlassClassification when special == SpecialType.System_Int32 =>
                    new LabelModel(property.Name, columnName, index, LabelKind.Class, "int", access, $"{Codecs}.Int32"),
                TaskKind.MulticlassClassification when special == SpecialType.System_Int64 =>
                    new LabelModel(property.Name, columnName, index, LabelKind.Class, "long", access, $"{Codecs}.Int64"),
                TaskKind.MulticlassClassification when type.TypeKind == TypeKind.Enum =>
                    new LabelModel(property.Name, columnName, index, LabelKind.Class, typeName, access, $"{Codecs}.Enum<{typeName}>()"),
                _ => null,
            };

            if (label is null)
            {
                var expected = task switch
                {
                    TaskKind.BinaryClassification => "bool",
                    TaskKind.Regression => "float, double, int or long",
                    _ => "string, an enum, int or long",
                };
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedLabelType,
                    property.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback, property.Name, Display(type), TaskTitle(task), expected));
            }

            return label;
        }

        private static void CheckDuplicates(List<(IPropertySymbol Property, string Name, int Index)> mapped, bool hasHeader, Location? fallback, List<DiagnosticInfo> diagnostics)
        {
            var byName = new Dictionary<string, IPropertySymbol>(StringComparer.OrdinalIgnoreCase);
            var byIndex = new Dictionary<int, IPropertySymbol>();
            foreach (var (property, name, index) in mapped)
            {
                var location = property.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback;
                if (hasHeader && byName.TryGetValue(name, out var first))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateColumn, location, first.Name, property.Name, name));
                }
                else if (!hasHeader && index >= 0 && byIndex.TryGetValue(index, out var sameIndex))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidColumnIndex, location, index, property.Name, $"'{sameIndex.Name}' reads the same column"));
                }

                byName[name] = property;
                byIndex[index] = property;
            }
        }

        private static (ITypeSymbol Underlying, bool Nullable) Unwrap(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? (nullable.TypeArguments[0], true)
                : (type, false);

        private static bool IsInteger(SpecialType type) => type is
            SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte or
            SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64;

        private static bool IsNumber(SpecialType type) =>
            IsInteger(type) || type is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

        private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");

        private static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        private static string TaskTitle(TaskKind task) => task switch
        {
            TaskKind.BinaryClassification => "binary classification",
            TaskKind.MulticlassClassification => "multiclass classification",
            _ => "regression",
        };
    }
}
