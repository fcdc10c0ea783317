using Declarative.Schema;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Data;

/// <summary>The ML.NET schema of a pipeline's input columns, one storage type each.</summary>
internal static class ViewSchema
{
    public static DataViewSchema Build(IEnumerable<(string Name, ColumnStorage Storage)> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var (name, storage) in columns)
        {
            builder.AddColumn(name, TypeOf(storage));
        }

        return builder.ToSchema();
    }

    public static DataViewSchema For<TRow>(PipelineSpec<TRow> spec) =>
        Build(spec.Columns.Select(c => (c.PropertyName, c.Storage)));

    private static DataViewType TypeOf(ColumnStorage storage) => storage switch
    {
        ColumnStorage.Single => NumberDataViewType.Single,
        ColumnStorage.Boolean => BooleanDataViewType.Instance,
        _ => TextDataViewType.Instance,
    };

    /// <summary>Casts a typed getter to what the caller asked for, with ML.NET's own message when the type is wrong.</summary>
    public static ValueGetter<TValue> Cast<TValue>(Delegate getter, DataViewSchema.Column column) =>
        getter as ValueGetter<TValue>
        ?? throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type}, not {typeof(TValue).Name}.");
}
