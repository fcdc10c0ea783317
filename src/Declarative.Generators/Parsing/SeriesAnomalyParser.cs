using System;
using System.Collections.Generic;
using System.Threading;
using Declarative.Generators.Helpers;
using Declarative.Generators.Model;
using Declarative.Generators.Tasks;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators.Parsing
{
    /// <summary>What a series anomaly detector declares beyond the others: a threshold or a contamination share (not both); and what it cannot take (a test file).</summary>
    internal static class SeriesAnomalyParser
    {
        public static SeriesAnomalyOptionsModel? Parse(INamedTypeSymbol type, AttributeData attribute, TaskDescriptor task, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (!task.Definition.Detects)
            {
                return null;
            }

            void Report(string at, string problem) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSeriesOption,
                AttributeReader.NamedArgumentLocation(attribute, at, cancellationToken) ?? AttributeReader.Location(attribute, cancellationToken), type.Name, problem));

            var threshold = AttributeReader.Named(attribute, "Threshold", 0.0);
            var contamination = AttributeReader.Named(attribute, "Contamination", 0.0);
            if (!(threshold >= 0 && threshold <= 1))
            {
                Report("Threshold", FormattableString.Invariant($"Threshold = {threshold}; it is a score from 0 to 1 (0, the default, uses the detector's own)"));
            }

            if (!(contamination >= 0 && contamination <= 0.5))
            {
                Report("Contamination", FormattableString.Invariant($"Contamination = {contamination}; it is a share of the training points above 0 and at most 0.5 (0, the default, leaves the threshold to Threshold)"));
            }
            else if (threshold > 0 && contamination > 0)
            {
                Report("Contamination", "give Threshold or Contamination, not both: each sets the score at which a point is an anomaly");
            }

            if (AttributeReader.Named<string>(attribute, "TestData") is not null)
            {
                Report("TestData", "a series anomaly detector scores the points of its own series in time, each against the points before it; remove TestData");
            }

            return new SeriesAnomalyOptionsModel(threshold, contamination);
        }
    }
}
