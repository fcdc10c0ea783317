using System.Globalization;
using System.Net;
using System.Text;

namespace Declarative.Reports;

/// <summary>Small inline SVG charts for the report: axes, lines, points, bars, and a heat map. No script, no fonts to load.</summary>
internal static class Svg
{
    private const int Width = 420;
    private const int Height = 290;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 40;

    public static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A chart with linear axes over [xMin, xMax] × [yMin, yMax] and a body drawn by <paramref name="draw"/>.</summary>
    public static string Plot(string title, string xLabel, string yLabel, (double Min, double Max) x, (double Min, double Max) y, Action<Canvas> draw, bool wholeX = false)
    {
        var canvas = new Canvas(x, y);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"frame\" x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\"/>");
        foreach (var t in Ticks(x, wholeX))
        {
            var px = canvas.X(t);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(px)}\" x2=\"{F(px)}\" y1=\"{Top}\" y2=\"{Height - Bottom}\"/><text class=\"tick\" x=\"{F(px)}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\">{Tick(t)}</text>");
        }

        foreach (var t in Ticks(y))
        {
            var py = canvas.Y(t);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" y1=\"{F(py)}\" y2=\"{F(py)}\" x1=\"{Left}\" x2=\"{Width - Right}\"/><text class=\"tick\" x=\"{Left - 6}\" y=\"{F(py + 4)}\" text-anchor=\"end\">{Tick(t)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 6}\" text-anchor=\"middle\">{Encode(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" transform=\"translate(12 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Encode(yLabel)}</text>");
        draw(canvas);
        svg.Append(canvas.Body);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Horizontal bars with labels on the left; values may be negative.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double Value, double? Error)> bars, Func<double, string> format)
    {
        // Wider than the plots so that, drawn at the same page width, its text is the same size.
        const int row = 22, labelWidth = 170, valueWidth = 70, width = 520;
        var height = Math.Max(1, bars.Count) * row + 8;
        var max = Math.Max(bars.Select(b => Math.Abs(b.Value) + (b.Error ?? 0)).DefaultIfEmpty(0).Max(), 1e-12);
        var hasNegative = bars.Any(b => b.Value < 0);
        var plotWidth = width - labelWidth - valueWidth;
        var zero = labelWidth + (hasNegative ? plotWidth / 2.0 : 0);
        var scale = (hasNegative ? plotWidth / 2.0 : plotWidth) / max;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, error) = bars[i];
            var y = 4 + (i * row);
            var x = value >= 0 ? zero : zero + (value * scale);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{labelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\">{Encode(Shorten(label, 26))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar{(value < 0 ? " negative" : "")}\" x=\"{F(x)}\" y=\"{y + 3}\" width=\"{F(Math.Max(Math.Abs(value) * scale, 1))}\" height=\"{row - 8}\"><title>{Encode(label)}: {format(value)}</title></rect>");
            if (error is > 0)
            {
                var end = zero + (value * scale);
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"error\" x1=\"{F(end - (error.Value * scale))}\" x2=\"{F(end + (error.Value * scale))}\" y1=\"{y + 10}\" y2=\"{y + 10}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{width - valueWidth + 4}\" y=\"{y + 14}\">{format(value)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"zero\" x1=\"{F(zero)}\" x2=\"{F(zero)}\" y1=\"2\" y2=\"{height - 2}\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A matrix of counts, shaded by each row's share, with row and column labels.</summary>
    public static string HeatMap(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<int>> counts, string rowTitle, string columnTitle)
    {
        var cell = Math.Clamp(240 / Math.Max(columns.Count, 1), 28, 72);
        const int labelWidth = 96, header = 44;
        var width = labelWidth + (cell * columns.Count) + 8;
        var height = header + (cell * rows.Count) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{labelWidth + (cell * columns.Count / 2)}\" y=\"12\" text-anchor=\"middle\">{Encode(columnTitle)}</text>");
        for (var c = 0; c < columns.Count; c++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{labelWidth + (c * cell) + (cell / 2)}\" y=\"{header - 8}\" text-anchor=\"middle\">{Encode(Shorten(columns[c], 10))}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var total = Math.Max(counts[r].Sum(), 1);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{labelWidth - 6}\" y=\"{header + (r * cell) + (cell / 2) + 4}\" text-anchor=\"end\">{Encode(Shorten(rows[r], 14))}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var share = (double)counts[r][c] / total;
                var x = labelWidth + (c * cell);
                var y = header + (r * cell);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"cell{(r == c ? " diagonal" : "")}\" x=\"{x}\" y=\"{y}\" width=\"{cell - 2}\" height=\"{cell - 2}\" style=\"fill-opacity:{F(0.08 + (0.85 * share))}\"><title>{Encode(rowTitle)} {Encode(rows[r])}, {Encode(columnTitle)} {Encode(columns[c])}: {counts[r][c]}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"count{(share > 0.55 ? " light" : "")}\" x=\"{x + ((cell - 2) / 2)}\" y=\"{y + (cell / 2) + 4}\" text-anchor=\"middle\">{counts[r][c]}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" transform=\"translate(10 {header + (cell * rows.Count / 2)}) rotate(-90)\" text-anchor=\"middle\">{Encode(rowTitle)}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static IEnumerable<double> Ticks((double Min, double Max) range, bool whole = false)
    {
        var span = range.Max - range.Min;
        if (span <= 0)
        {
            yield return range.Min;
            yield break;
        }

        var step = Math.Pow(10, Math.Floor(Math.Log10(span / 4)));
        step *= span / step > 20 ? 5 : span / step > 8 ? 2 : 1;
        if (whole)
        {
            step = Math.Max(1, Math.Round(step));
        }

        for (var t = Math.Ceiling(range.Min / step) * step; t <= range.Max + (step * 1e-9); t += step)
        {
            yield return t;
        }
    }

    private static string Tick(double value) => Math.Abs(value) >= 10000 ? value.ToString("0.#e0", CultureInfo.InvariantCulture) : F(value);

    /// <summary>Maps data to pixels and collects the marks of a plot.</summary>
    internal sealed class Canvas((double Min, double Max) x, (double Min, double Max) y)
    {
        public StringBuilder Body { get; } = new();

        public double X(double value) => Left + ((value - x.Min) / Math.Max(x.Max - x.Min, 1e-12) * (Width - Left - Right));

        public double Y(double value) => Height - Bottom - ((value - y.Min) / Math.Max(y.Max - y.Min, 1e-12) * (Height - Top - Bottom));

        public void Line(IEnumerable<(double X, double Y)> points, string @class)
        {
            var d = string.Join(" ", points.Select((p, i) => $"{(i == 0 ? "M" : "L")}{F(X(p.X))},{F(Y(p.Y))}"));
            Body.Append(CultureInfo.InvariantCulture, $"<path class=\"{@class}\" d=\"{d}\"/>");
        }

        public void Point(double px, double py, string @class, string? title = null) =>
            Body.Append(CultureInfo.InvariantCulture, $"<circle class=\"{@class}\" cx=\"{F(X(px))}\" cy=\"{F(Y(py))}\" r=\"2.5\">{(title is null ? "" : $"<title>{Encode(title)}</title>")}</circle>");

        public void Bar(double x0, double x1, double height, string @class) =>
            Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"{@class}\" x=\"{F(X(x0))}\" y=\"{F(Y(height))}\" width=\"{F(Math.Max(X(x1) - X(x0) - 1, 1))}\" height=\"{F(Math.Max(Y(0) - Y(height), 0))}\"/>");

        public void Text(double px, double py, string text, string @class) =>
            Body.Append(CultureInfo.InvariantCulture, $"<text class=\"{@class}\" x=\"{F(X(px))}\" y=\"{F(Y(py))}\">{Encode(text)}</text>");
    }
}
