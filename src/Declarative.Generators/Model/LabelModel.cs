namespace Declarative.Generators.Model
{
    /// <summary>
    /// The label, as facts: the property, the file column, and its type (<see cref="TypeName"/> fully qualified). The
    /// task's descriptor says how a label of that type is stored and read.
    /// </summary>
    internal sealed record LabelModel(string PropertyName, string? ColumnName, int Index, ValueType ValueType, string TypeName, string? Positive = null);
}
