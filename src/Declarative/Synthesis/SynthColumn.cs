using Declarative.Data;
using Declarative.Schema;

namespace Declarative.Synthesis;

/// <summary>
/// One column of the rows a synthesizer learns from, as numbers or category codes: a number column keeps its values
/// (NaN is missing), a category column (categories, booleans, class labels) its codes into <see cref="Categories"/>
/// (-1 is missing).
/// </summary>
internal sealed class SynthColumn
{
    private SynthColumn(string name, ColumnKind kind, double[]? values, int[]? codes, string[]? categories)
    {
        Name = name;
        Kind = kind;
        Values = values;
        Codes = codes;
        Categories = categories;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    public double[]? Values { get; }

    public int[]? Codes { get; }

    public string[]? Categories { get; }

    public bool IsCategorical => Codes is not null;

    public int Length => Values?.Length ?? Codes!.Length;

    public static SynthColumn Numbers(string name, ColumnKind kind, double[] values) => new(name, kind, values, null, null);

    public static SynthColumn Coded(string name, ColumnKind kind, int[] codes, string[] categories) => new(name, kind, null, codes, categories);

    /// <summary>The pipeline's columns of a loaded table: numbers stay numbers; booleans and categories become codes.</summary>
    public static SynthColumn[] Of<TRow>(PipelineSpec<TRow> spec, DataTable table)
    {
        var byName = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return spec.Columns.Select(c => Of(c, byName[c.PropertyName])).ToArray();
    }

    private static SynthColumn Of<TRow>(ColumnSpec<TRow> spec, TableColumn column)
    {
        if (column.Booleans is { } flags)
        {
            return Coded(spec.PropertyName, spec.Kind, flags.Select(f => f ? 1 : 0).ToArray(), ["false", "true"]);
        }

        if (column.Singles is { } singles)
        {
            return spec.Kind == ColumnKind.Boolean
                ? Coded(spec.PropertyName, spec.Kind, singles.Select(v => float.IsNaN(v) ? -1 : v >= 0.5f ? 1 : 0).ToArray(), ["false", "true"])
                : Numbers(spec.PropertyName, spec.Kind, singles.Select(v => (double)v).ToArray());
        }

        // Text (coded or not): codes into the distinct values, sorted so the model does not depend on row order.
        var texts = column.Texts.Select(t => t.ToString()).ToArray();
        var categories = texts.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        return Coded(spec.PropertyName, spec.Kind, texts.Select(t => t.Length == 0 ? -1 : index[t]).ToArray(), categories);
    }
}
