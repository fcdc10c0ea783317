using System.Globalization;

namespace Declarative.Schema;

/// <summary>Reads and writes class labels of multiclass classification as text without losing their C# type.</summary>
internal interface ILabelCodec
{
    string LabelTypeName { get; }

    /// <summary>Parses a value from a data file into the canonical text the model is trained on.</summary>
    bool TryNormalize(string text, out string canonical);

    /// <summary>What a valid value looks like, for error messages.</summary>
    string Expected { get; }
}

/// <summary>Converts class labels of type <typeparamref name="TLabel"/> to and from the text the model stores.</summary>
/// <typeparam name="TLabel">The label's C# type.</typeparam>
public abstract class LabelCodec<TLabel> : ILabelCodec
{
    private protected LabelCodec()
    {
    }

    /// <summary>The canonical text of a label.</summary>
    public abstract string ToText(TLabel value);

    /// <summary>Parses text from a data file or a model; false when it is no valid label.</summary>
    public abstract bool TryParse(string text, out TLabel value);

    /// <summary>The label from its canonical text; throws when a model holds a label the type cannot represent.</summary>
    public TLabel FromText(string text) => TryParse(text, out var value)
        ? value
        : throw new InvalidDataException($"The model predicted the class '{text}', which is not a valid {typeof(TLabel).Name}. {Expected}");

    /// <inheritdoc/>
    public abstract string Expected { get; }

    string ILabelCodec.LabelTypeName => typeof(TLabel).FullName ?? typeof(TLabel).Name;

    bool ILabelCodec.TryNormalize(string text, out string canonical)
    {
        if (TryParse(text, out var value))
        {
            canonical = ToText(value);
            return true;
        }

        canonical = "";
        return false;
    }
}

/// <summary>The label codecs for the label types that multiclass classification supports.</summary>
public static class LabelCodec
{
    /// <summary>Labels that are strings, used as they are.</summary>
    public static LabelCodec<string> String { get; } = new StringCodec();

    /// <summary>Labels that are 32-bit integers.</summary>
    public static LabelCodec<int> Int32 { get; } = new Int32Codec();

    /// <summary>Labels that are 64-bit integers.</summary>
    public static LabelCodec<long> Int64 { get; } = new Int64Codec();

    /// <summary>Labels that are members of <typeparamref name="TEnum"/>: read by name (ignoring case) or by value.</summary>
    public static LabelCodec<TEnum> Enum<TEnum>()
        where TEnum : struct, Enum => EnumCodec<TEnum>.Instance;

    private sealed class StringCodec : LabelCodec<string>
    {
        public override string ToText(string value) => value ?? "";

        public override bool TryParse(string text, out string value)
        {
            value = text;
            return text.Length > 0;
        }

        public override string Expected => "Expected a non-empty class name.";
    }

    private sealed class Int32Codec : LabelCodec<int>
    {
        public override string ToText(int value) => value.ToString(CultureInfo.InvariantCulture);

        public override bool TryParse(string text, out int value) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

        public override string Expected => "Expected a whole number.";
    }

    private sealed class Int64Codec : LabelCodec<long>
    {
        public override string ToText(long value) => value.ToString(CultureInfo.InvariantCulture);

        public override bool TryParse(string text, out long value) =>
            long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

        public override string Expected => "Expected a whole number.";
    }

    private sealed class EnumCodec<TEnum> : LabelCodec<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly EnumCodec<TEnum> Instance = new();

        public override string ToText(TEnum value) => value.ToString();

        public override bool TryParse(string text, out TEnum value) =>
            EnumValues.TryParse(text, out value);

        public override string Expected =>
            $"Expected one of {string.Join(", ", System.Enum.GetNames<TEnum>())} or its number.";
    }
}

/// <summary>Parses enum members by name (ignoring case) or by a defined numeric value, never an undefined one.</summary>
internal static class EnumValues
{
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        text = text.Trim();
        if (text.Length > 0 && System.Enum.TryParse(text, ignoreCase: true, out value) && System.Enum.IsDefined(value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static bool TryParse(Type enumType, string text, out string name)
    {
        text = text.Trim();
        if (text.Length > 0 && System.Enum.TryParse(enumType, text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(enumType, parsed!))
        {
            name = parsed!.ToString()!;
            return true;
        }

        name = "";
        return false;
    }
}
