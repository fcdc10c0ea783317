using Microsoft.ML;

namespace Declarative.Data;

/// <summary>Reads whole columns of an ML.NET view into arrays.</summary>
internal static class ViewColumns
{
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
}
