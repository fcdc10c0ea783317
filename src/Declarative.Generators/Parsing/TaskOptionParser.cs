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
    /// <summary>
    /// Reads what only some tasks declare: the task attribute's own option (<c>Clusters</c>, <c>Contamination</c>),
    /// the tuning it implies or forbids, and whether an unlabelled pipeline can be measured by its tuning metric.
    /// </summary>
    internal static class TaskOptionParser
    {
        /// <summary>The option's value as declared (its default when not), or null for a task without one.</summary>
        public static double? Parse(AttributeData attribute, TaskDescriptor task, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (task.Option is not { } option)
            {
                return null;
            }

            var argument = attribute.NamedArguments.FirstOrDefault(a => a.Key == option.Name);
            var value = argument.Key is null || argument.Value.Value is null
                ? option.Default
                : System.Convert.ToDouble(argument.Value.Value, CultureInfo.InvariantCulture);
            if (!option.Allows(value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TaskOptionOutOfRange,
                    AttributeReader.NamedArgumentLocation(attribute, option.Name, cancellationToken),
                    option.Name, value.ToString("R", CultureInfo.InvariantCulture), $"{task.AttributeName}'s {option.Name} is {option.Range}"));
            }

            return value;
        }

        /// <summary>
        /// The tuning the pipeline runs: an option left at 0 is tuned (over a grid of every value when there is no
        /// [Tune]; within its range when [Tune] names none), a fixed one leaves nothing to tune; and a metric that
        /// compares with the label needs one.
        /// </summary>
        public static TuningModel? Tuning(
            INamedTypeSymbol type, string rowName, TaskDescriptor task, LabelModel? label, bool hasFeatures, double? optionValue, TuningModel? declared, KnownSymbols symbols,
            List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var tune = type.GetAttributes().FirstOrDefault(a => symbols.Is(a, symbols.Tune));
            var tuning = declared;
            if (task.Option is { Hyperparameter: { } hyperparameter, Trainer: { } trainer } option && optionValue is { } value)
            {
                var range = new SearchRangeModel(trainer, hyperparameter, option.Min, option.ChooseMax);
                if (value != 0 && tuning is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NothingToTune,
                        AttributeReader.Location(tune!, cancellationToken), type.Name,
                        $"{option.Name} = {value.ToString(CultureInfo.InvariantCulture)}", $"set {option.Name} = 0 to tune it"));
                }
                else if (value == 0 && tuning is null)
                {
                    // Every value once: the trainer's default first, then the rest of the grid.
                    var trials = (int)(option.ChooseMax - option.Min) + 1;
                    tuning = new TuningModel(trials, null, 0, 0, "Grid", new[] { range }.ToImmutableEquatableArray());
                }
                else if (value == 0 && tuning is not null && !tuning.Ranges.Any(r => r.Trainer == trainer && r.Hyperparameter == hyperparameter))
                {
                    tuning = tuning with { Ranges = tuning.Ranges.Concat(new[] { range }).ToImmutableEquatableArray() };
                }
            }

            var metric = tuning?.Metric ?? task.HeadlineMetric;
            if (tuning is not null && label is null && hasFeatures && task.LabelMetrics.Contains(metric))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TuningNeedsLabel,
                    tune is null ? type.Locations.FirstOrDefault() : AttributeReader.Location(tune, cancellationToken), type.Name, metric, rowName, task.Title));
            }

            return tuning;
        }
    }
}
