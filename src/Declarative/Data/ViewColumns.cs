using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Data;

/// <summary>Reads whole columns of an ML.NET view into arrays.</summary>
internal static class ViewColumns
{
    /// <summary>A vector column's slot names as text (class names of a score vector, values of a one-hot block).</summary>
    public static string[] SlotNames(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>A key column's values as text (the classes of a label mapped to a key), in key order.</summary>
    public static string[] KeyValues(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> values = default;
        column.GetKeyValues(ref values);
        return values.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>A column of one value a row. (Not for vectors: a vector getter reuses its buffer from row to row; see <see cref="ReadFlat"/>.)</summary>
    public static T[] Read<T>(IDataView view, string name)
    {
        var column = view.Schema[name];
        var values = new List<T>();
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }

        return values.ToArray();
    }

    /// <summary>A float column, or a float vector column row after row (each row's values copied as it is read).</summary>
    public static float[] ReadFlat(IDataView view, string name)
    {
        var column = view.Schema[name];
        if (column.Type is not VectorDataViewType)
        {
            return Read<float>(view, name);
        }

        var values = new List<float>();
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> row = default;
        while (cursor.MoveNext())
        {
            getter(ref row);
            values.AddRange(row.DenseValues());
        }

        return values.ToArray();
    }
}
