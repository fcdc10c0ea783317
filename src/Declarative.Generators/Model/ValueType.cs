namespace Declarative.Generators.Model
{
    /// <summary>The C# type of a row property, as far as reading it into a column is concerned.</summary>
    internal enum ValueType
    {
        Boolean,
        Single,
        Double,
        Decimal,
        SByte,
        Byte,
        Int16,
        UInt16,
        Int32,
        UInt32,
        Int64,
        UInt64,
        String,
        Enum,
        DateTime,
        DateTimeOffset,
        DateOnly,
        TimeOnly,
    }

    internal static class ValueTypeFacts
    {
        public static bool IsInteger(this ValueType type) => type is
            ValueType.SByte or ValueType.Byte or ValueType.Int16 or ValueType.UInt16 or
            ValueType.Int32 or ValueType.UInt32 or ValueType.Int64 or ValueType.UInt64;

        public static bool IsNumber(this ValueType type) =>
            type.IsInteger() || type is ValueType.Single or ValueType.Double or ValueType.Decimal;
    }
}
