using System.Globalization;
using System.Text;
using Declarative.Evaluation;
using Declarative.Schema;
using static Declarative.Reports.ReportHtml;
using static Declarative.Reports.Svg;

namespace Declarative.Tasks;

/// <summary>
/// Forecasting: a series task. It trains no ML.NET model (the models are plain C#, <c>Declarative.Forecasting</c>);
/// what the profile gives is its report's sections: every model on the rolling origins and the test part, the
/// interval's coverage, the error by step ahead, and a fan chart of a few series.
/// </summary>
internal sealed class ForecastingProfile() : TaskProfile(TaskDefinitions.Forecasting)
{
    public override string Footer(EvaluationReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"Written by Declarative from the last {((ForecastingReport)report).Horizon} steps of every series, held out; rolling origins before them chose the model and its intervals.");

    public override void WriteSections(StringBuilder html, EvaluationReport report)
    {
        var r = (ForecastingReport)report;
        html.Append("<section><h2>Forecasts against the last steps of every series</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{r.Series:N0} series, a point every {Encode(r.Step)}, season {r.Season}: the last {r.Horizon} steps of each are the test part, never seen by training or model choice; the models were compared on {r.Origins} rolling origin{(r.Origins == 1 ? "" : "s")} before it. ");
        html.Append(CultureInfo.InvariantCulture, $"The model, {r.Trainer}, is {Encode(r.Choice)}. The {r.Interval:P0} interval covered {r.Coverage:P1} of the test points.");
        if (r.FilledPoints > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $" {r.FilledPoints:N0} missing value{(r.FilledPoints == 1 ? " was" : "s were")} filled by linear interpolation (FillGaps).");
        }

        html.Append("</p>");
        html.Append("<table><thead><tr><th>Model</th><th>sMAPE (origins)</th><th>MASE (origins)</th><th>OWA (origins)</th><th>sMAPE (test)</th><th>MASE (test)</th><th>OWA (test)</th></tr></thead><tbody>");
        foreach (var m in r.Models)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{m.Model}{(m.Model == r.Trainer ? " (the model)" : "")}</td><td>{Fixed(m.ValidationSymmetricMape)}</td><td>{Fixed(m.ValidationMase)}</td><td>{Fixed(m.ValidationOwa)}</td><td>{Fixed(m.SymmetricMape)}</td><td>{Fixed(m.Mase)}</td><td>{Fixed(m.Owa)}</td></tr>");
        }

        html.Append("</tbody></table><p class=\"small\">sMAPE and MASE as the M4 competition defines them (MASE scaled by the seasonal naive's in-sample error); OWA is the mean of both relative to Naive2's (below 1 beats it).</p>");
        html.Append("<div class=\"grid\">");
        Figure(html, "step-errors", Bars("Mean absolute scaled error by step ahead", r.StepErrors.Select((e, j) => ((j + 1).ToString(CultureInfo.InvariantCulture), e, (double?)null)).ToArray(), Fixed),
            "The chosen model's error at each step ahead on the test part, in units of the seasonal naive's in-sample error.");
        foreach (var sample in r.Samples)
        {
            Figure(html, "fan-chart", FanChart(sample, r.Interval), $"Series {(sample.Series.Length == 0 ? "(the one series)" : sample.Series)}: the end of its history, the test part (dots), the forecast and its {r.Interval:P0} interval (band). {r.Trainer} fitted to it: {sample.Fitted}.");
        }

        html.Append("</div></section>");
    }

    /// <summary>The end of a series' history, its test part as dots, the forecast as a line and the interval as a band; step 0 is the last point seen.</summary>
    private static string FanChart(ForecastSample s, double interval)
    {
        var n = s.History.Count;
        var h = s.Actual.Count;
        var values = s.History.Concat(s.Actual).Concat(s.Forecast).Concat(s.Lower).Concat(s.Upper).Where(double.IsFinite).ToArray();
        var (lo, hi) = values.Length == 0 ? (0.0, 1.0) : (values.Min(), values.Max());
        var pad = Math.Max(hi - lo, 1e-9) * 0.05;
        var title = s.Series.Length == 0 ? "Forecast" : $"Forecast of {s.Series}";
        return Plot(title, "Steps after the last point seen", "Value", (1 - n, h), (lo - pad, hi + pad), c =>
        {
            c.Line(s.Upper.Select((u, j) => (j + 1.0, u)).Concat(s.Lower.Select((l, j) => (j + 1.0, l)).Reverse()), "band");
            c.Line(s.History.Select((v, i) => (i + 1.0 - n, v)), "history");
            c.Line(s.Forecast.Select((v, j) => (j + 1.0, v)), "curve");
            for (var j = 0; j < h; j++)
            {
                c.Point(j + 1, s.Actual[j], "dot", string.Create(CultureInfo.InvariantCulture, $"step {j + 1}: {s.Actual[j]:G6} (forecast {s.Forecast[j]:G6}, {interval:P0} interval {s.Lower[j]:G6} to {s.Upper[j]:G6})"));
            }
        }, wholeX: true);
    }
}
