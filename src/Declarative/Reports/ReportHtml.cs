using System.Globalization;
using System.Text;
using Declarative.Evaluation;
using static Declarative.Reports.Svg;

namespace Declarative.Reports;

/// <summary>
/// Renders a report as one self-contained HTML page: inline CSS and SVG, no script and nothing from the network, so it
/// opens anywhere, prints, and can be kept as a build artifact. Every chart is a <c>figure</c> with a
/// <c>data-chart</c> name, which the browser test looks for.
/// </summary>
internal static class ReportHtml
{
    /// <summary>The page for a report.</summary>
    public static string Render(EvaluationReport report, ITaskSections task)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Encode(report.Pipeline)}: model report</title><style>{Css}</style></head><body><main>");
        Header(html, report, task);
        Metrics(html, report, task);
        task.WriteSections(html, report);
        Images(html, report);
        Importance(html, report);
        Why(html, report);
        Tuning(html, report, task);
        Ensemble(html, report, task);
        Profile(html, report.Profile);
        html.Append("<footer>").Append(Encode(task.Footer(report))).Append("</footer>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Header(StringBuilder html, EvaluationReport r, ITaskSections task)
    {
        var headline = r.TestMetrics.TryGetValue(r.HeadlineMetric, out var value) ? value : double.NaN;
        var by = r.Ensemble.Count > 0 ? $"an ensemble of <b>{r.Ensemble.Count}</b> tuned models (led by {r.Trainer})" : $"<b>{r.Trainer}</b>";
        html.Append(CultureInfo.InvariantCulture, $"<header><h1>{Encode(r.Pipeline)}</h1><p class=\"lead\">{task.Title} with {by} on <b>{Encode(r.DataFile)}</b>: {task.Rows(r)}.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"headline\"><span>{Encode(Spaced(r.HeadlineMetric))}</span> <strong>{Fixed(headline)}</strong> <small>{Encode(task.HeadlineScope)}</small></p>");
        if (r.Hyperparameters.Count > 0)
        {
            html.Append("<p class=\"small\">Hyperparameters: ").Append(Encode(string.Join(", ", r.Hyperparameters.Select(h => $"{h.Key} = {h.Value}")))).Append("</p>");
        }

        if (r.Profile.Warnings.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warn-count\">{r.Profile.Warnings.Count} data warning{(r.Profile.Warnings.Count == 1 ? "" : "s")}: see <a href=\"#data\">Data</a>.</p>");
        }

        html.Append("</header>");
    }

    private static void Metrics(StringBuilder html, EvaluationReport r, ITaskSections task)
    {
        var spread = r.CrossValidation.ToDictionary(m => m.Metric);
        var intervals = r.TestIntervals.ToDictionary(m => m.Metric);

        var plain = !task.CrossValidates; // no spread column and no cross-validation note
        var column = plain ? "" : spread.Count > 0 ? "<th>Cross-validation (mean ± sd)</th>" : intervals.Count > 0 ? "<th>Test, 90 % bootstrap interval</th>" : "<th>Cross-validation</th>";
        html.Append("<section><h2>Metrics</h2><table class=\"metrics\"><thead><tr><th>Metric</th><th>Test</th>").Append(column).Append("</tr></thead><tbody>");
        foreach (var (name, value) in r.TestMetrics.OrderBy(m => m.Key != r.HeadlineMetric).ThenBy(m => NaturalKey(m.Key), StringComparer.Ordinal))
        {
            var cell = plain ? ""
                : spread.TryGetValue(name, out var s) ? $"<td>{Fixed(s.Mean)} ± {Fixed(s.StdDev)}</td>"
                : intervals.TryGetValue(name, out var i) ? $"<td>{Fixed(i.Low)} – {Fixed(i.High)}</td>"
                : "<td></td>";
            html.Append(CultureInfo.InvariantCulture, $"<tr{(name == r.HeadlineMetric ? " class=\"headline-row\"" : "")}><td>{Encode(Spaced(name))}</td><td>{Fixed(value)}</td>{cell}</tr>");
        }

        html.Append("</tbody></table>");
        if (plain)
        {
            html.Append("</section>");
            return;
        }

        html.Append("<p class=\"small\">");
        html.Append(r switch
        {
            { TrainRows: 0 } => "No cross-validation: the report scores a file the model was not trained on.",
            { CrossValidation: [var first, ..] } => string.Create(CultureInfo.InvariantCulture, $"Cross-validation: {first.Folds.Count} folds of the training part with the same trainer and settings{(r.TestGroups is null ? "" : ", each group's rows in one fold")}."),
            { Trials.Count: 0 } => string.Create(CultureInfo.InvariantCulture, $"No cross-validation: the model was not tuned, so its training was one fit and k more would cost several times it. {Intervals(r)}Declare <code>[Tune]</code> to cross-validate."),
            _ => string.Create(CultureInfo.InvariantCulture, $"No cross-validation: with {r.TrainRows:N0} training rows the {r.TestRows:N0} test rows{(r.TestGroups is { } g ? $" ({g:N0} groups)" : "")} give the estimate. {Intervals(r)}A tuned model is cross-validated below {Declarative.Tuning.PipelineTuner.CrossValidationRowLimit:N0} training rows, or with the folds <code>[Tune(Folds = k)]</code> declares."),
        });
        html.Append("</p></section>");
    }

    private static string Intervals(EvaluationReport r) => r.TestIntervals.Count == 0 ? ""
        : r.TestGroups is { } groups
        ? string.Create(CultureInfo.InvariantCulture, $"The interval is the 5th to 95th percentile of each metric over {Declarative.Evaluation.Evaluator.BootstrapResamples} bootstrap resamples of the test part's {groups:N0} groups (whole groups drawn with replacement: a group's rows are alike, so one by one they would narrow it). ")
        : string.Create(CultureInfo.InvariantCulture, $"The interval is the 5th to 95th percentile of each metric over {Declarative.Evaluation.Evaluator.BootstrapResamples} bootstrap resamples of the {r.TestRows:N0} scored test rows. ");

    private static void Importance(StringBuilder html, EvaluationReport r)
    {
        if (r.FeatureImportance.Count == 0)
        {
            // Nothing to see fall: a synthesizer, or a detector without a label to measure it by.
            return;
        }

        var bars = r.FeatureImportance.Take(20).Select(f => (f.Feature, f.Drop, (double?)f.StdDev)).ToArray();
        html.Append("<section><h2>What the model uses</h2>");
        Figure(html, "feature-importance", Bars("Permutation feature importance", bars, Fixed),
            $"How much {Spaced(r.HeadlineMetric)} drops on the test part when one property's values are shuffled (mean of 3 shuffles of at most 2,000 test rows, bar: ± sd). Near 0: the model does not rely on it.");
        html.Append("</section>");
    }

    private static void Why(StringBuilder html, EvaluationReport r)
    {
        if (r.Explanations is not { MeanAbsolute.Count: > 0 } why)
        {
            return;
        }

        var bars = why.MeanAbsolute.Take(20).Select(c => (c.Property, c.Value, (double?)null)).ToArray();
        html.Append("<section><h2>Why: what moves the score</h2>");
        Figure(html, "explanations", Bars("Mean contribution size (exact Shapley values)", bars, Fixed),
            string.Create(CultureInfo.InvariantCulture, $"How far each property moves the raw score, on average over {why.Rows:N0} test rows (model.Explain(row) gives one row's). {Agreement(r, why)}"));
        if (why.Worst.Count > 0)
        {
            html.Append("<h3>The rows the model got most wrong</h3><table class=\"worst\"><thead><tr><th>Actual</th><th>Raw score</th><th>Base</th><th>Largest contributions</th></tr></thead><tbody>");
            foreach (var row in why.Worst)
            {
                var top = string.Join(", ", row.Explanation.Contributions.Take(3).Select(c => $"{Encode(c.Property)} {c.Value.ToString("+0.###;-0.###", CultureInfo.InvariantCulture)}"));
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Fixed(row.Actual)}</td><td>{Fixed(row.Explanation.Value)}</td><td>{Fixed(row.Explanation.BaseValue)}</td><td>{top}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }

    /// <summary>How the ranking by contribution size agrees with permutation importance's, and why they may differ.</summary>
    private static string Agreement(EvaluationReport r, ExplanationSummary why)
    {
        if (r.FeatureImportance.Count < 2)
        {
            return "";
        }

        var byImportance = r.FeatureImportance.Select(f => f.Feature).ToList();
        var byShapley = why.MeanAbsolute.Select(c => c.Property).Where(byImportance.Contains).ToList();
        var n = byShapley.Count;
        var d2 = byShapley.Select((p, i) => Math.Pow(i - byImportance.IndexOf(p), 2)).Sum();
        var rho = n < 2 ? 1 : 1 - (6 * d2 / (n * ((n * n) - 1.0)));
        var differ = byShapley.Take(3).Where(p => byImportance.IndexOf(p) >= 3).ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"Against permutation importance the rankings agree with Spearman ρ = {rho:F2}")
            + (differ.Length == 0 ? "." : $"; {string.Join(", ", differ)} move{(differ.Length == 1 ? "s" : "")} the score more than shuffling {(differ.Length == 1 ? "it" : "them")} hurts the metric: the score moves without the ranking of rows changing, or a correlated property stands in when one is shuffled.");
    }

    private static void Tuning(StringBuilder html, EvaluationReport r, ITaskSections task)
    {
        if (r.Trials.Count == 0)
        {
            return;
        }

        var lowerIsBetter = task.LowerIsBetter(r.HeadlineMetric);
        var succeeded = r.Trials.Where(t => t.Succeeded).ToArray();
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>Tuning</h2><p>{r.Trials.Count} trials, {succeeded.Length} succeeded; validation {Encode(Spaced(r.HeadlineMetric))} per trial and the best so far.</p>");
        if (succeeded.Length > 0)
        {
            var values = succeeded.Select(t => t.Metric!.Value).ToArray();
            var curve = Plot("Tuning curve", "Trial", Spaced(r.HeadlineMetric), (1, Math.Max(r.Trials.Count, 2)), Pad(values.Min(), values.Max()), c =>
            {
                double? best = null;
                var line = new List<(double, double)>();
                foreach (var t in r.Trials)
                {
                    if (t.Metric is { } v)
                    {
                        c.Point(t.Number, v, "dot", $"trial {t.Number}: {t.Trainer} {Fixed(v)}");
                        best = best is null ? v : lowerIsBetter ? Math.Min(best.Value, v) : Math.Max(best.Value, v);
                    }

                    if (best is { } b)
                    {
                        line.Add((t.Number, b));
                    }
                }

                c.Line(line, "curve step");
            }, wholeX: true);
            Figure(html, "tuning-curve", curve, "Dots: each trial's validation score. Line: the best so far.");
        }

        var ranked = (lowerIsBetter ? succeeded.OrderBy(t => t.Metric) : succeeded.OrderByDescending(t => t.Metric)).ThenBy(t => t.Number).Take(10);
        html.Append("<table class=\"leaderboard\"><thead><tr><th>#</th><th>Trial</th><th>Trainer</th><th>Validation</th><th>Hyperparameters</th></tr></thead><tbody>");
        var rank = 1;
        foreach (var t in ranked)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{rank++}</td><td>{t.Number}</td><td>{t.Trainer}</td><td class=\"number\">{Fixed(t.Metric!.Value)}{(t.MetricStdDev is > 0 ? $" ± {Fixed(t.MetricStdDev.Value)}" : "")}</td><td class=\"small\">{Encode(string.Join(", ", t.Hyperparameters.Select(h => $"{h.Key}={h.Value}")))}</td></tr>");
        }

        html.Append("</tbody></table>");
        var failed = r.Trials.Where(t => !t.Succeeded).ToArray();
        if (failed.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"small\">{failed.Length} failed trial{(failed.Length == 1 ? "" : "s")}, e.g. {failed[0].Trainer}: {Encode(failed[0].Error ?? "")}</p>");
        }

        html.Append("</section>");
    }

    /// <summary>Test images with what the model predicted, inline (PNG data URIs) so the page stays one file; a wrong prediction is marked.</summary>
    private static void Images(StringBuilder html, EvaluationReport r)
    {
        if (r.Images.Count == 0)
        {
            return;
        }

        var labelled = r.Images.Any(i => i.Actual is not null);
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"images\"><h2>Test images</h2><p>The first test images of each {(labelled ? "class" : "prediction")}, as the encoder saw them (the centre square), with {(labelled ? "the actual class and what the model predicted; a wrong prediction is marked" : "what the model predicted")}.</p>");
        html.Append("<figure class=\"chart gallery\" data-chart=\"images\">");
        foreach (var image in r.Images)
        {
            var wrong = image.Actual is not null && image.Actual != image.Predicted;
            var caption = image.Actual is null ? image.Predicted : wrong ? $"{image.Actual} → {image.Predicted}" : image.Actual;
            var source = image.Thumbnail.Length == 0 ? "" : $"data:image/png;base64,{Convert.ToBase64String(image.Thumbnail)}";
            html.Append(CultureInfo.InvariantCulture,
                $"<div class=\"thumb{(wrong ? " wrong" : "")}\"><img src=\"{source}\" width=\"96\" height=\"96\" alt=\"{Encode(Path.GetFileName(image.File))}\" title=\"{Encode(image.File)}\"><span>{Encode(caption)}</span></div>");
        }

        html.Append("</figure></section>");
    }

    /// <summary>An ensemble's members and weights, and what the blend gained over its best member alone on the test part.</summary>
    private static void Ensemble(StringBuilder html, EvaluationReport r, ITaskSections task)
    {
        if (r.Ensemble.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"ensemble\"><h2>Ensemble</h2><p>The model is the weighted sum of {r.Ensemble.Count} tuned models' scores{(Schema.TaskDefinitions.For(r.Task).Scores == Schema.ScoreLayout.ScoreAndProbability ? " (their calibrated log-odds)" : "")}, each refitted on the whole training part; greedy selection with replacement over the trials' out-of-fold scores chose them and their weights.");
        if (r.BestMemberTestMetric is { } single && r.TestMetrics.TryGetValue(r.HeadlineMetric, out var blended))
        {
            var gain = task.LowerIsBetter(r.HeadlineMetric) ? single - blended : blended - single;
            html.Append(CultureInfo.InvariantCulture, $" On the test part, {Encode(Spaced(r.HeadlineMetric))} {Fixed(blended)} against {Fixed(single)} for the first member alone: <b>{(gain >= 0 ? "+" : "−")}{Fixed(Math.Abs(gain))}</b>.");
        }

        html.Append("</p><table class=\"leaderboard\"><thead><tr><th>Trial</th><th>Trainer</th><th>Weight</th><th>Validation</th><th>Hyperparameters</th></tr></thead><tbody>");
        foreach (var m in r.Ensemble)
        {
            var validation = r.Trials.FirstOrDefault(t => t.Number == m.Trial)?.Metric is { } v ? Fixed(v) : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{m.Trial}</td><td>{m.Trainer}</td><td class=\"number\">{m.Weight:F2}</td><td class=\"number\">{validation}</td><td class=\"small\">{Encode(string.Join(", ", m.Hyperparameters.Select(h => $"{h.Key}={h.Value}")))}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Profile(StringBuilder html, DataProfile p)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"data\"><h2>Data</h2><p>{p.Rows:N0} rows read.</p>");
        if (p.Warnings.Count > 0)
        {
            html.Append("<ul class=\"warnings\">");
            foreach (var w in p.Warnings)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><code>{w.Code}</code> {Encode(w.Message)}</li>");
            }

            html.Append("</ul>");
        }

        if (p.LabelBalance.Count > 0)
        {
            Figure(html, "label-balance", Bars("Label balance", p.LabelBalance.Select(c => (c.Value, (double)c.Count, (double?)null)).ToArray(), v => v.ToString("N0", CultureInfo.InvariantCulture)),
                "Rows per label class.");
        }

        html.Append("<table class=\"profile\"><thead><tr><th>Property</th><th>Column</th><th>Kind</th><th>Missing</th><th>Distinct</th><th>Min</th><th>Mean</th><th>Max</th><th>Most frequent</th></tr></thead><tbody>");
        foreach (var c in p.Columns)
        {
            var top = string.Join(", ", c.Top.Take(3).Select(t => $"{(t.Value.Length == 0 ? "(empty)" : t.Value)} ({t.Count})"));
            html.Append(CultureInfo.InvariantCulture,
                $"<tr{(c.IsLabel ? " class=\"label-row\"" : "")}><td>{Encode(c.Property)}{(c.IsLabel ? " <small>label</small>" : "")}</td><td>{Encode(c.Column)}</td><td>{c.Kind}</td><td>{c.MissingShare:P1}</td><td>{c.Distinct:N0}</td><td>{Maybe(c.Min)}</td><td>{Maybe(c.Mean)}</td><td>{Maybe(c.Max)}</td><td class=\"small\">{Encode(top)}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    /// <summary>A chart in a figure named for the page's tests, with its caption.</summary>
    internal static void Figure(StringBuilder html, string name, string svg, string caption) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\" data-chart=\"{name}\">{svg}<figcaption>{Encode(caption)}</figcaption></figure>");

    /// <summary>At most 400 points of a curve, always keeping the ends, so large test sets stay light.</summary>
    internal static IEnumerable<CurvePoint> Thin(IReadOnlyList<CurvePoint> points)
    {
        var step = Math.Max(1, points.Count / 400);
        return points.Where((_, i) => i % step == 0 || i == points.Count - 1);
    }

    internal static (double Min, double Max) Pad(double min, double max)
    {
        var span = max - min;
        var pad = span == 0 ? Math.Max(Math.Abs(min) * 0.1, 1) : span * 0.05;
        return (min - pad, max + pad);
    }

    internal static string Fixed(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    internal static string Maybe(double? value) => value is { } v ? v.ToString("G5", CultureInfo.InvariantCulture) : "";


    private static readonly Dictionary<string, string> MetricNames = new(StringComparer.Ordinal)
    {
        ["AreaUnderRocCurve"] = "Area under ROC curve",
        ["AreaUnderPrecisionRecallCurve"] = "Area under precision-recall curve",
        ["F1Score"] = "F1 score",
        ["RSquared"] = "R²",
        ["RootMeanSquaredError"] = "Root mean squared error",
        ["LogLoss"] = "Log-loss",
        ["LogLossReduction"] = "Log-loss reduction",
        ["DaviesBouldinIndex"] = "Davies-Bouldin index",
        ["DetectionRateAtFalsePositiveCount"] = "Detection rate at 10 false positives",
        ["Utility"] = "Utility: trained on synthetic rows (TSTR)",
        ["RealUtility"] = "Utility: trained on real rows (TRTR)",
        ["DistanceRatio"] = "Closest-record distance ratio",
        ["Owa"] = "OWA (against Naive2)",
        ["SymmetricMape"] = "sMAPE",
        ["Mase"] = "MASE",
        ["Coverage"] = "Interval coverage",
    };

    /// <summary>A name whose numbers sort by value (NDCG@2 before NDCG@10), and NDCG before DCG.</summary>
    private static string NaturalKey(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name.StartsWith("Ndcg", StringComparison.Ordinal) ? "0" + name : name, "[0-9]+", m => m.Value.PadLeft(4, '0'));

    /// <summary>"AreaUnderRocCurve" as "Area under ROC curve" for people.</summary>
    internal static string Spaced(string name)
    {
        if (MetricNames.TryGetValue(name, out var known))
        {
            return known;
        }

        // Ranking's metrics by cut-off: NdcgAt10 is NDCG@10.
        if (System.Text.RegularExpressions.Regex.Match(name, "^(Ndcg|Dcg)At([0-9]+)$") is { Success: true } cutOff)
        {
            return $"{cutOff.Groups[1].Value.ToUpperInvariant()}@{cutOff.Groups[2].Value}";
        }

        var words = System.Text.RegularExpressions.Regex.Split(name, "(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
        return string.Join(" ", words.Select((w, i) => i == 0 || w.All(char.IsUpper) ? w : w.ToLowerInvariant()));
    }

    private const string Css = """
        :root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --accent: #2563eb; --warn: #b45309; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f9fafb; }
        main { max-width: 1120px; margin: 0 auto; padding: 24px; }
        header, section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 16px; }
        h1 { margin: 0 0 4px; font-size: 24px; } h2 { margin: 0 0 12px; font-size: 18px; }
        .lead { margin: 0; color: var(--muted); } .small, small { color: var(--muted); font-size: 12px; }
        .headline { font-size: 16px; margin: 8px 0 0; } .headline strong { font-size: 28px; color: var(--accent); margin: 0 6px; }
        .warn-count { color: var(--warn); margin: 6px 0 0; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 16px; align-items: start; }
        figure { margin: 0; } figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
        table { border-collapse: collapse; width: 100%; margin-top: 8px; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-weight: 600; color: var(--muted); font-size: 12px; } td { font-variant-numeric: tabular-nums; }
        td.number { white-space: nowrap; } .headline-row td { font-weight: 600; } .label-row td { background: #eff6ff; }
        .warnings { margin: 0 0 12px; padding-left: 20px; color: var(--warn); } .warnings code { font-weight: 600; }
        svg text { font-size: 11px; fill: var(--ink); } svg .tick { fill: var(--muted); font-size: 10px; } svg .axis { fill: var(--muted); }
        svg .frame { fill: none; stroke: var(--line); } svg .grid { stroke: var(--line); stroke-width: 0.5; }
        svg .curve { fill: none; stroke: var(--accent); stroke-width: 2; } svg .chance { fill: none; stroke: #9ca3af; stroke-dasharray: 4 3; }
        svg .dot { fill: var(--accent); fill-opacity: 0.55; } svg .band { fill: var(--accent); fill-opacity: 0.15; stroke: none; } svg .history { fill: none; stroke: var(--ink); stroke-width: 1.5; } svg .bar { fill: var(--accent); } svg .bar.negative { fill: #dc2626; }
        svg .error { stroke: var(--ink); stroke-width: 1; } svg .zero { stroke: #9ca3af; } svg .value { fill: var(--muted); }
        svg .cell { fill: #9ca3af; } svg .cell.diagonal { fill: var(--accent); } svg .count { font-size: 12px; } svg .count.light { fill: #fff; }
        svg .annotation { font-size: 13px; font-weight: 600; fill: var(--accent); }
        .gallery { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; } .thumb { width: 104px; font-size: 12px; text-align: center; overflow-wrap: anywhere; }
        .thumb img { display: block; width: 96px; height: 96px; margin: 0 auto 2px; border: 1px solid var(--line); } .thumb.wrong span { color: #dc2626; font-weight: 600; }
        footer { color: var(--muted); font-size: 12px; text-align: center; padding: 8px; }
        @media print { body { background: #fff; } main { padding: 0; } header, section { break-inside: avoid; border: none; } }
        """;
}
