using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Declarative.Generators.Tasks;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Parsing
{
    /// <summary>What a series task declares beyond the others: the horizon (required), the season and the interval; and what it cannot take (a test file).</summary>
    internal static class ForecastingParser
    {
        private const int MaxSteps = 10_000;
        private const double DefaultInterval = 0.8;

        public static ForecastOptionsModel? Parse(INamedTypeSymbol type, AttributeData attribute, TaskDescriptor task, IReadOnlyList<string> trainers, bool tuned, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (!task.Definition.Series || task.Definition.Detects)
            {
                return null;
            }

            void Report(string at, string problem) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSeriesOption,
                AttributeReader.NamedArgumentLocation(attribute, at, cancellationToken) ?? AttributeReader.Location(attribute, cancellationToken), type.Name, problem));

            var horizon = AttributeReader.Named(attribute, "Horizon", 0);
            var season = AttributeReader.Named(attribute, "Season", 0);
            var interval = AttributeReader.Named(attribute, "Interval", DefaultInterval);
            if (!attribute.NamedArguments.Any(a => a.Key == "Horizon"))
            {
                Report("Horizon", "a forecaster needs Horizon, the number of steps to forecast (also the test part held out at the end of every series): [Forecasting<...>(Data = ..., Horizon = 48)]");
            }
            else if (horizon < 1 || horizon > MaxSteps)
            {
                Report("Horizon", FormattableString.Invariant($"Horizon = {horizon}; it is 1 to {MaxSteps:N0} steps"));
            }

            if (season < 0 || season > MaxSteps)
            {
                Report("Season", FormattableString.Invariant($"Season = {season}; it is 0 (inferred from the time step) to {MaxSteps:N0} steps"));
            }

            if (!(interval > 0 && interval < 1))
            {
                Report("Interval", FormattableString.Invariant($"Interval = {interval}; it is the coverage the interval aims for, strictly between 0 and 1 (0.8 by default)"));
            }

            if (AttributeReader.Named<string>(attribute, "TestData") is not null)
            {
                Report("TestData", "a forecaster's test part is the last Horizon steps of every series; remove TestData");
            }

            var directTrees = AttributeReader.Named(attribute, "DirectTrees", false);
            if (directTrees && trainers.Count > 0 && !FitsTrees(trainers, tuned))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DirectTreesUnused,
                    AttributeReader.NamedArgumentLocation(attribute, "DirectTrees", cancellationToken) ?? AttributeReader.Location(attribute, cancellationToken),
                    type.Name, string.Join(", ", trainers)));
            }

            return new ForecastOptionsModel(horizon, season, interval, AttributeReader.Named(attribute, "FillGaps", false), directTrees);
        }

        /// <summary>
        /// Whether the global trees are among the models trained: declared, or in the combination (whose members are every
        /// other model), or tried by <c>[Tune]</c> (every model when one is declared). The runtime's rule is
        /// <c>ForecastMethods.TrainsTrees</c> over <c>ForecastMethods.Candidates</c>; a generator test checks the two agree.
        /// </summary>
        private static bool FitsTrees(IReadOnlyList<string> trainers, bool tuned) =>
            (tuned && trainers.Count == 1) || (trainers.Any(Trains) && (tuned || Trains(trainers[0])));

        private static bool Trains(string trainer) => trainer is "GlobalLightGbm" or "ForecastCombination";
    }
}
