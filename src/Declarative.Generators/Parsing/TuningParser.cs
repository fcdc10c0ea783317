using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Declarative.Generators.Tasks;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Parsing
{
    /// <summary>Reads [Tune] and [SearchRange] and checks them against the task and the trainers' hyperparameter catalog.</summary>
    internal static class TuningParser
    {
        public static TuningModel? Parse(INamedTypeSymbol type, TaskDescriptor task, IReadOnlyList<string> trainers, KnownSymbols symbols, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var tune = type.GetAttributes().FirstOrDefault(a => symbols.Is(a, symbols.Tune));
            var ranges = type.GetAttributes().Where(a => symbols.Is(a, symbols.SearchRange)).ToList();
            var rangeModels = ranges.Select(r => ParseRange(r, tune is not null, trainers, symbols, diagnostics, cancellationToken)).Where(r => r is not null).Select(r => r!).ToList();
            if (tune is null)
            {
                return null;
            }

            var maxTrials = AttributeReader.Named(tune, "MaxTrials", 20);
            var folds = AttributeReader.Named(tune, "Folds", 0);
            var budget = AttributeReader.Named(tune, "TimeBudgetSeconds", 0);
            CheckAtLeast(tune, "MaxTrials", maxTrials, 1, diagnostics, cancellationToken);
            CheckAtLeast(tune, "Folds", folds, 0, diagnostics, cancellationToken);
            CheckAtLeast(tune, "TimeBudgetSeconds", budget, 0, diagnostics, cancellationToken);
            var concurrent = AttributeReader.Named(tune, "ConcurrentTrials", 0);
            CheckAtLeast(tune, "ConcurrentTrials", concurrent, 0, diagnostics, cancellationToken);

            var tunerValue = AttributeReader.Named(tune, "Tuner", 0);
            var tuner = symbols.TunerKind?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => Equals(f.ConstantValue, tunerValue))?.Name;
            if (tuner is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TuneOptionOutOfRange,
                    AttributeReader.NamedArgumentLocation(tune, "Tuner", cancellationToken), "Tuner", tunerValue, "it must be a member of TunerKind"));
                tuner = "Auto";
            }

            var ensemble = tune.NamedArguments.FirstOrDefault(a => a.Key == "Ensemble") is { Key: not null, Value.Value: bool on } ? on : (bool?)null;
            if (ensemble == true && !task.Definition.Ensembles)
            {
                // Said rather than ignored: a user who asked for a blend would otherwise never learn the model is one trial.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnsembleUnavailable,
                    AttributeReader.NamedArgumentLocation(tune, "Ensemble", cancellationToken), task.Title, TaskDescriptors.Titles(t => t.Definition.Ensembles)));
            }

            return new TuningModel(maxTrials, ParseMetric(tune, task, diagnostics, cancellationToken), folds, budget, tuner, rangeModels.ToImmutableEquatableArray(), concurrent, ensemble);
        }

        private static string? ParseMetric(AttributeData tune, TaskDescriptor task, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var argument = tune.NamedArguments.FirstOrDefault(a => a.Key == "Metric");
            if (argument.Key is null || argument.Value.IsNull)
            {
                return null;
            }

            var expected = task.MetricEnum;
            var value = argument.Value;
            var member = value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
                ? enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => Equals(f.ConstantValue, value.Value))
                : null;
            if (member is null || value.Type?.ToDisplayString() != "Declarative." + expected)
            {
                var shown = member is null ? value.Value?.ToString() : $"{value.Type!.Name}.{member.Name}";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MetricDoesNotFitTask,
                    AttributeReader.NamedArgumentLocation(tune, "Metric", cancellationToken), shown, task.Title, expected));
                return null;
            }

            return member.Name;
        }

        private static SearchRangeModel? ParseRange(AttributeData range, bool tuned, IReadOnlyList<string> trainers, KnownSymbols symbols, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var location = AttributeReader.Location(range, cancellationToken);
            if (range.ConstructorArguments.Length != 4 || range.ConstructorArguments.Any(a => a.IsNull))
            {
                return null; // the compiler reports malformed arguments
            }

            var trainerValue = range.ConstructorArguments[0].Value;
            var trainer = symbols.Trainer?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => Equals(f.ConstantValue, trainerValue));
            var name = range.ConstructorArguments[1].Value as string ?? "";
            var min = System.Convert.ToDouble(range.ConstructorArguments[2].Value, CultureInfo.InvariantCulture);
            var max = System.Convert.ToDouble(range.ConstructorArguments[3].Value, CultureInfo.InvariantCulture);
            if (trainer is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTrainer, location, trainerValue));
                return null;
            }

            var catalog = trainer.GetAttributes().Where(a => symbols.Is(a, symbols.Hyperparameter)).ToList();
            var entry = catalog.FirstOrDefault(a => a.ConstructorArguments.FirstOrDefault().Value as string == name);
            if (entry is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSearchRange, location, trainer.Name, name,
                    "it has no such hyperparameter; it has " + string.Join(", ", catalog.Select(a => a.ConstructorArguments.FirstOrDefault().Value as string))));
                return null;
            }

            var isChoice = entry.ConstructorArguments.Length == 2;
            var log = AttributeReader.Named(entry, "Log", false);
            var problem = isChoice ? "a choice has no numeric range"
                : !(min < max) ? $"Min ({Format(min)}) must be less than Max ({Format(max)})"
                : log && min <= 0 ? $"the range is searched on a log scale, so Min ({Format(min)}) must be positive"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSearchRange, location, trainer.Name, name, problem));
                return null;
            }

            if (!tuned || !trainers.Contains(trainer.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SearchRangeHasNoEffect, location, trainer.Name + "." + name,
                    tuned ? $"{trainer.Name} is not among the pipeline's [Trainers]" : "the pipeline has no [Tune]"));
            }

            return new SearchRangeModel(trainer.Name, name, min, max);
        }

        private static void CheckAtLeast(AttributeData tune, string name, int value, int minimum, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (value < minimum)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TuneOptionOutOfRange,
                    AttributeReader.NamedArgumentLocation(tune, name, cancellationToken), name, value, $"it must be at least {minimum}"));
            }
        }

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    }
}
