using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Declarative.Generators.Shared;
using Declarative.Generators.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Declarative.Generators.Parsing
{
    /// <summary>
    /// Turns a pipeline class and its attributes into a <see cref="PipelineModel"/>. Symbols stay in here; what
    /// leaves is plain data. A broken declaration gives diagnostics and no model, never an exception.
    /// </summary>
    internal static class PipelineParser
    {
        private const double DefaultTestFraction = 0.2;
        private const int DefaultSeed = 1;

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, TaskDescriptor task, KnownSymbols symbols, BuildOptions buildOptions, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
            {
                return ParseResult.Nothing;
            }

            var attribute = context.Attributes[0];
            var diagnostics = new List<DiagnosticInfo>();
            var attributeLocation = AttributeReader.Location(attribute, cancellationToken) ?? type.Locations.FirstOrDefault();

            // With several task attributes, only the first reports and none emits: their members would collide.
            var tasks = symbols.TaskAttributes(type).ToList();
            if (tasks.Count > 1)
            {
                if (tasks[0].ApplicationSyntaxReference?.Span != attribute.ApplicationSyntaxReference?.Span)
                {
                    return ParseResult.Nothing;
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultipleTasks, attributeLocation,
                    type.Name, tasks.Count, string.Join(", ", tasks.Select(a => symbols.TaskOf(a.AttributeClass)!.AttributeName))));
                return Failed(diagnostics);
            }

            if (type.TypeKind != TypeKind.Class || type.IsRecord)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineNotAClass, type.Locations.FirstOrDefault(), type.Name,
                    type.IsRecord ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record") : type.TypeKind.ToString().ToLowerInvariant()));
                return Failed(diagnostics);
            }

            CheckClassShape(type, diagnostics, cancellationToken);

            if (attribute.AttributeClass?.TypeArguments.FirstOrDefault() is not INamedTypeSymbol rowType || rowType.TypeKind == TypeKind.Error)
            {
                // The compiler already reports the unresolved type argument.
                return Failed(diagnostics);
            }

            CheckMembers(type, rowType, task, diagnostics);
            CheckRowAccessibility(type, rowType, diagnostics);

            var dataPath = AttributeReader.Named<string>(attribute, "Data");
            var testDataPath = AttributeReader.Named<string>(attribute, "TestData");
            var provider = (DataProvider)AttributeReader.Named(attribute, "Provider", 0);
            var connectionString = AttributeReader.Named<string>(attribute, "ConnectionString");
            var connectionStringVariable = AttributeReader.Named<string>(attribute, "ConnectionStringVariable");
            var query = AttributeReader.Named<string>(attribute, "Query");
            CheckSource(attribute, provider, dataPath, testDataPath, connectionString, connectionStringVariable, query, diagnostics, cancellationToken);
            var separator = AttributeReader.Named<char>(attribute, "Separator");
            var format = (DataFormat)AttributeReader.Named(attribute, "Format", 0);

            // An SVMlight file has no header: its columns are read by position and number.
            var hasHeader = format != DataFormat.SvmLight && AttributeReader.Named(attribute, "HasHeader", true);
            var allowQuoting = AttributeReader.Named(attribute, "AllowQuoting", true);
            var skipLines = AttributeReader.Named(attribute, "SkipLines", 0);
            CheckSkipLines(attribute, skipLines, provider, format, diagnostics, cancellationToken);
            var skipBadRows = AttributeReader.Named(attribute, "SkipBadRows", false);
            var maxBadRowFraction = AttributeReader.Named(attribute, "MaxBadRowFraction", 0.01);
            if (!(maxBadRowFraction >= 0 && maxBadRowFraction < 1))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadRowFractionOutOfRange,
                    AttributeReader.NamedArgumentLocation(attribute, "MaxBadRowFraction", cancellationToken),
                    maxBadRowFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            if (!skipBadRows && attribute.NamedArguments.Any(a => a.Key == "MaxBadRowFraction"))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadRowFractionWithoutSkip,
                    AttributeReader.NamedArgumentLocation(attribute, "MaxBadRowFraction", cancellationToken),
                    maxBadRowFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (separator != '\0' && (separator is '"' or '\r' or '\n' || char.IsLetterOrDigit(separator)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSeparator,
                    AttributeReader.NamedArgumentLocation(attribute, "Separator", cancellationToken), separator));
            }

            var (testFraction, seed) = ReadSplit(type, symbols, diagnostics, cancellationToken);
            var columns = RowParser.Parse(type, rowType, task, hasHeader, buildOptions, symbols, attributeLocation, diagnostics);
            if (buildOptions.ExportOnnx && !symbols.HasOnnxRuntime)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOnnxExport, attributeLocation,
                    $"the project does not reference {KnownSymbols.OnnxRuntimeAssembly}, which the build runs the export with to check it against ML.NET; add <PackageReference Include=\"{KnownSymbols.OnnxRuntimeAssembly}\" Version=\"1.31.1\" />"));
            }

            CheckFormat(type, attribute, format, columns?.Features, provider, diagnostics, cancellationToken);
            var orderBy = ReadOrderBy(type, columns?.Features, symbols, diagnostics, cancellationToken);
            // Text and images are many numbers a row, which a linear model learns from best on the few rows labelled by hand.
            var hasText = columns?.Features.Any(f => f.Kind is FeatureKind.Text or FeatureKind.Image) == true;
            var trainers = ReadTrainers(type, task, hasText, symbols, diagnostics, cancellationToken);
            var tuning = TuningParser.Parse(type, task, trainers, symbols, diagnostics, cancellationToken);
            var taskOption = TaskOptionParser.Parse(attribute, task, diagnostics, cancellationToken);
            var forecast = ForecastingParser.Parse(type, attribute, task, trainers, tuning is not null, diagnostics, cancellationToken);
            var seriesAnomaly = SeriesAnomalyParser.Parse(type, attribute, task, diagnostics, cancellationToken);
            var synthesizerKind = SynthesisParser.Parse(type, attribute, rowType, task, columns?.Label, columns?.Features, symbols, diagnostics, cancellationToken);
            tuning = TaskOptionParser.Tuning(type, rowType.Name, task, columns?.Label, columns is not null, taskOption, tuning, symbols, diagnostics, cancellationToken);
            if (!task.Definition.Native && buildOptions.PublishAot)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TaskNotServableNatively, attributeLocation, type.Name, task.Title, Tasks.TaskDescriptors.Titles(t => t.Definition.Native)));
            }

            if (!task.OnnxExport && buildOptions.ExportOnnx)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOnnxExport, attributeLocation,
                    $"Declarative exports {Tasks.TaskDescriptors.Titles(t => t.OnnxExport)} to ONNX, not {task.Title}; do not set DeclarativeExportOnnx in this project"));
            }

            // Warnings travel with the model; only errors stop it.
            var warnings = diagnostics.Where(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Warning).ToList();
            if (diagnostics.Count > warnings.Count || columns is null)
            {
                return Failed(diagnostics);
            }

            var model = new PipelineModel(
                Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                ContainingTypes: ContainingTypes(type).ToImmutableEquatableArray(),
                ClassName: type.Name,
                FullyQualifiedName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                IsVisibleToAssembly: IsVisibleToAssembly(type),
                HintName: HintName(type),
                Task: task.Kind,
                RowType: rowType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                DataPath: dataPath,
                TestDataPath: testDataPath,
                Provider: provider,
                ConnectionString: connectionString,
                ConnectionStringVariable: connectionStringVariable,
                Query: query,
                Separator: separator,
                HasHeader: hasHeader,
                SkipLines: skipLines,
                AllowQuoting: allowQuoting,
                SkipBadRows: skipBadRows,
                MaxBadRowFraction: maxBadRowFraction,
                TestFraction: testFraction,
                OrderBy: orderBy,
                Seed: seed,
                Trainers: trainers.ToImmutableEquatableArray(),
                Label: columns.Value.Label,
                Group: columns.Value.Group,
                Format: format,
                Features: columns.Value.Features.ToImmutableEquatableArray(),
                Tuning: tuning,
                ExportOnnx: buildOptions.ExportOnnx,
                TaskOption: taskOption,
                SynthesizerKind: synthesizerKind)
            {
                SeriesId = columns.Value.SeriesId,
                Time = columns.Value.Time,
                Forecast = forecast,
                SeriesAnomaly = seriesAnomaly,
            };
            return new ParseResult(model, warnings.ToImmutableEquatableArray());
        }

        /// <summary>A database source needs a query and one way to connect, and excludes a data file; a file source takes neither.</summary>
        private static void CheckSource(
            AttributeData attribute, DataProvider provider, string? dataPath, string? testDataPath, string? connectionString, string? connectionStringVariable, string? query,
            List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            string? problem = null;
            var at = "Provider";
            if (!System.Enum.IsDefined(typeof(DataProvider), provider))
            {
                problem = $"{(int)provider} is not a member of Declarative.DataProvider";
            }
            else if (provider == DataProvider.File)
            {
                (problem, at) = query is not null ? ("Query needs a Provider (DataProvider.Sqlite or DataProvider.PostgreSql)", "Query")
                    : connectionString is not null || connectionStringVariable is not null ? ("a connection string needs a Provider", connectionString is not null ? "ConnectionString" : "ConnectionStringVariable")
                    : (null, at);
            }
            else if (string.IsNullOrWhiteSpace(query))
            {
                problem = "a database source needs a Query (\"SELECT ... FROM ...\")";
            }
            else if ((connectionString is null) == (connectionStringVariable is null))
            {
                problem = connectionString is null
                    ? "a database source needs ConnectionString or ConnectionStringVariable"
                    : "give ConnectionString or ConnectionStringVariable, not both";
            }
            else if (dataPath is not null || testDataPath is not null)
            {
                (problem, at) = ("a database source reads no file: remove Data and TestData", dataPath is not null ? "Data" : "TestData");
            }

            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDataSource,
                    AttributeReader.NamedArgumentLocation(attribute, at, cancellationToken) ?? AttributeReader.Location(attribute, cancellationToken), problem));
            }
        }

        /// <summary>SkipLines counts lines of a delimited file: not negative, and not for a database or an SVMlight file.</summary>
        private static void CheckSkipLines(AttributeData attribute, int skipLines, DataProvider provider, DataFormat format, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var problem = skipLines < 0 ? $"SkipLines is {skipLines}; it counts the lines above the table to pass over, 0 or more"
                : skipLines > 0 && provider != DataProvider.File ? "SkipLines passes over lines of a data file, and a database query returns rows: remove it"
                : skipLines > 0 && format == DataFormat.SvmLight ? "SkipLines passes over lines of a delimited file; an SVMlight file's comment lines start with #: remove it"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDataSource, AttributeReader.NamedArgumentLocation(attribute, "SkipLines", cancellationToken), problem));
            }
        }

        /// <summary>An SVMlight file holds a label, a group and numbered features: the row's features must be one array by position.</summary>
        private static void CheckFormat(
            INamedTypeSymbol type, AttributeData attribute, DataFormat format, List<FeatureModel>? features, DataProvider provider, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (!System.Enum.IsDefined(typeof(DataFormat), format))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSvmLightRow, AttributeReader.NamedArgumentLocation(attribute, "Format", cancellationToken), type.Name,
                    $"Format = {(int)format} is not a member of Declarative.DataFormat"));
                return;
            }

            if (format != DataFormat.SvmLight || features is null)
            {
                return;
            }

            var problem = provider != DataProvider.File ? "a database source has no file format: remove Format"
                : features.Count != 1 || features[0].Kind != FeatureKind.Run || features[0].ColumnName is not null
                    ? $"its features are {string.Join(", ", features.Select(f => f.PropertyName))}: an SVMlight row's features are one [Columns(Count = n)] float[] property (feature i is element i - 1); mark the others [Ignore]"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSvmLightRow, AttributeReader.NamedArgumentLocation(attribute, "Format", cancellationToken), type.Name, problem));
            }
        }

        private static ParseResult Failed(List<DiagnosticInfo> diagnostics) =>
            new(null, diagnostics.ToImmutableEquatableArray());

        private static void CheckClassShape(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var location = type.Locations.FirstOrDefault();
            var problem =
                type.IsGenericType ? ("generic", "the generator creates instances of it") :
                type.IsStatic ? ("static", "the generator creates instances of it") :
                type.IsAbstract ? ("abstract", "the generator creates instances of it") :
                type.IsFileLocal ? ("file-local", "the generated half lives in another file, where a file-local type is not visible") :
                ContainingTypesOf(type).Any(t => t.IsGenericType) ? ("nested in a generic type", "the build trains it by its closed type, which has no type arguments to give") :
                default((string, string)?);
            if (problem is var (what, why))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPipelineClass, location, type.Name, what, why));
            }

            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (!IsPartial(t, cancellationToken))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, t.Locations.FirstOrDefault(), type.Name));
                    return;
                }
            }
        }

        private static IEnumerable<INamedTypeSymbol> ContainingTypesOf(INamedTypeSymbol type)
        {
            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            {
                yield return t;
            }
        }

        /// <summary>A member the user declares under a name the generated half uses would collide with it (CS0102, CS0111).</summary>
        private static void CheckMembers(INamedTypeSymbol type, INamedTypeSymbol rowType, TaskDescriptor task, List<DiagnosticInfo> diagnostics)
        {
            var row = rowType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            foreach (var member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || !member.Locations.Any(l => l.IsInSource) || member is IMethodSymbol { MethodKind: not MethodKind.Ordinary })
                {
                    continue;
                }

                var collides = member is IMethodSymbol method
                    ? GeneratedMembers.CollidesAsMethod(method.Name, method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).ToList(), row, task)
                    : GeneratedMembers.CollidesAsNonMethod(member.Name, task);
                if (collides)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberCollision, member.Locations.First(l => l.IsInSource), type.Name, member.Name));
                }
            }
        }

        /// <summary>The generated members take and return the row, so it must be visible wherever the pipeline is (CS0050, CS0051, CS0053).</summary>
        private static void CheckRowAccessibility(INamedTypeSymbol type, INamedTypeSymbol rowType, List<DiagnosticInfo> diagnostics)
        {
            var pipeline = EffectiveAccessibility(type);
            var row = EffectiveAccessibility(rowType);
            if (Rank(row) < Rank(pipeline))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RowLessAccessible, type.Locations.FirstOrDefault(),
                    rowType.Name, Describe(row), type.Name, Describe(pipeline)));
            }

            static Accessibility EffectiveAccessibility(INamedTypeSymbol t)
            {
                var result = t.DeclaredAccessibility;
                for (var outer = t.ContainingType; outer is not null; outer = outer.ContainingType)
                {
                    result = Rank(outer.DeclaredAccessibility) < Rank(result) ? outer.DeclaredAccessibility : result;
                }

                return result;
            }

            // Coarse but safe: private < protected/internal kinds < public.
            static int Rank(Accessibility a) => a switch
            {
                Accessibility.Public => 3,
                Accessibility.Internal or Accessibility.ProtectedOrInternal => 2,
                Accessibility.Protected or Accessibility.ProtectedAndInternal => 1,
                _ => 0,
            };

            static string Describe(Accessibility a) => a switch
            {
                Accessibility.ProtectedOrInternal => "protected internal",
                Accessibility.ProtectedAndInternal => "private protected",
                _ => a.ToString().ToLowerInvariant(),
            };
        }

        private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            type.DeclaringSyntaxReferences.Any(r =>
                r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

        private static (double TestFraction, int Seed) ReadSplit(INamedTypeSymbol type, KnownSymbols symbols, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var split = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.Split));
            if (split is null)
            {
                return (DefaultTestFraction, DefaultSeed);
            }

            var fraction = AttributeReader.Named(split, "TestFraction", DefaultTestFraction);
            if (!(fraction > 0 && fraction < 1))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TestFractionOutOfRange,
                    AttributeReader.NamedArgumentLocation(split, "TestFraction", cancellationToken), fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            return (fraction, AttributeReader.Named(split, "Seed", DefaultSeed));
        }

        /// <summary>The property a time-ordered split sorts by: a date, time or number feature of the row.</summary>
        private static string? ReadOrderBy(INamedTypeSymbol type, List<FeatureModel>? features, KnownSymbols symbols, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var split = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.Split));
            var orderBy = split is null ? null : AttributeReader.Named<string>(split, "OrderBy");
            if (orderBy is null || features is null)
            {
                return orderBy;
            }

            var feature = features.FirstOrDefault(f => f.PropertyName == orderBy);
            if (feature is null || feature.Kind is not (FeatureKind.Date or FeatureKind.Numeric))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOrderBy,
                    AttributeReader.NamedArgumentLocation(split!, "OrderBy", cancellationToken), orderBy,
                    feature is null ? "no loaded feature of the row has that name" : "it is not a date, a time or a number"));
                return null;
            }

            return orderBy;
        }

        private static List<string> ReadTrainers(INamedTypeSymbol type, TaskDescriptor task, bool hasText, KnownSymbols symbols, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.Trainers));
            if (attribute is null)
            {
                // Tuning chooses among trees and linear models together (their blend beat the default's alone); an
                // untuned pipeline trains the one default that suits its columns.
                var tuned = type.GetAttributes().Any(a => symbols.Is(a, symbols.Tune));
                return tuned && task.Definition.TuningTrainers.Length > 0
                    ? new List<string>(task.Definition.TuningTrainers)
                    : new List<string> { hasText ? task.TextTrainer : task.DefaultTrainer };
            }

            var values = attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array, IsNull: false } array
                ? array.Values.Select(v => v.Value).ToList()
                : new List<object?>();
            if (values.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoTrainers, AttributeReader.Location(attribute, cancellationToken), type.Name));
                return new List<string>();
            }

            var names = new List<string>();
            for (var i = 0; i < values.Count; i++)
            {
                var location = AttributeReader.PositionalArgumentLocation(attribute, i, cancellationToken);
                var field = symbols.Trainer?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, values[i]));
                if (field is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTrainer, location, values[i]));
                    continue;
                }

                var supported = SupportedTasks(field, symbols);
                if (!supported.Contains(task.Kind))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TrainerDoesNotFitTask, location,
                        field.Name, task.Kind, supported.Count == 0 ? "no task" : string.Join(", ", supported)));
                }

                names.Add(field.Name);
            }

            return names;
        }

        /// <summary>The tasks a trainer names in its [SupportedTasks] attribute: the runtime's catalog is the one source.</summary>
        private static List<MLTask> SupportedTasks(IFieldSymbol trainer, KnownSymbols symbols) =>
            trainer.GetAttributes()
                .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.SupportedTasks))
                .SelectMany(a => a.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array, IsNull: false } array
                    ? array.Values
                    : System.Collections.Immutable.ImmutableArray<TypedConstant>.Empty)
                .Select(v => v.Value is int value ? (MLTask)value : (MLTask)0)
                .ToList();

        private static IEnumerable<ContainingTypeModel> ContainingTypes(INamedTypeSymbol type)
        {
            var chain = new List<ContainingTypeModel>();
            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            {
                chain.Insert(0, new ContainingTypeModel(Keyword(t), t.Name));
            }

            return chain;
        }

        /// <summary>Whether an assembly attribute can name the type: it and every type it is nested in are public or internal.</summary>
        private static bool IsVisibleToAssembly(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
        {
            (true, TypeKind.Struct) => "record struct",
            (true, _) => "record",
            (_, TypeKind.Struct) => "struct",
            (_, TypeKind.Interface) => "interface",
            _ => "class",
        };

        private static string HintName(INamedTypeSymbol type)
        {
            var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");
            return new string(name.Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_').ToArray()) + ".g.cs";
        }
    }
}
