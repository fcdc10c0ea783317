using System.Globalization;
using System.Text;
using Declarative.Evaluation;
using Declarative.Schema;
using static Declarative.Reports.ReportHtml;
using static Declarative.Reports.Svg;

namespace Declarative.Tasks;

/// <summary>
/// Synthesis: a generative task. It trains no ML.NET model (the synthesizer is plain C#, <c>Declarative.Synthesis</c>);
/// what the profile gives is its report's sections, which the HTML page reads as it reads every task's.
/// </summary>
internal sealed class SynthesisProfile() : GenerativeTaskProfile(TaskDefinitions.Synthesis)
{
    public override void WriteSections(StringBuilder html, EvaluationReport report)
    {
        var r = (SynthesisReport)report;
        html.Append("<section><h2>Synthetic rows against real rows they never saw</h2>");
        html.Append("<table><thead><tr><th>Method</th><th>Column distance</th><th>Correlation difference</th>");
        if (r.UtilityMetric is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{Encode(Spaced(r.UtilityMetric))}, trained on its rows (TSTR)</th>");
        }

        html.Append("<th>Closest-record distance ratio</th><th>Exact copies</th></tr></thead><tbody>");
        foreach (var m in r.Methods)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(Spaced(m.Method))}</td><td>{Fixed(m.ColumnDistance)}</td><td>{Fixed(m.CorrelationDifference)}</td>");
            if (r.UtilityMetric is not null)
            {
                html.Append("<td>").Append(m.Utility is { } u ? Fixed(u) : "failed").Append("</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td>{Fixed(m.DistanceRatio)}</td><td>{m.ExactCopyShare.ToString("P1", CultureInfo.InvariantCulture)}</td></tr>");
        }

        html.Append("</tbody></table><p class=\"small\">");
        html.Append("Fidelity: the mean over columns of the Kolmogorov-Smirnov statistic (numbers) or total-variation distance (categories) from the held-out rows, and the mean difference of the pairwise correlations (0 is the same). ");
        if (r.UtilityMetric is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"Utility: LightGbm trained on each method's rows and tested on the real held-out rows; trained on the real training rows it scores {Fixed(r.RealUtility ?? double.NaN)} (TRTR). ");
        }

        html.Append("Privacy: the median distance from a row to its closest training row, over the same for the real held-out rows (below 1: closer to the training rows than new real rows are), and the share of rows equal to a training row (of the real held-out rows, " + r.HoldoutCopyShare.ToString("P1", CultureInfo.InvariantCulture) + " are). ");
        html.Append("Independent marginals keep no structure; resampling copies training rows. A synthesizer worth its name beats the first on fidelity and utility and the second on privacy. None of this is differential privacy.</p>");
        html.Append("<div class=\"grid\">");
        Figure(html, "column-fidelity", Bars("Column distance from the held-out rows", r.Columns.Select(c => ($"{c.Column} ({c.Measure})", c.Synthesizer, (double?)null)).ToArray(), Fixed),
            "Each column's distance from the held-out rows (Kolmogorov-Smirnov or total variation): lower is closer.");
        html.Append("</div></section>");
    }
}
